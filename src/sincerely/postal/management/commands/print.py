"""`sincerely print list|create|preview|run|suppress`: printed mail from the command line."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sincerely.errors import DomainError


class Command(BaseCommand):
    help = "Print campaigns: list, create from a template file, preview, run a job, suppress."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="every print campaign with its jobs")
        create = sub.add_parser("create", help="a print campaign from an HTML template file")
        create.add_argument("file", help="the body: HTML in the guarded template language")
        create.add_argument("--name", required=True)
        create.add_argument("--list", required=True, dest="list_slug")
        create.add_argument("--sender", required=True, help="the staff user who signs it")
        create.add_argument("--kind", default="letter", help="letter, postcard or catalogue")
        create.add_argument("--paper", default="a4", help="a4, us_letter, a6 or 4x6")
        create.add_argument("--purpose", default="postal")
        create.add_argument("--css", default="", help="a CSS file for the body")
        create.add_argument("--offer-code", default="")
        create.add_argument("--cost", default="0", help="cost per piece, for the response report")
        create.add_argument("--bleed", type=int, default=0, help="bleed in mm (3 is usual)")
        create.add_argument("--crop-marks", action="store_true")
        preview = sub.add_parser("preview", help="one person's piece to a PDF file")
        preview.add_argument("campaign", type=int)
        preview.add_argument("--person", required=True, help="email or id")
        preview.add_argument("--out", required=True, help="the PDF file to write")
        run = sub.add_parser("run", help="render a print job now (or --queue it for the worker)")
        run.add_argument("campaign", type=int)
        run.add_argument("--chunk", type=int, default=None, help="pieces per PDF file")
        run.add_argument("--queue", action="store_true", help="leave it to `sincerely worker`")
        suppress = sub.add_parser("suppress", help="import a do-not-mail / moved / deceased CSV")
        suppress.add_argument("file")
        suppress.add_argument("--source", required=True, help="where the file came from")
        suppress.add_argument(
            "--reason", default="do_not_mail", help="do_not_mail, moved, deceased"
        )

    def handle(self, *args, action: str, **options):
        try:
            getattr(self, f"_{action}")(**options)
        except DomainError as exc:
            raise CommandError(str(exc), returncode=2) from None

    def _list(self, **options) -> None:
        from sincerely.postal.queries import campaigns

        for c in campaigns():
            self.stdout.write(
                f"#{c.pk}\t{c.name}\t{c.kind}/{c.paper}\tlist={c.audience_list.slug}\t"
                f"jobs={c.job_count}"
            )

    def _read(self, path: str, field: str) -> str:
        try:
            return Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DomainError(f"cannot read {path}: {exc}", field=field) from None

    def _create(self, **o) -> None:
        from sincerely.postal.services import create_print_campaign

        campaign, findings = create_print_campaign(
            name=o["name"],
            list_slug=o["list_slug"],
            sender=o["sender"],
            kind=o["kind"],
            paper=o["paper"],
            purpose=o["purpose"],
            html=self._read(o["file"], "file"),
            css=self._read(o["css"], "css") if o["css"] else "",
            offer_code=o["offer_code"],
            cost_per_piece=o["cost"],
            bleed_mm=o["bleed"],
            crop_marks=o["crop_marks"],
        )
        self.stdout.write(f"created print campaign #{campaign.pk} {campaign.name}")
        for finding in findings:
            self.stderr.write(f"unguarded: {finding}")

    def _campaign(self, campaign_id: int):
        from sincerely.postal.queries import get_campaign

        return get_campaign(campaign_id)

    def _preview(self, **o) -> None:
        from sincerely.people.models import Person
        from sincerely.postal.services import preview_piece

        campaign = self._campaign(o["campaign"])
        wanted = o["person"].strip()
        person = (
            Person.objects.filter(pk=int(wanted)).first()
            if wanted.isdigit()
            else Person.objects.filter(email__iexact=wanted).first()
        )
        if person is None:
            raise DomainError(f"no person '{wanted}'", field="person")
        result, pdf = preview_piece(campaign, person)
        if result.held_reason:
            raise CommandError(f"held back: {result.held_reason}", returncode=1)
        Path(o["out"]).write_bytes(pdf)
        self.stdout.write(f"wrote {o['out']} ({len(result.ledger)} ledger entries)")

    def _run(self, **o) -> None:
        from sincerely.postal import services

        campaign = self._campaign(o["campaign"])
        job = services.start_job(campaign, chunk_size=o["chunk"], enqueue=o["queue"])
        if o["queue"]:
            self.stdout.write(f"queued print job #{job.pk}; `sincerely worker` renders it")
            return
        chunks = services.plan_job(job.pk)
        for chunk in range(chunks):
            services.render_chunk(job.pk, chunk)
            self.stdout.write(f"chunk {chunk + 1} of {chunks} rendered")
        job.refresh_from_db()
        self.stdout.write(
            f"print job #{job.pk}: {job.pieces.filter(status='printed').count()} printed, "
            f"{job.held} held back; files in {job.folder}"
        )
        for piece in job.pieces.filter(status="held_back").order_by("id")[:50]:
            self.stdout.write(f"  held back: person #{piece.person_id}: {piece.held_reason}")

    def _suppress(self, **o) -> None:
        from sincerely.postal.services import import_suppressions

        try:
            data = Path(o["file"]).read_bytes()
        except OSError as exc:
            raise DomainError(f"cannot read {o['file']}: {exc}", field="file") from None
        report = import_suppressions(data, source=o["source"], reason=o["reason"])
        self.stdout.write(
            f"{report.added} postal suppressions added, {report.already} already known "
            f"({report.lines} rows from {o['source']})"
        )
