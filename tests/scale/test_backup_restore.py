"""Backups: `pg_dump` of a live database restored with `pg_restore` into an empty one gives
the same people, messages and timeline, and the application is ready on it (PostgreSQL)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from sincerely.people.models import Person
from sincerely.timeline.models import PersonAggregate, Touchpoint
from tests.factories import make_person

ROOT = Path(__file__).resolve().parents[2]


def _psql(url: str, sql: str) -> str:
    return subprocess.run(
        ["psql", url, "-Atc", sql], check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.mark.django_db(transaction=True)
def test_a_pg_dump_restores_into_an_empty_database_the_application_accepts(tmp_path):
    if connection.vendor != "postgresql" or not shutil.which("pg_dump"):
        pytest.skip("backups are PostgreSQL's pg_dump (SINCERELY_DATABASE_URL=postgres://…)")
    from sincerely.timeline.services import record_touchpoint

    for i in range(5):
        person = make_person(f"r{i}@example.com", facts={"company": f"Acme {i}"})
        record_touchpoint(person, "page_view", url=f"https://shop.example.com/p/{i}")
    s = connection.settings_dict
    server = f"postgres://{s.get('USER') or 'postgres'}@{s.get('HOST') or '127.0.0.1'}:" + str(
        s.get("PORT") or 5432
    )
    source = f"{server}/{s['NAME']}"
    restored_name = f"{s['NAME']}_restored"
    restored = f"{server}/{restored_name}"
    dump = tmp_path / "sincerely.dump"
    # The commands of docs/operations.md, "Backups".
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", source], check=True)
    maintenance = f"--maintenance-db={server}/postgres"
    subprocess.run(["dropdb", "--if-exists", maintenance, restored_name])
    subprocess.run(["createdb", maintenance, restored_name], check=True)
    try:
        subprocess.run(
            ["pg_restore", "--exit-on-error", "--no-owner", f"--dbname={restored}", str(dump)],
            check=True,
        )
        for table, model in (
            ("people_person", Person),
            ("timeline_touchpoint", Touchpoint),
            ("timeline_personaggregate", PersonAggregate),
        ):
            count = f"SELECT count(*) FROM {table}"  # noqa: S608 - our table names
            assert int(_psql(restored, count)) == model.objects.count()
        env = dict(os.environ, SINCERELY_DATABASE_URL=restored, SINCERELY_DATA_DIR=str(tmp_path))
        check = subprocess.run(
            [sys.executable, "-m", "sincerely.cli", "manage", "migrate", "--check"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout + check.stderr  # nothing left to apply
    finally:
        subprocess.run(["dropdb", "--if-exists", maintenance, restored_name])
