"""Periodic jobs without cron: a job re-enqueues itself on the durable task queue.

`sincerely worker` runs whatever is due; a job that should run again calls `schedule`
with its interval at the end of its run. One waiting run per job at most, so starting a
schedule twice (or a job and its command at once) never doubles it.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone


def _pending(task_obj) -> bool:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status="READY", task_path=task_obj.module_path).exists()


def schedule(task_obj, delay: timedelta = timedelta(0)) -> bool:
    """Enqueue the job to run after `delay`, unless one is already waiting; True if enqueued."""
    if _pending(task_obj):
        return False
    task_obj.using(run_after=timezone.now() + delay).enqueue()
    return True
