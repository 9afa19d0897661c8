"""Health, readiness and metrics: what a load balancer and Prometheus see of each process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from sincerely.messaging import services
from tests.messaging.conftest import draft_campaign, free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_readyz_says_the_database_answers_and_migrations_are_applied():
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"ready": True, "database": "ok", "migrations": "applied"}


@pytest.mark.django_db
def test_metrics_need_the_token_when_one_is_set(monkeypatch):
    monkeypatch.setenv("SINCERELY_METRICS_TOKEN", "s3cret-metrics")
    client = Client()
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-metrics")
    assert response.status_code == 200
    assert b"sincerely_outbox_queue_depth" in response.content


@pytest.mark.django_db
def test_metrics_without_a_token_answer_loopback_only(monkeypatch):
    monkeypatch.delenv("SINCERELY_METRICS_TOKEN", raising=False)
    assert Client(REMOTE_ADDR="127.0.0.1").get("/metrics").status_code == 200
    assert Client(REMOTE_ADDR="203.0.113.9").get("/metrics").status_code == 404


def _metric(text: str, name: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{"):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{name} missing from:\n{text}")


@pytest.mark.django_db
def test_metrics_count_the_queue_and_the_sends(web_summit_list, marketer, smtp_server):
    from sincerely.messaging import outbox

    campaign, _ = draft_campaign(marketer)
    services.queue_campaign(campaign)
    services.prepare_campaign(campaign.pk)
    before = Client().get("/metrics").content.decode()
    assert _metric(before, "sincerely_outbox_queue_depth") == 3
    assert _metric(before, 'sincerely_outbox_messages{status="queued"}') == 3
    outbox.deliver_outbox()
    after = Client().get("/metrics").content.decode()
    assert _metric(after, "sincerely_outbox_queue_depth") == 0
    assert _metric(after, 'sincerely_email_events_recent{kind="email_sent"}') == 3
    assert _metric(after, "sincerely_send_rate") > 0


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def _worker_env(tmp_path) -> dict:
    env = dict(os.environ, SINCERELY_DATA_DIR=str(tmp_path), SINCERELY_LOG_LEVEL="WARNING")
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        env["SINCERELY_DATABASE_URL"] = (
            f"postgres://{s.get('USER') or 'postgres'}@{s.get('HOST') or '127.0.0.1'}:"
            f"{s.get('PORT') or 5432}/{s['NAME']}"
        )
    else:
        env["SINCERELY_DATABASE_URL"] = f"sqlite:///{tmp_path / 'health.sqlite3'}"
        subprocess.run(
            [sys.executable, "-m", "sincerely.cli", "manage", "migrate", "--noinput", "-v", "0"],
            env=env,
            cwd=ROOT,
            check=True,
        )
    return env


def _wait_for(url: str) -> tuple[int, dict]:
    deadline = time.monotonic() + 60
    while True:
        try:
            return _get(url)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("processes", [1, 2])
def test_a_worker_answers_health_and_readiness_on_its_port(tmp_path, processes):
    port = free_port()
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sincerely.cli",
            "worker",
            "--processes",
            str(processes),
            "--health-port",
            str(port),
        ],
        env=_worker_env(tmp_path),
        cwd=ROOT,
    )
    try:
        status, body = _wait_for(f"http://127.0.0.1:{port}/healthz")
        assert status == 200 and body["ok"] is True
        if processes > 1:
            assert body["processes"] == processes and body["stopped"] == []
        status, body = _get(f"http://127.0.0.1:{port}/readyz")
        assert status == 200
        assert body["database"] == "ok" and body["migrations"] == "applied"
    finally:
        worker.terminate()
        worker.wait(timeout=60)
