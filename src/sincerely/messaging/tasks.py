"""Background jobs of messaging, run by `sincerely worker`; each calls a service.

Both jobs are safe to run again, so a database that is briefly busy (SQLite's one writer)
or unreachable makes the job queue itself again a little later instead of leaving a
campaign half done.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import DatabaseError
from django.utils import timezone
from django_tasks import task

from sincerely.messaging import conf

log = logging.getLogger(__name__)
RETRY_AFTER = timedelta(seconds=5)


def start_senders() -> None:
    for _ in range(conf.parallel_senders()):
        deliver_outbox_task.enqueue()


@task()
def prepare_campaign_task(campaign_id: int) -> int:
    """Prepare the campaign; sending starts on other workers once the first chunk is in."""
    from sincerely.messaging.services import prepare_campaign

    try:
        created = prepare_campaign(campaign_id, on_first_chunk=start_senders)
    except DatabaseError as exc:
        log.warning("preparing campaign #%s again shortly: %s", campaign_id, exc)
        prepare_campaign_task.using(run_after=timezone.now() + RETRY_AFTER).enqueue(campaign_id)
        return 0
    # Whatever the early senders did not wait for (a slow chunk) is sent by these.
    start_senders()
    return created


@task()
def deliver_outbox_task() -> int:
    from sincerely.messaging.outbox import deliver_outbox

    try:
        return deliver_outbox()
    except DatabaseError as exc:
        log.warning("delivering again shortly: %s", exc)
        deliver_outbox_task.using(run_after=timezone.now() + RETRY_AFTER).enqueue()
        return 0
