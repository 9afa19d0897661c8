# Client event ids move to their own table, then (on PostgreSQL only) the touchpoint table
# becomes a table partitioned by month on `at`. SQLite keeps the plain table.

from datetime import date

from django.db import migrations, models

COLUMNS = "id, person_id, visitor_id, kind, at, url, properties, client_event_id, recorded_by_id"


def _months(first: date, last: date):
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _next(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def partition_touchpoints(apps, schema_editor):
    """Rebuild timeline_touchpoint as PARTITION BY RANGE (at), one partition per month.

    The primary key becomes (id, at) because a partitioned table's unique constraints must
    contain the partition key; ids still come from one sequence, so they stay unique.
    Months without a partition land in the DEFAULT partition; `sincerely timeline-partitions`
    creates the coming months and moves rows out of the default one.
    """
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(at), max(at), coalesce(max(id), 0) FROM timeline_touchpoint")
        lowest, highest, max_id = cursor.fetchone()
        today = date.today()
        first = date(today.year - 1 if today.month == 1 else today.year, 12 if today.month == 1 else today.month - 1, 1)
        last = date(today.year + 1, today.month, 1)
        if lowest is not None:
            first = min(first, lowest.date().replace(day=1))
            last = max(last, highest.date().replace(day=1))
        statements = [
            "ALTER TABLE timeline_touchpoint RENAME TO timeline_touchpoint_plain",
            """CREATE TABLE timeline_touchpoint (
                id bigint NOT NULL,
                person_id bigint NULL
                    REFERENCES people_person (id) DEFERRABLE INITIALLY DEFERRED,
                visitor_id varchar(64) NOT NULL,
                kind varchar(32) NOT NULL,
                at timestamp with time zone NOT NULL,
                url varchar(2000) NOT NULL,
                properties jsonb NOT NULL,
                client_event_id varchar(100) NULL,
                recorded_by_id integer NULL
                    REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED,
                PRIMARY KEY (id, at)
            ) PARTITION BY RANGE (at)""",
            "CREATE TABLE timeline_touchpoint_default PARTITION OF timeline_touchpoint DEFAULT",
        ]
        for year, month in _months(first, last):
            ny, nm = _next(year, month)
            statements.append(
                f"CREATE TABLE timeline_touchpoint_y{year:04d}m{month:02d} "
                f"PARTITION OF timeline_touchpoint FOR VALUES FROM "
                f"('{year:04d}-{month:02d}-01 00:00:00+00') TO ('{ny:04d}-{nm:02d}-01 00:00:00+00')"
            )
        statements += [
            f"INSERT INTO timeline_touchpoint ({COLUMNS}) "
            f"SELECT {COLUMNS} FROM timeline_touchpoint_plain",
            "DROP TABLE timeline_touchpoint_plain",
            "CREATE SEQUENCE timeline_touchpoint_id_seq OWNED BY timeline_touchpoint.id",
            f"SELECT setval('timeline_touchpoint_id_seq', {max_id + 1}, false)",
            "ALTER TABLE timeline_touchpoint ALTER COLUMN id "
            "SET DEFAULT nextval('timeline_touchpoint_id_seq')",
            # The same index names Django gave the plain table, now partitioned indexes.
            "CREATE INDEX touchpoint_person_at ON timeline_touchpoint (person_id, at)",
            "CREATE INDEX touchpoint_person_kind_at ON timeline_touchpoint (person_id, kind, at)",
            "CREATE INDEX touchpoint_kind_at ON timeline_touchpoint (kind, at)",
            "CREATE INDEX timeline_touchpoint_visitor_id ON timeline_touchpoint (visitor_id)",
            "CREATE INDEX timeline_touchpoint_recorded_by_id ON timeline_touchpoint (recorded_by_id)",
        ]
        for statement in statements:
            cursor.execute(statement)


def unpartition_touchpoints(apps, schema_editor):
    """Back to one plain table (data kept), so the migration can be reversed."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for statement in [
            "ALTER TABLE timeline_touchpoint RENAME TO timeline_touchpoint_partitioned",
            "ALTER SEQUENCE timeline_touchpoint_id_seq OWNED BY NONE",
            "CREATE TABLE timeline_touchpoint (LIKE timeline_touchpoint_partitioned "
            "INCLUDING DEFAULTS)",
            "ALTER SEQUENCE timeline_touchpoint_id_seq OWNED BY timeline_touchpoint.id",
            f"INSERT INTO timeline_touchpoint ({COLUMNS}) "
            f"SELECT {COLUMNS} FROM timeline_touchpoint_partitioned",
            "DROP TABLE timeline_touchpoint_partitioned CASCADE",
            "ALTER TABLE timeline_touchpoint ADD PRIMARY KEY (id)",
            "ALTER TABLE timeline_touchpoint ADD FOREIGN KEY (person_id) "
            "REFERENCES people_person (id) DEFERRABLE INITIALLY DEFERRED",
            "ALTER TABLE timeline_touchpoint ADD FOREIGN KEY (recorded_by_id) "
            "REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED",
            "CREATE INDEX touchpoint_person_at ON timeline_touchpoint (person_id, at)",
            "CREATE INDEX touchpoint_person_kind_at ON timeline_touchpoint (person_id, kind, at)",
            "CREATE INDEX touchpoint_kind_at ON timeline_touchpoint (kind, at)",
            "CREATE INDEX timeline_touchpoint_visitor_id ON timeline_touchpoint (visitor_id)",
            "CREATE INDEX timeline_touchpoint_recorded_by_id ON timeline_touchpoint (recorded_by_id)",
        ]:
            cursor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('timeline', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='ClientEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=100, unique=True)),
                ('kind', models.CharField(max_length=32)),
                ('at', models.DateTimeField()),
            ],
        ),
        migrations.AlterField(
            model_name='touchpoint',
            name='client_event_id',
            field=models.CharField(blank=True, max_length=100, null=True),
        ),
        migrations.RunPython(partition_touchpoints, unpartition_touchpoints, elidable=False),
    ]
