"""email_sent touchpoints for what a worker sent, written per batch (a dead worker's too)."""

from __future__ import annotations

import json

from django.db import connection, transaction

from sincerely.db import insert_rows
from sincerely.messaging.models import Message
from sincerely.timeline.models import Touchpoint


def record_sent_touchpoints(owner: str) -> int:
    """An `email_sent` touchpoint for each message `owner` sent and has not recorded yet."""
    if not owner:
        return 0
    with transaction.atomic():
        # Any status: a bounce or complaint may already have come back for a sent message.
        rows = list(
            Message.objects.select_for_update()
            .filter(sent_at__isnull=False, claimed_by=owner)
            .values_list("id", "person_id", "campaign_id", "sent_at")
        )
        if not rows:
            return 0
        adapt = connection.ops.adapt_datetimefield_value
        insert_rows(
            Touchpoint,
            ["person_id", "visitor_id", "kind", "at", "url", "properties"],
            [
                (
                    person_id,
                    "",
                    "email_sent",
                    adapt(sent_at),
                    "",
                    json.dumps({"message": pk, "campaign": campaign}),
                )
                for pk, person_id, campaign, sent_at in rows
            ],
            json_fields=("properties",),
        )
        Message.objects.filter(pk__in=[row[0] for row in rows]).update(claimed_by="")
    return len(rows)
