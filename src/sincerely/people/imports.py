"""CSV import of people: streamed, validated row by row, applied all-or-nothing in bulk.

Structural problems (encoding, broken quoting, missing columns, unknown list) refuse the
whole file and write nothing. Row problems never guess: a row with a bad value is
rejected and a row without consent to the list's purpose is quarantined; both are kept
whole, with line number and reason, on the import batch.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.utils import timezone

from sincerely.db import insert_rows, reserve_ids
from sincerely.errors import DomainError, ImportRejected
from sincerely.people.addresses import suppression_hashes
from sincerely.people.import_frame import (
    BaseImportReport,
    RowIssue,
    parse_past_time,
    read_column_names,
    run_import,
    text_lines,
)
from sincerely.people.models import (
    AudienceList,
    Consent,
    Fact,
    Identity,
    ImportBatch,
    ImportIssue,
    Membership,
    Person,
    SourceKind,
    Suppression,
)
from sincerely.people.services import (
    NAME_KEYS,
    get_list,
    normalise_email,
    normalise_fact_key,
    normalise_phone,
)

KNOWN_COLUMNS = {"email", "first_name", "last_name", "company", "phone", "consent", "consent_at"}
NOT_FACTS = {"email", "phone", "consent", "consent_at"}
YES = {"yes", "y", "true", "1", "oui"}
NO = {"no", "n", "false", "0", "non", ""}
# Limits on one row: a fact is a short statement, and a row is one person.
MAX_FACTS_PER_ROW = 50
MAX_FIELD_LENGTH = 1000


@dataclass
class ImportReport(BaseImportReport):
    list_slug: str = ""
    created: int = 0
    updated: int = 0
    # Known people whose row changed nothing (same facts, consent and list): not "updated".
    unchanged: int = 0

    def batch_counts(self) -> dict[str, int]:
        return {
            **super().batch_counts(),
            "rows_created": self.created,
            "rows_updated": self.updated,
            "rows_quarantined": len(self.quarantined),
        }

    @property
    def quarantined(self) -> list[RowIssue]:
        return [i for i in self.issues if i.kind == ImportIssue.Kind.QUARANTINED]

    def summary(self) -> str:
        return (
            f"{self.verb} {self.rows_total} rows from {self.filename} into '{self.list_slug}': "
            f"{self.created} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.quarantined)} quarantined, {len(self.rejected)} rejected"
        )

    def as_dict(self) -> dict:
        return {
            **super().as_dict(),
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "quarantined": len(self.quarantined),
        }


@dataclass
class _Row:
    line: int
    email: str
    phone: str
    facts: dict[str, str]
    consent_at: datetime | None
    raw: dict


def _read_header(reader) -> tuple[list[str], dict[str, str]]:
    columns = read_column_names(reader)
    fact_keys: dict[str, str] = {}
    for name in columns:
        if name not in NOT_FACTS:
            try:
                fact_keys[name] = normalise_fact_key(name)
            except DomainError:
                raise ImportRejected(
                    f"column '{name}' cannot name a fact", line=1, field=name
                ) from None
    if len(fact_keys) > MAX_FACTS_PER_ROW:
        extra = list(fact_keys)[MAX_FACTS_PER_ROW]
        raise ImportRejected(
            f"{len(fact_keys)} fact columns; at most {MAX_FACTS_PER_ROW} per row "
            f"(column '{extra}' is one too many)",
            line=1,
            field=extra,
        )
    if "email" not in columns:
        raise ImportRejected(
            "the required column 'email' is missing (first line must name the columns)",
            line=1,
            field="email",
        )
    return columns, fact_keys


def _rows(stream: IO[bytes], report: ImportReport, progress) -> Iterator[_Row | RowIssue]:
    reader = csv.reader(text_lines(stream), strict=True)
    columns, fact_keys = _read_header(reader)
    seen: dict[str, int] = {}
    has_consent_column = "consent" in columns
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportRejected(f"broken CSV quoting: {exc}", line=reader.line_num) from None
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        report.rows_total += 1
        if progress and report.rows_total % 5000 == 0:
            progress(report.rows_total)
        raw = dict(zip(columns, values, strict=False))
        if len(values) != len(columns):
            yield RowIssue(
                line,
                ImportIssue.Kind.REJECTED,
                f"has {len(values)} fields, the header has {len(columns)}",
                row={"values": [v.replace("\x00", "\ufffd") for v in values]},
            )
            continue
        long_field = next((c for c, v in raw.items() if len(v) > MAX_FIELD_LENGTH), None)
        if long_field:
            length = len(raw[long_field])
            raw = {
                c: v[:MAX_FIELD_LENGTH] + ("…" if len(v) > MAX_FIELD_LENGTH else "")
                for c, v in raw.items()
            }
            yield RowIssue(
                line,
                ImportIssue.Kind.REJECTED,
                f"column '{long_field}' has {length:,} characters; at most {MAX_FIELD_LENGTH:,}",
                long_field,
                raw,
            )
            continue
        nul_field = next((col for col, value in raw.items() if "\x00" in value), None)
        if nul_field:
            # Neither PostgreSQL text nor JSON can hold NUL; keep the row with it made visible.
            raw = {col: value.replace("\x00", "\ufffd") for col, value in raw.items()}
            yield RowIssue(
                line, ImportIssue.Kind.REJECTED, "contains a NUL character", nul_field, raw
            )
            continue
        try:
            email = normalise_email(raw["email"])
            phone = normalise_phone(raw["phone"]) if raw.get("phone", "").strip() else ""
            consent_at = parse_past_time(raw.get("consent_at", ""), field="consent_at")
            consent_raw = raw.get("consent", "").strip().lower()
            if consent_raw not in YES | NO:
                raise DomainError(f"'{raw['consent']}' is not yes or no", field="consent")
        except DomainError as exc:
            yield RowIssue(line, ImportIssue.Kind.REJECTED, exc.reason, exc.field, raw)
            continue
        if email in seen:
            yield RowIssue(
                line, ImportIssue.Kind.REJECTED, f"same email as line {seen[email]}", "email", raw
            )
            continue
        seen[email] = line
        if consent_raw not in YES:
            why = (
                "the consent column is empty or 'no'"
                if has_consent_column
                else ("the file has no consent column")
            )
            yield RowIssue(
                line,
                ImportIssue.Kind.QUARANTINED,
                f"no consent to the list's purpose: {why}",
                "consent",
                raw,
            )
            continue
        facts = {
            key: raw[col].strip() for col, key in fact_keys.items() if raw.get(col, "").strip()
        }
        yield _Row(line, email, phone, facts, consent_at, raw)


EVIDENCE_FIELDS = ["source_kind", "source_ref", "recorded_by", "recorded_at", "import_batch"]


class _Applier:
    """Writes one chunk of good rows with a handful of bulk statements."""

    def __init__(self, batch: ImportBatch, audience_list: AudienceList, actor, report):
        self.batch = batch
        self.list = audience_list
        self.actor = actor
        self.report = report
        self.now = timezone.now()
        self.phones_seen: dict[str, int] = {}
        self.evidence = {
            "source_kind": SourceKind.IMPORTED,
            "source_ref": f"{batch.source} ({batch.filename})"[:500],
            "recorded_by": actor,
            "recorded_at": self.now,
            "import_batch": batch,
        }

    def apply(self, rows: list[_Row]) -> list[RowIssue]:
        issues: list[RowIssue] = []
        hashes = {digest: r for r in rows for digest in suppression_hashes(r.email)}
        refused: set[str] = set()
        for email_hash, reason in Suppression.objects.filter(
            email_hash__in=list(hashes)
        ).values_list("email_hash", "reason"):
            row = hashes.get(email_hash)
            if row is not None and row.email not in refused:  # one issue per row
                refused.add(row.email)
                issues.append(
                    RowIssue(
                        row.line,
                        ImportIssue.Kind.REJECTED,
                        f"suppressed ({Suppression.Reason(reason).label}); never re-imported",
                        "email",
                        row.raw,
                    )
                )
        rows = [r for r in rows if r.email not in refused]
        existing = dict(
            Identity.objects.filter(
                kind=Identity.Kind.EMAIL, value__in=[r.email for r in rows]
            ).values_list("value", "person_id")
        )
        phones_taken = dict(
            Identity.objects.filter(
                kind=Identity.Kind.PHONE, value__in=[r.phone for r in rows if r.phone]
            ).values_list("value", "person_id")
        )
        left = dict(
            Membership.objects.filter(
                audience_list=self.list,
                person_id__in=list(existing.values()),
                left_at__isnull=False,
            ).values_list("person_id", "left_at")
        )
        withdrawn = dict(
            Consent.objects.filter(
                person_id__in=list(existing.values()),
                purpose=self.list.purpose,
                is_current=True,
                status=Consent.Status.WITHDRAWN,
            ).values_list("person_id", "at")
        )
        good: list[_Row] = []
        for row in rows:
            pid = existing.get(row.email)
            if pid in left:
                issues.append(
                    RowIssue(
                        row.line,
                        ImportIssue.Kind.QUARANTINED,
                        f"left this list on {left[pid]:%Y-%m-%d}; not re-added",
                        "email",
                        row.raw,
                    )
                )
            elif pid in withdrawn and (row.consent_at is None or row.consent_at <= withdrawn[pid]):
                issues.append(
                    RowIssue(
                        row.line,
                        ImportIssue.Kind.QUARANTINED,
                        f"withdrew consent on {withdrawn[pid]:%Y-%m-%d}, after the file's consent",
                        "consent",
                        row.raw,
                    )
                )
            elif row.phone and row.phone in self.phones_seen:
                issues.append(
                    RowIssue(
                        row.line,
                        ImportIssue.Kind.REJECTED,
                        f"same phone as line {self.phones_seen[row.phone]}",
                        "phone",
                        row.raw,
                    )
                )
            elif row.phone and phones_taken.get(row.phone, pid) != pid:
                issues.append(
                    RowIssue(
                        row.line,
                        ImportIssue.Kind.REJECTED,
                        f"phone belongs to another person (#{phones_taken[row.phone]})",
                        "phone",
                        row.raw,
                    )
                )
            else:
                if row.phone:
                    self.phones_seen[row.phone] = row.line
                    if pid is not None and phones_taken.get(row.phone) == pid:
                        row.phone = ""  # already on record for this very person
                good.append(row)
        self._write(good, existing)
        return issues

    def _write(self, rows: list[_Row], existing: dict[str, int]) -> None:
        new_rows = [r for r in rows if r.email not in existing]
        ids = reserve_ids(Person, len(new_rows))
        stamp = connection.ops.adapt_datetimefield_value(self.now)
        insert_rows(
            Person,
            ["id", "email", "display_name", "created_at", "updated_at"],
            [
                (pk, r.email, " ".join(r.facts[k] for k in NAME_KEYS if k in r.facts), stamp, stamp)
                for pk, r in zip(ids, new_rows, strict=True)
            ],
        )
        person_of = dict(existing)
        person_of.update({r.email: pk for r, pk in zip(new_rows, ids, strict=True)})
        self.report.created += len(new_rows)

        now = connection.ops.adapt_datetimefield_value(self.now)
        batch_id, actor_id = self.batch.pk, self.actor.pk if self.actor else None
        source_ref = self.evidence["source_ref"]
        identities = [(person_of[r.email], "email", r.email, True, now) for r in new_rows]
        identities += [(person_of[r.email], "phone", r.phone, False, now) for r in rows if r.phone]
        insert_rows(Identity, ["person", "kind", "value", "is_primary", "created_at"], identities)

        old_rows = [r for r in rows if r.email in existing]
        current = {}
        if old_rows:
            for fid, pid, key, value in Fact.objects.filter(
                person_id__in=[existing[r.email] for r in old_rows], is_current=True
            ).values_list("id", "person_id", "key", "value"):
                current[(pid, key)] = (fid, value)
        superseded: list[int] = []
        facts: list[tuple] = []
        changed: set[int] = {person_of[r.email] for r in new_rows}
        changed.update(person_of[r.email] for r in rows if r.phone)
        evidence = (SourceKind.IMPORTED.value, source_ref, actor_id, now, batch_id)
        for r in rows:
            pid = person_of[r.email]
            for key, value in r.facts.items():
                held = current.get((pid, key))
                if held and held[1] == value:
                    continue
                if held:
                    superseded.append(held[0])
                facts.append((pid, key, value, True, *evidence))
                changed.add(pid)
        if superseded:
            Fact.objects.filter(pk__in=superseded).update(is_current=False, superseded_at=self.now)
        insert_rows(Fact, ["person", "key", "value", "is_current", *EVIDENCE_FIELDS], facts)

        pids = [person_of[r.email] for r in rows]
        granted_at = dict(
            Consent.objects.filter(
                person_id__in=[existing[r.email] for r in old_rows],
                purpose=self.list.purpose,
                is_current=True,
                status=Consent.Status.GRANTED,
            ).values_list("person_id", "at")
        )
        # A consent already granted (at the file's date, when it gives one) stays as it is.
        rows_to_consent = [
            r
            for r in rows
            if person_of[r.email] not in granted_at
            or (r.consent_at is not None and granted_at[person_of[r.email]] != r.consent_at)
        ]
        consent_pids = [person_of[r.email] for r in rows_to_consent]
        changed.update(consent_pids)
        Consent.objects.filter(
            person_id__in=consent_pids, purpose=self.list.purpose, is_current=True
        ).update(is_current=False)
        where = f"{self.batch.source} ({self.batch.filename})"[:300]
        dated = "import (consent date given in the file)"
        undated = "import (no consent date in the file: import time used)"
        insert_rows(
            Consent,
            [
                "person",
                "purpose",
                "status",
                "at",
                "where",
                "wording",
                "method",
                "recorded_by",
                "recorded_at",
                "import_batch",
                "is_current",
            ],
            [
                (
                    person_of[r.email],
                    self.list.purpose_id,
                    Consent.Status.GRANTED.value,
                    connection.ops.adapt_datetimefield_value(r.consent_at) if r.consent_at else now,
                    where,
                    "",
                    dated if r.consent_at else undated,
                    actor_id,
                    now,
                    batch_id,
                    True,
                )
                for r in rows_to_consent
            ],
        )
        on_list = set(
            Membership.objects.filter(audience_list=self.list, person_id__in=pids).values_list(
                "person_id", flat=True
            )
        )
        reason = f"imported from {self.batch.filename}: {self.batch.source}"[:500]
        changed.update(pid for pid in pids if pid not in on_list)
        old_pids = {existing[r.email] for r in old_rows}
        self.report.updated += len(old_pids & changed)
        self.report.unchanged += len(old_pids - changed)
        insert_rows(
            Membership,
            ["audience_list", "person", "reason", "left_reason", *EVIDENCE_FIELDS],
            [
                (self.list.pk, pid, reason, "", *evidence)
                for pid in dict.fromkeys(pids)
                if pid not in on_list
            ],
        )
        if old_rows:
            for r in old_rows:
                if any(k in r.facts for k in NAME_KEYS):
                    Person.objects.filter(pk=existing[r.email]).update(
                        display_name=" ".join(r.facts[k] for k in NAME_KEYS if k in r.facts)
                    )


def import_people(
    stream: IO[bytes],
    *,
    filename: str,
    list_slug: str,
    source: str,
    actor: AbstractBaseUser | None = None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import people from a CSV byte stream into a list, all-or-nothing.

    With `dry_run` every check and write runs inside a transaction that is then rolled
    back, so the preview reports exactly what the real import would do.
    """
    audience_list = get_list(list_slug)
    report = ImportReport(
        filename=filename, list_slug=audience_list.slug, source=source, dry_run=dry_run
    )
    return run_import(
        report,
        _rows(stream, report, progress),
        kind=ImportBatch.Kind.PEOPLE,
        applier=lambda batch: _Applier(batch, audience_list, actor, report),
        actor=actor,
        audience_list=audience_list,
        progress=progress,
    )
