"""The `sincerely` command: lists, imports, API keys and privacy links, as a user types them."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sincerely.console.models import ApiKey
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
