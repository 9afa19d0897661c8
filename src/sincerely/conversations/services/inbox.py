"""The inbox: email replies and privacy-centre messages in, answers out, notes, assignment."""

from __future__ import annotations

from datetime import datetime
from email.utils import formataddr, make_msgid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from sincerely import links as signed_links
from sincerely.accounts.services import check_real_address
from sincerely.conversations.models import (
    Comment,
    Conversation,
    Entry,
    IncidentNotice,
)
from sincerely.errors import DomainError, NotFound
from sincerely.messaging import system_mail
from sincerely.people import services as people
from sincerely.people.models import Person
from sincerely.timeline.services import record_touchpoint

User = get_user_model()


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
        notice = IncidentNotice.objects.filter(message_id__in=[in_reply_to, *(references or [])])
        incident_id = notice.values_list("incident_id", flat=True).first()
        if incident_id:
            conversation.incident_id = incident_id
    elif conversation.assigned_to_id is None and assigned_to is not None:
        conversation.assigned_to = assigned_to
    conversation.status = Conversation.Status.OPEN
    conversation.last_activity_at = now
    conversation.waiting_since = conversation.waiting_since or now
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


@transaction.atomic
def receive_privacy_message(person: Person, text: str) -> Conversation:
    """The privacy centre's "write to us" form: a conversation for the person's owner."""
    text = (text or "").strip()
    if not text:
        raise DomainError("write a message first", field="text")
    if len(text) > 10_000:
        raise DomainError("keep it under 10,000 characters", field="text")
    now = timezone.now()
    conversation = Conversation.objects.create(
        person=person,
        channel=Conversation.Channel.PRIVACY,
        subject=f"Privacy centre: {text[:80]}",
        assigned_to=person.owner,
        waiting_since=now,
    )
    Entry.objects.create(
        conversation=conversation,
        direction=Entry.Direction.INBOUND,
        author_name=person.display_name[:200],
        author_email=person.email[:254],
        text=text,
        created_at=now,
    )
    record_touchpoint(
        person, "privacy_message", at=now, properties={"conversation": conversation.pk}
    )
    return conversation


def mark_answered(conversation: Conversation, at: datetime) -> None:
    conversation.first_reply_at = conversation.first_reply_at or at
    conversation.waiting_since = None
    conversation.last_activity_at = at
    conversation.status = Conversation.Status.WAITING
    conversation.save()


def assign_conversation(conversation: Conversation, username: str, actor) -> Conversation:
    if username:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise NotFound(f"no staff user '{username}'", field="assigned_to")
        from sincerely.accounts.access import user_can

        if not user_can(user, "conversations.handle"):
            raise DomainError(f"'{username}' cannot handle conversations", field="assigned_to")
    else:
        user = None
    conversation.assigned_to = user
    conversation.save(update_fields=["assigned_to"])
    return conversation


def set_conversation_status(conversation: Conversation, status: str, actor) -> Conversation:
    if status not in Conversation.Status.values:
        raise DomainError(
            f"status must be one of {', '.join(Conversation.Status.values)}", field="status"
        )
    conversation.status = status
    if status == Conversation.Status.CLOSED:
        conversation.waiting_since = None
    conversation.save(update_fields=["status", "waiting_since"])
    return conversation


def _privacy_line(person: Person) -> str:
    """The footer line with the person's privacy-centre link."""
    from sincerely.people.links import privacy_url

    return f"See, correct or take away what we hold about you: {privacy_url(person)}\n"


def _sender(actor) -> str:
    if not actor.email:
        raise DomainError("your account has no email address to reply from", field="from")
    check_real_address(actor.email)
    return formataddr((actor.get_full_name() or actor.get_username(), actor.email))


@transaction.atomic
def reply_by_email(conversation: Conversation, text: str, actor) -> Entry:
    """Answer by email from the staff member's own address, threaded under their last message."""
    text = (text or "").strip()
    if not text:
        raise DomainError("write a reply first", field="text")
    inbound = conversation.entries.filter(direction=Entry.Direction.INBOUND).order_by(
        "-created_at", "-id"
    )
    last = inbound.first()
    to = (conversation.person.email if conversation.person_id else "") or (
        last.author_email if last else ""
    )
    if not to:
        raise DomainError("there is no address to answer", field="to")
    if people.is_suppressed(to):
        raise DomainError("this address asked for no more mail", field="to")
    sender = _sender(actor)
    domain = actor.email.rsplit("@", 1)[1]
    headers = {}
    chain = [e for e in conversation.entries.values_list("message_id", flat=True) if e]
    if last and last.message_id:
        # RFC 5322 §3.6.4: In-Reply-To names the message answered, References the thread.
        headers["In-Reply-To"] = last.message_id
        headers["References"] = " ".join(chain[-20:])
    subject = conversation.subject
    if not subject.lower().startswith("re:"):
        subject = f"Re: {subject}"
    footer = ""
    if conversation.person_id:
        footer = "\n\n--\nYou wrote to us and this is my answer.\n" + _privacy_line(
            conversation.person
        )
    # The same answer to the same message by the same person is one action: a retried
    # request (a double click, a resent form) finds the message already queued.
    key = system_mail.idempotency_key(
        "inbox-reply",
        conversation.pk,
        actor.pk,
        last.pk if last else 0,
        signed_links.fingerprint(text),
    )
    message = system_mail.enqueue(
        kind="inbox_reply",
        key=key,
        to=to,
        person=conversation.person,
        subject=subject,
        text=text + footer,
        sender=actor,
        from_address=sender,
        headers=headers,
        message_id=make_msgid(domain=domain),
        automatic=False,
        why="You wrote to us and this is my answer.",
    )
    message_id = message.message_id
    answered = Entry.objects.filter(conversation=conversation, message_id=message_id).first()
    if answered is not None:
        return answered
    now = timezone.now()
    entry = Entry.objects.create(
        conversation=conversation,
        direction=Entry.Direction.OUTBOUND,
        author=actor,
        author_name=actor.get_full_name() or actor.get_username(),
        author_email=actor.email,
        text=text,
        message_id=message_id,
        in_reply_to=headers.get("In-Reply-To", ""),
        created_at=now,
    )
    mark_answered(conversation, now)
    if conversation.person_id:
        record_touchpoint(
            conversation.person,
            "email_reply_sent",
            at=now,
            properties={"conversation": conversation.pk, "message_id": message_id},
            recorded_by=actor,
        )
    return entry


def add_note(conversation: Conversation, text: str, actor) -> Entry:
    text = (text or "").strip()
    if not text:
        raise DomainError("write a note first", field="text")
    return Entry.objects.create(
        conversation=conversation,
        direction=Entry.Direction.NOTE,
        author=actor,
        author_name=actor.get_full_name() or actor.get_username(),
        text=text,
        created_at=timezone.now(),
    )


def move_conversations(survivor: Person, duplicate: Person) -> dict:
    return {
        "conversations": Conversation.objects.filter(person=duplicate).update(person=survivor),
        "comments": Comment.objects.filter(person=duplicate).update(person=survivor),
        "incident_notices": IncidentNotice.objects.filter(person=duplicate)
        .exclude(incident__notices__person=survivor)
        .update(person=survivor),
    }
