"""Background job of offers: recommendation training, re-enqueued every RECOMMEND_HOURS."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django_tasks import task

from sincerely.offers import services
from sincerely.schedule import schedule


@task()
def train_recommendations(reschedule: bool = True) -> dict:
    """Train now; with `reschedule`, come back in RECOMMEND_HOURS (default 24)."""
    result = services.train_recommendations()
    if reschedule:
        hours = int(getattr(settings, "RECOMMEND_HOURS", 24))
        schedule(train_recommendations, timedelta(hours=hours))
    run = result.run
    return {
        "offers": run.offers,
        "people_with_offers": run.people_with_offers,
        "seconds": run.seconds,
    }
