"""Real workers: SIGKILL mid-campaign loses nothing; two workers never send a message twice."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from sincerely.workers import HOST, process_is_gone
from tests.messaging.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 60


class SlowRecorder:
    """Accepts each message after a short pause, so a kill lands in the middle of a campaign."""

    def __init__(self) -> None:
        self.message_ids: list[str] = []
        self.recipients: list[str] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        await asyncio.sleep(0.03)
        parsed = message_from_bytes(envelope.original_content, policy=policy.default)
        self.message_ids.append(str(parsed["Message-ID"]))
        self.recipients.extend(envelope.rcpt_tos)
        return "250 OK"


class KeepsAtTheDot(SlowRecorder):
    """Keeps each message the moment its final dot arrives, then answers slowly: like a
    relay that queues before it replies, so a client killed while it waits for the 250
    has still delivered (RFC 1047). Every message in flight at a kill then counts."""

    def __init__(self) -> None:
        super().__init__()
        self.connections: Counter = Counter()  # messages per client port: who is sending

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        parsed = message_from_bytes(envelope.original_content, policy=policy.default)
        self.message_ids.append(str(parsed["Message-ID"]))
        self.recipients.extend(envelope.rcpt_tos)
        self.connections[session.peer[1]] += 1
        await asyncio.sleep(0.03)
        return "250 OK"


def _wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def _database_url(tmp_path: Path, env: dict) -> str:
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        user = s.get("USER") or "postgres"
        host = s.get("HOST") or "127.0.0.1"
        return f"postgres://{user}@{host}:{s.get('PORT') or 5432}/{s['NAME']}"
    url = f"sqlite:///{tmp_path / 'kill.sqlite3'}"
    subprocess.run(
        [sys.executable, "-m", "sincerely.cli", "manage", "migrate", "--noinput", "-v", "0"],
        env=env | {"SINCERELY_DATABASE_URL": url},
        cwd=ROOT,
        check=True,
    )
    return url


def _count(env: dict, sql: str) -> int:
    """A number from the database the workers use (a file of its own on SQLite)."""
    url = env["SINCERELY_DATABASE_URL"]
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            return db.execute(sql).fetchone()[0]
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


DIED = (
    "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult"
    " WHERE exception_class_path = 'sincerely.workers.WorkerDied'"
)


RUNNING_TASKS = "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"


def _recorded_completely(env: dict) -> bool:
    """Every message sent, each with exactly one email_sent touchpoint, none left pending."""
    sent = _count(env, "SELECT COUNT(*) FROM messaging_message WHERE status = 'sent'")
    touchpoints = _count(env, "SELECT COUNT(*) FROM timeline_touchpoint WHERE kind = 'email_sent'")
    pending = _count(
        env, "SELECT COUNT(*) FROM messaging_message WHERE status = 'sent' AND claimed_by <> ''"
    )
    pending += _count(env, "SELECT COUNT(*) FROM messaging_sentmark")
    return sent == touchpoints == RECIPIENTS and pending == 0


def _seeded_outbox(tmp_path, recorder_class=SlowRecorder, **settings):
    """A slow SMTP recorder on loopback and a database holding a queued campaign of
    RECIPIENTS messages; returns what a test needs to start workers against them."""
    recorder = recorder_class()
    port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port, decode_data=False)
    controller.start()
    env = dict(os.environ)
    env.update(
        SINCERELY_DATA_DIR=str(tmp_path),
        SINCERELY_SMTP_URL=f"smtp://127.0.0.1:{port}",
        SINCERELY_LOG_LEVEL="WARNING",
        **settings,
    )
    env["SINCERELY_DATABASE_URL"] = _database_url(tmp_path, env)
    seeded = subprocess.run(
        [sys.executable, "-m", "tests.messaging.outbox_scenario", str(RECIPIENTS)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert seeded.returncode == 0, seeded.stderr[-2000:]
    worker_cmd = [sys.executable, "-m", "sincerely.cli", "worker", "--interval", "0.1"]
    return recorder, controller, env, worker_cmd


@pytest.mark.django_db(transaction=True)
def test_sigkill_mid_campaign_loses_nothing_and_repeats_at_most_one(tmp_path):
    recorder, controller, env, worker_cmd = _seeded_outbox(tmp_path, SINCERELY_SEND_BATCH="10")
    workers = []
    try:
        first = subprocess.Popen(worker_cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        workers.append(first)
        assert _wait_for(lambda: len(recorder.message_ids) >= 15, 120), "worker sent nothing"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        at_kill = len(recorder.message_ids)
        assert at_kill < RECIPIENTS, "the campaign finished before the kill"
        second = subprocess.Popen(worker_cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        workers.append(second)
        assert _wait_for(lambda: len(set(recorder.message_ids)) >= RECIPIENTS, 120)
        time.sleep(1.0)  # anything extra the worker might still send would arrive now
        # The killed worker's sent-but-unrecorded messages got their touchpoints too.
        assert _wait_for(lambda: _recorded_completely(env), 30)
        # Its job shows as failed, saying why, not as running for ever.
        assert _wait_for(lambda: _count(env, RUNNING_TASKS) == 0, 30)
        assert _count(env, DIED) == 1
    finally:
        for proc in workers:
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=20)
        controller.stop()
    counts = Counter(recorder.message_ids)
    assert len(counts) == RECIPIENTS
    repeated = [mid for mid, n in counts.items() if n > 1]
    assert len(recorder.message_ids) <= RECIPIENTS + 1, counts.most_common(3)
    assert all(counts[mid] == 2 for mid in repeated)
    assert len(set(recorder.recipients)) == RECIPIENTS


@pytest.mark.django_db(transaction=True)
def test_two_workers_share_the_outbox_without_sending_twice(tmp_path):
    recorder, controller, env, worker_cmd = _seeded_outbox(
        tmp_path, SINCERELY_SEND_BATCH="5", SINCERELY_SEND_PARALLEL="2"
    )
    workers = [
        subprocess.Popen(worker_cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL) for _ in range(2)
    ]
    try:
        assert _wait_for(lambda: len(recorder.message_ids) >= RECIPIENTS, 120)
        time.sleep(1.0)
    finally:
        for proc in workers:
            proc.terminate()
            proc.wait(timeout=20)
        controller.stop()
    counts = Counter(recorder.message_ids)
    assert len(counts) == RECIPIENTS
    assert max(counts.values()) == 1


@pytest.mark.django_db(transaction=True)
def test_worker_processes_prepare_and_send_together_and_die_with_their_supervisor(tmp_path):
    recorder, controller, env, worker_cmd = _seeded_outbox(tmp_path, SINCERELY_SEND_BATCH="5")
    supervisor = subprocess.Popen(
        [*worker_cmd, "--processes", "2"], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        first_line = supervisor.stdout.readline()
        assert first_line.startswith("worker: 2 processes"), first_line
        children = [int(pid) for pid in first_line.split("(")[1].rstrip(")\n").split(", ")]
        assert _wait_for(lambda: len(recorder.message_ids) >= RECIPIENTS, 120)
        assert _wait_for(lambda: _recorded_completely(env), 30)
        supervisor.send_signal(signal.SIGKILL)
        supervisor.wait(timeout=10)
        assert _wait_for(lambda: not any(_alive(pid) for pid in children), 10), children
    finally:
        if supervisor.poll() is None:
            supervisor.kill()
        controller.stop()
    counts = Counter(recorder.message_ids)
    assert len(counts) == RECIPIENTS and max(counts.values()) == 1


def _alive(pid: int) -> bool:
    return not process_is_gone(f"{HOST}:{pid}")  # a zombie counts as gone


@pytest.mark.django_db(transaction=True)
def test_sigkill_of_a_two_process_supervisor_repeats_at_most_one(tmp_path):
    """Both children send at once (two delivery jobs); the kernel kills both with the
    supervisor. Still at most one message goes out twice, and nothing is lost."""
    recorder, controller, env, worker_cmd = _seeded_outbox(
        tmp_path, KeepsAtTheDot, SINCERELY_SEND_BATCH="5", SINCERELY_SEND_PARALLEL="2"
    )
    workers = []
    try:
        supervisor = subprocess.Popen(
            [*worker_cmd, "--processes", "2"], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        workers.append(supervisor)
        first_line = supervisor.stdout.readline()
        children = [int(pid) for pid in first_line.split("(")[1].rstrip(")\n").split(", ")]

        def both_are_sending() -> bool:  # each child on its own connection
            now = recorder.connections.most_common()
            return len(now) >= 2 and now[1][1] >= 3 and len(recorder.message_ids) >= 15

        assert _wait_for(both_are_sending, 120), recorder.connections
        supervisor.send_signal(signal.SIGKILL)
        supervisor.wait(timeout=10)
        assert _wait_for(lambda: not any(_alive(pid) for pid in children), 10), children
        assert len(recorder.message_ids) < RECIPIENTS, "the campaign finished before the kill"
        second = subprocess.Popen(worker_cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        workers.append(second)
        assert _wait_for(lambda: len(set(recorder.message_ids)) >= RECIPIENTS, 120)
        time.sleep(1.0)  # anything extra the worker might still send would arrive now
        assert _wait_for(lambda: _recorded_completely(env), 30)
    finally:
        for proc in workers:
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=20)
        controller.stop()
    counts = Counter(recorder.message_ids)
    assert len(counts) == RECIPIENTS
    assert len(recorder.message_ids) <= RECIPIENTS + 1, counts.most_common(3)
    assert len(set(recorder.recipients)) == RECIPIENTS
