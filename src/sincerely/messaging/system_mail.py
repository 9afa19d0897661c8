"""Mail that is neither a campaign nor a guarded one-to-one message, queued in the outbox.

A comment's confirmation link, a reply notice to a subscribed commenter, a staff member's
answer from the inbox: other apps call `enqueue` inside their own transaction. The row is
written with its final bytes (DKIM-signed when a key is configured) and `sincerely worker`
delivers it once the transaction has committed, with the outbox's retries and bounce
address. Nothing talks to an SMTP server inside a request. Every call names an
idempotency key, so an action that is retried (a double click, a resent form) queues one
message, not two.
"""

from __future__ import annotations

import hashlib
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

import dkim  # type: ignore[import-untyped]  # dkimpy ships no type information
from django.db import IntegrityError, transaction
from django.utils import timezone

from sincerely.messaging import conf
from sincerely.messaging.models import Message
from sincerely.people.models import Person

# The same set the campaign path signs (RFC 8058 §4 wants List-Unsubscribe covered).
SIGNED_HEADERS = [
    b"From",
    b"To",
    b"Subject",
    b"Date",
    b"Message-ID",
    b"In-Reply-To",
    b"References",
    b"List-Unsubscribe",
    b"List-Unsubscribe-Post",
    b"MIME-Version",
    b"Content-Type",
]


def idempotency_key(kind: str, *parts: object) -> str:
    """A key naming one action: `kind` and what it is about, hashed when too long."""
    key = ":".join([kind, *(str(part) for part in parts)])
    if len(key) <= 100:
        return key
    return f"{kind[:40]}:{hashlib.sha256(key.encode()).hexdigest()[:40]}"


def enqueue(
    *,
    kind: str,
    key: str,
    to: str,
    subject: str,
    text: str,
    sender,
    person: Person | None = None,
    from_address: str = "",
    headers: dict[str, str] | None = None,
    message_id: str = "",
    automatic: bool = True,
    why: str = "",
) -> Message:
    """Queue one plain-text email to `to`; the same `key` again returns the first message.

    `sender` is the staff user it comes from (From is their name and address unless
    `from_address` is given); `automatic` marks notices (RFC 3834 Auto-Submitted) as
    opposed to a person's own answer.
    """
    from sincerely.messaging.services import new_message_fields
    from sincerely.messaging.tasks import deliver_outbox_task

    existing = Message.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    fields = new_message_fields()
    if message_id:
        fields["message_id"] = message_id
    message = Message(
        person=person,
        sender=sender,
        to_email=to,
        subject=subject[:500],
        text=text,
        why=why[:500],
        kind=kind,
        status=Message.Status.QUEUED,
        idempotency_key=key,
        **fields,
    )
    name = sender.get_full_name() or sender.get_username()
    try:
        with transaction.atomic():
            message.save()
            message.raw = build_bytes(
                message,
                from_address=from_address or formataddr((name, sender.email)),
                headers=headers or {},
                automatic=automatic,
            )
            Message.objects.filter(pk=message.pk).update(raw=message.raw)
    except IntegrityError:
        # The same action at the same moment in another request: its message stands.
        return Message.objects.get(idempotency_key=key)
    transaction.on_commit(lambda: deliver_outbox_task.enqueue())
    return message


def build_bytes(
    message: Message, *, from_address: str, headers: dict[str, str], automatic: bool
) -> bytes:
    """The message's bytes, CRLF line ends, DKIM-signed when a key is configured.

    Built with the standard library's email package (low volume: clarity over speed); it
    refuses header values with line breaks, so no caller can inject a header.
    """
    mail = EmailMessage()
    mail["From"] = from_address
    mail["To"] = message.to_email
    mail["Subject"] = message.subject
    mail["Date"] = format_datetime(timezone.now())
    mail["Message-ID"] = message.message_id
    for name, value in headers.items():
        mail[name] = value
    mail["Auto-Submitted"] = "auto-generated" if automatic else "no"
    mail["X-Sincerely-Message"] = str(message.pk)
    mail.set_content(message.text, cte="quoted-printable")
    raw = mail.as_bytes(policy=mail.policy.clone(linesep="\r\n"))
    key = conf.dkim()
    if key is None:
        return raw
    selector, domain, pem = key
    signature = dkim.sign(
        raw, selector, domain, pem, include_headers=SIGNED_HEADERS, linesep=b"\r\n"
    )
    return signature + raw


def forget_addresses(person: Person, emails: list[str], visitor_ids: list[str]) -> None:
    """Erasure hook: system mail to the person's addresses that no person row carried (a
    comment's confirmation sent before they were a person) goes with them."""
    if emails:
        Message.objects.filter(person__isnull=True, to_email__in=emails).exclude(kind="").delete()
