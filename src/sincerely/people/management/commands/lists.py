"""`sincerely lists` and `sincerely lists create SLUG --name NAME --purpose PURPOSE`."""

from django.core.management.base import BaseCommand, CommandError

from sincerely.errors import DomainError
from sincerely.people import queries, services


class Command(BaseCommand):
    help = "Print every audience list with its member count, or create one."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action")
        create = sub.add_parser("create", help="create a list")
        create.add_argument("slug")
        create.add_argument("--name", required=True)
        create.add_argument("--purpose", required=True, help="e.g. newsletter, sales_contact")
        create.add_argument("--description", default="")

    def handle(self, *args, action=None, **options):
        if action == "create":
            try:
                al = services.create_list(
                    options["slug"],
                    options["name"],
                    options["purpose"],
                    description=options["description"],
                )
            except DomainError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"created list {al.slug} ({al.name}) for purpose {al.purpose.slug}")
            return
        rows = list(queries.lists_with_counts())
        if not rows:
            self.stdout.write("no lists yet: sincerely lists create SLUG --name NAME --purpose P")
            return
        width = max(len(al.slug) for al in rows)
        for al in rows:
            self.stdout.write(
                f"{al.slug:<{width}}  {al.member_count:>8}  {al.purpose.slug:<16}  {al.name}"
            )
