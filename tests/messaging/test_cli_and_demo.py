"""`sincerely lint`, `sincerely catcher` and the demo loader, as a newcomer would run them."""

from __future__ import annotations

import os
import smtplib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import factories
from tests.messaging.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
ISSUE_EXAMPLE = (
    "Hi Anna, it was great meeting you at Web Summit — you seemed really excited about "
    "our analytics module."
)


def _lint(path: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sincerely.cli", "lint", str(path)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_lint_command_exit_status_and_report(tmp_path):
    env = dict(os.environ, SINCERELY_DATA_DIR=str(tmp_path))
    bad = tmp_path / "bad.txt"
    bad.write_text("Hello!\n\n" + ISSUE_EXAMPLE + "\n", encoding="utf-8")
    result = _lint(bad, env)
    assert result.returncode == 1
    assert f"{bad}:3: [meeting]" in result.stdout
    assert ISSUE_EXAMPLE in result.stdout
    good = tmp_path / "good.txt"
    good.write_text(
        '{% if evidence.attended("Web Summit") %}' + ISSUE_EXAMPLE + "{% endif %}\n",
        encoding="utf-8",
    )
    assert _lint(good, env).returncode == 0
    broken = tmp_path / "broken.txt"
    broken.write_text("{% if %}", encoding="utf-8")
    result = _lint(broken, env)
    assert result.returncode == 2 and "broken.txt:1" in result.stderr
    assert _lint(tmp_path / "missing.txt", env).returncode == 2


@pytest.mark.django_db(transaction=True)
def test_catcher_stores_what_it_receives(tmp_path):
    from django.db import connection

    from sincerely.messaging.models import CaughtMail

    if connection.vendor != "postgresql":
        url = f"sqlite:///{tmp_path / 'catcher.sqlite3'}"
        env = dict(os.environ, SINCERELY_DATA_DIR=str(tmp_path), SINCERELY_DATABASE_URL=url)
        subprocess.run(
            [sys.executable, "-m", "sincerely.cli", "manage", "migrate", "-v", "0"],
            env=env,
            cwd=ROOT,
            check=True,
        )
    else:
        s = connection.settings_dict
        host = f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
        url = f"postgres://{s['USER'] or 'postgres'}@{host}/{s['NAME']}"
        env = dict(os.environ, SINCERELY_DATA_DIR=str(tmp_path), SINCERELY_DATABASE_URL=url)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sincerely.cli", "catcher", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert "listening" in proc.stdout.readline()
        for _ in range(50):
            try:
                with smtplib.SMTP("127.0.0.1", port) as client:
                    client.sendmail(
                        "a@example.com",
                        ["b@example.com"],
                        b"Subject: caught\r\nMessage-ID: <c1@x>\r\n\r\nhello\r\n",
                    )
                break
            except OSError:
                time.sleep(0.1)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    if connection.vendor == "postgresql":
        assert CaughtMail.objects.get().subject == "caught"
    else:
        import sqlite3

        rows = sqlite3.connect(tmp_path / "catcher.sqlite3").execute(
            "select subject, rcpt_to, message_id from messaging_caughtmail"
        )
        assert list(rows) == [("caught", "b@example.com", "<c1@x>")]


@pytest.mark.django_db
def test_demo_campaign_guards_the_web_summit_claim(marketer, newsletter):
    from sincerely.messaging.demo import load_demo_messaging
    from sincerely.messaging.queries import preview_counts
    from sincerely.messaging.services import campaign_findings, render_for

    anna = factories.make_person(
        "anna@example.com",
        facts={"first_name": "Anna", "attended_event": "Web Summit 2025"},
        on_list=newsletter,
    )
    bob = factories.make_person("bob@example.com", facts={"first_name": "Bob"}, on_list=newsletter)
    campaign = load_demo_messaging(marketer, newsletter)
    assert load_demo_messaging(marketer, newsletter).pk == campaign.pk
    assert campaign_findings(campaign) == []
    assert preview_counts(campaign)["ready"] == 2
    rendered = {p.pk: r for p, _, r in render_for(campaign, [anna, bob])}
    assert "Web Summit" in rendered[anna.pk].text
    assert "Web Summit" not in rendered[bob.pk].text
