"""`sincerely worker`: the durable background worker (django-tasks database backend)."""

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run background jobs (sending, ingest, training) from the database queue."

    def add_arguments(self, parser):
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument("--interval", type=float, default=0.5)
        parser.add_argument("--queue-name", default="*")

    def handle(self, *args, max_tasks, interval, queue_name, **options):
        # Apps resume work a killed worker left behind (e.g. messaging's outbox claims).
        for app in apps.get_app_configs():
            getattr(app, "worker_started", lambda: None)()
        kwargs = {"interval": interval, "queue_name": queue_name, "no_startup_delay": True}
        if max_tasks:
            kwargs["max_tasks"] = max_tasks
        call_command("db_worker", **kwargs)
