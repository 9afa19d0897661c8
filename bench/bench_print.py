"""Printed mail: personalised two-page letters through the guard to PDF, beside bare WeasyPrint.

    python -m bench print                          # 10,000 letters, 2 processes
    python -m bench print --count 1000 --processes 2

Ours is the whole job as the worker runs it: plan (audience, addresses, suppressions,
postcode sort), then each chunk rendered through the guard (facts, evidence, ledger),
laid out by WeasyPrint and written to its PDF file, in `--processes` worker processes.
The ceiling is a bare WeasyPrint loop over the very same pre-rendered HTML, chunked and
written the same way, in the same number of processes: the figure is how much of
WeasyPrint's own speed the guard, the database and the bookkeeping leave. Peak memory is
the largest resident size of any process of ours (the pieces are streamed chunk by
chunk, never the whole job), and every PDF must open in pypdf with the page count the
manifest promises.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Figure, Result, database_url, setup_django

PARAGRAPH = (
    "<p>Our workshop has been busy this winter. We rebuilt the repair service so that a "
    "broken part comes back within a week, we added three new sizes to the range, "
    "and we opened a small showroom where you can try "
    "everything before you buy it. None of this changes the prices you pay.</p>"
)
BODY = (
    '<p>Dear {{ person.first_name | fallback("customer") }},</p>\n'
    '{% if evidence.attended("Web Summit") %}<p>It was good to meet you at '
    '{{ evidence.attended("Web Summit") }}.</p>{% endif %}\n'
    + PARAGRAPH * 9
    + "\n<p>With best wishes,<br>{{ sender.name }}</p>\n"
)
CITIES = [("10115", "Berlin"), ("20095", "Hamburg"), ("50667", "Köln"), ("80331", "München")]


def seed(n: int):
    """n people on a postal list with consent, an address and a name; a third met us."""
    from django.utils import timezone

    from sincerely.accounts.services import create_staff
    from sincerely.people.models import AudienceList, Consent, Fact, Membership, Person, Purpose

    sender = create_staff(
        "bench", role="marketer", email="ana@bench.example", first_name="Ana", last_name="Lima"
    )
    purpose, _ = Purpose.objects.get_or_create(slug="postal", defaults={"name": "Postal mail"})
    audience = AudienceList.objects.create(slug="bench-post", name="By post", purpose=purpose)
    now = timezone.now()
    evidence = {"source_kind": "imported", "source_ref": "bench.csv", "recorded_at": now}
    for start in range(0, n, 2000):
        people = Person.objects.bulk_create(
            [
                Person(email=f"p{i}@bench.example", display_name=f"Person {i}")
                for i in range(start, min(n, start + 2000))
            ]
        )
        facts = []
        for p in people:
            postcode, city = CITIES[p.pk % len(CITIES)]
            for key, value in (
                ("first_name", f"Person{p.pk}"),
                ("last_name", "Muster"),
                ("address_line1", f"Hauptstraße {p.pk % 200 + 1}"),
                ("city", city),
                ("postal_code", postcode),
                ("country", "DE"),
            ):
                facts.append(Fact(person=p, key=key, value=value, **evidence))
            if p.pk % 3 == 0:
                facts.append(Fact(person=p, key="attended_event", value="Web Summit", **evidence))
        Fact.objects.bulk_create(facts, batch_size=5000)
        Consent.objects.bulk_create(
            [
                Consent(person=p, purpose=purpose, status="granted", at=now, where="bench")
                for p in people
            ]
        )
        Membership.objects.bulk_create(
            [
                Membership(person=p, audience_list=audience, reason="bench", **evidence)
                for p in people
            ]
        )
    return sender, audience


def _render_chunk(args: tuple[int, int]) -> int:
    from django.db import connections

    from sincerely.postal.services import render_chunk

    try:
        return render_chunk(*args)
    finally:
        connections.close_all()


def _bare_chunk(args: tuple[str, str]) -> int:
    """The ceiling: WeasyPrint alone, on HTML rendered beforehand, written as ours is."""
    from sincerely.postal.pdf import write_chunk

    html_dir, target = args
    htmls = [p.read_text(encoding="utf-8") for p in sorted(Path(html_dir).iterdir())]
    return len(write_chunk(iter(htmls), Path(target)))


def _pool(processes: int):
    # Fork after closing the parent's connections: each child opens its own.
    from django.db import connections

    connections.close_all()
    return multiprocessing.get_context("fork").Pool(processes)


def run_ours(campaign, processes: int) -> tuple[float, object]:
    from sincerely.postal import services

    started = time.perf_counter()
    job = services.start_job(campaign, enqueue=False)
    chunks = services.plan_job(job.pk)
    with _pool(processes) as pool:
        pool.map(_render_chunk, [(job.pk, c) for c in range(chunks)], chunksize=1)
    elapsed = time.perf_counter() - started
    job.refresh_from_db()
    return elapsed, job


def prepare_ceiling(job, root: Path) -> list[tuple[str, str]]:
    """The same pieces' HTML, rendered through the same code, saved per chunk (not timed)."""
    from sincerely.messaging.guard.renderer import current_facts
    from sincerely.postal.models import PrintPiece
    from sincerely.postal.services import render_piece

    work = []
    for chunk in range(job.chunks):
        pieces = list(
            PrintPiece.objects.filter(job=job, chunk=chunk, status="printed")
            .select_related("person")
            .order_by("country", "postcode", "id")
        )
        facts = current_facts([p.person_id for p in pieces])
        folder = root / f"html-{chunk:04d}"
        folder.mkdir(parents=True)
        for n, piece in enumerate(pieces):
            result = render_piece(
                job.campaign,
                piece.person,
                piece_id=piece.pk,
                why=piece.why,
                facts=facts[piece.person_id],
            )
            (folder / f"{n:05d}.html").write_text(result.html, encoding="utf-8")
        work.append((str(folder), str(root / f"bare-{chunk:04d}.pdf")))
    return work


def run_ceiling(work, processes: int) -> float:
    started = time.perf_counter()
    with _pool(processes) as pool:
        pool.map(_bare_chunk, work, chunksize=1)
    return time.perf_counter() - started


def check_output(job) -> tuple[int, int]:
    """Open every PDF of the job in pypdf (strict) and compare pages with the manifest."""
    import csv

    from pypdf import PdfReader

    folder = Path(job.folder)
    with open(folder / "manifest.csv", newline="", encoding="utf-8") as handle:
        promised = sum(int(row["pages"]) for row in csv.DictReader(handle))
    found = 0
    for pdf in sorted(folder.glob("pieces-*.pdf")):
        reader = PdfReader(pdf, strict=True)
        for page in reader.pages:
            page.mediabox  # noqa: B018 - touching each page parses its dictionary
        found += len(reader.pages)
    return promised, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench print")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=100, help="pieces per PDF file")
    args = parser.parse_args(argv)
    data_dir = tempfile.mkdtemp(prefix="sinc-print-")
    os.environ["SINCERELY_PRINT_DIR"] = str(Path(data_dir) / "print")
    os.environ["SINCERELY_PRINT_CHUNK"] = str(args.chunk)
    setup_django(database_url("print"), data_dir)
    from sincerely.postal.services import create_print_campaign

    seeded = time.perf_counter()
    sender, audience = seed(args.count)
    print(f"seeded {args.count:,} people in {time.perf_counter() - seeded:.0f} s", flush=True)
    campaign, findings = create_print_campaign(
        actor=sender, name="Bench letter", list_slug=audience.slug, html=BODY
    )
    assert not findings, findings
    ours_seconds, job = run_ours(campaign, args.processes)
    ours_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    ours_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    printed = job.pieces.filter(status="printed").count()
    pages_promised, pages_found = check_output(job)
    work = prepare_ceiling(job, Path(data_dir) / "ceiling")
    ceiling_seconds = run_ceiling(work, args.processes)
    note = f"{printed:,} letters, {pages_found:,} pages, {args.processes} processes"
    if args.count < 10_000:
        note += f"; --count {args.count} (the issue's figure is 10,000)"
    print(
        Result(
            "print letters/s",
            printed / ours_seconds,
            printed / ceiling_seconds,
            "pieces/s",
            0.8,
            note,
        ).line()
    )
    print(
        Figure(
            "print peak memory (largest process RSS)",
            max(ours_children, ours_self),
            "MB",
            500,
            f"workers {ours_children:.0f} MB, planner {ours_self:.0f} MB",
        ).line()
    )
    valid = pages_promised == pages_found and printed == args.count
    print(
        f"print output: {pages_found:,} pages in pypdf, manifest promises {pages_promised:,}: "
        f"{'valid' if valid else 'INVALID'}"
    )
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
