"""`sincerely createstaff USERNAME --role ROLE --email EMAIL`: add a staff member."""

import getpass

from django.core.management.base import BaseCommand, CommandError

from sincerely.accounts.roles import Role
from sincerely.accounts.services import create_staff
from sincerely.errors import DomainError


class Command(BaseCommand):
    help = "Create a staff user with a role (admin, marketer, sales, author, support)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=[r.value for r in Role])
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", default="", help="full name")
        parser.add_argument("--password", default=None, help="prompted for when omitted")

    def handle(self, *args, username, role, email, name, password, **options):
        if password is None:
            password = getpass.getpass(f"Password for {username}: ")
        first, _, last = name.partition(" ")
        try:
            create_staff(
                username,
                role=role,
                email=email,
                password=password,
                first_name=first,
                last_name=last,
            )
        except DomainError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"created {role} {username}")
