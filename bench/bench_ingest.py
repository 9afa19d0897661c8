"""Event ingest: N events through POST /api/v1/events in batches of 500 against
`sincerely serve` on loopback, beside a raw bulk insert of the same rows into the same
database in the same run (the ceiling).

    python -m bench.bench_ingest                 # 200,000 events on SQLite
    SINCERELY_BENCH_DATABASE_URL=postgres://… python -m bench.bench_ingest
    BENCH_INGEST_EVENTS=50000 BENCH_INGEST_CLIENTS=4 python -m bench.bench_ingest
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import orjson

from bench.common import Result, database_url, served, setup_django

BATCH = 500


def make_events(count: int, person_ids: list[int], seed: int = 7) -> list[dict]:
    """Realistic traffic: mostly anonymous page views with campaigns, some known people."""
    rng = random.Random(seed)
    start = datetime.now(UTC) - timedelta(days=20)
    campaigns = ["spring-sale", "newsletter-may", "retargeting", "brand", "partner"]
    visitors = [uuid.UUID(int=rng.getrandbits(128)).hex for _ in range(max(count // 40, 1))]
    events = []
    for n in range(count):
        at = (start + timedelta(seconds=n * 7)).isoformat()
        event = {
            "id": f"bench-{seed}-{n}",
            "kind": "page_view",
            "at": at,
            "url": f"https://shop.example/p/{rng.randrange(500)}",
            "properties": {"title": f"Product {rng.randrange(500)}"},
        }
        if rng.random() < 0.2:
            event["person"] = {"id": rng.choice(person_ids)}
            event["kind"] = rng.choice(["page_view", "email_opened", "form_submit"])
        else:
            event["visitor"] = rng.choice(visitors)
            if rng.random() < 0.3:
                event["properties"]["utm_campaign"] = rng.choice(campaigns)
        events.append(event)
    return events


def raw_rows(events: list[dict]) -> list[tuple]:
    """The same rows, as the ceiling inserts them (no validation, no HTTP, no dedup)."""
    rows = []
    for event in events:
        rows.append(
            (
                event.get("person", {}).get("id"),
                event.get("visitor", ""),
                event["kind"],
                datetime.fromisoformat(event["at"]),
                event["url"],
                orjson.dumps(event["properties"]).decode(),
                event["id"],
            )
        )
    return rows


def raw_insert(rows: list[tuple]) -> float:
    """Ceiling: plain executemany of the rows, one transaction per batch of 500."""
    from django.db import connection, transaction

    cast = "::jsonb" if connection.vendor == "postgresql" else ""
    sql = (
        "INSERT INTO timeline_touchpoint (person_id, visitor_id, kind, at, url, properties, "
        f"client_event_id) VALUES (%s, %s, %s, %s, %s, %s{cast}, %s)"
    )
    started = time.perf_counter()
    for start in range(0, len(rows), BATCH):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows[start : start + BATCH])
    return time.perf_counter() - started


def post_all(base_url: str, key: str, events: list[dict], clients: int) -> tuple[float, dict]:
    bodies = [orjson.dumps({"events": events[i : i + BATCH]}) for i in range(0, len(events), BATCH)]
    parts = urlsplit(base_url)
    totals = {"accepted": 0, "duplicates": 0, "rejected": 0}
    lock = threading.Lock()
    next_body = iter(bodies)
    failures: list[str] = []

    def worker() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        while True:
            with lock:
                body = next(next_body, None)
            if body is None:
                break
            conn.request("POST", "/api/v1/events", body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            if response.status != 202:
                failures.append(f"{response.status}: {data[:200]!r}")
                continue
            counts = orjson.loads(data)
            with lock:
                for name in totals:
                    totals[name] += counts[name]
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{len(failures)} batches failed, first: {failures[0]}")
    return elapsed, totals


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--events", type=int, default=int(os.environ.get("BENCH_INGEST_EVENTS", 200_000))
    )
    parser.add_argument(
        "--clients", type=int, default=int(os.environ.get("BENCH_INGEST_CLIENTS", 4))
    )
    parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("BENCH_INGEST_WORKERS", 2))
    )
    args = parser.parse_args()

    db_url = database_url("ingest")
    setup_django(db_url)
    from django.db import connection

    from sincerely.accounts.services import create_api_key, create_staff
    from sincerely.people.models import Person
    from sincerely.timeline.models import ClientEvent, Touchpoint

    create_staff("bench", role="marketer", email="bench@sincerely.test", password="x" * 20)
    key = create_api_key("bench", "ingest bench")
    people = Person.objects.bulk_create([Person(email=f"p{n}@bench.example") for n in range(1000)])
    events = make_events(args.events, [p.pk for p in people])
    vendor = connection.vendor

    ceiling_s = raw_insert(raw_rows(events))
    Touchpoint.objects.all().delete()
    ClientEvent.objects.all().delete()
    connection.close()

    with served(workers=args.workers) as base_url:
        ours_s, totals = post_all(base_url, key, events, args.clients)
        retry_s, retry = post_all(base_url, key, events[: BATCH * 4], args.clients)

    stored = Touchpoint.objects.count()
    if totals["accepted"] != args.events or stored != args.events:
        raise SystemExit(f"lost events: accepted {totals}, stored {stored} of {args.events}")
    if retry["accepted"] != 0 or retry["duplicates"] != BATCH * 4:
        raise SystemExit(f"a retried batch was counted again: {retry}")
    note = f"{args.events:,} events, {args.clients} clients, {args.workers} workers, {vendor}"
    print(
        Result(
            f"ingest POST /api/v1/events ({vendor})",
            args.events / ours_s,
            args.events / ceiling_s,
            "events/s",
            target_ratio=0.5,
            note=note,
        ).line(),
        flush=True,
    )


if __name__ == "__main__":
    main()
