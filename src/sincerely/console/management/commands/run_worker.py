"""`sincerely worker`: the durable background worker (django-tasks database backend).

With `--processes N` (or SINCERELY_WORKER_PROCESSES) it runs N worker processes under one
supervisor, like gunicorn's workers: a campaign is prepared (rendered, guarded, signed) on
one while another is already sending its first chunk. The children die with the
supervisor, even on SIGKILL, so stopping it stops them all; a child that crashes is
started again.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import signal
import subprocess
import sys
import time

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

log = logging.getLogger(__name__)
PR_SET_PDEATHSIG = 1
RESTART_DELAY = 1.0
GC_THRESHOLD = 20_000  # Python's default is 700 allocations (measured: 3% of a campaign)


def _die_with_parent() -> None:
    """Linux: the kernel sends the child SIGKILL when its supervisor dies, however it dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: SIGTERM forwarding still applies
        pass


class Command(BaseCommand):
    help = "Run background jobs (sending, ingest, training) from the database queue."

    def add_arguments(self, parser):
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument("--interval", type=float, default=0.5)
        parser.add_argument("--queue-name", default="*")
        parser.add_argument(
            "--processes",
            type=int,
            default=int(os.environ.get("SINCERELY_WORKER_PROCESSES", "1")),
            help="worker processes to run (one per core is right; default 1)",
        )

    def handle(self, *args, max_tasks, interval, queue_name, processes, **options):
        if processes > 1:
            self.supervise(processes, interval=interval, queue_name=queue_name)
            return
        # Apps resume work a killed worker left behind (e.g. messaging's outbox claims).
        for app in apps.get_app_configs():
            getattr(app, "worker_started", lambda: None)()
        # A long-lived process: what Django loaded at start stays, so the cyclic collector
        # need not walk it again and again; campaigns allocate many short-lived objects.
        gc.freeze()
        gc.set_threshold(GC_THRESHOLD, 20, 20)
        kwargs = {"interval": interval, "queue_name": queue_name, "no_startup_delay": True}
        if max_tasks:
            kwargs["max_tasks"] = max_tasks
        call_command("db_worker", **kwargs)

    def supervise(self, processes: int, *, interval: float, queue_name: str) -> None:
        command = [
            sys.executable,
            "-m",
            "sincerely.cli",
            "worker",
            "--processes",
            "1",
            "--interval",
            str(interval),
            "--queue-name",
            queue_name,
        ]
        stopping = False

        def start() -> subprocess.Popen:
            return subprocess.Popen(command, preexec_fn=_die_with_parent)  # noqa: S603, PLW1509

        def stop(signum, frame):
            nonlocal stopping
            stopping = True
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)

        children = [start() for _ in range(processes)]
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        pids = ", ".join(str(child.pid) for child in children)
        self.stdout.write(f"worker: {processes} processes ({pids})")
        self.stdout.flush()
        while True:
            time.sleep(0.2)
            if stopping:
                break
            for i, child in enumerate(children):
                code = child.poll()
                if code is not None:
                    log.warning("worker process %s ended (%s); starting another", child.pid, code)
                    time.sleep(RESTART_DELAY)
                    children[i] = start()
        for child in children:
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
