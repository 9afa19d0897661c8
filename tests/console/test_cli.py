"""The `sincerely` command: lists, imports, API keys and privacy links, as a user types them."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sincerely.accounts.models import ApiKey
from sincerely.people.models import Person
from tests import factories

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_lists_create_and_print_counts():
    assert "created list vip" in run(
        "lists", "create", "vip", "--name", "VIP", "--purpose", "sales_contact"
    )
    factories.make_person("a@example.com", on_list=factories.make_list("vip"))
    line = [ln for ln in run("lists").splitlines() if ln.startswith("vip")][0]
    assert line.split()[1] == "1"
    with pytest.raises(CommandError, match="unknown purpose 'gossip'"):
        run("lists", "create", "x", "--name", "X", "--purpose", "gossip")


def test_import_people_reports_rows_and_refuses_broken_files(tmp_path: Path, newsletter):
    good = tmp_path / "scans.csv"
    good.write_text("email,first_name,consent\na@example.com,A,yes\nnot-mail,B,yes\n")
    out = run("import_data", "people", str(good), "--list", "newsletter", "--source", "badges")
    assert "line 3: rejected [email]" in out and "1 new" in out
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b'email,consent\n"x@example.com,yes\n')
    with pytest.raises(CommandError, match="line 2: broken CSV quoting: .* nothing was imported"):
        run("import_data", "people", str(broken), "--list", "newsletter", "--source", "x")
    with pytest.raises(CommandError, match="no list with slug 'nope'"):
        run("import_data", "people", str(good), "--list", "nope", "--source", "x")
    assert Person.objects.count() == 1


def test_apikey_create_prints_a_working_key(client, marketer):
    key = run("apikey", "create", "mara").strip()
    assert key.startswith("sk_") and ApiKey.objects.get().key_hash == ApiKey.hash_key(key)
    response = client.get("/api/v1/lists", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200
    with pytest.raises(CommandError, match="no active staff user"):
        run("apikey", "create", "ghost")


def test_privacy_link_opens_the_centre(client, newsletter):
    factories.make_person("anna@example.com", on_list=newsletter)
    link = run("privacy_link", "ANNA@example.com").strip()
    assert link.startswith("http://") and "/privacy/" in link
    path = "/" + link.split("/", 3)[3]
    assert client.get(path).status_code == 200
    with pytest.raises(CommandError, match="no person"):
        run("privacy_link", "nobody@example.com")


def test_console_script_help_and_passthrough():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sincerely.settings"}
    out = subprocess.run(
        [sys.executable, "-m", "sincerely.cli", "--help"], capture_output=True, text=True, env=env
    )
    assert "import people FILE" in out.stdout
    out = subprocess.run(
        [sys.executable, "-m", "sincerely.cli", "manage", "check"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 0, out.stderr


@pytest.mark.django_db
def test_jobs_of_a_dead_worker_show_as_failed_not_running():
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from sincerely.console.management.commands.run_worker import fail_orphaned_tasks
    from sincerely.workers import HOST, worker_id

    def running(worker: str) -> DBTaskResult:
        return DBTaskResult.objects.create(
            status=TaskResultStatus.RUNNING,
            args_kwargs={"args": [], "kwargs": {}},
            task_path="sincerely.messaging.tasks.deliver_outbox_task",
            worker_ids=[worker],
            backend_name="default",
            run_after=timezone.now(),
        )

    dead = running(f"{HOST}:999999999:1")
    alive = running(worker_id())
    elsewhere = running("another-host:1:1")
    assert fail_orphaned_tasks() == 1
    dead.refresh_from_db()
    assert dead.status == TaskResultStatus.FAILED and "ended while running" in dead.traceback
    assert DBTaskResult.objects.get(pk=alive.pk).status == TaskResultStatus.RUNNING
    assert DBTaskResult.objects.get(pk=elsewhere.pk).status == TaskResultStatus.RUNNING
