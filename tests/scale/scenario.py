"""The operator's side of the several-hosts test, run against SINCERELY_DATABASE_URL:

python -m tests.scale.scenario seed N     N consenting list members, a draft campaign
                                          and an API key; prints {"campaign", "key"}
python -m tests.scale.scenario queue ID   queue the campaign (the workers take it)
python -m tests.scale.scenario state      outbox and touchpoint counts as JSON
"""

from __future__ import annotations

import json
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sincerely.settings")
    import django

    django.setup()
    from django.db.models import Count

    from sincerely.accounts.services import create_api_key
    from sincerely.messaging import services
    from sincerely.messaging.models import Campaign, Message, SentMark
    from sincerely.timeline.models import Touchpoint

    action, arg = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""
    if action == "seed":
        from bench.bench_send import new_campaign, seed

        sender, audience = seed(int(arg))
        campaign = new_campaign(sender, audience, "several hosts")
        key = create_api_key(sender.username, "scale test")
        print(json.dumps({"campaign": campaign.pk, "key": key}))
    elif action == "queue":
        services.queue_campaign(Campaign.objects.get(pk=int(arg)))
    elif action == "state":
        statuses = dict(Message.objects.order_by().values_list("status").annotate(n=Count("id")))
        kinds = dict(Touchpoint.objects.order_by().values_list("kind").annotate(n=Count("id")))
        print(
            json.dumps(
                {"messages": statuses, "touchpoints": kinds, "marks": SentMark.objects.count()}
            )
        )


if __name__ == "__main__":
    main()
