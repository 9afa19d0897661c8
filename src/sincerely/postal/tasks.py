"""Background jobs of printed mail, run by `sincerely worker`; each calls a service.

Planning a job enqueues one task per chunk, so several workers render chunks in
parallel; a chunk that meets a busy database queues itself again a little later.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import DatabaseError
from django.utils import timezone
from django_tasks import task

log = logging.getLogger(__name__)
RETRY_AFTER = timedelta(seconds=5)


@task()
def plan_print_job_task(job_id: int) -> int:
    from sincerely.postal.services import plan_job

    try:
        chunks = plan_job(job_id)
    except DatabaseError as exc:
        log.warning("planning print job #%s again shortly: %s", job_id, exc)
        plan_print_job_task.using(run_after=timezone.now() + RETRY_AFTER).enqueue(job_id)
        return 0
    for chunk in range(chunks):
        render_print_chunk_task.enqueue(job_id, chunk)
    return chunks


@task()
def render_print_chunk_task(job_id: int, chunk: int) -> int:
    from sincerely.postal.services import render_chunk

    try:
        return render_chunk(job_id, chunk)
    except DatabaseError as exc:
        log.warning("rendering chunk %s of print job #%s again shortly: %s", chunk, job_id, exc)
        render_print_chunk_task.using(run_after=timezone.now() + RETRY_AFTER).enqueue(job_id, chunk)
        return 0
