"""Value tiers: RFM scores and predicted value per buyer, on the person page and as a chart."""

from __future__ import annotations

from datetime import datetime

import pytest

from sincerely.insight.models import ValueScore
from sincerely.insight.rules import people_matching
from sincerely.insight.services import compute_value_scores, predicted_value, tier_for
from tests.insight.helpers import buy

pytestmark = pytest.mark.django_db


def test_scores_every_buyer_and_ranks_recent_frequent_spenders_highest(crowd, garden):
    for n in range(5):
        buy(crowd["cleo"], garden["spade"], order=f"C{n}", days_ago=1 + n, price="50.00")
    assert compute_value_scores() == 4  # anna, bob, cleo, dan
    cleo = ValueScore.objects.get(person=crowd["cleo"])
    dan = ValueScore.objects.get(person=crowd["dan"])
    assert cleo.frequency == 5 and cleo.monetary == 250
    assert cleo.r_score > dan.r_score and cleo.f_score > dan.f_score
    assert cleo.predicted_value > dan.predicted_value
    assert dan.tier == "dormant"
    assert not ValueScore.objects.filter(person=crowd["eve"]).exists()
    assert {p.email for p in people_matching({"type": "tier", "tiers": ["dormant"]})} == {
        "dan@example.com"
    }


def test_returns_reduce_spend_but_not_orders(crowd, garden):
    buy(crowd["dan"], garden["lamp"], order="D2", days_ago=100, quantity=-1, price="80.00")
    compute_value_scores()
    dan = ValueScore.objects.get(person=crowd["dan"])
    assert dan.frequency == 1 and dan.monetary == 0
    assert dan.predicted_value == 0


def test_as_of_scores_historical_data(crowd):
    assert (
        compute_value_scores(as_of=datetime(2001, 1, 1, tzinfo=datetime.now().astimezone().tzinfo))
        == 0
    )


def test_tier_names_and_prediction_shape():
    assert tier_for(5, 5, 5) == "champion"
    assert tier_for(1, 5, 5) == "at_risk"
    assert tier_for(5, 1, 1) == "new"
    assert tier_for(1, 1, 1) == "dormant"
    assert predicted_value(10, 365, 12, 1200) > predicted_value(200, 365, 12, 1200) > 0
    assert predicted_value(10, 365, 0, 0) == 0


def test_tiers_page_shows_chart_and_table(console, crowd):
    compute_value_scores()
    body = console.get("/console/tiers/").content.decode()
    assert "<svg" in body and "People per value tier" in body
    assert "dormant" in body


def test_person_page_shows_value_and_segments(console, crowd):
    from sincerely.insight.services import create_segment

    compute_value_scores()
    create_segment("buyers", "Garden buyers", {"type": "purchase", "category": "Garden"})
    body = console.get(f"/console/people/{crowd['anna'].pk}/").content.decode()
    assert "Value and segments" in body and "Garden buyers" in body
    assert "predicted next 12 months" in body
