"""Console imports of any size: run in the request when small, on the worker when large.

Either way one function runs the import and writes its state to a small JSON file beside
the upload (`DATA_DIR/uploads/ID.json`): queued, running with the rows read so far,
previewed (a dry run's report), done (the batch), or failed (the reason, nothing
written). A file rather than a table because the import is one transaction: on SQLite it
holds the write lock until the end, and on either database its rows are invisible until
the commit, while the progress must be readable all along. The web app and the workers
share DATA_DIR already, for the uploads themselves.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django_tasks import task

from sincerely.errors import DomainError
from sincerely.people.import_frame import issues_as_dicts
from sincerely.people.imports import import_people

log = logging.getLogger(__name__)

# Files up to this size are imported while the browser waits (about 20,000 rows, a few
# seconds); larger ones on the worker, with a progress page.
INLINE_LIMIT_BYTES = 2_000_000
PREVIEW_ISSUES = 200
KEEP_SECONDS = 2 * 24 * 3600  # uploads and job states kept two days


def upload_dir() -> Path:
    path = Path(settings.DATA_DIR) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def new_upload_id() -> str:
    """A fresh id for an upload; old uploads and job files are swept out on the way."""
    sweep()
    return uuid.uuid4().hex


def sweep(max_age_seconds: int = KEEP_SECONDS) -> int:
    """Remove uploads and job files untouched for `max_age_seconds` (abandoned previews,
    finished jobs); an import in progress writes its job file as it goes."""
    cutoff = time.time() - max_age_seconds
    removed = 0
    for path in upload_dir().iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def is_upload_id(value: str) -> bool:
    return len(value) == 32 and all(c in "0123456789abcdef" for c in value)


def read_job(upload_id: str) -> dict | None:
    try:
        return json.loads((upload_dir() / f"{upload_id}.json").read_text())
    except (OSError, ValueError):
        return None


def write_job(upload_id: str, **state) -> dict:
    """Merge `state` into the job's file; written whole and renamed, so never half-read."""
    job = (read_job(upload_id) or {}) | state
    path = upload_dir() / f"{upload_id}.json"
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(job))
    os.replace(partial, path)
    return job


def run_people_import(upload_id: str, *, dry_run: bool) -> dict:
    """Run the import (or its preview) described by the job file; returns the new state."""
    job = read_job(upload_id) or {}
    path = upload_dir() / upload_id
    if not path.exists():
        return write_job(
            upload_id, state="failed", error="the uploaded file has expired; upload it again"
        )
    actor = get_user_model().objects.filter(pk=job.get("actor_id")).first()
    write_job(upload_id, state="running", dry_run=dry_run, rows=0)
    try:
        with path.open("rb") as stream:
            report = import_people(
                stream,
                filename=job.get("filename", "upload.csv"),
                list_slug=job.get("list", ""),
                source=job.get("source", ""),
                actor=actor,
                dry_run=dry_run,
                progress=lambda rows: write_job(upload_id, rows=rows),
            )
    except DomainError as exc:
        return write_job(upload_id, state="failed", error=str(exc))
    except Exception:  # noqa: BLE001 - the transaction rolled back; say so, keep the file
        log.exception("import %s stopped", upload_id)
        return write_job(
            upload_id, state="failed", error="the import stopped unexpectedly; nothing was written"
        )
    if not dry_run:
        path.unlink(missing_ok=True)
    return write_job(
        upload_id,
        state="done" if not dry_run else "previewed",
        rows=report.rows_total,
        summary=report.summary(),
        issues=issues_as_dicts(report.issues[:PREVIEW_ISSUES]),
        issue_count=len(report.issues),
        batch_id=report.batch_id,
    )


@task()
def import_people_task(upload_id: str, dry_run: bool) -> str:
    return run_people_import(upload_id, dry_run=dry_run)["state"]


def start(upload_id: str, *, dry_run: bool) -> dict:
    """Run now when the file is small, else queue it for the worker."""
    if (upload_dir() / upload_id).stat().st_size <= INLINE_LIMIT_BYTES:
        return run_people_import(upload_id, dry_run=dry_run)
    job = write_job(upload_id, state="queued", dry_run=dry_run, rows=0)
    import_people_task.enqueue(upload_id, dry_run)
    return job
