"""`sincerely segments [list|refresh SLUG|refresh --due|schedule]`: segments from the shell."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from sincerely.errors import DomainError


class Command(BaseCommand):
    help = "List segments, refresh them, or start the scheduled refresh on the task queue."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action")
        sub.add_parser("list", help="every segment with its size")
        refresh = sub.add_parser("refresh", help="recompute members now")
        refresh.add_argument("slug", nargs="?", default="")
        refresh.add_argument("--due", action="store_true", help="only segments due by schedule")
        sub.add_parser("schedule", help="enqueue the self-renewing refresh and value-score jobs")

    def handle(self, *args, action: str | None = None, **options):
        from sincerely.insight import queries, services, tasks

        try:
            if action in (None, "list"):
                for segment in queries.segments_with_sizes():
                    refreshed = (
                        segment.refreshed_at.isoformat() if segment.refreshed_at else "never"
                    )
                    self.stdout.write(
                        f"{segment.slug}\t{segment.size}\t{segment.name}\trefreshed {refreshed}"
                    )
            elif action == "refresh":
                if options["slug"]:
                    done = {
                        options["slug"]: services.refresh_segment(
                            services.get_segment(options["slug"])
                        )
                    }
                elif options["due"]:
                    done = services.refresh_due_segments()
                else:
                    done = {
                        s.slug: services.refresh_segment(s) for s in queries.segments_with_sizes()
                    }
                for slug, result in done.items():
                    self.stdout.write(
                        f"{slug}: {result.joined} joined, {result.left} left, {result.size} now"
                    )
            elif action == "schedule":
                started = tasks.start_schedules()
                self.stdout.write(
                    f"enqueued: {', '.join(started)}" if started else "already scheduled"
                )
        except DomainError as exc:
            raise CommandError(str(exc), returncode=2) from None
