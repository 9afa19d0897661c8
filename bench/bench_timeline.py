"""Timeline first page for a person with 50,000 touchpoints: p95 of GET
/api/v1/people/{id}/timeline (and of the console person page, which adds the "before you
call" summary) against `sincerely serve` on loopback; the budget is 100 ms.

    python -m bench.bench_timeline
    SINCERELY_BENCH_DATABASE_URL=postgres://… python -m bench.bench_timeline
    BENCH_TIMELINE_TOUCHPOINTS=50000 BENCH_TIMELINE_REQUESTS=200 python -m bench.bench_timeline
"""

from __future__ import annotations

import argparse
import http.client
import io
import os
import random
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import orjson

from bench.common import Figure, database_url, percentile, served, setup_django

KINDS = ["page_view"] * 6 + ["email_opened", "email_sent", "ad_click", "purchase", "note"]


def fill(person_id: int, count: int, others: list[int], seed: int = 3) -> None:
    """`count` touchpoints for the person over two years, and as many for other people."""
    from django.db import connection, transaction

    rng = random.Random(seed)
    now = datetime.now(UTC)
    cast = "::jsonb" if connection.vendor == "postgresql" else ""
    sql = (
        "INSERT INTO timeline_touchpoint (person_id, visitor_id, kind, at, url, properties) "
        f"VALUES (%s, %s, %s, %s, %s, %s{cast})"
    )
    adapt = connection.ops.adapt_datetimefield_value
    for owner in (person_id, None):
        rows = []
        for n in range(count):
            kind = rng.choice(KINDS)
            properties = {"title": f"Page {n}"}
            if n % 50 == 0:
                properties["utm_campaign"] = rng.choice(["spring", "autumn", "brand"])
            rows.append(
                (
                    owner or rng.choice(others),
                    "",
                    kind,
                    adapt(now - timedelta(seconds=rng.randrange(730 * 86400))),
                    f"https://shop.example/p/{n % 700}",
                    orjson.dumps(properties).decode(),
                )
            )
        for start in range(0, len(rows), 5000):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(sql, rows[start : start + 5000])
    # A maintained PostgreSQL deployment has a partition per month (no-op on SQLite).
    from django.core.management import call_command

    call_command("timeline_partitions", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed_gets(base_url: str, path: str, headers: dict, requests: int) -> list[float]:
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    timings = []
    for n in range(requests + 5):
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise SystemExit(f"GET {path}: {response.status} {body[:200]!r}")
        if n >= 5:  # the first requests warm the worker up
            timings.append(elapsed)
    conn.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--touchpoints", type=int, default=int(os.environ.get("BENCH_TIMELINE_TOUCHPOINTS", 50_000))
    )
    parser.add_argument(
        "--requests", type=int, default=int(os.environ.get("BENCH_TIMELINE_REQUESTS", 200))
    )
    args = parser.parse_args()
    setup_django(database_url("timeline"))
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection

    from sincerely.accounts.services import create_api_key, create_staff
    from sincerely.people.models import Person
    from sincerely.people.services import EvidenceInput, create_person

    user = create_staff("bench", role="sales", email="bench@sincerely.test", password="x" * 20)
    key = create_api_key("bench", "timeline bench")
    person = create_person(
        "busy@bench.example", {"first_name": "Busy"}, EvidenceInput("imported", "bench")
    )
    others = [
        p.pk
        for p in Person.objects.bulk_create([Person(email=f"o{n}@b.example") for n in range(500)])
    ]
    fill(person.pk, args.touchpoints, others)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    vendor = connection.vendor
    connection.close()

    def note_for(timings: list[float]) -> str:
        return (
            f"median {percentile(timings, 50):.1f} ms; {args.touchpoints:,} touchpoints, "
            f"{len(timings)} requests, {vendor}"
        )

    with served(workers=2) as base_url:
        api = timed_gets(
            base_url,
            f"/api/v1/people/{person.pk}/timeline?limit=50",
            {"Authorization": f"Bearer {key}"},
            args.requests,
        )
        cookie = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}"}
        scroll = timed_gets(
            base_url,
            f"/console/people/{person.pk}/timeline/",
            {**cookie, "HX-Request": "true"},
            max(args.requests // 2, 20),
        )
        page = timed_gets(
            base_url, f"/console/people/{person.pk}/", cookie, max(args.requests // 4, 20)
        )
    print(
        Figure(
            f"timeline API first page p95 ({vendor})", percentile(api, 95), "ms", 100, note_for(api)
        ).line()
    )
    print(
        Figure(
            f"console timeline scroll (htmx) p95 ({vendor})",
            percentile(scroll, 95),
            "ms",
            100,
            note_for(scroll),
        ).line()
    )
    print(
        Figure(
            f"console person page, summary + timeline p95 ({vendor})",
            percentile(page, 95),
            "ms",
            100,
            note_for(page),
        ).line(),
        flush=True,
    )


if __name__ == "__main__":
    main()
