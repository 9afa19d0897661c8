"""Segment evaluation at scale: a 3-condition segment through our ORM compiler vs DuckDB.

The data is generated once, deterministically, inside DuckDB (hash-based columns), exported
as CSV and loaded into the Django database (SQLite by default, PostgreSQL with
SINCERELY_BENCH_DATABASE_URL): both engines answer the same question over the same rows.
Touchpoints and purchase lines get their ids in time order, as an append-only event log
does in production (rows are inserted as things happen).

The segment: viewed /pricing in the last 14 days AND bought in category Garden in at least
two orders AND NOT answered campaign spring-sale in the last 30 days.

Sizes: default 100,000 people / 2,000,000 touchpoints / 200,000 purchase lines (a tenth of
the issue's target, so it runs in a few minutes on 2 shared cores); `--full` runs
1,000,000 / 20,000,000 / 2,000,000; or set --people/--touchpoints/--purchases.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Figure, Result, database_url, setup_django

RULES = {
    "all": [
        {"type": "touchpoint", "kind": "page_view", "url_path": "/pricing", "within_days": 14},
        {"type": "purchase", "category": "Garden", "min_count": 2},
        {
            "not": {
                "type": "touchpoint",
                "kind": "page_view",
                "campaign": "spring-sale",
                "within_days": 30,
            }
        },
    ]
}

# Shaped like the per-person aggregates (timeline/aggregates.py): visited in the last 14
# days AND bought in at least two orders AND bought in the last 90 days.
RULES_AGGREGATE = {
    "all": [
        {"type": "touchpoint", "kind": "page_view", "within_days": 14},
        {"type": "purchase", "min_count": 2},
        {"type": "purchase", "within_days": 90},
    ]
}

PATHS = ["/pricing"] + [f"/p/{n}" for n in range(19)]
CATEGORIES = ["Garden", "Home", "Kitchen", "Toys", "Books", "Tools", "Camping", "Fashion"]


def generate(duck, people: int, touchpoints: int, purchases: int, now: datetime) -> None:
    """Create the tables in DuckDB from hashes of row numbers (same seed, same data)."""
    now_s = now.strftime("%Y-%m-%d %H:%M:%S")
    paths = "[" + ",".join(f"'{p}'" for p in PATHS) + "]"
    cats = "[" + ",".join(f"'{c}'" for c in CATEGORIES) + "]"
    duck.execute(f"CREATE TABLE person AS SELECT range + 1 AS id FROM range({people})")
    duck.execute(
        f"""CREATE TABLE product AS SELECT range + 1 AS id, 'SKU' || range AS sku,
        'Product ' || range AS name, ({cats})[((range % {len(CATEGORIES)}) + 1)::BIGINT] AS category
        FROM range(2000)"""
    )
    duck.execute(
        f"""CREATE TABLE touchpoint AS
        WITH r AS (SELECT range AS i, hash(range) AS h, hash(range * 7 + 3) AS g
                   FROM range({touchpoints})),
        t AS (SELECT
          ((h % {people}) + 1)::BIGINT AS person_id,
          CASE WHEN g % 10 < 6 THEN 'page_view' WHEN g % 10 < 8 THEN 'email_opened'
               WHEN g % 10 < 9 THEN 'email_clicked' ELSE 'ad_click' END AS kind,
          TIMESTAMP '{now_s}' - to_seconds(((h >> 20) % (365 * 86400))::BIGINT) AS at,
          CASE WHEN g % 10 < 6
               THEN 'https://shop.example.com' || ({paths})[(((g >> 8) % {len(PATHS)}) + 1)::BIGINT]
               ELSE '' END AS url,
          CASE WHEN (g >> 16) % 100 < 3 THEN '{{"utm_campaign": "spring-sale"}}'
               WHEN (g >> 16) % 100 < 5 THEN '{{"campaign": "winter"}}'
               ELSE '{{}}' END AS properties, i
          FROM r)
        SELECT row_number() OVER (ORDER BY "at", i) AS id, * EXCLUDE (i) FROM t
        ORDER BY id"""
    )
    duck.execute(
        f"""CREATE TABLE purchaseline AS
        WITH r AS (SELECT range AS i, range // 3 AS o, hash(range // 3) AS ho,
                          hash(range * 13 + 5) AS h FROM range({purchases})),
        t AS (SELECT 'O' || o AS order_id,
          ((ho % {max(people * 3 // 10, 1)}) + 1)::BIGINT AS person_id,
          ((h % 2000) + 1)::BIGINT AS product_id,
          CASE WHEN h % 100 < 3 THEN -1 ELSE (1 + (h >> 10) % 4)::INTEGER END AS quantity,
          (1 + ((h >> 20) % 5000) / 100.0)::DECIMAL(12, 2) AS unit_price,
          TIMESTAMP '{now_s}' - to_seconds(((ho >> 24) % (730 * 86400))::BIGINT) AS at, i
          FROM r)
        SELECT row_number() OVER (ORDER BY "at", i) AS id, * EXCLUDE (i) FROM t
        ORDER BY id"""
    )


def duck_sql(now: datetime) -> str:
    since14 = (now - timedelta(days=14)).strftime("%Y-%m-%d %H:%M:%S")
    since30 = (now - timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
    return f"""
    SELECT count(*) FROM person p WHERE
      p.id IN (SELECT person_id FROM touchpoint WHERE kind = 'page_view'
               AND "at" >= TIMESTAMP '{since14}'
               AND (url = '/pricing' OR url LIKE '%/pricing' OR url LIKE '%/pricing?%'
                    OR url LIKE '%/pricing#%'))
      AND p.id IN (SELECT l.person_id FROM purchaseline l JOIN product pr ON pr.id = l.product_id
                   WHERE l.quantity > 0 AND lower(pr.category) = 'garden'
                   GROUP BY l.person_id HAVING count(DISTINCT l.order_id) >= 2)
      AND NOT p.id IN (SELECT person_id FROM touchpoint WHERE kind = 'page_view'
                       AND "at" >= TIMESTAMP '{since30}'
                       AND (json_extract_string(properties, '$.utm_campaign') = 'spring-sale'
                            OR json_extract_string(properties, '$.campaign') = 'spring-sale'))
    """


def duck_sql_aggregate(now: datetime) -> str:
    since14 = (now - timedelta(days=14)).strftime("%Y-%m-%d %H:%M:%S")
    since90 = (now - timedelta(days=90)).strftime("%Y-%m-%d %H:%M:%S")
    return f"""
    SELECT count(*) FROM person p WHERE
      p.id IN (SELECT person_id FROM touchpoint WHERE kind = 'page_view'
               AND "at" >= TIMESTAMP '{since14}')
      AND p.id IN (SELECT person_id FROM purchaseline WHERE quantity > 0
                   GROUP BY person_id HAVING count(DISTINCT order_id) >= 2)
      AND p.id IN (SELECT person_id FROM purchaseline WHERE quantity > 0
                   AND "at" >= TIMESTAMP '{since90}')
    """


def export(duck, table: str, select: str, folder: Path) -> Path:
    path = folder / f"{table}.csv"
    duck.execute(f"COPY ({select}) TO '{path}' (HEADER false, DELIMITER ',', QUOTE '\"')")
    return path


TS = "strftime(\"at\", '%Y-%m-%d %H:%M:%S')"
LOADS = {
    "people_person": (
        "person",
        "SELECT id, '' , 'p' || id || '@example.com', "
        "'2024-01-01 00:00:00', '2024-01-01 00:00:00' FROM person",
        ["id", "display_name", "email", "created_at", "updated_at"],
    ),
    "offers_product": (
        "product",
        "SELECT id, sku, name, category, true, false, true FROM product",
        ["id", "sku", "name", "category", "active", "is_consumable", "in_stock"],
    ),
    "timeline_touchpoint": (
        "touchpoint",
        f"SELECT id, person_id, '', kind, {TS}, url, properties FROM touchpoint",
        ["id", "person_id", "visitor_id", "kind", "at", "url", "properties"],
    ),
    "timeline_purchaseline": (
        "purchaseline",
        f"SELECT id, order_id, person_id, product_id, quantity, unit_price, 'GBP', {TS} "
        "FROM purchaseline",
        ["id", "order_id", "person_id", "product_id", "quantity", "unit_price", "currency", "at"],
    ),
}


def load(duck, folder: Path) -> dict[str, float]:
    """Copy every table into the Django database: COPY on PostgreSQL, batched inserts on SQLite."""
    from django.db import connection, transaction

    seconds = {}
    indexes: list[str] = []
    names = ", ".join(f"'{t}'" for t in LOADS)
    # Building indexes once after the load is several times faster than maintaining them
    # row by row, and the generated rows are consistent by construction, so foreign-key
    # triggers are skipped on PostgreSQL: the load is a benchmark fixture, not a user path.
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({names})"
            )
        else:
            cursor.execute("SET session_replication_role = replica")
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                f"AND tablename IN ({names}) AND indexname NOT IN (SELECT conname FROM "
                "pg_constraint)"
            )
        for name, ddl in cursor.fetchall():
            # A partitioned table's index reads "ON ONLY parent": recreated so, it would stay
            # invalid with no index on any partition. Without ONLY it is built on each.
            indexes.append(ddl.replace(" ON ONLY ", " ON "))
            cursor.execute(f'DROP INDEX "{name}"')
    for table, (source, select, columns) in LOADS.items():
        started = time.perf_counter()
        path = export(duck, source, select, folder)
        cols = ", ".join(columns)
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with (
                    cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN (FORMAT csv)") as copy,
                    path.open("rb") as handle,
                ):
                    while block := handle.read(1 << 20):
                        copy.write(block)
            else:
                marks = ", ".join("?" for _ in columns)
                sql = f"INSERT INTO {table} ({cols}) VALUES ({marks})"
                with path.open(newline="") as handle:
                    reader = csv.reader(handle)
                    raw = cursor.cursor
                    while True:
                        batch = [row for _, row in zip(range(50000), reader, strict=False)]
                        if not batch:
                            break
                        raw.executemany(sql, batch)
        path.unlink()
        seconds[table] = time.perf_counter() - started
        print(f"  loaded {table} in {seconds[table]:.1f} s", flush=True)
    with connection.cursor() as cursor:
        started = time.perf_counter()
        for ddl in indexes:
            cursor.execute(ddl)
        seconds["indexes"] = time.perf_counter() - started
        print(f"  rebuilt {len(indexes)} indexes in {seconds['indexes']:.1f} s", flush=True)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")
            for table in LOADS:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
        cursor.execute("ANALYZE")
    # The rows arrived by COPY, past the services that keep the per-person aggregates:
    # the backfill computes them, as after a migration.
    from sincerely.timeline import aggregates

    started = time.perf_counter()
    aggregates.rebuild()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    seconds["aggregates"] = time.perf_counter() - started
    print(f"  aggregates backfilled in {seconds['aggregates']:.1f} s", flush=True)
    return seconds


def timed(fn, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_segments")
    scale = os.environ.get("SINCERELY_BENCH_SEGMENTS_SCALE", "")
    parser.add_argument("--full", action="store_true", default=scale == "full")
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--touchpoints", type=int, default=2_000_000)
    parser.add_argument("--purchases", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    if args.full:
        args.people, args.touchpoints, args.purchases = 1_000_000, 20_000_000, 2_000_000

    import duckdb

    db_url = database_url("segments")
    setup_django(db_url)
    from django.db import connection

    from sincerely.insight.rules import people_matching

    now = datetime.now(UTC).replace(microsecond=0)
    duck = duckdb.connect()
    started = time.perf_counter()
    generate(duck, args.people, args.touchpoints, args.purchases, now)
    generated = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="sinc-bench-seg-") as folder:
        loads = load(duck, Path(folder))
    sizes = f"{args.people:,} people, {args.touchpoints:,} touchpoints, {args.purchases:,} lines"
    print(
        f"data: {sizes} on {connection.vendor}; generated in {generated:.1f} s, loaded in "
        f"{sum(loads.values()):.1f} s",
        flush=True,
    )
    ours_s, ours_count = timed(lambda: people_matching(RULES).count(), args.repeat)
    # Our rules measure "the last 14 days" from the clock at query time: so does DuckDB's.
    sql = duck_sql(datetime.now(UTC))
    duck_s, duck_row = timed(lambda: duck.execute(sql).fetchone(), args.repeat)
    duck_count = duck_row[0]
    note = f"{connection.vendor}; {sizes}; median of {args.repeat}; matches {ours_count:,}"
    if ours_count != duck_count:
        note += f" (DuckDB counted {duck_count:,}: the window edge moved between the runs)"
    print(
        Result(
            "segment 3 conditions, people scanned per second",
            ours=args.people / ours_s,
            ceiling=args.people / duck_s,
            unit="people/s",
            note=note,
        ).line()
    )
    print(Figure("segment 3 conditions, evaluation time", ours_s, "s", 5.0, note=note).line())
    print(f"duckdb same query: {duck_s:.3f} s (count {duck_count:,})")
    ours_s, ours_count = timed(lambda: people_matching(RULES_AGGREGATE).count(), args.repeat)
    sql = duck_sql_aggregate(datetime.now(UTC))
    duck_s, duck_row = timed(lambda: duck.execute(sql).fetchone(), args.repeat)
    note = f"{connection.vendor}; {sizes}; median of {args.repeat}; matches {ours_count:,}"
    if ours_count != duck_row[0]:
        note += f" (DuckDB counted {duck_row[0]:,}: the window edge moved between the runs)"
    label = "segment visited 14 d + 2 orders + bought 90 d (per-person aggregates)"
    print(
        Result(
            label + ", people scanned per second",
            ours=args.people / ours_s,
            ceiling=args.people / duck_s,
            unit="people/s",
            note=note,
        ).line()
    )
    print(Figure(label + ", evaluation time", ours_s, "s", 0.5, note=note).line())
    print(f"duckdb same query: {duck_s:.3f} s (count {duck_row[0]:,})")
    if db_url.startswith("sqlite:///"):
        connection.close()
        shutil.rmtree(Path(db_url.removeprefix("sqlite:///")).parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
