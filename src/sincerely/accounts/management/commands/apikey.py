"""`sincerely apikey create USERNAME`: print a new API key (shown once, stored hashed)."""

from django.core.management.base import BaseCommand, CommandError

from sincerely.accounts.services import create_api_key
from sincerely.errors import DomainError


class Command(BaseCommand):
    help = "Create an API key for a staff user and print it."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("username")
        create.add_argument("--name", default="")

    def handle(self, *args, action: str, username: str, name: str, **options):
        try:
            self.stdout.write(create_api_key(username, name))
        except DomainError as exc:
            raise CommandError(str(exc)) from None
