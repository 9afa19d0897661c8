"""Parsing an event batch (`POST /api/v1/events`): pure functions, no database.

A batch-level problem (not JSON, no `events` list, more than 1,000 events) refuses the
whole batch. An event-level problem is reported with the event's index and reason and
the other events are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from sincerely.errors import DomainError
from sincerely.people.services import normalise_email

MAX_EVENTS = 1000
MAX_PROPERTIES_BYTES = 16_384
KIND_RE = re.compile(r"^[a-z][a-z0-9_.:-]{0,31}$")
VISITOR_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
EVENT_FIELDS = frozenset({"id", "kind", "at", "person", "visitor", "url", "properties"})
# Clocks drift; an event stamped a little ahead of ours is accepted, a day ahead is not.
FUTURE_SLACK = timedelta(days=1)
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class EventError:
    index: int
    reason: str
    field: str = ""

    def as_dict(self) -> dict:
        return {"index": self.index, "field": self.field, "reason": self.reason}


@dataclass
class ParsedEvent:
    index: int
    kind: str
    at: datetime
    client_id: str | None = None
    person_id: int | None = None
    email: str = ""
    visitor_id: str = ""
    url: str = ""
    properties: dict = field(default_factory=dict)
    properties_json: str = "{}"


class _Bad(Exception):
    def __init__(self, reason: str, field: str = "") -> None:
        self.reason = reason
        self.field = field


def load_batch(body: bytes) -> list:
    """The `events` list of a request body; a DomainError when the batch as a whole is bad."""
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise DomainError(f"the body is not JSON ({exc})", field="events") from None
    if not isinstance(payload, dict) or "events" not in payload:
        raise DomainError('send an object {"events": [...]}', field="events")
    events = payload["events"]
    if not isinstance(events, list):
        raise DomainError("'events' must be a list", field="events")
    if len(events) > MAX_EVENTS:
        raise DomainError(
            f"{len(events)} events in one batch; send at most {MAX_EVENTS}", field="events"
        )
    return events


def parse_events(
    events: list, *, now: datetime | None = None
) -> tuple[list[ParsedEvent], list[EventError]]:
    """Validate each event; good ones come back parsed, bad ones as (index, field, reason)."""
    now = now or timezone.now()
    good: list[ParsedEvent] = []
    errors: list[EventError] = []
    for index, raw in enumerate(events):
        try:
            good.append(_parse_one(index, raw, now))
        except _Bad as bad:
            errors.append(EventError(index, bad.reason, bad.field))
    return good, errors


def _parse_one(index: int, raw: Any, now: datetime) -> ParsedEvent:
    if not isinstance(raw, dict):
        raise _Bad("an event must be a JSON object")
    if not EVENT_FIELDS.issuperset(raw):
        unknown = sorted(str(k) for k in raw if k not in EVENT_FIELDS)
        raise _Bad(f"unknown field '{unknown[0]}'", unknown[0])
    kind = raw.get("kind")
    if not isinstance(kind, str) or not KIND_RE.match(kind):
        raise _Bad("kind is required: lower-case letters, digits and _ . : - (at most 32)", "kind")
    event = ParsedEvent(index=index, kind=kind, at=_parse_at(raw.get("at"), now))
    client_id = raw.get("id")
    if client_id is not None:
        if isinstance(client_id, bool) or not isinstance(client_id, str | int):
            raise _Bad("id must be a string or an integer", "id")
        client_id = str(client_id).strip()
        if not client_id or len(client_id) > 100 or "\x00" in client_id:
            raise _Bad("id must be 1 to 100 characters", "id")
        event.client_id = client_id
    _parse_person(raw.get("person"), event)
    visitor = raw.get("visitor")
    if visitor is not None:
        if not isinstance(visitor, str) or not VISITOR_RE.match(visitor):
            raise _Bad("visitor must be 8 to 64 letters, digits, _ or -", "visitor")
        event.visitor_id = visitor
    if event.person_id is None and not event.email and not event.visitor_id:
        raise _Bad("say whose event this is: a person ({email} or {id}) or a visitor", "person")
    url = raw.get("url")
    if url is not None:
        if not isinstance(url, str) or len(url) > 2000 or "\x00" in url:
            raise _Bad("url must be a string of at most 2,000 characters", "url")
        event.url = url
    properties = raw.get("properties")
    if properties is not None:
        if not isinstance(properties, dict):
            raise _Bad("properties must be a JSON object", "properties")
        encoded = orjson.dumps(properties)
        if len(encoded) > MAX_PROPERTIES_BYTES:
            raise _Bad(f"properties exceed {MAX_PROPERTIES_BYTES:,} bytes", "properties")
        if b"\\u0000" in encoded:
            # PostgreSQL's jsonb cannot hold a NUL character.
            raise _Bad("properties must not contain NUL characters", "properties")
        event.properties = properties
        event.properties_json = encoded.decode()
    return event


def _parse_at(value: Any, now: datetime) -> datetime:
    if value is None:
        return now
    if not isinstance(value, str):
        raise _Bad("at must be an ISO 8601 string such as 2024-03-02T10:15:00Z", "at")
    try:
        # The C parser takes the common forms; Django's parser the rest of ISO 8601.
        at = datetime.fromisoformat(value)
    except ValueError:
        try:
            at = parse_datetime(value.strip())
        except ValueError:
            at = None
    if at is None:
        raise _Bad(f"'{value[:40]}' is not an ISO 8601 time", "at")
    if timezone.is_naive(at):
        at = at.replace(tzinfo=UTC)
    if at > now + FUTURE_SLACK:
        raise _Bad(f"'{value[:40]}' is in the future", "at")
    if at < EARLIEST:
        raise _Bad(f"'{value[:40]}' is before 1970", "at")
    return at


def _parse_person(value: Any, event: ParsedEvent) -> None:
    if value is None:
        return
    if not isinstance(value, dict) or set(value) - {"email", "id"} or not value:
        raise _Bad('person must be {"email": …} or {"id": …}', "person")
    if "email" in value and "id" in value:
        raise _Bad("give the person's email or id, not both", "person")
    if "id" in value:
        person_id = value["id"]
        if isinstance(person_id, bool) or not isinstance(person_id, int) or person_id < 1:
            raise _Bad("person.id must be a positive integer", "person.id")
        if person_id > 2**63 - 1:
            raise _Bad("person.id is too large", "person.id")
        event.person_id = person_id
        return
    email = value["email"]
    if not isinstance(email, str):
        raise _Bad("person.email must be a string", "person.email")
    try:
        event.email = normalise_email(email[:254], field="person.email")
    except DomainError as exc:
        raise _Bad(exc.reason, exc.field) from None
