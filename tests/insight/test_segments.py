"""Saved segments: members refresh on demand and on schedule, and each change is a touchpoint."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sincerely.insight import services, tasks
from sincerely.insight.queries import segment_people
from sincerely.people.services import leave_list
from sincerely.timeline.models import Touchpoint
from tests.insight.helpers import view

pytestmark = pytest.mark.django_db

PRICING = {"type": "touchpoint", "kind": "page_view", "url_path": "/pricing", "within_days": 14}


def emails(qs) -> set[str]:
    return {p.email for p in qs}


def test_saving_computes_members_and_records_joins(crowd):
    segment = services.create_segment("hot", "Hot leads", PRICING)
    assert segment.size == 2
    joined = Touchpoint.objects.filter(kind="segment_joined", properties__segment="hot")
    assert {t.person.email for t in joined} == {"anna@example.com", "cleo@example.com"}


def test_refresh_records_who_joined_and_who_left(crowd, newsletter):
    segment = services.create_segment("readers", "Readers", {"type": "list", "list": "newsletter"})
    leave_list(crowd["eve"], newsletter, "asked to stop")
    view(crowd["dan"], "/pricing")
    result = services.refresh_segment(segment)
    assert (result.joined, result.left, result.size) == (0, 1, 1)
    left = Touchpoint.objects.get(kind="segment_left")
    assert left.person == crowd["eve"] and left.properties["segment_name"] == "Readers"
    # Refreshing again with nothing changed records nothing new.
    again = services.refresh_segment(segment)
    assert (again.joined, again.left) == (0, 0)
    assert Touchpoint.objects.filter(kind__startswith="segment_").count() == 3


def test_segment_people_is_the_live_audience_for_campaigns(crowd):
    segment = services.create_segment("hot", "Hot leads", PRICING)
    view(crowd["eve"], "/pricing")
    assert "eve@example.com" in emails(segment_people(segment))
    assert segment.members.count() == 2  # stored members change only on refresh


def test_scheduled_refresh_only_touches_due_segments_and_requeues_itself(crowd):
    due = services.create_segment("due", "Due", PRICING, refresh_minutes=5)
    manual = services.create_segment("manual", "Manual", PRICING, refresh_minutes=0)
    view(crowd["eve"], "/pricing")
    later = timezone.now() + timedelta(minutes=6)
    done = services.refresh_due_segments(now=later)
    assert set(done) == {"due"}
    due.refresh_from_db()
    manual.refresh_from_db()
    assert (due.size, manual.size) == (3, 2)

    assert tasks.start_schedules() == ["refresh_segments", "compute_value_scores"]
    assert tasks.start_schedules() == []  # already waiting on the queue
    DBTaskResult.objects.all().delete()  # as if the worker had claimed them
    tasks.refresh_segments.call()
    waiting = DBTaskResult.objects.filter(
        status="READY", task_path=tasks.refresh_segments.module_path
    )
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now()


def test_bad_rules_refuse_to_save_and_name_the_path(crowd):
    with pytest.raises(Exception) as caught:
        services.create_segment(
            "bad", "Bad", {"all": [PRICING, {"type": "purchase", "min_count": 0}]}
        )
    assert caught.value.field == "rules.all[1].min_count"


def test_erasing_a_person_removes_their_membership(crowd):
    from sincerely.people.services import erase_person

    segment = services.create_segment("hot", "Hot leads", PRICING)
    erase_person(crowd["anna"], None, requested_via="test")
    assert segment.members.count() == 1
