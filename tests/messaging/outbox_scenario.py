"""Seeds a database for the worker-kill test: run as `python -m tests.messaging.outbox_scenario N`.

It runs in its own process against SINCERELY_DATABASE_URL, so the worker under test (another
process) sees exactly what a real deployment would.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    count = int(sys.argv[1])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sincerely.settings")
    import django

    django.setup()
    from sincerely.messaging import services
    from sincerely.people.models import Purpose
    from tests import factories

    # A transactional test run may have flushed the purposes the migrations created.
    Purpose.objects.get_or_create(slug="newsletter", defaults={"name": "Newsletter"})

    sender = factories.make_staff("kim", "marketer")
    audience = factories.make_list("kill-test", "Kill test", "newsletter")
    for i in range(count):
        factories.make_person(
            f"k{i:04d}@example.com", facts={"first_name": f"K{i}"}, on_list=audience
        )
    campaign, findings = services.create_campaign(
        name="Kill test",
        list_slug="kill-test",
        sender=sender,
        subject="Hello {{ person.first_name }}",
        text="Hi {{ person.first_name }}, this is message for you.",
    )
    assert not findings
    services.queue_campaign(campaign)
    print(campaign.pk)


if __name__ == "__main__":
    main()
