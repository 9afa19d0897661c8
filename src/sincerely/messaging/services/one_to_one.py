"""One-to-one messages from a staff member: a basis to write, the same guard, the same outbox."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction

from sincerely.errors import DomainError
from sincerely.headers import check_header_value
from sincerely.messaging.guard.linter import UnguardedClaims
from sincerely.messaging.guard.renderer import (
    HeldBack,
    compile_message,
    render_message,
)
from sincerely.messaging.models import Message
from sincerely.messaging.queries import suppressed_hashes
from sincerely.messaging.services.campaigns import _check_templates, resolve_sender
from sincerely.messaging.services.preparation import new_message_fields
from sincerely.people.models import Consent, Person, Suppression
from sincerely.people.services import audit
from sincerely.timeline.models import Touchpoint, TouchpointTrust

# The purpose a one-to-one message from staff serves unless the caller names another.
ONE_TO_ONE_PURPOSE = "sales_contact"


# Touchpoints that show the person started a conversation with us.
STARTED_CONVERSATION = ("email_replied", "comment", "privacy_message")


def one_to_one_basis(person: Person, purpose: str = ONE_TO_ONE_PURPOSE) -> str | None:
    """Why we may write to this person one-to-one, in plain words, or None.

    Consent in force to the purpose, or a conversation the person started themselves (a
    reply to our mail, a confirmed comment, a privacy-centre message): never a typed address
    or an anonymous visit (the honesty guard, rule 5).
    """
    consent = (
        Consent.objects.filter(person=person, purpose__slug=purpose, is_current=True)
        .select_related("purpose")
        .first()
    )
    if consent is not None and consent.status == Consent.Status.GRANTED:
        return f"you agreed to “{consent.purpose.name}” on {consent.at:%d %B %Y}"
    started = (
        Touchpoint.objects.filter(
            person=person, kind__in=STARTED_CONVERSATION, trust=TouchpointTrust.RECORDED
        )
        .order_by("-at")
        .first()
    )
    if started is not None:
        return f"you wrote to us on {started.at:%d %B %Y}"
    return None


def send_one(
    person: Person,
    *,
    sender,
    subject: str,
    text: str,
    html: str = "",
    actor=None,
    idempotency_key: str = "",
    why: str = "",
    purpose: str = ONE_TO_ONE_PURPOSE,
) -> Message:
    """A one-to-one message from a staff member, through the same guard and ledger.

    `why` is the footer's plain-words reason; by default "<sender> wrote to you personally".
    The person must have a basis for it (`one_to_one_basis`), or it is refused with the reason.
    """
    user = resolve_sender(sender)
    findings = _check_templates(subject, text, html)
    if findings:
        raise UnguardedClaims(findings)
    if not person.email:
        raise DomainError("this person has no email address", field="person")
    basis = one_to_one_basis(person, purpose)
    if basis is None:
        raise DomainError(
            f"no basis to write to this person: no consent in force to “{purpose}” and no "
            "conversation they started (a reply, a comment or a privacy-centre message)",
            field="person",
        )
    held = suppressed_hashes([person.email])
    if held:
        reason = Suppression.Reason(held[person.email]).label
        raise DomainError(f"this address is suppressed ({reason})", field="person")
    key = idempotency_key.strip()[:90] or f"one:{secrets.token_hex(10)}"
    existing = Message.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    try:
        rendered = render_message(compile_message(subject, text, html or ""), person, sender=user)
    except HeldBack as held_back:
        raise DomainError(f"not sent: {held_back.reason}", field="text") from None
    check_header_value(rendered.subject, "subject")
    try:
        with transaction.atomic():
            message = Message.objects.create(
                person=person,
                sender=user,
                to_email=person.email,
                subject=rendered.subject,
                text=rendered.text,
                html=rendered.html,
                ledger=rendered.ledger,
                status=Message.Status.QUEUED,
                idempotency_key=key,
                why=why[:500]
                or f"{user.get_full_name() or user.get_username()} wrote to you personally, "
                f"because {basis}.",
                **new_message_fields(),
            )
            audit(actor, "message.send_one", person.pk, f"message #{message.pk}: {subject[:80]}")
    except IntegrityError:
        return Message.objects.get(idempotency_key=key)
    from sincerely.messaging.tasks import deliver_outbox_task

    transaction.on_commit(lambda: deliver_outbox_task.enqueue())
    return message
