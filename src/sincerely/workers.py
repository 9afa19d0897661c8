"""Who a worker process is, and whether it is still alive: for taking over its work.

A worker is named `host:pid:start`, the start being the process's start time, so that a
pid reused after a restart (a container, a reboot) is not taken for the live worker.
"""

from __future__ import annotations

import os
import socket

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
