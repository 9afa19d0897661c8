"""`sincerely lint TEMPLATE_FILE…`: report unguarded claims; exit status 1 on findings."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sincerely.errors import DomainError
from sincerely.messaging.guard.linter import lint_template


class Command(BaseCommand):
    help = "Check message templates for claims of shared history not backed by evidence."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")

    def handle(self, *args, files, **options):
        total = 0
        for name in files:
            path = Path(name)
            try:
                source = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"{name}: {exc.strerror}", returncode=2) from None
            except UnicodeDecodeError:
                raise CommandError(f"{name}: not UTF-8 text", returncode=2) from None
            try:
                findings = lint_template(
                    source, field=name, is_html=path.suffix in {".html", ".htm"}
                )
            except DomainError as exc:
                self.stderr.write(f"{name}:{exc.line or 1}: {exc.reason}")
                sys.exit(2)
            for finding in findings:
                self.stdout.write(
                    f"{name}:{finding.line}: [{finding.kind}] {finding.message}\n"
                    f"    {finding.sentence}"
                )
            total += len(findings)
        if total:
            self.stderr.write(f"{total} finding(s)")
            sys.exit(1)
        self.stdout.write("no unguarded claims")
