"""Helpers that record purchases and page views as the apps do, for insight and offers tests."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from sincerely.timeline.models import PurchaseLine
from sincerely.timeline.services import record_touchpoint


def buy(person, product, *, order: str, days_ago: float = 1, quantity: int = 1, price="10.00"):
    return PurchaseLine.objects.create(
        order_id=order,
        person=person,
        product=product,
        quantity=quantity,
        unit_price=Decimal(price),
        at=timezone.now() - timedelta(days=days_ago),
    )


def view(person, path: str, *, days_ago: float = 1, kind: str = "page_view", **properties):
    return record_touchpoint(
        person,
        kind,
        at=timezone.now() - timedelta(days=days_ago),
        url=f"https://shop.example.com{path}",
        properties=properties,
    )
