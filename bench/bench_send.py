"""Send benchmark: a campaign rendered, guarded, DKIM-signed and delivered over loopback SMTP.

Ours: queue → render every recipient through the guard into the durable outbox → claim,
DKIM-sign and send each over one reused SMTP connection, marking each sent. Ceiling: a bare
smtplib loop sending pre-rendered messages to the same server in the same run.

    python -m bench.bench_send                      # 20,000 recipients
    python -m bench.bench_send --recipients 2000    # a quick look
    python -m bench.bench_send --memory             # peak memory for 100,000 recipients
"""

from __future__ import annotations

import argparse
import os
import resource
import smtplib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Figure, Result, database_url, free_port, setup_django

SINK = """
import asyncio, os, sys
from aiosmtpd.controller import Controller
count_file = sys.argv[2]
fd = os.open(count_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
class Counting:
    async def handle_DATA(self, server, session, envelope):
        os.write(fd, b".")
        return "250 OK"
c = Controller(Counting(), hostname="127.0.0.1", port=int(sys.argv[1]), decode_data=False)
c.start()
print("ready", flush=True)
sys.stdin.read()
c.stop()
"""

TEXT = """Hi {{ person.first_name | fallback("there") }},
{% if evidence.attended("Web Summit") %}
It was great meeting you at Web Summit.
{% endif %}
Our analytics module now explains every number it shows: where it came from, who recorded
it and when. Reply to this email if you want to know more; it reaches me, not a robot.

{{ sender.name }}
"""


class SmtpSink:
    """An aiosmtpd server in its own process that counts what it accepts."""

    def __init__(self) -> None:
        self.port = free_port()
        self.count_file = Path(tempfile.mkstemp(prefix="sinc-sink-")[1])
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SINK, str(self.port), str(self.count_file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout.readline().strip() == "ready"

    def count(self) -> int:
        return self.count_file.stat().st_size

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=10)
        self.count_file.unlink(missing_ok=True)


def make_dkim_key(directory: str) -> str:
    path = os.path.join(directory, "dkim.pem")
    subprocess.run(
        ["openssl", "genrsa", "-traditional", "-out", path, "2048"],
        check=True,
        capture_output=True,
    )
    return path


def seed(n: int):
    """n consenting list members (a third with a Web Summit attendance fact), bulk-inserted."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from sincerely.accounts.services import create_staff
    from sincerely.people.models import (
        AudienceList,
        Consent,
        Fact,
        Identity,
        Membership,
        Person,
        Purpose,
    )

    User = get_user_model()
    sender = User.objects.filter(username="bench").first() or create_staff(
        "bench", role="marketer", email="ana@bench.example", first_name="Ana", last_name="Lima"
    )
    purpose, _ = Purpose.objects.get_or_create(slug="newsletter", defaults={"name": "Newsletter"})
    audience, _ = AudienceList.objects.get_or_create(
        slug="bench", defaults={"name": "Bench list", "purpose": purpose}
    )
    now = timezone.now()
    chunk = 2000
    for start in range(0, n, chunk):
        people = Person.objects.bulk_create(
            [
                Person(email=f"p{i}@bench.example", display_name=f"P{i}")
                for i in range(start, min(n, start + chunk))
            ]
        )
        evidence = {"source_kind": "imported", "source_ref": "bench.csv", "recorded_at": now}
        Identity.objects.bulk_create(
            [Identity(person=p, kind="email", value=p.email, is_primary=True) for p in people]
        )
        facts = [Fact(person=p, key="first_name", value=p.display_name, **evidence) for p in people]
        facts += [
            Fact(person=p, key="attended_event", value="Web Summit 2025", **evidence)
            for p in people
            if p.pk % 3 == 0
        ]
        Fact.objects.bulk_create(facts)
        Consent.objects.bulk_create(
            [
                Consent(
                    person=p,
                    purpose=purpose,
                    status="granted",
                    at=now,
                    where="bench",
                    method="import",
                )
                for p in people
            ]
        )
        Membership.objects.bulk_create(
            [
                Membership(person=p, audience_list=audience, reason="bench", **evidence)
                for p in people
            ]
        )
    return sender, audience


def new_campaign(sender, audience, label: str):
    from sincerely.messaging import services

    campaign, findings = services.create_campaign(
        name=f"bench {label} {time.time()}",
        list_slug=audience.slug,
        sender=sender,
        subject="News for {{ person.first_name | fallback('you') }}",
        text=TEXT,
    )
    assert not findings
    return campaign


def run_ours_in_process(sender, audience) -> tuple[float, int]:
    """One process, no overlap: queue, prepare every message, then deliver them all."""
    from sincerely.messaging import outbox, services

    campaign = new_campaign(sender, audience, "in-process")
    started = time.perf_counter()
    services.queue_campaign(campaign)
    services.prepare_campaign(campaign.pk)
    sent = outbox.deliver_outbox()
    return time.perf_counter() - started, sent


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of one process so far (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> set[int]:
    """A process and all its descendants."""
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        found.add(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo.extend(int(child) for child in task.read_text().split())
            except OSError:
                continue
    return found


def _postgres_pids() -> set[int]:
    pids = set()
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            if comm.read_text().strip() == "postgres":
                pids.add(int(comm.parent.name))
        except OSError:
            continue
    return pids


def _wait_until_idle(worker: subprocess.Popen, timeout: float = 120) -> None:
    """Until the worker's processes have started (imports, the classifier's training) and
    sit idle, polling for work: the clock must not time their start."""
    deadline = time.monotonic() + timeout
    time.sleep(1)
    before = sum(_cpu_seconds(pid) for pid in _tree(worker.pid))
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise RuntimeError("the worker stopped")
        time.sleep(1)
        now = sum(_cpu_seconds(pid) for pid in _tree(worker.pid))
        if now - before < 0.15:
            return
        before = now
    raise RuntimeError("the worker did not settle")


class CpuMeter:
    """CPU used during the timed run by the sink, our worker processes and PostgreSQL."""

    def __init__(self, sink: SmtpSink, worker: subprocess.Popen) -> None:
        self.sink, self.worker = sink, worker
        self.pids: dict[str, set[int]] = {}
        self.start: dict[int, float] = {}
        self.used: dict[str, float] = {}

    def _groups(self) -> dict[str, set[int]]:
        groups = {
            "sink": {self.sink.proc.pid},
            "workers": _tree(self.worker.pid),
            "PostgreSQL": _postgres_pids(),
        }
        for name, pids in groups.items():
            self.pids.setdefault(name, set()).update(pids)
        return groups

    def begin(self) -> None:
        for pids in self._groups().values():
            for pid in pids:
                self.start.setdefault(pid, _cpu_seconds(pid))

    def end(self) -> None:
        self._groups()
        self.used = {
            name: sum(max(0.0, _cpu_seconds(pid) - self.start.get(pid, 0.0)) for pid in pids)
            for name, pids in self.pids.items()
        }


def run_ours_with_worker(
    sender, audience, sink: SmtpSink, processes: int, meter: list | None = None
):
    """The campaign as deployed: queued, then prepared and sent by `sincerely worker`."""
    from sincerely.messaging import services

    campaign = new_campaign(sender, audience, f"worker x{processes}")
    target = sink.count() + audience.memberships.count()
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sincerely.cli",
            "worker",
            "--processes",
            str(processes),
            "--interval",
            "0.05",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_until_idle(worker)  # imports and the classifier's training are not sending
        cpu = CpuMeter(sink, worker)
        cpu.begin()
        started = time.perf_counter()
        services.queue_campaign(campaign)
        while sink.count() < target:
            if worker.poll() is not None:
                raise RuntimeError("the worker stopped")
            time.sleep(0.01)
        elapsed = time.perf_counter() - started
        cpu.end()
        if meter is not None:
            meter.append(cpu.used)
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    return elapsed, campaign


def sent_bytes(campaign_ids: list[int]) -> list[tuple[str, str, bytes]]:
    """The envelope and exact bytes of every message our run sent, in sending order."""
    from sincerely.messaging import mime
    from sincerely.messaging.models import Message

    return [
        (mime.bounce_address(m), m.to_email, bytes(m.raw))
        for m in Message.objects.filter(campaign_id__in=campaign_ids, status="sent")
        .only("reply_token", "to_email", "raw")
        .order_by("id")
    ]


def run_ceiling(port: int, messages: list[tuple[str, str, bytes]]) -> float:
    """A bare smtplib loop over one connection sending the very bytes ours sent."""
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as client:
        for mail_from, to, raw in messages:
            client.sendmail(mail_from, [to], raw)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.bench_send")
    parser.add_argument(
        "--recipients", type=int, default=int(os.environ.get("SINCERELY_BENCH_SEND_N", 20000))
    )
    parser.add_argument(
        "--memory", action="store_true", help="report peak memory for 100,000 recipients"
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=2,
        help="worker processes for the headline run (default 2, one per core here)",
    )
    args = parser.parse_args(argv)
    n = 100_000 if args.memory else args.recipients
    workdir = tempfile.mkdtemp(prefix="sinc-bench-send-")
    os.environ["SINCERELY_DATA_DIR"] = workdir
    os.environ["SINCERELY_DKIM_KEY_FILE"] = make_dkim_key(workdir)
    os.environ["SINCERELY_DKIM_SELECTOR"] = "bench"
    os.environ["SINCERELY_DKIM_DOMAIN"] = "bench.example"
    os.environ["SINCERELY_LOG_LEVEL"] = "WARNING"
    os.environ["SINCERELY_SEND_BATCH"] = "200"
    sink = SmtpSink()
    os.environ["SINCERELY_SMTP_URL"] = f"smtp://127.0.0.1:{sink.port}"
    try:
        setup_django(database_url("send"), workdir)
        sender, audience = seed(n)
        if args.memory:
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            seconds, sent = run_ours_in_process(sender, audience)
            rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            assert sent == n and sink.count() == n, (sent, sink.count())
            print(
                Figure(
                    f"send: peak memory, {n:,} recipients",
                    rss_peak,
                    "MB",
                    300,
                    note=f"one process prepares and sends; RSS {rss_before:,.0f} MB before the "
                    f"campaign, {n / seconds:,.0f} messages/s",
                ).line()
            )
            return
        used: list[dict[str, float]] = []
        worker_seconds, campaign = run_ours_with_worker(
            sender, audience, sink, args.processes, used
        )
        one_seconds, sent = run_ours_in_process(sender, audience)
        assert sent == n and sink.count() == 2 * n, (sent, sink.count())
        messages = sent_bytes([campaign.pk])
        assert len(messages) == n, len(messages)
        sink_before, client_before = _cpu_seconds(sink.proc.pid), time.process_time()
        ceiling_seconds = run_ceiling(sink.port, messages)
        ceiling_sink = _cpu_seconds(sink.proc.pid) - sink_before
        ceiling_cpu = ceiling_sink + time.process_time() - client_before
        size = sum(len(raw) for _, _, raw in messages) / n
        print(
            Result(
                f"send: {n:,}-recipient campaign rendered, guarded, DKIM-signed, delivered",
                n / worker_seconds,
                n / ceiling_seconds,
                "messages/s",
                target_ratio=0.8,
                note=f"`sincerely worker --processes {args.processes}`, queue → all taken by the "
                f"server; ceiling: bare smtplib loop of the same {size:,.0f}-byte messages, "
                "pre-rendered",
            ).line()
        )
        # Where the CPU went: with every core busy, no sender can beat cores / CPU per message.
        cores = os.cpu_count() or 1
        per_message = {name: seconds / n * 1000 for name, seconds in used[0].items()}
        total = sum(per_message.values())
        bound = cores / total * 1000 if total else 0.0
        ceiling_rate = n / ceiling_seconds
        print(
            "send: CPU per message during the worker run: "
            + ", ".join(f"{name} {ms:.3f} ms" for name, ms in per_message.items())
            + f"; {total:.3f} ms in all on {cores} cores: no run can exceed {bound:,.0f}/s here"
            f" (ratio {bound / ceiling_rate:.2f} of the ceiling); the ceiling's loop used "
            f"{ceiling_cpu / n * 1000:.3f} ms (sink {ceiling_sink / n * 1000:.3f})"
        )
        print(
            Result(
                "send: the same campaign in one process, prepared then delivered",
                n / one_seconds,
                n / ceiling_seconds,
                "messages/s",
                note="no overlap between preparing and sending; for comparison",
            ).line()
        )
    finally:
        sink.close()


if __name__ == "__main__":
    main()
