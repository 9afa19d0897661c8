"""Background jobs of insight: the scheduled segment refresh and the value-score job.

Each job re-enqueues itself on the durable queue (`run_after`), so one `sincerely worker`
keeps the schedule without cron (sincerely/schedule.py): `sincerely segments schedule`
starts the cycle once.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django_tasks import task

from sincerely.insight import services
from sincerely.schedule import schedule

log = logging.getLogger(__name__)


def tick_seconds() -> int:
    """How often the scheduler looks for due segments (each segment has its own interval)."""
    return int(getattr(settings, "SEGMENT_TICK_SECONDS", 300))


def value_hours() -> int:
    return int(getattr(settings, "VALUE_SCORE_HOURS", 24))


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


def start_schedules() -> list[str]:
    """Make sure both insight jobs are on the queue; returns the ones newly enqueued."""
    started = []
    for job in (refresh_segments, compute_value_scores):
        if schedule(job):
            started.append(job.name)
    return started
