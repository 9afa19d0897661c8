"""Per-person aggregates (spend, orders, last purchase, last visit, tier), kept current.

Every service that writes purchases or page views calls `refresh` (or, on the ingest hot
path, `note_visits`) for the people it touched, inside its own transaction; merges refresh
the survivor; an erasure deletes the row with the person. `rebuild` recomputes every row
from the source tables (the backfill, `sincerely aggregates rebuild`). Both compute with
the same SQL, so an incremental row always equals a recomputation.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.db import connection, transaction

from sincerely.db import placeholders
from sincerely.timeline.models import PersonAggregate, PurchaseLine, Touchpoint

VISIT = "page_view"


def _value_scores():
    """insight's ValueScore, by name: timeline sits below insight (docs/ARCHITECTURE.md) and
    only copies each person's tier from that table, so it looks the model up at run time."""
    from django.apps import apps

    return apps.get_model("insight", "ValueScore")


CHUNK = 500  # people per statement (bounded parameter lists on every engine)


def _select(where_people: str) -> str:
    """SELECT (person_id, spend, orders, last_purchase_at, last_visit_at, tier) for the
    people selected by `where_people` (a condition on a `person_id` column, or "1=1")."""
    ValueScore = _value_scores()

    lines = PurchaseLine._meta.db_table
    touchpoints = Touchpoint._meta.db_table
    scores = ValueScore._meta.db_table
    return f"""
        SELECT ids.person_id,
               COALESCE(b.spend, 0), COALESCE(b.orders, 0), b.last_purchase_at,
               v.last_visit_at, COALESCE(s.tier, '')
        FROM (
            SELECT person_id FROM {lines} WHERE {where_people}
            UNION
            SELECT person_id FROM {touchpoints}
            WHERE kind = '{VISIT}' AND person_id IS NOT NULL AND {where_people}
            UNION
            SELECT person_id FROM {scores} WHERE {where_people}
        ) ids
        LEFT JOIN (
            SELECT person_id, SUM(quantity * unit_price) AS spend,
                   COUNT(DISTINCT CASE WHEN quantity > 0 THEN order_id END) AS orders,
                   MAX(CASE WHEN quantity > 0 THEN at END) AS last_purchase_at
            FROM {lines} WHERE {where_people} GROUP BY person_id
        ) b ON b.person_id = ids.person_id
        LEFT JOIN (
            SELECT person_id, MAX(at) AS last_visit_at FROM {touchpoints}
            WHERE kind = '{VISIT}' AND {where_people} GROUP BY person_id
        ) v ON v.person_id = ids.person_id
        LEFT JOIN {scores} s ON s.person_id = ids.person_id
    """  # noqa: S608 - table names are ours, values are parameters


COLUMNS = "person_id, spend, orders, last_purchase_at, last_visit_at, tier"


@transaction.atomic
def refresh(person_ids: Iterable[int]) -> int:
    """Recompute the rows of these people from their purchases, visits and tier."""
    ids = sorted({int(pk) for pk in person_ids if pk is not None})
    table = PersonAggregate._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            where = f"person_id IN ({placeholders(chunk)})"
            cursor.execute(f"DELETE FROM {table} WHERE {where}", chunk)  # noqa: S608
            # The condition appears in each of the select's five sub-queries.
            cursor.execute(
                f"INSERT INTO {table} ({COLUMNS}) {_select(where)}",  # noqa: S608
                chunk * 5,
            )
    return len(ids)


def note_visits(visits: Iterable[tuple[int | None, datetime | str]]) -> None:
    """The ingest hot path: page views only move `last_visit_at` forward (one upsert per
    batch of people, not a recomputation). Times are datetimes, or already in the
    database's form (the ingest path adapts them once for its insert)."""
    latest: dict[int, datetime] = {}
    for person_id, at in visits:
        if person_id is not None and (person_id not in latest or at > latest[person_id]):
            latest[person_id] = at
    if not latest:
        return
    table = PersonAggregate._meta.db_table
    later = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({COLUMNS}) VALUES (%s, 0, 0, NULL, %s, '')"  # noqa: S608
            " ON CONFLICT (person_id) DO UPDATE SET last_visit_at = CASE"
            f" WHEN {table}.last_visit_at IS NULL THEN excluded.last_visit_at"
            f" ELSE {later}({table}.last_visit_at, excluded.last_visit_at) END",
            [
                (pk, adapt(at) if isinstance(at, datetime) else at)
                for pk, at in sorted(latest.items())
            ],
        )


def refresh_tiers() -> None:
    """After the value tiers are recomputed: every row's tier from its score."""
    ValueScore = _value_scores()

    table = PersonAggregate._meta.db_table
    scores = ValueScore._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET tier = COALESCE((SELECT s.tier FROM {scores} s"  # noqa: S608
            f" WHERE s.person_id = {table}.person_id), '')"
        )
        cursor.execute(
            f"SELECT s.person_id FROM {scores} s"  # noqa: S608
            f" WHERE s.person_id NOT IN (SELECT person_id FROM {table})"
        )
        missing = [row[0] for row in cursor.fetchall()]
    refresh(missing)


@transaction.atomic
def rebuild() -> int:
    """Recompute every row (the backfill): one set-based statement."""
    table = PersonAggregate._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        cursor.execute(f"INSERT INTO {table} ({COLUMNS}) {_select('1=1')}")  # noqa: S608
    return PersonAggregate.objects.count()


def recomputed() -> list[tuple]:
    """Every row as a fresh recomputation would give it, without writing (for checks)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM ({_select('1=1')}) r ORDER BY 1")  # noqa: S608
        return cursor.fetchall()


def _normal(row: tuple) -> tuple:
    """One row in a form both engines agree on (SQLite returns text and floats)."""
    from decimal import Decimal

    from django.utils.dateparse import parse_datetime

    def when(value):
        if value is None:
            return None
        if isinstance(value, str):
            value = parse_datetime(value)
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    person_id, spend, orders, last_purchase, last_visit, tier = row
    return (
        int(person_id),
        Decimal(str(spend or 0)).quantize(Decimal("0.01")),
        int(orders or 0),
        when(last_purchase),
        when(last_visit),
        tier or "",
    )


def differences() -> list[int]:
    """People whose stored row differs from a recomputation (a missing row counts as empty)."""
    table = PersonAggregate._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {COLUMNS} FROM {table}")  # noqa: S608
        stored = {row[0]: row for row in map(_normal, cursor.fetchall())}
    fresh = {row[0]: row for row in map(_normal, recomputed())}
    differ = []
    for person_id in sorted(set(stored) | set(fresh)):
        empty = (person_id, _normal((person_id, 0, 0, None, None, ""))[1], 0, None, None, "")
        if stored.get(person_id, empty) != fresh.get(person_id, empty):
            differ.append(person_id)
    return differ
