"""`sincerely tiers [compute [--as-of DATE]]`: recompute value scores, or print the distribution."""

from __future__ import annotations

from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Recompute RFM scores, tiers and predicted value, or print people per tier."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action")
        compute = sub.add_parser("compute", help="recompute now")
        compute.add_argument("--as-of", default="", help="ISO date to score at (historical data)")

    def handle(self, *args, action: str | None = None, **options):
        from sincerely.insight import queries, services

        if action == "compute":
            as_of = None
            if options["as_of"]:
                try:
                    as_of = datetime.fromisoformat(options["as_of"])
                except ValueError:
                    raise CommandError("--as-of: not an ISO date", returncode=2) from None
                as_of = as_of if as_of.tzinfo else as_of.replace(tzinfo=UTC)
            self.stdout.write(f"scored {services.compute_value_scores(as_of)} people")
        for row in queries.tier_distribution():
            self.stdout.write(f"{row['label']}\t{row['people']}")
