"""The shell commands: segments, tiers, recommend train — thin, same services, clear errors."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from sincerely.insight.services import create_segment

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_segments_list_refresh_and_schedule(crowd):
    create_segment("readers", "Readers", {"type": "list", "list": "newsletter"})
    assert "readers\t2\tReaders" in run("segments")
    assert "readers: 0 joined, 0 left, 2 now" in run("segments", "refresh", "readers")
    assert "enqueued: refresh_segments, compute_value_scores" in run("segments", "schedule")
    assert "already scheduled" in run("segments", "schedule")
    with pytest.raises(CommandError, match="no segment 'nope'"):
        run("segments", "refresh", "nope")


def test_tiers_compute(crowd):
    text = run("tiers", "compute")
    assert "scored 3 people" in text and "dormant\t" in text
    with pytest.raises(CommandError, match="not an ISO date"):
        run("tiers", "compute", "--as-of", "last week")
