"""People benchmarks: CSV import beside a raw bulk insert, and the person page's server time.

Import: N people (default 100,000; BENCH_PEOPLE_ROWS) from a generated CSV through
`import_people`; then the very rows that import wrote (people, identities, facts,
consents, memberships) are deleted and inserted again into the same tables (same
indexes) with raw `executemany` in one transaction — the ceiling for the same writes
without parsing, validation, evidence and the ORM. Peak memory is the process's
maximum resident set size.

Person page: a person with 200 facts and 20 consents, the console page rendered through
Django's test client (server time, no network), p95 of 200 requests.

    python -m bench.bench_people              # the page, then the import
    python -m bench.bench_people --page-only  # the page alone (the import takes minutes)
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench.common import Figure, Result, database_url, peak_memory, percentile, setup_django

ROWS = int(os.environ.get("BENCH_PEOPLE_ROWS", "100000"))


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write("email,first_name,last_name,company,phone,consent,consent_at,favourite_colour\n")
        for i in range(rows):
            f.write(
                f"person{i}@example.com,First{i},Last{i},Company {i % 997},"
                f"+44 20 {i:08d},yes,2024-03-02,colour{i % 7}\n"
            )


TABLES = [
    "people_person",
    "people_identity",
    "people_fact",
    "people_consent",
    "people_membership",
]


def raw_copy_rate() -> tuple[float, int]:
    """Delete the import's rows and insert the very same rows again with raw executemany.

    Same tables, same indexes and constraints, one transaction: the ceiling for writing
    this data into this database, without parsing, validation, evidence or the ORM.
    """
    from django.db import connection, transaction

    data = {}
    with transaction.atomic(), connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            data[table] = (cursor.fetchall(), [c[0] for c in cursor.description])
        for table in reversed(TABLES):
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for table in TABLES:
            rows, columns = data[table]
            marks = ", ".join(["%s"] * len(columns))
            names = ", ".join(connection.ops.quote_name(c) for c in columns)
            cursor.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608
                rows,
            )
    elapsed = time.perf_counter() - start
    return ROWS / elapsed, sum(len(rows) for rows, _ in data.values())


def bench_import() -> list:
    from sincerely.people import services
    from sincerely.people.imports import import_people

    services.create_list("bench", "Bench", "newsletter")
    path = Path(tempfile.mkdtemp()) / "people.csv"
    write_csv(path, ROWS)
    with peak_memory() as memory, path.open("rb") as stream:
        start = time.perf_counter()
        report = import_people(stream, filename=path.name, list_slug="bench", source="bench")
        elapsed = time.perf_counter() - start
    assert report.created == ROWS, report.summary()
    print(f"  import took {elapsed:.1f} s", flush=True)
    ceiling, db_rows = raw_copy_rate()
    return [
        Result(
            f"import {ROWS:,} people from CSV",
            ROWS / elapsed,
            ceiling,
            "rows/s",
            target_ratio=0.3,
            note=f"{db_rows:,} table rows written; ceiling = raw executemany of those rows",
        ),
        Figure("import peak memory (process RSS)", memory["peak_mb"], "MB", 300),
    ]


def bench_person_page() -> list:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from sincerely.accounts.services import create_staff
    from sincerely.people import services
    from sincerely.people.models import Purpose

    user = create_staff("bench", role="marketer", email="bench@example.com", password="x" * 12)
    person = services.create_person(
        "page@example.com", {}, services.EvidenceInput("self_declared", "bench")
    )
    evidence = services.EvidenceInput("imported", "bench.csv")
    for i in range(200):
        services.record_fact(person, f"fact_{i}", f"value {i}", evidence, refresh=False)
    for i in range(20):
        Purpose.objects.get_or_create(slug=f"purpose_{i}", defaults={"name": f"Purpose {i}"})
        services.record_consent(
            person, f"purpose_{i}", granted=True, where="bench", wording="ok", method="bench"
        )
    client = Client()
    client.force_login(user)
    url = f"/console/people/{person.pk}/"
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # Read now: the next request's start empties the connection's query log.
    query_count = len(queries)
    times = []
    for _ in range(200):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return [
        Figure(
            "person page, 200 facts + 20 consents, server time p95",
            percentile(times, 95),
            "ms",
            50,
            note=f"median {percentile(times, 50):.1f} ms, {query_count} queries",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--page-only", action="store_true", help="measure the person page, skip the import"
    )
    args = parser.parse_args()
    url = database_url("people")
    setup_django(url)
    print(f"database: {url.split('://')[0]}", flush=True)
    # The page first: a web worker does not carry the heap an import leaves behind, and a
    # garbage collector walking that heap would stretch the page's tail (measured: p95
    # 54 ms after the import, 33-36 ms before it, medians equal).
    for line in bench_person_page():
        print(line.line(), flush=True)
    if not args.page_only:
        for line in bench_import():
            print(line.line(), flush=True)


if __name__ == "__main__":
    main()
