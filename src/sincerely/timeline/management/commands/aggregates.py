"""`sincerely aggregates rebuild|check`: recompute the per-person aggregates, or compare them."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from sincerely.timeline import aggregates


class Command(BaseCommand):
    help = "Per-person aggregates (spend, orders, last purchase, last visit, tier)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check"])

    def handle(self, *args, action, **options):
        if action == "rebuild":
            rows = aggregates.rebuild()
            self.stdout.write(f"aggregates: {rows:,} people recomputed")
            return
        differ = aggregates.differences()
        if differ:
            raise CommandError(
                f"{len(differ)} people's aggregates differ from a recomputation "
                f"(first: person #{differ[0]}); run `sincerely aggregates rebuild`"
            )
        self.stdout.write("aggregates: every row equals a recomputation")
