"""What every benchmark shares: a scratch database, a served app, and the result line."""

from __future__ import annotations

import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    name: str
    ours: float
    ceiling: float
    unit: str
    target_ratio: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.ceiling if self.ceiling else 0.0

    def line(self) -> str:
        target = ""
        if self.target_ratio is not None:
            verdict = "meets" if self.ratio >= self.target_ratio else "BELOW"
            target = f"  (target ≥ {self.target_ratio:g}: {verdict})"
        note = f"  [{self.note}]" if self.note else ""
        return (
            f"{self.name}: ours {self.ours:,.1f} {self.unit} | ceiling {self.ceiling:,.1f} "
            f"{self.unit} | ratio {self.ratio:.2f}{target}{note}"
        )


@dataclass
class Figure:
    """A figure with a fixed ceiling rather than a measured one (a latency budget)."""

    name: str
    value: float
    unit: str
    limit: float
    note: str = ""

    def line(self) -> str:
        verdict = "meets" if self.value <= self.limit else "OVER"
        note = f"  [{self.note}]" if self.note else ""
        return f"{self.name}: {self.value:,.1f} {self.unit} (limit {self.limit:g}: {verdict}){note}"


def database_url(label: str) -> str:
    """The bench database: PostgreSQL when SINCERELY_BENCH_DATABASE_URL says so, else SQLite."""
    explicit = os.environ.get("SINCERELY_BENCH_DATABASE_URL")
    if explicit:
        return explicit
    path = Path(tempfile.mkdtemp(prefix=f"sincerely-bench-{label}-")) / "bench.sqlite3"
    return f"sqlite:///{path}"


def setup_django(db_url: str, data_dir: str | None = None) -> None:
    os.environ["SINCERELY_DATABASE_URL"] = db_url
    os.environ.setdefault("SINCERELY_DATA_DIR", data_dir or tempfile.mkdtemp(prefix="sinc-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sincerely.settings")
    import django

    django.setup()
    from django.core.management import call_command

    if db_url.startswith("postgres"):
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", "--noinput", verbosity=0)
    # A flush empties the purposes a migration seeded; put them back.
    import importlib

    from sincerely.people.models import Purpose

    seed = importlib.import_module("sincerely.people.migrations.0002_purposes")
    for slug, name, description in seed.PURPOSES:
        Purpose.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(workers: int = 2):
    """`sincerely serve` on a free loopback port, with the current environment."""
    port = free_port()
    env = dict(os.environ)
    env["SINCERELY_BASE_URL"] = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sincerely.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "/login/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("sincerely serve did not start")
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


@contextmanager
def peak_memory():
    """The process's peak resident memory in MB after the block (ru_maxrss, whole process)."""
    box: dict = {}
    try:
        yield box
    finally:
        box["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]
