"""Recording touchpoints: the one way any app adds something that happened to a timeline."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from sincerely.people.models import Person
from sincerely.timeline.models import Touchpoint


def record_touchpoint(
    person: Person | None,
    kind: str,
    *,
    at: datetime | None = None,
    url: str = "",
    properties: dict | None = None,
    visitor_id: str = "",
    recorded_by=None,
    client_event_id: str | None = None,
) -> Touchpoint:
    """Add one touchpoint (a send, a reply, a comment, a call …) to a person's timeline."""
    return Touchpoint.objects.create(
        person=person,
        kind=kind[:32],
        at=at or timezone.now(),
        url=url[:2000],
        properties=properties or {},
        visitor_id=visitor_id,
        recorded_by=recorded_by,
        client_event_id=client_event_id,
    )
