"""Fixtures for insight: people with facts, consents, lists, touchpoints and purchases."""

from __future__ import annotations

import pytest

from sincerely.catalogue.models import Product
from tests import factories
from tests.insight.helpers import buy, view


@pytest.fixture
def garden(db):
    return {
        "spade": Product.objects.create(sku="SPADE", name="Steel spade", category="Garden"),
        "seeds": Product.objects.create(
            sku="SEEDS", name="Tomato seeds", category="Garden", is_consumable=True
        ),
        "lamp": Product.objects.create(sku="LAMP", name="Desk lamp", category="Home"),
    }


@pytest.fixture
def crowd(db, newsletter, garden):
    """Five people who differ in exactly the ways the segment conditions look at."""
    anna = factories.make_person(
        "anna@example.com", facts={"company": "Acme", "first_name": "Anna"}, on_list=newsletter
    )
    bob = factories.make_person("bob@example.com", facts={"company": "Globex"})
    cleo = factories.make_person(
        "cleo@example.com", facts={"company": "Acme Ltd"}, consent="newsletter"
    )
    dan = factories.make_person("dan@example.com")
    eve = factories.make_person("eve@example.com", on_list=newsletter)
    view(anna, "/pricing", days_ago=3)
    view(bob, "/pricing", days_ago=30)
    view(cleo, "/pricing?plan=pro", days_ago=2, utm_campaign="spring-sale")
    view(dan, "/pricing-old", days_ago=1)
    view(eve, "/blog/", days_ago=1, campaign="spring-sale")
    buy(anna, garden["spade"], order="A1", days_ago=40)
    buy(anna, garden["seeds"], order="A2", days_ago=5)
    buy(bob, garden["spade"], order="B1", days_ago=3)
    buy(bob, garden["seeds"], order="B1", days_ago=3)
    buy(dan, garden["lamp"], order="D1", days_ago=200, price="80.00")
    return {"anna": anna, "bob": bob, "cleo": cleo, "dan": dan, "eve": eve}
