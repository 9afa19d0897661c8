"""Nothing is lost when the database is briefly locked: the write is tried again."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from django.db import OperationalError

from sincerely.timeline.services import with_write_retry


def test_a_locked_database_is_retried_until_it_frees(tmp_path: Path):
    """A real SQLite lock held by another connection, released while we retry."""
    path = tmp_path / "locked.sqlite3"
    setup = sqlite3.connect(path)
    setup.execute("CREATE TABLE t (x INTEGER)")
    setup.commit()
    setup.close()
    holder = sqlite3.connect(path, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    writer = sqlite3.connect(path, timeout=0, check_same_thread=False)
    attempts = []

    def write() -> int:
        attempts.append(1)
        try:
            writer.execute("INSERT INTO t VALUES (1)")
            writer.commit()
        except sqlite3.OperationalError as exc:
            raise OperationalError(str(exc)) from exc
        return 1

    def release_soon() -> None:
        time.sleep(0.2)
        holder.rollback()

    releaser = threading.Thread(target=release_soon)
    releaser.start()
    assert with_write_retry(write) == 1
    releaser.join()
    assert len(attempts) > 1
    assert writer.execute("SELECT count(*) FROM t").fetchone()[0] == 1


def test_other_errors_are_not_retried():
    attempts = []

    def broken() -> None:
        attempts.append(1)
        raise OperationalError("no such table: nowhere")

    with pytest.raises(OperationalError):
        with_write_retry(broken)
    assert len(attempts) == 1
