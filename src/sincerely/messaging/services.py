"""Every action of messaging that changes state: campaigns, one-to-one messages, outcomes."""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
from collections.abc import Callable
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from sincerely.accounts.services import check_real_address
from sincerely.db import insert_rows, reserve_ids
from sincerely.errors import DomainError, NotFound
from sincerely.headers import check_header_value
from sincerely.messaging import conf, mime
from sincerely.messaging.guard.evidence import EvidenceIndex
from sincerely.messaging.guard.linter import Finding, UnguardedClaims, lint_message
from sincerely.messaging.guard.renderer import (
    HeldBack,
    compile_message,
    current_facts,
    render_message,
)
from sincerely.messaging.models import Campaign, CampaignTranslation, Message
from sincerely.messaging.queries import audience, suppressed_hashes, why_lines
from sincerely.people.models import Consent, Person, Suppression
from sincerely.people.services import audit, get_list, leave_list, record_consent, suppress
from sincerely.timeline.models import Touchpoint, TouchpointTrust
from sincerely.timeline.services import record_touchpoint

log = logging.getLogger(__name__)

PREPARE_CHUNK = 500
# The first chunk is small so that sending (on another worker) starts sooner.
FIRST_CHUNK = 100
LANGUAGE_FACTS = ("language", "preferred_language", "locale")


def resolve_sender(sender, *, field: str = "sender"):
    """A staff user who reads replies: by username or user object; noreply is refused."""
    User = get_user_model()
    user = sender if isinstance(sender, User) else None
    if user is None:
        user = User.objects.filter(username=str(sender or "").strip(), is_active=True).first()
    if user is None or not user.is_active:
        raise NotFound(f"no active staff user '{sender}'", field=field)
    if not user.email:
        raise DomainError("the sender has no email address to receive replies", field=field)
    try:
        check_real_address(user.email)
    except DomainError as exc:
        raise DomainError(exc.reason, field=field) from None
    return user


def _check_templates(subject: str, text: str, html: str) -> list[Finding]:
    if not (subject or "").strip():
        raise DomainError("a message needs a subject", field="subject")
    check_header_value(subject, "subject")
    if not (text or "").strip():
        raise DomainError("a message needs a text body", field="text")
    compile_message(subject, text, html or "")
    return lint_message(subject, text, html or "")


def _check_language(language: str) -> str:
    language = (language or "en").strip().lower()
    if not language.isalpha() or not 2 <= len(language) <= 8:
        raise DomainError("a language is a code such as 'en' or 'fr'", field="language")
    return language


@transaction.atomic
def create_campaign(
    *,
    name: str,
    list_slug: str,
    sender,
    subject: str,
    text: str,
    html: str = "",
    language: str = "en",
    sender_name: str = "",
    segment_slug: str = "",
    actor=None,
) -> tuple[Campaign, list[Finding]]:
    """Save a draft campaign and return it with the linter's findings (a draft may have some).

    A segment narrows the list's audience; it never adds anyone the list does not cover.
    """
    if not (name or "").strip():
        raise DomainError("a campaign needs a name", field="name")
    audience_list = get_list(list_slug)
    segment = _segment(segment_slug)
    user = resolve_sender(sender)
    check_header_value(sender_name, "sender_name")
    findings = _check_templates(subject, text, html)
    campaign = Campaign.objects.create(
        name=name.strip()[:200],
        audience_list=audience_list,
        purpose=audience_list.purpose,
        segment=segment,
        sender=user,
        sender_name=(sender_name or "").strip()[:200],
        language=_check_language(language),
        subject=subject.strip()[:500],
        text=text,
        html=html or "",
        created_by=actor,
    )
    audit(actor, "campaign.create", None, f"campaign #{campaign.pk} {campaign.name}")
    return campaign, findings


def _segment(slug: str):
    if not (slug or "").strip():
        return None
    from sincerely.insight.models import Segment

    segment = Segment.objects.filter(slug=slug.strip()).first()
    if segment is None:
        raise DomainError(f"no segment with slug '{slug}'", field="segment")
    return segment


def _editable(campaign: Campaign) -> None:
    if campaign.status != Campaign.Status.DRAFT:
        raise DomainError(
            f"this campaign is {campaign.status}; only a draft can change", field="status"
        )


@transaction.atomic
def update_campaign(campaign: Campaign, *, actor=None, **fields) -> list[Finding]:
    """Change a draft's name, sender, list, segment or templates; returns the new findings."""
    _editable(campaign)
    if "list_slug" in fields:
        campaign.audience_list = get_list(fields.pop("list_slug"))
        campaign.purpose = campaign.audience_list.purpose
    if "segment_slug" in fields:  # "" narrows to nobody: the whole list again
        campaign.segment = _segment(fields.pop("segment_slug") or "")
    if "sender" in fields:
        campaign.sender = resolve_sender(fields.pop("sender"))
    if "language" in fields:
        campaign.language = _check_language(fields.pop("language"))
    for name in ("name", "subject", "text", "html", "sender_name"):
        if name in fields and fields[name] is not None:
            if name == "sender_name":
                check_header_value(fields[name], name)
            setattr(campaign, name, fields.pop(name))
    if not campaign.name.strip():
        raise DomainError("a campaign needs a name", field="name")
    findings = _check_templates(campaign.subject, campaign.text, campaign.html)
    campaign.save()
    return findings


@transaction.atomic
def set_translation(
    campaign: Campaign, language: str, *, subject: str, text: str, html: str = ""
) -> list[Finding]:
    """Add or replace the campaign's text in another language."""
    _editable(campaign)
    language = _check_language(language)
    findings = _check_templates(subject, text, html)
    CampaignTranslation.objects.update_or_create(
        campaign=campaign,
        language=language,
        defaults={"subject": subject, "text": text, "html": html or ""},
    )
    return findings


def campaign_findings(campaign: Campaign) -> list[Finding]:
    findings = lint_message(campaign.subject, campaign.text, campaign.html)
    for tr in campaign.translations.all():
        findings += [
            Finding(f"{f.field}[{tr.language}]", f.line, f.sentence, f.kind, f.message)
            for f in lint_message(tr.subject, tr.text, tr.html)
        ]
    return findings


def queue_campaign(campaign: Campaign, *, actor=None) -> Campaign:
    """Queue a draft for sending; refused while any claim is unguarded."""
    findings = campaign_findings(campaign)
    if findings:
        raise UnguardedClaims(findings)
    resolve_sender(campaign.sender)
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        _editable(locked)
        locked.status = Campaign.Status.QUEUED
        locked.queued_at = timezone.now()
        locked.save(update_fields=["status", "queued_at", "updated_at"])
        audit(actor, "campaign.send", None, f"queued campaign #{campaign.pk} {campaign.name}")
    from sincerely.messaging.tasks import prepare_campaign_task

    transaction.on_commit(lambda: prepare_campaign_task.enqueue(campaign.pk))
    return locked


def _versions(campaign: Campaign) -> dict[str, tuple]:
    versions = {campaign.language: (campaign.subject, campaign.text, campaign.html)}
    for tr in campaign.translations.all():
        versions[tr.language] = (tr.subject, tr.text, tr.html)
    return versions


def language_for(facts: dict, versions: dict, default: str) -> str:
    for key in LANGUAGE_FACTS:
        fact = facts.get(key)
        if fact is not None:
            code = fact.value.strip().lower()[:2]
            if code in versions:
                return code
    return default


def new_message_fields() -> dict:
    token = secrets.token_hex(10)
    return {
        "reply_token": token,
        "message_id": f"<{secrets.token_hex(12)}.{token[:6]}@{conf.reply_domain()}>",
    }


def footer_values(campaign: Campaign) -> str:
    """The names from data that the footer prints (list, segment), for the gate to read."""
    names = [campaign.audience_list.name]
    if campaign.segment_id:
        names.append(campaign.segment.name)
    # Unquoted, one sentence each: the detector reads quotations as someone else's words.
    return "\n\n".join(f"{name}." for name in names)


def render_for(
    campaign: Campaign, people: list[Person], versions: dict | None = None
) -> list[tuple[Person, str, object]]:
    """Render the campaign for these people: (person, language, Rendered or HeldBack)."""
    versions = versions or _versions(campaign)
    footer = footer_values(campaign)
    facts = current_facts([p.pk for p in people])
    index = EvidenceIndex([p.pk for p in people])
    suppressed = suppressed_hashes([p.email for p in people if p.email])
    out = []
    for person in people:
        language = language_for(facts[person.pk], versions, campaign.language)
        if not person.email:
            out.append((person, language, HeldBack("no email address")))
            continue
        if person.email in suppressed:
            reason = Suppression.Reason(suppressed[person.email]).label
            out.append((person, language, HeldBack(f"suppressed: {reason}")))
            continue
        compiled = compile_message(*versions[language])
        try:
            rendered = render_message(
                compiled,
                person,
                sender=campaign.sender,
                sender_name=campaign.sender_name,
                facts=facts[person.pk],
                index=index,
                footer=footer,
            )
        except HeldBack as held:
            out.append((person, language, held))
            continue
        out.append((person, language, rendered))
    return out


def prepare_campaign(campaign_id: int, *, on_first_chunk: Callable[[], None] | None = None) -> int:
    """Render, build and sign every recipient's message into the outbox (or hold them back).

    Safe to run again. Each chunk is committed as soon as it is built, so delivery can
    start on another worker (`on_first_chunk`) while the rest of the audience is prepared.
    """
    campaign = Campaign.objects.select_related(
        "audience_list", "purpose", "segment", "sender", "sender__staff_profile"
    ).get(pk=campaign_id)
    if campaign.status == Campaign.Status.DRAFT:
        raise DomainError("queue the campaign before preparing it", field="status")
    Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.QUEUED).update(
        status=Campaign.Status.SENDING
    )
    versions = _versions(campaign)
    created = 0
    last_id = 0
    # Keyset pages, each read to the end before writing: on SQLite an open read cursor
    # cannot become a writer once another process has written (WAL snapshot), so a
    # streaming iterator here fails as soon as a second worker is sending.
    while True:
        size = FIRST_CHUNK if on_first_chunk is not None else PREPARE_CHUNK
        page = list(audience(campaign).filter(id__gt=last_id)[:size])
        if not page:
            break
        last_id = page[-1].pk
        done = set(
            Message.objects.filter(
                campaign=campaign, person_id__in=[p.pk for p in page]
            ).values_list("person_id", flat=True)
        )
        batch = [p for p in page if p.pk not in done]
        if batch:
            created += _store(campaign, batch, versions)
            if on_first_chunk is not None:
                on_first_chunk()
                on_first_chunk = None
    Campaign.objects.filter(pk=campaign.pk).update(prepared_at=timezone.now())
    log.info("campaign #%s: %s messages prepared", campaign.pk, created)
    finish_campaign_if_done(campaign.pk)
    return created


def _store(campaign: Campaign, people: list[Person], versions: dict) -> int:
    why = why_lines(campaign, [p.pk for p in people])
    rows = []
    for person, language, result in render_for(campaign, people, versions):
        row = Message(
            campaign=campaign,
            person=person,
            sender=campaign.sender,
            sender_name=campaign.sender_name,
            audience_list=campaign.audience_list,
            purpose=campaign.purpose,
            why=why.get(person.pk, ""),
            to_email=person.email,
            language=language,
            idempotency_key=f"campaign:{campaign.pk}:person:{person.pk}",
            **new_message_fields(),
        )
        if isinstance(result, HeldBack):
            row.status = Message.Status.HELD_BACK
            row.held_reason = result.reason[:300]
        else:
            row.status = Message.Status.QUEUED
            row.subject = result.subject
            row.text = result.text
            row.html = result.html
            row.ledger = result.ledger
        rows.append(row)
    # Ids first: the signed links and headers inside the bytes name the message.
    for row, pk in zip(rows, reserve_ids(Message, len(rows)), strict=True):
        row.pk = pk
        if row.status == Message.Status.QUEUED:
            row.raw = seal(row, campaign.sender, row.person)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with transaction.atomic():
        insert_rows(
            Message,
            MESSAGE_COLUMNS,
            [
                (
                    *(getattr(row, name) for name in MESSAGE_COLUMNS[:-2]),
                    json.dumps(row.ledger),
                    now,
                )
                for row in rows
            ],
            json_fields=("ledger",),
            skip_conflicts=True,
        )
    return len(rows)


# What a prepared campaign message stores, in insert order (ledger and created_at last).
MESSAGE_COLUMNS = [
    "id",
    "campaign_id",
    "person_id",
    "sender_id",
    "sender_name",
    "audience_list_id",
    "purpose_id",
    "why",
    "to_email",
    "language",
    "subject",
    "text",
    "html",
    "raw",
    "status",
    "held_reason",
    "message_id",
    "idempotency_key",
    "reply_token",
    "attempts",
    "last_error",
    "claimed_by",
    "ledger",
    "created_at",
]


def seal(message: Message, sender, person: Person) -> bytes | None:
    """The message's final bytes (headers, footer, tracked links, DKIM signature).

    None when they cannot be built; delivery then tries again and records the error on
    the message, so one bad row never stops a campaign.
    """
    try:
        return mime.build_bytes(message, sender, person=person)
    except Exception:  # noqa: BLE001 - recorded on the row when delivery retries
        log.exception("message #%s could not be built yet", message.pk)
        return None


def finish_campaign_if_done(campaign_id: int) -> bool:
    """A prepared campaign with nothing left queued or in flight is sent."""
    open_rows = Message.objects.filter(
        campaign_id=campaign_id, status__in=[Message.Status.QUEUED, Message.Status.SENDING]
    ).exists()
    if open_rows:
        return False
    return bool(
        Campaign.objects.filter(
            pk=campaign_id, status=Campaign.Status.SENDING, prepared_at__isnull=False
        ).update(status=Campaign.Status.SENT, finished_at=timezone.now())
    )


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


# Outcomes: each one changes the message and adds a touchpoint to the person's timeline.


def mark_sent(message: Message, at: datetime | None = None) -> None:
    """Record that the server took the message: one autocommitted statement.

    This runs once per message between two SMTP transactions; the outbox runs it while the
    server answers the next message's MAIL FROM, and always before that message's final
    dot. One plain statement rather than an ORM call, which costs several times the
    statement itself (profiled). The row keeps its worker's `claimed_by` until
    record_sent_touchpoints adds the timeline touchpoints of a whole batch at once; if the
    worker dies first, the next one does it (release_dead_claims).
    """
    stamp = connection.ops.adapt_datetimefield_value(at or timezone.now())
    update = (
        f"UPDATE {Message._meta.db_table} SET status = %s, sent_at = %s, last_error = ''"  # noqa: S608
        " WHERE id = %s AND status = %s"
    )
    # Autocommit: one statement is its own transaction, one round trip on PostgreSQL.
    with connection.cursor() as cursor:
        cursor.execute(update, [Message.Status.SENT, stamp, message.pk, Message.Status.SENDING])


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
