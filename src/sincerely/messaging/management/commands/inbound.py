"""`sincerely inbound`: the SMTP listener for replies, bounces and complaints."""

from django.core.management.base import BaseCommand

from sincerely.messaging.smtpd import _store_inbound, serve
from sincerely.settings import env


class Command(BaseCommand):
    help = "Receive replies, DSN bounces and ARF complaints by SMTP (point your MX here)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=env("INBOUND_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(env("INBOUND_PORT", "2526")))

    def handle(self, *args, host, port, **options):
        serve(_store_inbound, host, port, "sincerely inbound")
