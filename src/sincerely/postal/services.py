"""Every action of printed mail: campaigns, jobs rendered in chunks, answers, suppressions.

A job runs in three steps on the durable worker: `plan_job` decides who gets a piece (or
why not: address, consent, suppression), sorts the pieces by postcode and cuts them into
chunks; `render_chunk` renders one chunk through the guard into one PDF file (chunks run
in parallel on several workers); the worker that finishes the last chunk writes the
manifest and proofs and hands the folder to the provider adapter (`finish_job`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify

from sincerely.errors import DomainError
from sincerely.messaging.guard.evidence import EvidenceIndex
from sincerely.messaging.guard.ledger import Ledger
from sincerely.messaging.guard.linter import Finding, UnguardedClaims, lint_message
from sincerely.messaging.guard.renderer import (
    HeldBack,
    compile_message,
    current_facts,
    render_message,
)
from sincerely.messaging.queries import audience, why_lines
from sincerely.messaging.services import resolve_sender
from sincerely.people.models import Consent, Fact, Person, Suppression
from sincerely.people.services import (
    audit,
    get_list,
    get_purpose,
    normalise_email,
    record_consent,
)
from sincerely.postal import conf
from sincerely.postal.addresses import AddressProblem, postal_address
from sincerely.postal.layout import piece_html
from sincerely.postal.links import piece_url
from sincerely.postal.models import (
    PostalSuppression,
    PrintCampaign,
    PrintJob,
    PrintPiece,
    address_key,
)
from sincerely.timeline.services import record_touchpoint

log = logging.getLogger(__name__)

POSTAL_PURPOSE = "postal"
# The guarded renderer renders a subject, a text and an HTML body; printed mail has only
# the body, so the other two are fixed words that never reach paper.
_SUBJECT = "printed mail"
PLAN_PAGE = 1000
ANSWERS = {
    "not_for_me": "said this is not for them",
    "call_me": "asked to be called",
    "write": "wrote to us",
    "stop_postal": "asked us to stop postal mail",
}


# ---------------------------------------------------------------------------- campaigns


def _check_body(html: str) -> list[Finding]:
    if not (html or "").strip():
        raise DomainError("a printed piece needs a body", field="html")
    compile_message(_SUBJECT, "", html)
    return lint_message(_SUBJECT, "", html)


def _choice(value: str, choices, field_name: str) -> str:
    value = (value or "").strip().lower()
    if value not in choices.values:
        raise DomainError(f"'{value}' is not one of {', '.join(choices.values)}", field=field_name)
    return value


def _money(value) -> Decimal:
    try:
        amount = Decimal(str(value if value not in (None, "") else "0"))
    except InvalidOperation:
        raise DomainError("a cost is a number such as 0.85", field="cost_per_piece") from None
    if amount < 0 or amount >= 100000:
        raise DomainError("a cost per piece is between 0 and 99999", field="cost_per_piece")
    return amount.quantize(Decimal("0.001"))


def _apply(campaign: PrintCampaign, fields: dict) -> None:
    if "list_slug" in fields:
        campaign.audience_list = get_list(fields.pop("list_slug"), field="list")
    if "purpose" in fields:
        slug = (fields.pop("purpose") or POSTAL_PURPOSE).strip()
        campaign.purpose = get_purpose(slug)
    if "sender" in fields:
        campaign.sender = resolve_sender(fields.pop("sender"))
    if "kind" in fields:
        campaign.kind = _choice(fields.pop("kind"), PrintCampaign.Kind, "kind")
    if "paper" in fields:
        campaign.paper = _choice(fields.pop("paper"), PrintCampaign.Paper, "paper")
    if "cost_per_piece" in fields:
        campaign.cost_per_piece = _money(fields.pop("cost_per_piece"))
    if "bleed_mm" in fields:
        bleed = int(fields.pop("bleed_mm") or 0)
        if not 0 <= bleed <= 10:
            raise DomainError("bleed is 0 to 10 mm (3 mm is usual)", field="bleed_mm")
        campaign.bleed_mm = bleed
    if "offer_code" in fields:
        code = (fields.pop("offer_code") or "").strip().upper()
        if code and not re.fullmatch(r"[A-Z0-9-]{2,40}", code):
            raise DomainError("an offer code is 2–40 letters, digits or dashes", field="offer_code")
        campaign.offer_code = code
    for name in ("name", "sender_name", "html", "css", "crop_marks"):
        if name in fields and fields[name] is not None:
            setattr(campaign, name, fields.pop(name))
    campaign.name = (campaign.name or "").strip()[:200]
    if not campaign.name:
        raise DomainError("a print campaign needs a name", field="name")
    if campaign.paper in (PrintCampaign.Paper.A6, PrintCampaign.Paper.CARD_4X6):
        if campaign.kind != PrintCampaign.Kind.POSTCARD:
            raise DomainError("A6 and 4×6 in are postcard sizes", field="paper")
    elif campaign.kind == PrintCampaign.Kind.POSTCARD:
        raise DomainError("a postcard is printed on A6 or 4×6 in", field="paper")
    if "</style" in (campaign.css or "").lower():
        raise DomainError("CSS cannot close its style element", field="css")


@transaction.atomic
def create_print_campaign(*, actor=None, **fields) -> tuple[PrintCampaign, list[Finding]]:
    """Save a print campaign and return it with the linter's findings on its body."""
    campaign = PrintCampaign(created_by=actor, purpose=get_purpose(POSTAL_PURPOSE))
    fields.setdefault("sender", actor)
    if "list_slug" not in fields:
        raise DomainError("choose the list this campaign is for", field="list")
    _apply(campaign, dict(fields))
    findings = _check_body(campaign.html)
    campaign.save()
    audit(actor, "print.create", None, f"print campaign #{campaign.pk} {campaign.name}")
    return campaign, findings


@transaction.atomic
def update_print_campaign(campaign: PrintCampaign, *, actor=None, **fields) -> list[Finding]:
    _apply(campaign, dict(fields))
    findings = _check_body(campaign.html)
    campaign.save()
    return findings


def campaign_findings(campaign: PrintCampaign) -> list[Finding]:
    return lint_message(_SUBJECT, "", campaign.html)


# ---------------------------------------------------------------------------- one piece


_TAGS = re.compile(r"<[^>]+>")


def postal_stop(person_ids: list[int]) -> set[int]:
    """People whose newest `postal` consent is a withdrawal: no printed mail, whatever the list."""
    return set(
        Consent.objects.filter(
            person_id__in=person_ids,
            purpose__slug=POSTAL_PURPOSE,
            is_current=True,
            status=Consent.Status.WITHDRAWN,
        ).values_list("person_id", flat=True)
    )


def _suppression_keys(person: Person, facts: dict[str, Fact], addr) -> tuple[str, str]:
    email_hash = address_hash = ""
    if person.email:
        with contextlib.suppress(DomainError):
            email_hash = Suppression.hash_email(normalise_email(person.email))
    if addr is not None:
        address_hash = address_key(addr.name, addr.postcode, facts["address_line1"].value)
    return email_hash, address_hash


def _suppressions(keys: list[tuple[str, str]]) -> dict[str, PostalSuppression]:
    """The suppressions matching any of these (email hash, address hash) pairs, by hash."""
    emails = [e for e, _ in keys if e]
    addresses = [a for _, a in keys if a]
    found: dict[str, PostalSuppression] = {}
    rows = PostalSuppression.objects.filter(
        Q(email_hash__in=emails) | Q(address_hash__in=addresses)
    ).order_by("id")
    for row in rows:
        for value in (row.email_hash, row.address_hash):
            if value:
                found.setdefault(value, row)
    return found


def _return_address(campaign: PrintCampaign) -> str:
    sender = campaign.sender_name or campaign.sender.get_full_name() or campaign.sender.username
    where = conf.return_address()
    return f"{sender} · {where}" if where else sender


@dataclass
class PieceResult:
    html: str = ""
    ledger: list[dict] = field(default_factory=list)
    held_reason: str = ""
    address_lines: tuple[str, ...] = ()
    postcode: str = ""
    country: str = ""


def render_piece(
    campaign: PrintCampaign,
    person: Person,
    *,
    piece_id: int | None,
    why: str,
    facts: dict[str, Fact] | None = None,
    index: EvidenceIndex | None = None,
) -> PieceResult:
    """The printable HTML of one piece and its ledger, or the reason it is held back."""
    if facts is None:
        facts = current_facts([person.pk])[person.pk]
    try:
        addr = postal_address(facts, display_name=person.display_name)
    except AddressProblem as problem:
        return PieceResult(held_reason=problem.reason)
    ledger = Ledger()
    for fact in addr.facts:
        ledger.add_fact(fact)
    try:
        # render_message runs the render-time gate (messaging/guard/gate.py) on what the
        # piece says: a claim this person's evidence does not back holds the piece back.
        rendered = render_message(
            compile_message(_SUBJECT, "", campaign.html),
            person,
            sender=campaign.sender,
            sender_name=campaign.sender_name,
            facts=facts,
            index=index,
        )
        for entry in rendered.ledger:
            ledger.add(entry)
    except HeldBack as held:
        return PieceResult(held_reason=held.reason)
    html = piece_html(
        campaign,
        body=rendered.html,
        address_lines=addr.lines,
        return_address=_return_address(campaign),
        why=why,
        url=piece_url(piece_id),
        offer_code=campaign.offer_code,
    )
    return PieceResult(
        html=html,
        ledger=ledger.entries,
        address_lines=addr.lines,
        postcode=addr.postcode,
        country=addr.country,
    )


def preview_piece(campaign: PrintCampaign, person: Person) -> tuple[PieceResult, bytes]:
    """One recipient's piece as a PDF (empty when held back), for the editor and the CLI."""
    why = why_lines(campaign, [person.pk]).get(person.pk, "")
    result = render_piece(campaign, person, piece_id=None, why=why)
    if result.held_reason:
        return result, b""
    from sincerely.postal.pdf import pdf_bytes

    return result, pdf_bytes(result.html)


# ---------------------------------------------------------------------------- jobs


@transaction.atomic
def start_job(
    campaign: PrintCampaign,
    *,
    actor=None,
    chunk_size: int | None = None,
    enqueue: bool = True,
) -> PrintJob:
    """Queue a print job for the worker; refused while the body has an unguarded claim.

    With `enqueue=False` the caller runs `plan_job` and `render_chunk` itself (the CLI).
    """
    findings = campaign_findings(campaign)
    if findings:
        raise UnguardedClaims(findings)
    size = chunk_size or conf.chunk_size()
    if not 1 <= size <= 5000:
        raise DomainError("a chunk holds 1 to 5000 pieces", field="chunk_size")
    job = PrintJob.objects.create(
        campaign=campaign, chunk_size=size, created_by=actor, provider=conf.provider()
    )
    audit(actor, "print.job", None, f"print job #{job.pk} of {campaign.name}")
    if enqueue:
        from sincerely.postal.tasks import plan_print_job_task

        transaction.on_commit(lambda: plan_print_job_task.enqueue(job.pk))
    return job


def job_folder(job: PrintJob) -> Path:
    name = f"job-{job.pk}-{slugify(job.campaign.name)[:40] or 'print'}"
    return conf.print_dir() / name


def _plan_page(campaign: PrintCampaign, job: PrintJob, people: list[Person]) -> list[PrintPiece]:
    ids = [p.pk for p in people]
    facts = current_facts(ids)
    why = why_lines(campaign, ids)
    stopped = postal_stop(ids)
    pieces = []
    addresses, problems = {}, {}
    for person in people:
        try:
            addresses[person.pk] = postal_address(
                facts[person.pk], display_name=person.display_name
            )
        except AddressProblem as problem:
            problems[person.pk] = problem.reason
    keys = {
        p.pk: _suppression_keys(p, facts[p.pk], addresses.get(p.pk))
        for p in people
        if p.pk not in stopped
    }
    suppressed = _suppressions(list(keys.values()))
    for person in people:
        piece = PrintPiece(job=job, campaign=campaign, person=person, why=why.get(person.pk, ""))
        addr = addresses.get(person.pk)
        if addr is None:
            piece.status, piece.held_reason = PrintPiece.Status.HELD_BACK, problems[person.pk]
        if person.pk in stopped:
            piece.status = PrintPiece.Status.HELD_BACK
            piece.held_reason = "asked us to stop postal mail"
        elif addr is not None:
            piece.address = list(addr.lines)
            piece.postcode, piece.country = addr.postcode, addr.country
            email_hash, address_hash = keys[person.pk]
            found = suppressed.get(email_hash) or suppressed.get(address_hash)
            if found is not None:
                piece.status = PrintPiece.Status.HELD_BACK
                piece.held_reason = f"suppressed: {found.get_reason_display()} ({found.source})"
        pieces.append(piece)
    return pieces


def plan_job(job_id: int) -> int:
    """Create the job's pieces (or hold them back), sort them by postcode, cut them into chunks.

    Returns the number of chunks; safe to run again (existing pieces are kept).
    """
    job = PrintJob.objects.select_related("campaign", "campaign__audience_list").get(pk=job_id)
    campaign = job.campaign
    started = PrintJob.objects.filter(pk=job.pk, status=PrintJob.Status.QUEUED).update(
        status=PrintJob.Status.RENDERING, started_at=timezone.now()
    )
    if not started:
        return job.chunks  # planned by an earlier run; its chunks render (or rendered) anyway
    last_id = 0
    while True:
        page = list(audience(campaign).filter(id__gt=last_id)[:PLAN_PAGE])
        if not page:
            break
        last_id = page[-1].pk
        done = set(
            PrintPiece.objects.filter(job=job, person_id__in=[p.pk for p in page]).values_list(
                "person_id", flat=True
            )
        )
        fresh = _plan_page(campaign, job, [p for p in page if p.pk not in done])
        with transaction.atomic():
            PrintPiece.objects.bulk_create(fresh, batch_size=500)
    # Sorted by postcode so the printer's output is already in the post's sorting order.
    ordered = list(
        PrintPiece.objects.filter(job=job, status=PrintPiece.Status.PENDING)
        .order_by("country", "postcode", "id")
        .values_list("id", flat=True)
    )
    chunks = 0
    for start in range(0, len(ordered), job.chunk_size):
        PrintPiece.objects.filter(id__in=ordered[start : start + job.chunk_size]).update(
            chunk=chunks
        )
        chunks += 1
    held = PrintPiece.objects.filter(job=job, status=PrintPiece.Status.HELD_BACK).count()
    folder = job_folder(job)
    folder.mkdir(parents=True, exist_ok=True)
    PrintJob.objects.filter(pk=job.pk).update(
        chunks=chunks, total=len(ordered), held=held, rendered=0, folder=str(folder)
    )
    if not chunks:
        finish_job(job.pk)
    return chunks


def chunk_path(folder: Path, chunk: int) -> Path:
    return Path(folder) / f"pieces-{chunk + 1:04d}.pdf"


def render_chunk(job_id: int, chunk: int) -> int:
    """Render one chunk through the guard into its PDF file; the last chunk finishes the job."""
    job = PrintJob.objects.select_related("campaign", "campaign__sender").get(pk=job_id)
    campaign = job.campaign
    pieces = list(
        PrintPiece.objects.filter(job=job, chunk=chunk, status=PrintPiece.Status.PENDING)
        .select_related("person")
        .order_by("country", "postcode", "id")
    )
    if not pieces:
        return 0  # already rendered by an earlier run of this task
    ids = [p.person_id for p in pieces]
    facts = current_facts(ids)
    index = EvidenceIndex(ids)
    printable: list[tuple[PrintPiece, str]] = []
    held: list[PrintPiece] = []
    for piece in pieces:
        result = render_piece(
            campaign,
            piece.person,
            piece_id=piece.pk,
            why=piece.why,
            facts=facts[piece.person_id],
            index=index,
        )
        if result.held_reason:
            piece.status, piece.held_reason = PrintPiece.Status.HELD_BACK, result.held_reason[:300]
            held.append(piece)
            continue
        piece.ledger = result.ledger
        printable.append((piece, result.html))
    from sincerely.postal.pdf import write_chunk

    page_counts = write_chunk((html for _, html in printable), chunk_path(Path(job.folder), chunk))
    for (piece, _), pages in zip(printable, page_counts, strict=True):
        piece.status, piece.pages = PrintPiece.Status.PRINTED, pages
    with transaction.atomic():
        PrintPiece.objects.bulk_update(
            [p for p, _ in printable] + held,
            ["status", "pages", "ledger", "held_reason"],
            batch_size=500,
        )
        PrintJob.objects.filter(pk=job.pk).update(
            rendered=F("rendered") + len(printable) + len(held),
            held=F("held") + len(held),
        )
    job.refresh_from_db()
    if job.rendered >= job.total and job.status == PrintJob.Status.RENDERING:
        finish_job(job.pk)
    return len(printable)


def fail_job(job_id: int, error: str) -> None:
    PrintJob.objects.filter(pk=job_id).exclude(status=PrintJob.Status.DONE).update(
        status=PrintJob.Status.FAILED, error=error[:500], finished_at=timezone.now()
    )


def _manifest_rows(job: PrintJob) -> Iterable[list]:
    page = {}
    for piece in (
        PrintPiece.objects.filter(job=job, status=PrintPiece.Status.PRINTED)
        .order_by("chunk", "country", "postcode", "id")
        .values_list("id", "person_id", "pages", "postcode", "country", "chunk")
        .iterator(chunk_size=2000)
    ):
        piece_id, person_id, pages, postcode, country, chunk = piece
        first = page.get(chunk, 1)
        page[chunk] = first + pages
        yield [
            piece_id,
            person_id,
            pages,
            postcode,
            country,
            chunk_path(Path("."), chunk).name,
            first,
        ]


def finish_job(job_id: int) -> PrintJob:
    """Write the manifest, the held-back list and proofs; hand the folder to the provider.

    Two workers can finish their last chunks at the same moment; the conditional update
    lets exactly one of them finish the job (it works the same on SQLite and PostgreSQL).
    """
    claimed = PrintJob.objects.filter(pk=job_id, status=PrintJob.Status.RENDERING).update(
        status=PrintJob.Status.DONE, finished_at=timezone.now()
    )
    job = PrintJob.objects.select_related("campaign").get(pk=job_id)
    if not claimed:
        return job
    folder = Path(job.folder or job_folder(job))
    folder.mkdir(parents=True, exist_ok=True)
    with _atomic_file(folder / "manifest.csv") as out:
        writer = csv.writer(out)
        writer.writerow(["piece_id", "person_id", "pages", "postcode", "country", "file", "page"])
        writer.writerows(_manifest_rows(job))
    with _atomic_file(folder / "held_back.csv") as out:
        writer = csv.writer(out)
        writer.writerow(["piece_id", "person_id", "reason"])
        writer.writerows(
            PrintPiece.objects.filter(job=job, status=PrintPiece.Status.HELD_BACK)
            .order_by("id")
            .values_list("id", "person_id", "held_reason")
            .iterator(chunk_size=2000)
        )
    first = chunk_path(folder, 0)
    if first.exists():
        from sincerely.postal.pdf import write_proofs

        sizes = PrintPiece.objects.filter(job=job, chunk=0, status=PrintPiece.Status.PRINTED)
        sizes = sizes.order_by("country", "postcode", "id").values_list("pages", flat=True)
        starts, at = [], 0
        for pages in sizes[: conf.proof_count()]:
            starts.append(at)
            at += pages
        write_proofs(first, folder, first_pages=starts)
    from sincerely.postal.providers import provider_for

    provider_for(job).submit(job)
    PrintJob.objects.filter(pk=job.pk).update(submitted_at=timezone.now())
    log.info("print job #%s done: %s printed, %s held back", job.pk, job.total, job.held)
    job.refresh_from_db()
    return job


class _atomic_file:
    """Write to a temporary name and rename: a print house never picks up half a file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_suffix(path.suffix + ".part")

    def __enter__(self):
        self.handle = open(self.tmp, "w", newline="", encoding="utf-8")  # noqa: SIM115
        return self.handle

    def __exit__(self, exc_type, exc, tb) -> None:
        self.handle.close()
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


# ---------------------------------------------------------------------------- answers


def record_visit(piece: PrintPiece) -> None:
    """A visit of the piece's page (typed URL or scanned QR): one touchpoint per piece per day."""
    now = timezone.now()
    if piece.visited_at is None:
        PrintPiece.objects.filter(pk=piece.pk, visited_at__isnull=True).update(visited_at=now)
    record_touchpoint(
        piece.person,
        "print_visit",
        at=now,
        properties=_touch_properties(piece),
        client_event_id=f"print-visit:{piece.pk}:{now:%Y-%m-%d}",
    )


def _touch_properties(piece: PrintPiece) -> dict:
    return {
        "piece": piece.pk,
        "print_campaign": piece.campaign_id,
        "campaign_name": piece.campaign.name[:200],
    }


@transaction.atomic
def record_answer(piece: PrintPiece, answer: str, *, text: str = "", phone: str = "") -> str:
    """The person's answer from the piece's page; returns the words to thank them with."""
    if answer not in ANSWERS:
        raise DomainError(f"unknown answer; one of {', '.join(ANSWERS)}", field="answer")
    person = piece.person
    properties = {**_touch_properties(piece), "answer": answer}
    from sincerely.conversations.services.inbox import receive_privacy_message

    if answer == "write":
        if not (text or "").strip():
            raise DomainError("write your message first", field="text")
        conversation = receive_privacy_message(
            person, f"(answer to the printed “{piece.campaign.name}”)\n\n{text.strip()}"
        )
        properties["conversation"] = conversation.pk
        thanks = "Sent. A named person from our team will answer you."
    elif answer == "call_me":
        phone = " ".join((phone or "").split())[:40]
        if phone and sum(ch.isdigit() for ch in phone) < 6:
            raise DomainError("that does not look like a phone number", field="phone")
        note = f"Please call me about the printed “{piece.campaign.name}”."
        if phone:
            note += f" My number: {phone}."
        if (text or "").strip():
            note += f"\n\n{text.strip()}"
        conversation = receive_privacy_message(person, note)
        properties["conversation"] = conversation.pk
        thanks = "Thank you: someone from our team will call you."
    elif answer == "stop_postal":
        record_consent(
            person,
            POSTAL_PURPOSE,
            granted=False,
            where=f"answer page of printed piece #{piece.pk}",
            method="printed mail answer page",
        )
        thanks = "Done: we will not send you postal mail any more."
    else:
        thanks = "Thank you for telling us. We will not send you this again."
    PrintPiece.objects.filter(pk=piece.pk).update(answered_at=timezone.now())
    record_touchpoint(person, "print_answer", properties=properties)
    return thanks


# ---------------------------------------------------------------------------- suppressions


@dataclass
class SuppressionReport:
    added: int = 0
    already: int = 0
    lines: int = 0


REASON_WORDS = {
    "do_not_mail": PostalSuppression.Reason.DO_NOT_MAIL,
    "dnm": PostalSuppression.Reason.DO_NOT_MAIL,
    "mps": PostalSuppression.Reason.DO_NOT_MAIL,
    "moved": PostalSuppression.Reason.MOVED,
    "gone_away": PostalSuppression.Reason.MOVED,
    "deceased": PostalSuppression.Reason.DECEASED,
}


def import_suppressions(
    data: str | bytes, *, source: str, reason: str = "do_not_mail", actor=None
) -> SuppressionReport:
    """Import a do-not-mail, moved or deceased file (CSV) as postal suppressions, all or nothing.

    Columns: `email`, or `name` (or `first_name` + `last_name`), `postal_code` and
    `address_line1`; an optional `reason` column (do_not_mail, moved, deceased) overrides
    the default for its row.
    """
    source = (source or "").strip()
    if not source:
        raise DomainError("say where this file came from (--source)", field="source")
    default = REASON_WORDS.get((reason or "").strip().lower())
    if default is None:
        raise DomainError(f"unknown reason '{reason}'; one of {', '.join(REASON_WORDS)}", "reason")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DomainError("the file is not UTF-8 text", field="file") from None
    reader = csv.DictReader(io.StringIO(data))
    columns = {(c or "").strip().lower() for c in reader.fieldnames or []}
    has_name = "name" in columns or {"first_name", "last_name"} <= columns
    if "email" not in columns and not (has_name and {"postal_code", "address_line1"} <= columns):
        raise DomainError(
            "the file needs an email column, or name, postal_code and address_line1",
            field="columns",
            line=1,
        )
    rows = []
    for line, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        row_reason = REASON_WORDS.get(row["reason"].lower()) if row.get("reason") else default
        if row_reason is None:
            raise DomainError(f"unknown reason '{row['reason']}'", field="reason", line=line)
        email_hash = address_hash = ""
        if row.get("email"):
            email = normalise_email(row["email"], field=f"email (line {line})")
            email_hash = Suppression.hash_email(email)
        name = row.get("name") or " ".join(
            v for v in (row.get("first_name", ""), row.get("last_name", "")) if v
        )
        if name and row.get("postal_code") and row.get("address_line1"):
            postcode = row["postal_code"].upper()
            address_hash = address_key(name, postcode, row["address_line1"])
        if not (email_hash or address_hash):
            raise DomainError(
                "a row needs an email, or a name, postal_code and address_line1",
                field="row",
                line=line,
            )
        rows.append((line, row_reason, email_hash, address_hash))
    report = SuppressionReport(lines=len(rows))
    with transaction.atomic():
        for line, row_reason, email_hash, address_hash in rows:
            exists = PostalSuppression.objects.filter(
                reason=row_reason, email_hash=email_hash, address_hash=address_hash
            ).exists()
            if exists:
                report.already += 1
                continue
            PostalSuppression.objects.create(
                reason=row_reason,
                email_hash=email_hash,
                address_hash=address_hash,
                source=source[:300],
                line=line,
                created_by=actor,
            )
            report.added += 1
        audit(actor, "print.suppress", None, f"{report.added} postal suppressions from {source}")
    return report
