"""Who a worker process is, and whether it is still alive: for taking over its work.

A worker is named `host:pid:start`, the start being the process's start time, so that a
pid reused after a restart (a container, a reboot) is not taken for the live worker.
"""

from __future__ import annotations

import fcntl
import os
import socket
import threading
from pathlib import Path

HOST = socket.gethostname()


def _start_time(pid: int) -> str:
    """When the process started (clock ticks since boot), or "" where /proc is missing."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[19]
    except (OSError, IndexError):
        return ""


def worker_id() -> str:
    """host:pid:start — the start time tells a reused pid (a restarted container) apart."""
    return f"{HOST}:{os.getpid()}:{_start_time(os.getpid())}"


def process_is_gone(claimed_by: str) -> bool:
    host, _, rest = claimed_by.partition(":")
    pid, _, started = rest.partition(":")
    if host != HOST or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    if started and _start_time(int(pid)) not in ("", started):
        return True  # the pid now belongs to another process
    return int(pid) != os.getpid() and _is_zombie(int(pid))


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] == "Z"
    except OSError:
        return False


class InFlight:
    """The one message that may go out twice: a lock held from a message's final dot until
    it is recorded as sent, shared by every worker process using this data directory.

    An SMTP server takes a message at its final dot, whether or not the sender lives to read
    the reply; the outbox records it as sent a moment later. A message in that window is the
    one a kill repeats. With several processes each could have one there, so one SIGKILL of
    the supervisor (which takes its children with it) could repeat one per process. Holding
    this lock across the window keeps at most one message, across all of them, between its
    dot and its record: at most one repeat per kill, whatever the process count. The lock is
    an flock(2) on a file, so the kernel drops it when its holder dies.
    """

    def __init__(self) -> None:
        self._local = threading.local()  # threads of one process exclude each other too

    def _fd(self) -> int:
        fd = getattr(self._local, "fd", None)
        if fd is None:
            from django.conf import settings

            path = Path(settings.DATA_DIR) / "outbox-in-flight.lock"
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            self._local.fd = fd
            self._local.held = False
        return fd

    def acquire(self) -> None:
        fd = self._fd()
        if not self._local.held:
            fcntl.flock(fd, fcntl.LOCK_EX)
            self._local.held = True

    def release(self) -> None:
        if getattr(self._local, "held", False):
            fcntl.flock(self._local.fd, fcntl.LOCK_UN)
            self._local.held = False


in_flight = InFlight()
