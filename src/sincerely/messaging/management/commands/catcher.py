"""`sincerely catcher`: a local SMTP server that keeps every message for the console to show."""

from django.core.management.base import BaseCommand

from sincerely.messaging.smtpd import _store_caught, serve


class Command(BaseCommand):
    help = "Catch outgoing mail on 127.0.0.1:2525 for the demo; read it under Console › Campaigns."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=2525)

    def handle(self, *args, host, port, **options):
        serve(_store_caught, host, port, "sincerely catcher")
