"""Monthly partitions of the touchpoint table on PostgreSQL: create the coming months and
move rows that landed in the DEFAULT partition into a month of their own."""

from __future__ import annotations

from datetime import date

from django.db import connection, transaction

TABLE = "timeline_touchpoint"


def is_partitioned() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_partitioned_table WHERE partrelid = %s::regclass", [TABLE])
        return cursor.fetchone() is not None


def _next(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _months(first: date, last: date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = _next(year, month)
    return months


def existing_partitions() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = %s::regclass",
            [TABLE],
        )
        return {row[0] for row in cursor.fetchall()}


def ensure_month_partitions(first: date, last: date) -> list[str]:
    """Create a partition for each month from `first` to `last` that has none yet.

    Rows of such a month already sitting in the DEFAULT partition move into the new one
    (PostgreSQL refuses to attach a range the default partition still holds rows for).
    Returns the names created; does nothing on SQLite.
    """
    if not is_partitioned():
        return []
    have = existing_partitions()
    created = []
    for year, month in _months(first, last):
        name = f"{TABLE}_y{year:04d}m{month:02d}"
        if name in have:
            continue
        ny, nm = _next(year, month)
        low = f"{year:04d}-{month:02d}-01 00:00:00+00"
        high = f"{ny:04d}-{nm:02d}-01 00:00:00+00"
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"CREATE TABLE {name} (LIKE {TABLE} INCLUDING DEFAULTS)")
            cursor.execute(
                f"WITH moved AS (DELETE FROM {TABLE}_default WHERE at >= %s AND at < %s "  # noqa: S608 - names are ours
                f"RETURNING *) INSERT INTO {name} SELECT * FROM moved",
                [low, high],
            )
            cursor.execute(
                f"ALTER TABLE {TABLE} ATTACH PARTITION {name} FOR VALUES FROM (%s) TO (%s)",
                [low, high],
            )
        created.append(name)
    return created


def months_in_default() -> list[date]:
    """Months that have rows in the DEFAULT partition (data older or newer than planned)."""
    if not is_partitioned():
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'UTC')::date "  # noqa: S608
            f"FROM {TABLE}_default ORDER BY 1"
        )
        return [row[0] for row in cursor.fetchall()]
