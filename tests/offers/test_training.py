"""Training turns purchase history into offers that respect every business rule."""

from __future__ import annotations

import pytest
from django.test import override_settings

from sincerely.offers.models import Offer, TrainingRun
from sincerely.offers.queries import top_offers
from sincerely.offers.services import reject_offer, train_recommendations
from tests.insight.helpers import view

pytestmark = pytest.mark.django_db


def skus(person, n=10) -> list[str]:
    return [o.product.sku for o in top_offers(person, n)]


def test_offers_what_people_who_bought_the_same_also_bought(shop):
    train_recommendations()
    offers = top_offers(shop["newcomer"], 5)
    assert offers, "the newcomer bought a tent: there is something relevant to offer"
    assert offers[0].product.sku == "MAT"
    assert offers[0].reason == "popular with people who bought Two-person tent"
    assert offers[0].score > 0
    assert [o.score for o in offers] == sorted((o.score for o in offers), reverse=True)


def test_never_offers_owned_out_of_stock_or_inactive(shop):
    train_recommendations()
    for person in [*shop["buyers"], shop["newcomer"], shop["cook"]]:
        offered = set(skus(person))
        assert "LANTERN" not in offered and "OLDBAG" not in offered
        owned = set(person.purchase_lines.values_list("product__sku", flat=True))
        assert not (offered & owned - {"GAS"}), "only consumables are offered again"
    assert "TENT" not in skus(shop["newcomer"])


def test_consumables_may_be_offered_again(shop):
    train_recommendations()
    assert "GAS" in skus(shop["buyers"][0])  # bought gas before, it runs out


def test_nobody_gets_padding(shop):
    with override_settings(OFFER_MIN_SCORE=0.99):
        run = train_recommendations().run
    assert Offer.objects.count() == 0
    assert run.people_with_offers == 0 and run.people == 14
    assert top_offers(shop["newcomer"], 3) == []


def test_people_we_know_nothing_about_get_no_offers(shop):
    train_recommendations()
    assert top_offers(shop["stranger"], 3) == []


def test_rejection_removes_item_then_category_and_survives_retraining(shop):
    train_recommendations()
    newcomer = shop["newcomer"]
    reject_offer(newcomer, shop["products"]["MAT"], via="test")
    assert "MAT" not in skus(newcomer)
    train_recommendations()
    assert "MAT" not in skus(newcomer)
    reject_offer(newcomer, shop["products"]["STOVE"], whole_category=True, via="test")
    train_recommendations()
    assert all(o.product.category != "Camping" for o in top_offers(newcomer, 10))
    kinds = list(
        newcomer.touchpoints.filter(kind="offer_rejected").values_list(
            "properties__scope", flat=True
        )
    )
    assert sorted(kinds) == ["category", "item"]


def test_recently_viewed_products_are_offered_with_that_reason(shop):
    view(shop["stranger"], "/p/mug", kind="product_view", sku="MUG", days_ago=1)
    train_recommendations()
    offers = top_offers(shop["stranger"], 3)
    assert [(o.product.sku, o.reason) for o in offers][:1] == [("MUG", "you looked at it recently")]


def test_stock_changes_apply_before_the_next_training(shop):
    train_recommendations()
    assert "MAT" in skus(shop["newcomer"])
    shop["products"]["MAT"].in_stock = False
    shop["products"]["MAT"].save()
    assert "MAT" not in skus(shop["newcomer"])


def test_training_run_is_recorded_and_offers_replace_the_last_ones(shop):
    train_recommendations()
    first = Offer.objects.count()
    train_recommendations()
    assert Offer.objects.count() == first
    assert TrainingRun.objects.count() == 2
    assert TrainingRun.objects.first().offers == first


def test_erasure_and_export(shop):
    from sincerely.people.services import erase_person
    from sincerely.privacy.services import export_person

    train_recommendations()
    newcomer = shop["newcomer"]
    reject_offer(newcomer, shop["products"]["MUG"], via="test")
    data = export_person(newcomer)
    assert data["offers"] and data["offer_feedback"][0]["product"] == "Enamel mug"
    erase_person(newcomer, None, requested_via="test")
    assert not Offer.objects.filter(person_id=newcomer.pk).exists()
