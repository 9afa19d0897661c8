"""A small shop whose purchase history has obvious patterns to recommend from."""

from __future__ import annotations

import pytest

from sincerely.catalogue.models import Product
from tests import factories
from tests.insight.helpers import buy


@pytest.fixture
def shop(db):
    p = {
        sku: Product.objects.create(sku=sku, name=name, category=cat, **extra)
        for sku, name, cat, extra in [
            ("TENT", "Two-person tent", "Camping", {}),
            ("MAT", "Sleeping mat", "Camping", {}),
            ("STOVE", "Camping stove", "Camping", {}),
            ("GAS", "Stove gas", "Fuel", {"is_consumable": True}),
            ("LANTERN", "Lantern", "Camping", {"in_stock": False}),
            ("OLDBAG", "Old sleeping bag", "Camping", {"active": False}),
            ("MUG", "Enamel mug", "Kitchen", {}),
        ]
    }
    buyers = []
    for n in range(12):
        person = factories.make_person(f"camper{n}@example.com")
        buy(person, p["TENT"], order=f"T{n}", days_ago=30 + n)
        buy(person, p["MAT"], order=f"T{n}", days_ago=30 + n)
        buy(person, p["LANTERN"], order=f"T{n}", days_ago=30 + n)
        buy(person, p["OLDBAG"], order=f"T{n}", days_ago=30 + n)
        if n < 6:
            buy(person, p["STOVE"], order=f"S{n}", days_ago=20 + n)
            buy(person, p["GAS"], order=f"S{n}", days_ago=20 + n)
        buyers.append(person)
    newcomer = factories.make_person("newcomer@example.com")
    buy(newcomer, p["TENT"], order="N1", days_ago=2)
    cook = factories.make_person("cook@example.com")
    buy(cook, p["STOVE"], order="C1", days_ago=3)
    buy(cook, p["GAS"], order="C1", days_ago=3)
    stranger = factories.make_person("stranger@example.com")
    return {
        "products": p,
        "buyers": buyers,
        "newcomer": newcomer,
        "cook": cook,
        "stranger": stranger,
    }
