"""`sincerely import people FILE --list SLUG --source TEXT` (and `import purchases …`)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sincerely import registry
from sincerely.errors import DomainError
from sincerely.people.imports import import_people


class Command(BaseCommand):
    help = "Import people (or purchase history) from a CSV file, all-or-nothing."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="kind", required=True)
        people = sub.add_parser("people", help="people into an audience list")
        people.add_argument("file")
        people.add_argument("--list", required=True, dest="list_slug")
        people.add_argument("--source", required=True, help="where these rows came from")
        people.add_argument("--dry-run", action="store_true", help="check and report only")
        people.add_argument("--as", dest="username", default="", help="staff user running it")
        purchases = sub.add_parser("purchases", help="purchase history (order lines)")
        purchases.add_argument("file")
        purchases.add_argument("--source", required=True)
        purchases.add_argument("--dry-run", action="store_true")
        purchases.add_argument("--as", dest="username", default="")

    def _actor(self, username: str):
        if not username:
            return None
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no staff user '{username}'")
        return user

    def handle(self, *args, kind: str, file: str, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"no such file: {file}")
        actor = self._actor(options["username"])

        def progress(rows: int) -> None:
            sys.stderr.write(f"\r  {rows:,} rows read…")
            sys.stderr.flush()

        try:
            with path.open("rb") as stream:
                if kind == "people":
                    report = import_people(
                        stream,
                        filename=path.name,
                        list_slug=options["list_slug"],
                        source=options["source"],
                        actor=actor,
                        dry_run=options["dry_run"],
                        progress=progress,
                    )
                else:
                    # The purchase import belongs to the timeline app (registered there).
                    report = registry.importer(kind)(
                        stream,
                        filename=path.name,
                        source=options["source"],
                        actor=actor,
                        dry_run=options["dry_run"],
                        progress=progress,
                    )
        except DomainError as exc:
            sys.stderr.write("\n")
            raise CommandError(f"{path.name}: {exc} — nothing was imported") from None
        sys.stderr.write("\n")
        for issue in report.issues:
            where = f" [{issue.field}]" if issue.field else ""
            self.stdout.write(f"  line {issue.line}: {issue.kind}{where}: {issue.reason}")
        self.stdout.write(report.summary())
