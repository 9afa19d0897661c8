"""Background jobs of messaging, run by `sincerely worker`; each calls a service."""

from __future__ import annotations

from django_tasks import task

from sincerely.messaging import conf


@task()
def prepare_campaign_task(campaign_id: int) -> int:
    from sincerely.messaging.services import prepare_campaign

    created = prepare_campaign(campaign_id)
    for _ in range(conf.parallel_senders()):
        deliver_outbox_task.enqueue()
    return created


@task()
def deliver_outbox_task() -> int:
    from sincerely.messaging.outbox import deliver_outbox

    return deliver_outbox()
