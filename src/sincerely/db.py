"""Database helpers shared by the apps' bulk paths."""

from __future__ import annotations

from django.db import IntegrityError, connection, transaction


def reserve_ids(model, count: int) -> list[int]:
    """Take `count` fresh primary keys that no later insert, ours or anyone's, will reuse.

    Bulk paths that must know a row's id before inserting it (an import linking people to
    their facts, a campaign signing links that name the message) reserve ids first. On
    PostgreSQL the identity sequence hands them out. On SQLite, AUTOINCREMENT's high-water
    mark in `sqlite_sequence` is moved past the reserved range in one short transaction,
    so ids are never reused (erased people's ids stay dead) and the caller need not hold
    the write lock while it builds the rows.
    """
    if count <= 0:
        return []
    table = model._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        start = max(row[0] if row else 0, cursor.fetchone()[0]) + 1
        last = start + count - 1
        if row:
            cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [last, table])
        else:
            cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, last])
    return list(range(start, last + 1))


MAX_ROWS_PER_INSERT = 500


def placeholders(values) -> str:
    """`%s, %s, …`, one per value: the inside of an `IN (…)` built by a raw query."""
    return ", ".join(["%s"] * len(values))


def insert_rows(
    model,
    fields: list[str],
    rows: list[tuple],
    *,
    json_fields: tuple[str, ...] = (),
    skip_conflicts: bool = False,
) -> None:
    """Insert rows into the model's table and columns, in as few statements as it takes.

    Building a model instance per row costs about 100 µs in bulk_create, ten times the
    insert itself (measured by bench/bench_people.py and bench/bench_send.py), so the
    high-volume bulk paths skip it; values arrive already in database form (JSON as text,
    datetimes through `connection.ops.adapt_datetimefield_value`). With `skip_conflicts`,
    a row that would break a unique constraint is left out (ON CONFLICT DO NOTHING).
    """
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    table = quote(meta.db_table)
    if connection.vendor != "postgresql":
        # SQLite prepares the statement once and steps it per row: nothing to gain.
        conflicts = " ON CONFLICT DO NOTHING" if skip_conflicts else ""
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders(fields)}){conflicts}",  # noqa: S608
                rows,
            )
        return
    if not skip_conflicts:
        _copy_rows(table, columns, rows)
        return
    # COPY cannot skip a conflicting row. Conflicts are rare (two workers preparing the
    # same chunk at once), so COPY first, and only if a row conflicts, undo that (the
    # savepoint) and insert row by row statements that leave conflicting rows out.
    try:
        with transaction.atomic():
            _copy_rows(table, columns, rows)
    except IntegrityError:
        _insert_skipping_conflicts(table, columns, fields, rows, json_fields)


def _copy_rows(table: str, columns: str, rows: list[tuple]) -> None:
    """PostgreSQL's COPY: the rows stream in one statement that is parsed and planned once,
    and no parameter is escaped into SQL text on the client (Django binds on the client,
    which for a 500-row INSERT cost more CPU than the insert itself, on both sides)."""
    # Django's cursor wraps execute(), not copy(): wrap it too, so a unique violation is
    # Django's IntegrityError as anywhere else.
    statement = f"COPY {table} ({columns}) FROM STDIN"  # noqa: S608
    with (
        connection.wrap_database_errors,
        connection.cursor() as cursor,
        cursor.copy(statement) as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _insert_skipping_conflicts(table, columns, fields, rows, json_fields) -> None:
    """Many rows a statement, within the protocol's 65,535 parameters; conflicts skipped."""
    marks = ", ".join("CAST(%s AS jsonb)" if name in json_fields else "%s" for name in fields)
    per = max(1, min(MAX_ROWS_PER_INSERT, 60_000 // len(fields)))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per):
            chunk = rows[start : start + per]
            values = ", ".join([f"({marks})"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values} ON CONFLICT DO NOTHING",  # noqa: S608
                [value for row in chunk for value in row],
            )
