"""`sincerely worker`: the durable background worker (django-tasks database backend).

With `--processes N` (or SINCERELY_WORKER_PROCESSES) it runs N worker processes under one
supervisor, like gunicorn's workers: a campaign is prepared (rendered, guarded, signed) on
one while another is already sending its first chunk. The children die with the
supervisor, even on SIGKILL, so stopping it stops them all; a child that crashes is
started again.
"""

from __future__ import annotations

import argparse
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
from django.db import connections
from django.urls import get_resolver
from django.utils import timezone

from sincerely import health
from sincerely.workers import process_is_gone, worker_id

log = logging.getLogger(__name__)
PR_SET_PDEATHSIG = 1
RESTART_DELAY = 1.0
MAX_WORKER_ID = 64  # django-tasks-db's limit
GC_THRESHOLD = 20_000  # Python's default is 700 allocations (measured: 3% of a campaign)


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel sends the child SIGKILL when its supervisor dies, however it dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: SIGTERM forwarding still applies
        return
    if os.getppid() != parent:  # the supervisor died before prctl took effect
        os._exit(1)


def resume_work() -> None:
    """Apps resume work a killed worker left behind (e.g. messaging's outbox claims)."""
    fail_orphaned_tasks()
    for app in apps.get_app_configs():
        getattr(app, "worker_started", lambda: None)()
    connections.close_all()  # a supervisor keeps no idle connection open


def fail_orphaned_tasks() -> int:
    """Jobs a worker on this host was running when it died are marked failed, saying so,
    instead of showing as running for ever; the apps' resume hooks redo the work."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    failed = 0
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    for result in running.only("id", "worker_ids"):
        worker = result.worker_ids[-1] if result.worker_ids else ""
        if worker and process_is_gone(worker):
            failed += running.filter(pk=result.pk).update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path="sincerely.workers.WorkerDied",
                traceback=f"worker {worker} ended while running this job; its work was resumed",
            )
    return failed


class Command(BaseCommand):
    help = "Run background jobs (sending, ingest, training) from the database queue."

    def add_arguments(self, parser):
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument("--interval", type=float, default=0.5)
        parser.add_argument("--queue-name", default="*")
        parser.add_argument("--no-resume", action="store_true", help=argparse.SUPPRESS)
        parser.add_argument(
            "--processes",
            type=int,
            default=int(os.environ.get("SINCERELY_WORKER_PROCESSES", "1")),
            help="worker processes to run (one per core is right; default 1)",
        )
        parser.add_argument(
            "--health-port",
            type=int,
            default=int(os.environ.get("SINCERELY_WORKER_HEALTH_PORT", "0")),
            help="serve /healthz and /readyz on this port (SINCERELY_HEALTH_BIND, 127.0.0.1)",
        )

    def handle(
        self, *args, max_tasks, interval, queue_name, processes, no_resume, health_port, **options
    ):
        if processes > 1:
            self.supervise(
                processes, interval=interval, queue_name=queue_name, health_port=health_port
            )
            return
        if health_port:
            health.serve_worker_health(health_port, health.Heartbeat())
        if not no_resume:
            resume_work()
        # Load the URL patterns now, not inside the first job that builds a link: in a
        # campaign's first chunk that cost over a second (profiled).
        get_resolver().url_patterns  # noqa: B018 - the property imports every urls module
        # Load the claims detector now too (its classifier and prefilters, a few seconds),
        # not in a campaign's first chunk.
        from sincerely.messaging.guard import claims

        claims.warm()
        # A long-lived process: what Django loaded at start stays, so the cyclic collector
        # need not walk it again and again; campaigns allocate many short-lived objects.
        gc.freeze()
        gc.set_threshold(GC_THRESHOLD, 20, 20)
        kwargs = {"interval": interval, "queue_name": queue_name, "no_startup_delay": True}
        if len(worker_id()) <= MAX_WORKER_ID:  # so a dead one's jobs can be recognised
            kwargs["worker_id"] = worker_id()
        if max_tasks:
            kwargs["max_tasks"] = max_tasks
        call_command("db_worker", **kwargs)

    def supervise(
        self, processes: int, *, interval: float, queue_name: str, health_port: int = 0
    ) -> None:
        """Run `processes` workers; each in its own session, so a Ctrl-C or a signal to
        the supervisor's group reaches them only once, forwarded as SIGTERM (db_worker
        treats a second signal as "stop the running job now")."""
        command = [
            sys.executable,
            "-m",
            "sincerely.cli",
            "worker",
            "--processes",
            "1",
            "--no-resume",
            "--interval",
            str(interval),
            "--queue-name",
            queue_name,
            "--health-port",
            "0",
        ]
        stopping = False
        children: list[subprocess.Popen] = []
        parent = os.getpid()

        def start() -> subprocess.Popen:
            return subprocess.Popen(  # noqa: S603 - our own command
                command,
                preexec_fn=lambda: _die_with_parent(parent),  # noqa: PLW1509
                start_new_session=True,
            )

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        # Resumed once here, not by every child: two children would each queue the
        # preparation of the same unfinished campaign.
        resume_work()
        children.extend(start() for _ in range(processes))
        if health_port:  # the supervisor answers for its children: all alive, database up
            health.serve_worker_health(health_port, health.Heartbeat(lambda: children))
        pids = ", ".join(str(child.pid) for child in children)
        self.stdout.write(f"worker: {processes} processes ({pids})")
        self.stdout.flush()
        while not stopping:
            time.sleep(0.2)
            for i, child in enumerate(children):
                code = child.poll()
                if code is not None and not stopping:
                    log.warning("worker process %s ended (%s); starting another", child.pid, code)
                    time.sleep(RESTART_DELAY)
                    resume_work()  # what the ended one left: its claims, its preparation
                    children[i] = start()
        for child in children:  # once each: a second signal would cut a send short
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
