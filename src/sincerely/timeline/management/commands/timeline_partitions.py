"""`sincerely timeline-partitions [--months-ahead N]`: keep monthly partitions ready.

Run it monthly (cron, or a systemd timer). On SQLite it says so and does nothing.
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand

from sincerely.timeline import partitions


class Command(BaseCommand):
    help = "Create the coming months' touchpoint partitions (PostgreSQL) and empty DEFAULT."

    def add_arguments(self, parser):
        parser.add_argument("--months-ahead", type=int, default=12)

    def handle(self, *args, months_ahead: int, **options):
        if not partitions.is_partitioned():
            self.stdout.write(
                "the touchpoint table is not partitioned here (SQLite): nothing to do"
            )
            return
        today = date.today()
        year, month = today.year, today.month
        for _ in range(max(months_ahead, 0)):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        created = partitions.ensure_month_partitions(
            date(today.year, today.month, 1), date(year, month, 1)
        )
        for first in partitions.months_in_default():
            created += partitions.ensure_month_partitions(first, first)
        for name in created:
            self.stdout.write(f"created {name}")
        self.stdout.write(f"{len(created)} partitions created")
