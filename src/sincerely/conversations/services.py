"""Opening and continuing conversations; the inbound email path and the inbox both use these."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from sincerely.conversations.models import Conversation, Entry
from sincerely.people.models import Person
from sincerely.timeline.services import record_touchpoint


def _thread_for(in_reply_to: str, references: list[str]) -> Conversation | None:
    ids = [i for i in [in_reply_to, *references] if i]
    if not ids:
        return None
    entry = (
        Entry.objects.select_related("conversation")
        .filter(message_id__in=ids)
        .order_by("-created_at")
        .first()
    )
    if entry:
        return entry.conversation
    return Conversation.objects.filter(thread_key__in=ids).order_by("-created_at").first()


@transaction.atomic
def receive_email_reply(
    *,
    person: Person | None,
    assigned_to,
    subject: str,
    text: str,
    message_id: str,
    in_reply_to: str = "",
    references: list[str] | None = None,
    from_name: str = "",
    from_email: str = "",
    received_at: datetime | None = None,
) -> Conversation:
    """Thread an email reply into its conversation (by In-Reply-To/References), or open one.

    The conversation is assigned to `assigned_to` (the staff member who sent the message
    being answered) when it has nobody yet, and reopens if it was closed or waiting.
    """
    if message_id and Entry.objects.filter(message_id=message_id).exists():
        return Entry.objects.get(message_id=message_id).conversation
    now = received_at or timezone.now()
    conversation = _thread_for(in_reply_to, references or [])
    if conversation is None:
        conversation = Conversation.objects.create(
            person=person,
            channel=Conversation.Channel.EMAIL,
            subject=subject[:300] or "(no subject)",
            assigned_to=assigned_to,
            thread_key=in_reply_to or message_id,
        )
    elif conversation.assigned_to_id is None and assigned_to is not None:
        conversation.assigned_to = assigned_to
    conversation.status = Conversation.Status.OPEN
    conversation.last_activity_at = now
    conversation.save()
    Entry.objects.create(
        conversation=conversation,
        direction=Entry.Direction.INBOUND,
        author_name=from_name[:200],
        author_email=from_email[:254],
        text=text,
        message_id=message_id[:300],
        in_reply_to=in_reply_to[:300],
        created_at=now,
    )
    if person is not None:
        record_touchpoint(
            person,
            "email_replied",
            at=now,
            properties={"conversation": conversation.pk, "subject": subject[:200]},
        )
    return conversation
