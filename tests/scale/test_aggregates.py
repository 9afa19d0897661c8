"""Per-person aggregates stay equal to a recomputation, and segment rules that read them
select exactly the people the event tables say."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from sincerely.insight import rules as segment_rules
from sincerely.insight.services import compute_value_scores
from sincerely.people.models import Person
from sincerely.people.services import erase_person, merge_people
from sincerely.timeline import aggregates
from sincerely.timeline.imports import import_purchases
from sincerely.timeline.models import PersonAggregate
from tests.factories import make_person

pytestmark = pytest.mark.django_db
HEADER = "order_id,email,sku,product_name,category,quantity,unit_price,currency,at\n"


def _import(lines: str) -> None:
    report = import_purchases(
        io.BytesIO((HEADER + lines).encode()), filename="orders.csv", source="shop export"
    )
    assert report.issues == [], report.issues


def _days_ago(days: int) -> str:
    return (timezone.now() - timedelta(days=days)).strftime("%Y-%m-%d %H:%M")


def _events(api, events: list[dict]) -> None:
    status, body = api.post("/events", {"events": events})
    assert status in (200, 202) and body["rejected"] == 0, body


def _agrees() -> None:
    assert aggregates.differences() == []


def test_imports_refunds_visits_merges_tiers_and_erasures_keep_the_aggregate_exact(api, admin_user):
    ana = make_person("ana@example.com")
    bob = make_person("bob@example.com")
    _import(
        f"A1,ana@example.com,MUG-1,Blue mug,kitchen,2,4.50,GBP,{_days_ago(40)}\n"
        f"A1,ana@example.com,TEA-9,Green tea,,1,3.00,GBP,{_days_ago(40)}\n"
        f"A2,ana@example.com,MUG-1,Blue mug,kitchen,1,4.50,GBP,{_days_ago(5)}\n"
        f"B1,bob@example.com,TEA-9,Green tea,,3,3.00,GBP,{_days_ago(200)}\n"
    )
    _agrees()
    row = PersonAggregate.objects.get(person=ana)
    assert (row.spend, row.orders) == (Decimal("16.50"), 2)
    # A return: spend goes down, the count of orders bought in stays.
    _import(f"A3,ana@example.com,MUG-1,Blue mug,kitchen,-1,4.50,GBP,{_days_ago(2)}\n")
    _agrees()
    row.refresh_from_db()
    assert (row.spend, row.orders) == (Decimal("12.00"), 2)
    # Page views through the public events API, some before the visitor is known.
    _events(
        api,
        [
            {"kind": "page_view", "person": {"email": "bob@example.com"}, "url": "/a"},
            {"kind": "page_view", "visitor": "visitor-0001", "url": "/b", "at": _iso(3)},
            {"kind": "email_opened", "person": {"email": "ana@example.com"}},
        ],
    )
    _events(api, [{"kind": "page_view", "visitor": "visitor-0001", "person": {"id": ana.pk}}])
    _agrees()
    assert PersonAggregate.objects.get(person=ana).last_visit_at is not None
    compute_value_scores()
    _agrees()
    assert PersonAggregate.objects.get(person=ana).tier != ""
    merge_people(ana, bob, admin_user)
    _agrees()
    row = PersonAggregate.objects.get(person=ana)
    assert (row.spend, row.orders) == (Decimal("21.00"), 3)
    assert not PersonAggregate.objects.filter(person_id=bob.pk).exists()
    erase_person(ana, admin_user, requested_via="test")
    _agrees()
    assert PersonAggregate.objects.count() == 0


def _iso(days: int) -> str:
    return (timezone.now() - timedelta(days=days)).isoformat()


def test_rebuild_and_check_commands(capsys):
    make_person("cleo@example.com")
    _import(f"C1,cleo@example.com,MUG-1,Blue mug,kitchen,1,4.50,GBP,{_days_ago(1)}\n")
    PersonAggregate.objects.all().delete()
    with pytest.raises(Exception, match="differ from a recomputation"):
        call_command("aggregates", "check")
    call_command("aggregates", "rebuild")
    call_command("aggregates", "check")
    assert "every row equals a recomputation" in capsys.readouterr().out


AGGREGATE_SHAPED = [
    {"type": "touchpoint", "kind": "page_view", "within_days": 7},
    {"type": "touchpoint", "kind": "page_view"},
    {"type": "purchase", "min_count": 2},
    {"type": "purchase", "within_days": 30},
    {"all": [{"type": "purchase", "min_count": 1}, {"not": {"type": "purchase", "min_count": 3}}]},
    {"any": [{"type": "touchpoint", "kind": "page_view", "within_days": 4}, {"type": "purchase"}]},
    {
        "all": [
            {"type": "touchpoint", "kind": "page_view", "within_days": 30},
            {"type": "purchase", "min_count": 1},
            {"type": "purchase", "within_days": 40},
        ]
    },
    {
        "all": [
            {"type": "touchpoint", "kind": "page_view"},
            {"type": "purchase", "min_count": 2},
            {"not": {"type": "purchase", "within_days": 15}},
            {"type": "fact", "key": "first_name", "op": "exists"},
        ]
    },
]


@pytest.mark.parametrize("rule", AGGREGATE_SHAPED)
def test_rules_read_from_aggregates_select_what_the_event_scan_selects(api, rule, monkeypatch):
    for i in range(6):
        make_person(f"p{i}@example.com")
    _import(
        "".join(
            f"O{i}-{n},p{i}@example.com,SKU-{n},Thing,,{1 if n % 3 else -1},2.00,GBP,"
            f"{_days_ago(10 * n + i)}\n"
            for i in range(6)
            for n in range(i)
        )
    )
    _events(
        api,
        [
            {"kind": "page_view", "person": {"email": f"p{i}@example.com"}, "at": _iso(i * 2)}
            for i in range(0, 6, 2)
        ],
    )
    normalised = segment_rules.normalise(rule)
    via_aggregates = set(segment_rules.people_matching(rule).values_list("pk", flat=True))
    monkeypatch.setattr(segment_rules, "_aggregate_rows", lambda rule: None)
    exact = set(
        Person.objects.filter(segment_rules.compile_rules(normalised)).values_list("pk", flat=True)
    )
    assert via_aggregates == exact
