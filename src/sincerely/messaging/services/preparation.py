"""Preparing a queued campaign: each recipient rendered through the guard, then sealed."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable

from django.db import connection, transaction
from django.utils import timezone

from sincerely.db import insert_rows, reserve_ids
from sincerely.errors import DomainError
from sincerely.messaging import conf, mime
from sincerely.messaging.guard.evidence import EvidenceIndex
from sincerely.messaging.guard.renderer import (
    HeldBack,
    compile_message,
    current_facts,
    render_message,
)
from sincerely.messaging.models import Campaign, Message
from sincerely.messaging.queries import audience, suppressed_hashes, why_lines
from sincerely.people.models import Person, Suppression

log = logging.getLogger(__name__)


PREPARE_CHUNK = 500


# The first chunk is small so that sending (on another worker) starts sooner.
FIRST_CHUNK = 100


LANGUAGE_FACTS = ("language", "preferred_language", "locale")


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
    Workers waiting to send take chunks too (`prepare_some`): the campaign's cursor hands
    each chunk to one of them. A last sweep prepares whoever a chunk taken by a worker that
    died (or is still busy) left out; the idempotency key keeps one message per person.
    """
    campaign = _campaign(campaign_id)
    if campaign.status == Campaign.Status.DRAFT:
        raise DomainError("queue the campaign before preparing it", field="status")
    Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.QUEUED).update(
        status=Campaign.Status.SENDING
    )
    versions = _versions(campaign)
    created = 0
    while page := claim_chunk(campaign, FIRST_CHUNK if on_first_chunk else PREPARE_CHUNK):
        created += _store_new(campaign, page, versions)
        if on_first_chunk is not None:
            on_first_chunk()
            on_first_chunk = None
    created += _sweep(campaign, versions)
    Campaign.objects.filter(pk=campaign.pk).update(prepared_at=timezone.now())
    log.info("campaign #%s: %s messages prepared", campaign.pk, created)
    finish_campaign_if_done(campaign.pk)
    return created


HELP_CHUNK = 100


def prepare_some(size: int = HELP_CHUNK) -> int:
    """Prepare one chunk of a campaign whose preparation is under way, if any is left.

    For a sender with nothing to send: preparing (rendering, guarding, signing) costs more
    than sending, so a campaign goes out as fast as the workers can prepare it together.
    Returns the size of the chunk taken, 0 when none was left.
    """
    for campaign_id in Campaign.objects.filter(
        status=Campaign.Status.SENDING, prepared_at__isnull=True
    ).values_list("pk", flat=True):
        campaign = _campaign(campaign_id)
        page = claim_chunk(campaign, size)
        if page:
            _store_new(campaign, page, _versions(campaign))
            return len(page)
    return 0


def claim_chunk(campaign: Campaign, size: int) -> list[Person]:
    """The next `size` people of the audience, taken for this worker alone (compare-and-set
    on the campaign's cursor); empty when every chunk has been taken."""
    while True:
        cursor = (
            Campaign.objects.filter(pk=campaign.pk).values_list("prepare_cursor", flat=True).first()
        )
        if cursor is None:
            return []
        # Read to the end before writing: on SQLite an open read cursor cannot become a
        # writer once another process has written (WAL snapshot).
        page = list(audience(campaign).filter(id__gt=cursor)[:size])
        if not page:
            return []
        if Campaign.objects.filter(pk=campaign.pk, prepare_cursor=cursor).update(
            prepare_cursor=page[-1].pk
        ):
            return page


def _campaign(campaign_id: int) -> Campaign:
    return Campaign.objects.select_related(
        "audience_list", "purpose", "segment", "sender", "sender__staff_profile"
    ).get(pk=campaign_id)


def _sweep(campaign: Campaign, versions: dict) -> int:
    """Prepare everyone in the audience who has no message yet, in keyset pages."""
    created = 0
    last_id = 0
    while page := list(audience(campaign).filter(id__gt=last_id)[:PREPARE_CHUNK]):
        last_id = page[-1].pk
        created += _store_new(campaign, page, versions)
    return created


def _store_new(campaign: Campaign, page: list[Person], versions: dict) -> int:
    """Store messages for the people of `page` who have none yet in this campaign."""
    # By idempotency key (unique, so one index lookup a person) rather than by campaign,
    # which read every message the campaign already has, once per chunk.
    keys = {_idempotency_key(campaign, person): person for person in page}
    done = set(
        Message.objects.filter(idempotency_key__in=list(keys))
        .order_by()
        .values_list("idempotency_key", flat=True)
    )
    batch = [person for key, person in keys.items() if key not in done]
    return _store(campaign, batch, versions) if batch else 0


def _idempotency_key(campaign: Campaign, person: Person) -> str:
    return f"campaign:{campaign.pk}:person:{person.pk}"


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
            idempotency_key=_idempotency_key(campaign, person),
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
