"""Offers from the shell and across a merge."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_recommend_train(shop):
    text = run("recommend", "train")
    assert "trained on" in text and "offers for" in text
    assert run("recommend", "schedule").strip() == "enqueued train_recommendations"
    assert run("recommend", "schedule").strip() == "already scheduled"


def test_merge_keeps_refusals_and_drops_derived_rows(shop):
    from sincerely.offers.models import OfferRejection
    from sincerely.offers.services import reject_offer, train_recommendations
    from sincerely.people.services import merge_people

    train_recommendations()
    reject_offer(shop["stranger"], shop["products"]["MUG"], via="test")
    merge_people(shop["newcomer"], shop["stranger"], None)
    assert OfferRejection.objects.get().person == shop["newcomer"]
