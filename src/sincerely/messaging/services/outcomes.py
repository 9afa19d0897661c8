"""What happened to a message after it left (delivery, bounce, complaint, click, open,
reply, unsubscribe), and a person's messages on export and merge.
"""

from __future__ import annotations

import contextlib
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from sincerely.errors import DomainError
from sincerely.messaging.models import Message
from sincerely.people.models import Consent, Person, Suppression
from sincerely.people.services import leave_list, record_consent, suppress
from sincerely.timeline.models import Touchpoint
from sincerely.timeline.services import record_touchpoint


@transaction.atomic
def record_hard_bounce(message: Message, diagnostic: str, *, at: datetime | None = None) -> None:
    """A permanent failure: the address is suppressed for good, the message is bounced."""
    at = at or timezone.now()
    row = Message.objects.filter(pk=message.pk)
    row.update(status=Message.Status.BOUNCED, bounced_at=at, last_error=diagnostic[:500])
    # A message refused while sending is no longer claimed; one that went out keeps its
    # worker's id until its email_sent touchpoint is written (record_sent_touchpoints).
    row.filter(sent_at__isnull=True).update(claimed_by="")
    suppress(message.to_email, Suppression.Reason.HARD_BOUNCE)
    record_touchpoint(
        Person(pk=message.person_id),
        "email_bounced",
        at=at,
        properties={
            "message": message.pk,
            "campaign": message.campaign_id,
            "why": diagnostic[:200],
        },
    )


@transaction.atomic
def record_complaint(message: Message, *, at: datetime | None = None) -> None:
    """An abuse report (RFC 5965): never mail this address again."""
    at = at or timezone.now()
    Message.objects.filter(pk=message.pk).update(complained_at=at)
    suppress(message.to_email, Suppression.Reason.COMPLAINED)
    record_touchpoint(
        Person(pk=message.person_id),
        "email_complained",
        at=at,
        properties={"message": message.pk, "campaign": message.campaign_id},
    )


def record_delivery(message: Message, *, at: datetime | None = None) -> None:
    """A delivery report said it arrived; a repeated report adds nothing."""
    event_id = f"delivered:{message.message_id}"[:100]
    if Touchpoint.objects.filter(client_event_id=event_id).exists():
        return
    record_touchpoint(
        Person(pk=message.person_id),
        "email_delivered",
        at=at or timezone.now(),
        properties={"message": message.pk, "campaign": message.campaign_id},
        client_event_id=event_id,
    )


@transaction.atomic
def record_click(message: Message, url: str) -> None:
    now = timezone.now()
    Message.objects.filter(pk=message.pk, clicked_at__isnull=True).update(clicked_at=now)
    record_touchpoint(
        Person(pk=message.person_id),
        "email_clicked",
        at=now,
        url=url,
        properties={"message": message.pk, "campaign": message.campaign_id},
    )


@transaction.atomic
def record_open(message: Message) -> None:
    now = timezone.now()
    if Message.objects.filter(pk=message.pk, opened_at__isnull=True).update(opened_at=now):
        record_touchpoint(
            Person(pk=message.person_id),
            "email_opened",
            at=now,
            properties={"message": message.pk, "campaign": message.campaign_id},
        )


@transaction.atomic
def record_reply(message: Message, *, at: datetime | None = None) -> None:
    Message.objects.filter(pk=message.pk, replied_at__isnull=True).update(
        replied_at=at or timezone.now()
    )


@transaction.atomic
def unsubscribe(message: Message, *, everything: bool = False, via: str = "one-click") -> str:
    """Stop the mail this message came from: leave its list and withdraw that consent.

    `everything` (or a message sent outside any list) suppresses the address entirely.
    Returns plain words for the confirmation page. Repeating it changes nothing.
    """
    now = timezone.now()
    person = message.person
    said = []
    if message.audience_list_id and not everything:
        audience_list = message.audience_list
        with contextlib.suppress(DomainError):
            leave_list(person, audience_list, f"unsubscribed ({via}) from message #{message.pk}")
        consent = Consent.objects.filter(
            person=person, purpose_id=message.purpose_id, is_current=True
        ).first()
        if consent is not None and consent.status == Consent.Status.GRANTED:
            record_consent(
                person,
                message.purpose.slug,
                granted=False,
                where=f"unsubscribe link in message #{message.pk}",
                method=via,
            )
        said.append(f"You are off the list “{audience_list.name}” and will get no more of it.")
    else:
        suppress(message.to_email, Suppression.Reason.UNSUBSCRIBED)
        said.append("You will get no more marketing email from us at this address.")
    if Message.objects.filter(pk=message.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=now
    ):
        record_touchpoint(
            person,
            "email_unsubscribed",
            at=now,
            properties={"message": message.pk, "campaign": message.campaign_id, "via": via},
        )
    return " ".join(said)


def person_export(person: Person) -> dict:
    """The messages section of a person's privacy export: what we sent and why."""
    from sincerely.messaging.queries import explain_message

    rows = Message.objects.filter(person=person).order_by("created_at").values_list("pk", flat=True)
    out = []
    for pk in rows:
        explained = explain_message(pk, person)
        if explained:
            explained["sent_at"] = (
                explained["sent_at"].isoformat() if explained["sent_at"] else None
            )
            out.append(explained)
    return {"messages": out}


def merge_messages(survivor: Person, duplicate: Person) -> dict:
    """Registered merge hook: a duplicate's messages (and mail about them) move to the survivor."""
    from sincerely.messaging.models import InboundMail

    InboundMail.objects.filter(person=duplicate).update(person=survivor)
    return {"messages": Message.objects.filter(person=duplicate).update(person=survivor)}
