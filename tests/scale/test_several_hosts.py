"""Several hosts: a campaign and event ingest across separate database, web, worker and SMTP
hosts, with one worker host killed (SIGKILL of all its processes) and restarted mid-send.

Each host is a Linux network namespace (`ip netns`) with its own address on a bridge in the
root namespace (the operator's host, where this test runs) and its own host name (a UTS
namespace), so workers cannot see each other's processes: a dead host's claims come back
through its restart or the lease, as on real machines. The database host runs a throwaway
PostgreSQL cluster (initdb) listening only on its own address. Without root or `ip`, the
test says so and runs the same processes on loopback instead.

SINCERELY_SCALE_RECIPIENTS sets the campaign size (default 20,000);
SINCERELY_SCALE_LOOPBACK=1 forces the loopback variant. Run with
`pytest -m scale tests/scale/test_several_hosts.py`.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = int(os.environ.get("SINCERELY_SCALE_RECIPIENTS", "20000"))
EVENT_BATCHES = 20
EVENTS_PER_BATCH = 200
PG_BIN = Path(os.environ.get("SINCERELY_PG_BIN", "/usr/lib/postgresql/15/bin"))
DEADLINE_SECONDS = 900

pytestmark = [pytest.mark.scale]

SINK = """
import sys
from email.parser import BytesHeaderParser
from aiosmtpd.controller import Controller
out = open(sys.argv[3], "a", buffering=1)
parser = BytesHeaderParser()
class Sink:
    async def handle_DATA(self, server, session, envelope):
        out.write((parser.parsebytes(envelope.content).get("Message-ID") or "").strip() + "\\n")
        return "250 OK"
controller = Controller(Sink(), hostname=sys.argv[1], port=int(sys.argv[2]), decode_data=False)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
"""


def _namespaces_usable() -> str:
    """'' when namespaces can be made here, else why not."""
    if os.geteuid() != 0:
        return "not root"
    if not shutil.which("ip") or not shutil.which("unshare"):
        return "no `ip` (iproute2) or `unshare`"
    probe = f"scp{os.getpid() % 100000}"
    made = subprocess.run(["ip", "netns", "add", probe], capture_output=True)
    if made.returncode != 0:
        return "ip netns add failed: " + made.stderr.decode().strip()
    subprocess.run(["ip", "netns", "del", probe], capture_output=True)
    return ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hosts:
    """The hosts of the test: namespaces on a bridge, or processes on loopback."""

    ROLES = ("db", "web1", "web2", "wk1", "wk2", "smtp")

    def __init__(self, use_namespaces: bool) -> None:
        self.netns = use_namespaces
        self.tag = f"s{os.getpid() % 10000}"
        self.processes: dict[str, list[subprocess.Popen]] = {role: [] for role in self.ROLES}
        self.addresses: dict[str, str] = {}
        if not use_namespaces:
            self.addresses = dict.fromkeys(self.ROLES, "127.0.0.1")
            return
        subnet = f"10.{200 + os.getpid() % 50}.{os.getpid() % 250}"
        self.bridge = f"{self.tag}br"
        self._ip("link", "add", self.bridge, "type", "bridge")
        self._ip("addr", "add", f"{subnet}.1/24", "dev", self.bridge)
        self._ip("link", "set", self.bridge, "up")
        for n, role in enumerate(self.ROLES, start=10):
            ns, outer = self.ns(role), f"{self.tag}{role}"
            self._ip("netns", "add", ns)
            self._ip("link", "add", outer, "type", "veth", "peer", "name", "eth0", "netns", ns)
            self._ip("link", "set", outer, "master", self.bridge)
            self._ip("link", "set", outer, "up")
            address = f"{subnet}.{n}"
            self._ip("-n", ns, "addr", "add", f"{address}/24", "dev", "eth0")
            self._ip("-n", ns, "link", "set", "eth0", "up")
            self._ip("-n", ns, "link", "set", "lo", "up")
            self.addresses[role] = address

    def ns(self, role: str) -> str:
        return f"{self.tag}-{role}"

    @staticmethod
    def _ip(*args: str) -> None:
        subprocess.run(["ip", *args], check=True, capture_output=True)

    def command(self, role: str, argv: list[str], user: str = "") -> list[str]:
        """argv as run on `role`'s host: its namespace and its own host name."""
        if user:
            argv = ["runuser", "-u", user, "--", *argv]
        if not self.netns:
            return argv
        name = f"{role}.scale.test"
        return [
            "ip", "netns", "exec", self.ns(role),
            "unshare", "--uts", "sh", "-c", 'hostname "$0" && exec "$@"', name, *argv,
        ]  # fmt: skip

    def start(self, role: str, argv: list[str], env: dict, **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(  # noqa: S603 - our own commands
            self.command(role, argv, kwargs.pop("user", "")),
            env=env,
            cwd=ROOT,
            start_new_session=True,
            **kwargs,
        )
        self.processes[role].append(process)
        return process

    def kill(self, role: str) -> int:
        """SIGKILL every process of the host, as when its machine loses power."""
        if self.netns:
            pids = subprocess.run(
                ["ip", "netns", "pids", self.ns(role)], capture_output=True, text=True
            ).stdout.split()
        else:
            pids = [str(p.pid) for p in self.processes[role] if p.poll() is None]
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                if self.netns:
                    os.kill(int(pid), signal.SIGKILL)
                else:
                    os.killpg(int(pid), signal.SIGKILL)
        for process in self.processes[role]:
            process.wait(timeout=30)
        return len(pids)

    def close(self) -> None:
        for role in reversed(self.ROLES):
            for process in self.processes[role]:
                if process.poll() is None:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGTERM)
            for process in self.processes[role]:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
        if self.netns:
            for role in self.ROLES:
                subprocess.run(["ip", "netns", "del", self.ns(role)], capture_output=True)
            subprocess.run(["ip", "link", "del", self.bridge], capture_output=True)


def _wait(what: str, check, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = check()
        except (OSError, urllib.error.URLError):
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.25)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our hosts
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _start_postgres(hosts: Hosts, workdir: Path) -> str:
    """A throwaway cluster on the database host; returns its database URL."""
    data = workdir / "pgdata"
    data.mkdir()
    shutil.chown(data, "postgres", "postgres")
    data.chmod(0o700)
    subprocess.run(
        ["runuser", "-u", "postgres", "--", str(PG_BIN / "initdb"), "-D", str(data),
         "-A", "trust", "-U", "postgres", "--no-sync"],
        check=True, capture_output=True,
    )  # fmt: skip
    with (data / "pg_hba.conf").open("a") as hba:  # the test's own subnet only
        hba.write("host all all 10.0.0.0/8 trust\n")
    address = hosts.addresses["db"]
    port = 5432 if hosts.netns else _free_port()
    hosts.start(
        "db",
        [str(PG_BIN / "postgres"), "-D", str(data), "-c", f"listen_addresses={address}",
         "-c", f"port={port}", "-c", f"unix_socket_directories={data}",
         "-c", "max_connections=60"],
        env=dict(os.environ),
        user="postgres",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _wait(
        "PostgreSQL",
        lambda: (
            subprocess.run(
                ["pg_isready", "-h", address, "-p", str(port)], capture_output=True
            ).returncode
            == 0
        ),
    )
    subprocess.run(
        ["createdb", "-h", address, "-p", str(port), "-U", "postgres", "sincerely"], check=True
    )
    return f"postgres://postgres@{address}:{port}/sincerely"


def _scenario(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "tests.scale.scenario", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _post_events(base_urls: list[str], key: str, results: list) -> None:
    """Page views through both web hosts in turn, each event with its own id."""
    for batch in range(EVENT_BATCHES):
        events = [
            {
                "id": f"scale-{batch}-{i}",
                "kind": "page_view",
                "person": {
                    "email": f"p{(batch * EVENTS_PER_BATCH + i) % RECIPIENTS}@bench.example"
                },
                "url": "https://shop.example.com/pricing",
            }
            for i in range(EVENTS_PER_BATCH)
        ]
        request = urllib.request.Request(  # noqa: S310 - our hosts
            base_urls[batch % len(base_urls)] + "/api/v1/events",
            data=json.dumps({"events": events}).encode(),
            headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            results.append((response.status, json.loads(response.read())))


def test_a_campaign_and_event_ingest_survive_a_killed_worker_host(request):
    why_not = _namespaces_usable()
    if os.environ.get("SINCERELY_SCALE_LOOPBACK") == "1":
        why_not = "SINCERELY_SCALE_LOOPBACK=1"
    if why_not:
        print(f"\nnetwork namespaces unavailable ({why_not}): the hosts run on loopback")
    if not (PG_BIN / "initdb").exists() or not shutil.which("runuser"):
        pytest.skip(f"PostgreSQL's initdb is not in {PG_BIN} (set SINCERELY_PG_BIN)")
    workdir = Path(tempfile.mkdtemp(prefix="sinc-scale-"))
    workdir.chmod(0o755)
    hosts = Hosts(use_namespaces=not why_not)
    request.addfinalizer(lambda: shutil.rmtree(workdir, ignore_errors=True))
    request.addfinalizer(hosts.close)
    addr = hosts.addresses
    env = dict(
        os.environ,
        SINCERELY_SECRET_KEY="scale-test-" + uuid.uuid4().hex,
        SINCERELY_ALLOWED_HOSTS=",".join(sorted(set(addr.values()))),
        SINCERELY_LOG_LEVEL="WARNING",
        SINCERELY_SEND_LEASE_SECONDS="15",
        SINCERELY_DATA_DIR=str(workdir / "operator"),
        PYTHONPATH=str(ROOT),
    )
    env["SINCERELY_DATABASE_URL"] = _start_postgres(hosts, workdir)
    subprocess.run(
        [sys.executable, "-m", "sincerely.cli", "manage", "migrate", "--noinput", "-v", "0"],
        env=env,
        cwd=ROOT,
        check=True,
    )
    seeded = json.loads(_scenario(env, "seed", str(RECIPIENTS)))

    smtp_port = 2587 if hosts.netns else _free_port()
    received = workdir / "received.txt"
    received.touch()
    sink = hosts.start(
        "smtp",
        [sys.executable, "-c", SINK, addr["smtp"], str(smtp_port), str(received)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert sink.stdout.readline().strip() == "ready"

    bases = []
    for role in ("web1", "web2"):
        port = 8080 if hosts.netns else _free_port()
        web_env = dict(env, SINCERELY_DATA_DIR=str(workdir / role))
        hosts.start(
            role,
            [sys.executable, "-m", "sincerely.cli", "serve", "--bind", f"{addr[role]}:{port}",
             "--workers", "1", "--threads", "4"],
            env=web_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        bases.append(f"http://{addr[role]}:{port}")
    worker_ports = {}

    def start_worker(role: str) -> None:
        port = worker_ports.setdefault(role, 8081 if hosts.netns else _free_port())
        worker_env = dict(
            env,
            SINCERELY_DATA_DIR=str(workdir / role),
            SINCERELY_SMTP_URL=f"smtp://{addr['smtp']}:{smtp_port}",
            SINCERELY_HEALTH_BIND=addr[role],
        )
        hosts.start(
            role,
            [sys.executable, "-m", "sincerely.cli", "worker", "--interval", "0.05",
             "--health-port", str(port)],
            env=worker_env,
        )  # fmt: skip
        _wait(f"{role} ready", lambda: _status(f"http://{addr[role]}:{port}/readyz") == 200)

    for base in bases:
        _wait(f"{base} ready", lambda base=base: _status(base + "/readyz") == 200)
    start_worker("wk1")
    start_worker("wk2")

    def taken() -> list[str]:
        return [line for line in received.read_text().splitlines() if line]

    _scenario(env, "queue", str(seeded["campaign"]))
    results: list = []
    ingest = threading.Thread(target=_post_events, args=(bases, seeded["key"], results))
    ingest.start()
    _wait("a third of the campaign", lambda: len(taken()) >= RECIPIENTS // 3, DEADLINE_SECONDS)
    killed = hosts.kill("wk1")
    assert killed >= 1
    time.sleep(1)
    start_worker("wk1")
    ingest.join(timeout=DEADLINE_SECONDS)

    def finished() -> dict | None:
        state = json.loads(_scenario(env, "state"))
        open_rows = sum(state["messages"].get(s, 0) for s in ("queued", "sending"))
        if len(set(taken())) == RECIPIENTS and open_rows == 0 and state["marks"] == 0:
            return state
        return None

    state = _wait("every message taken and recorded", finished, DEADLINE_SECONDS)
    ids = taken()
    repeats = len(ids) - len(set(ids))
    print(
        f"\n{'namespaces' if hosts.netns else 'loopback'}: {RECIPIENTS:,} recipients, "
        f"{len(ids):,} messages taken ({repeats} repeated), worker host killed ({killed} "
        f"processes) and restarted; {len(results)} event batches through 2 web hosts"
    )
    assert len(set(ids)) == RECIPIENTS, "a recipient got no message"
    assert repeats <= 1, f"{repeats} messages repeated; at most the one in flight may"
    assert state["messages"] == {"sent": RECIPIENTS}
    assert state["touchpoints"].get("email_sent") == RECIPIENTS
    assert [status for status, _ in results] == [202] * EVENT_BATCHES
    assert sum(body["accepted"] for _, body in results) == EVENT_BATCHES * EVENTS_PER_BATCH
    assert state["touchpoints"].get("page_view") == EVENT_BATCHES * EVENTS_PER_BATCH
