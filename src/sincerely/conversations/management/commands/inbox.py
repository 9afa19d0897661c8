"""`sincerely inbox [--overdue | --unassigned | --mine USERNAME]`: conversations waiting on us."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sincerely.conversations import queries


class Command(BaseCommand):
    help = "List open conversations with their person, owner and time-to-first-reply clock."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--overdue", action="store_true")
        group.add_argument("--unassigned", action="store_true")
        group.add_argument("--mine", metavar="USERNAME", default="")

    def handle(self, *args, **options):
        user = None
        view = ""
        if options["mine"]:
            user = get_user_model().objects.filter(username=options["mine"]).first()
            if user is None:
                raise CommandError(f"no staff user '{options['mine']}'", returncode=2)
            view = "mine"
        elif options["overdue"]:
            view = "overdue"
        elif options["unassigned"]:
            view = "unassigned"
        now = timezone.now()
        rows = list(queries.inbox(user, view=view)[:200])
        if not rows:
            self.stdout.write("nothing waiting")
        for c in rows:
            waiting = ""
            if c.waiting_since:
                waiting = f"waiting {(now - c.waiting_since).total_seconds() / 3600:.1f} h"
            who = c.person.email if c.person_id else "-"
            owner = c.assigned_to.username if c.assigned_to_id else "unassigned"
            self.stdout.write(
                f"{c.pk:>5}  {c.status:<7}  {c.channel:<7}  {owner:<12}  {who:<30}  "
                f"{waiting:<16}  {c.subject}"
            )
