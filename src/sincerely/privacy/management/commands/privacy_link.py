"""`sincerely privacy-link EMAIL`: print a signed privacy-centre link for that person."""

from django.core.management.base import BaseCommand, CommandError

from sincerely.errors import DomainError
from sincerely.people.links import privacy_url
from sincerely.people.services import find_person_by_email


class Command(BaseCommand):
    help = "Print a signed, expiring link to a person's privacy centre."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        try:
            person = find_person_by_email(email)
        except DomainError as exc:
            raise CommandError(str(exc)) from None
        if person is None:
            raise CommandError(f"no person with email {email}")
        self.stdout.write(privacy_url(person))
