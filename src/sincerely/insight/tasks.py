"""Background jobs of insight: the scheduled segment refresh and the value-score job.

Each job re-enqueues itself on the durable queue (`run_after`), so one `sincerely worker`
keeps the schedule without cron: `sincerely segments schedule` starts the cycle once.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from sincerely.insight import services

log = logging.getLogger(__name__)


def tick_seconds() -> int:
    """How often the scheduler looks for due segments (each segment has its own interval)."""
    return int(getattr(settings, "SEGMENT_TICK_SECONDS", 300))


def value_hours() -> int:
    return int(getattr(settings, "VALUE_SCORE_HOURS", 24))


def _pending(task_obj) -> bool:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status="READY", task_path=task_obj.module_path).exists()


@task()
def refresh_segments() -> dict:
    """Refresh every due segment, then come back in one tick."""
    done = services.refresh_due_segments()
    schedule(refresh_segments, timedelta(seconds=tick_seconds()))
    return {slug: result.size for slug, result in done.items()}


@task()
def compute_value_scores(reschedule: bool = True) -> int:
    """Recompute RFM scores and predicted value; with `reschedule`, again in VALUE_SCORE_HOURS."""
    count = services.compute_value_scores()
    if reschedule:
        schedule(compute_value_scores, timedelta(hours=value_hours()))
    return count


def schedule(task_obj, delay: timedelta = timedelta(0)) -> bool:
    """Enqueue the job to run after `delay`, unless one is already waiting; True if enqueued."""
    if _pending(task_obj):
        return False
    task_obj.using(run_after=timezone.now() + delay).enqueue()
    return True


def start_schedules() -> list[str]:
    """Make sure both insight jobs are on the queue; returns the ones newly enqueued."""
    started = []
    for job in (refresh_segments, compute_value_scores):
        if schedule(job):
            started.append(job.name)
    return started
