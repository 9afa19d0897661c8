"""The frame every CSV import shares: decoding, the header line, dates, issues kept on the
batch, and one all-or-nothing transaction that applies rows in chunks.

People (`people/imports.py`) and purchases (`timeline/imports.py`) are imported through it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime, time
from typing import IO, Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from sincerely.errors import DomainError, ImportRejected
from sincerely.people.models import AudienceList, ImportBatch, ImportIssue
from sincerely.people.services import audit

CHUNK = 2000


class _Rollback(Exception):
    """Raised inside the transaction to undo a dry run after it has been measured."""


@dataclass
class RowIssue:
    line: int
    kind: str
    reason: str
    field: str = ""
    row: dict = dataclass_field(default_factory=dict)


@dataclass
class BaseImportReport:
    """What every import reports: the file, its source, the rows, and each row not applied."""

    filename: str
    source: str
    dry_run: bool = False
    rows_total: int = 0
    issues: list[RowIssue] = dataclass_field(default_factory=list)
    batch_id: int | None = None

    @property
    def rejected(self) -> list[RowIssue]:
        return [i for i in self.issues if i.kind == ImportIssue.Kind.REJECTED]

    @property
    def verb(self) -> str:
        return "would import" if self.dry_run else "imported"

    def as_dict(self) -> dict:
        return {
            "batch_id": self.batch_id,
            "dry_run": self.dry_run,
            "rows": self.rows_total,
            "rejected": len(self.rejected),
            "issues": issues_as_dicts(self.issues),
        }

    def batch_counts(self) -> dict[str, int]:
        """The ImportBatch counters this report fills in."""
        return {"rows_total": self.rows_total, "rows_rejected": len(self.rejected)}


def _first_bad_line(stream: IO[bytes]) -> int:
    """The number of the first line that is not UTF-8 (the error path only: rescans)."""
    stream.seek(0)
    number = 0
    for number, raw in enumerate(stream, start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return number
    return max(number, 1)


def _head(stream: IO[bytes], size: int = 4096) -> bytes:
    """The first bytes of the file, leaving the stream where it was."""
    if hasattr(stream, "peek"):
        return stream.peek(size)[:size]
    if stream.seekable():
        start = stream.tell()
        head = stream.read(size)
        stream.seek(start)
        return head
    return b""


def _refuse_utf16(stream: IO[bytes]) -> None:
    """A UTF-16 file (Excel's "Unicode text") is refused as what it is; without this, one
    without a byte-order mark decodes as UTF-8 with a NUL between letters and is reported
    as having no email column."""
    head = _head(stream)
    # Text in UTF-16 has a NUL beside every ASCII letter; a stray NUL in a cell does not.
    mostly_nul = len(head) >= 4 and head.count(b"\x00") * 4 >= len(head)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or mostly_nul:
        raise ImportRejected(
            "the file is not UTF-8 (it looks like UTF-16); save it as 'CSV UTF-8' and try again",
            line=1,
        )


def text_lines(stream: IO[bytes]) -> Iterator[str]:
    """Decode UTF-8 (with or without BOM); name the first line that is not UTF-8.

    The file is streamed through a TextIOWrapper; only when decoding fails is it
    rescanned to name the line, so a good file is read once.
    """
    _refuse_utf16(stream)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
    try:
        yield from text
    except UnicodeDecodeError:
        line = _first_bad_line(stream) if stream.seekable() else None
        raise ImportRejected(
            "the file is not UTF-8 text (save it as 'CSV UTF-8' and try again)", line=line
        ) from None


def parse_past_time(raw: str, *, field: str) -> datetime | None:
    """A date or ISO 8601 time from a CSV cell, not in the future; None when the cell is empty.

    A bare date means noon in the site's time zone. Shared by every import.
    """
    raw = raw.strip()
    if not raw:
        return None
    try:
        value = parse_datetime(raw)
    except ValueError:  # well-formed but impossible, e.g. 2024-02-30 10:00
        value = None
    if value is None:
        try:
            day = parse_date(raw)
        except ValueError:
            day = None
        if day is None:
            raise DomainError(f"'{raw}' is not a date (use 2024-03-02 or ISO 8601)", field=field)
        value = datetime.combine(day, time(12, 0))
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.get_default_timezone())
    if value > timezone.now():
        raise DomainError(f"'{raw}' is in the future", field=field)
    return value


def read_column_names(reader) -> list[str]:
    """The header line's column names, normalised; refuses an empty or ambiguous header.

    Shared by every CSV import (people, purchases).
    """
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRejected("the file is empty", line=1) from None
    except csv.Error as exc:
        raise ImportRejected(f"broken CSV: {exc}", line=1) from None
    columns: list[str] = []
    for position, name in enumerate(header, start=1):
        name = name.strip().lower().replace(" ", "_").replace("-", "_")
        if not name:
            raise ImportRejected(
                f"column {position} has no name", line=1, field=f"column {position}"
            )
        if name in columns:
            raise ImportRejected(f"column '{name}' appears twice", line=1, field=name)
        columns.append(name)
    return columns


def keep_issues(batch: ImportBatch, issues: list[RowIssue]) -> None:
    """Store every row not applied on its batch, in line order, whole, with its reason."""
    issues.sort(key=lambda issue: issue.line)
    ImportIssue.objects.bulk_create(
        [
            ImportIssue(
                batch=batch,
                line=i.line,
                kind=i.kind,
                field=i.field,
                reason=i.reason[:500],
                row=i.row,
            )
            for i in issues
        ],
        batch_size=1000,
    )


def issues_as_dicts(issues: list[RowIssue]) -> list[dict]:
    return [{"line": i.line, "kind": i.kind, "field": i.field, "reason": i.reason} for i in issues]


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_import(
    report: BaseImportReport,
    rows: Iterator,
    *,
    kind: str,
    applier: Callable[[ImportBatch], Any],
    actor: AbstractBaseUser | None = None,
    audience_list: AudienceList | None = None,
    progress: Callable[[int], None] | None = None,
):
    """The frame every CSV import shares: one transaction, one batch, rows in chunks.

    `rows` yields good rows and RowIssues; the applier writes a chunk of good rows and
    returns the issues it found, and may `finish()` once all chunks are in. A dry run
    does every check and write, then rolls back, so its report is the real outcome.
    """
    if not (report.source or "").strip():
        raise ImportRejected("say where these rows came from (--source)", field="source")
    try:
        with transaction.atomic():
            batch = ImportBatch.objects.create(
                kind=kind,
                filename=report.filename[:255],
                source=report.source.strip()[:500],
                audience_list=audience_list,
                created_by=actor,
                status=ImportBatch.Status.APPLIED,
            )
            writer = applier(batch)
            for chunk in _chunks(rows, CHUNK):
                report.issues.extend(item for item in chunk if isinstance(item, RowIssue))
                good = [item for item in chunk if not isinstance(item, RowIssue)]
                report.issues.extend(writer.apply(good))
            if hasattr(writer, "finish"):
                writer.finish()
            keep_issues(batch, report.issues)
            for name, value in report.batch_counts().items():
                setattr(batch, name, value)
            batch.save()
            audit(actor, f"import.{kind}", None, report.summary(), batch_id=batch.pk)
            report.batch_id = batch.pk
            if report.dry_run:
                raise _Rollback
    except _Rollback:
        report.batch_id = None
    if progress:
        progress(report.rows_total)
    return report
