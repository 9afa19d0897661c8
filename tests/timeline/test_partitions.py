"""Monthly partitions on PostgreSQL (a plain table on SQLite), and their upkeep command."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import connection

from sincerely.timeline import partitions
from sincerely.timeline.models import Touchpoint
from sincerely.timeline.services import record_touchpoint
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def _partition_of(touchpoint_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tableoid::regclass::text FROM timeline_touchpoint WHERE id = %s",
            [touchpoint_id],
        )
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="partitioning is PostgreSQL's")
def test_touchpoints_land_in_monthly_partitions_and_old_months_get_their_own(capsys):
    assert partitions.is_partitioned()
    person = make_person("ana@example.com")
    recent = record_touchpoint(person, "page_view")
    now = datetime.now(UTC)
    assert _partition_of(recent.pk) == f"timeline_touchpoint_y{now.year:04d}m{now.month:02d}"
    old = record_touchpoint(person, "purchase", at=datetime(2011, 3, 5, tzinfo=UTC))
    assert _partition_of(old.pk) == "timeline_touchpoint_default"
    call_command("timeline_partitions", "--months-ahead", "2")
    assert "timeline_touchpoint_y2011m03" in capsys.readouterr().out
    assert _partition_of(old.pk) == "timeline_touchpoint_y2011m03"
    assert Touchpoint.objects.filter(person=person).count() == 2
    # Erasure still reaches every partition.
    person.delete()
    assert not Touchpoint.objects.exists()


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite keeps a plain table")
def test_sqlite_keeps_a_plain_table(capsys):
    assert not partitions.is_partitioned()
    call_command("timeline_partitions")
    assert "nothing to do" in capsys.readouterr().out
