"""Staff accounts (console -> accounts) and Product (offers -> catalogue) moved app without
moving data: an existing database migrates forward and keeps every row, on SQLite and
PostgreSQL alike."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("console", "0002_cache_table"),
    ("offers", "0003_product_category_upper"),
    ("timeline", "0002_client_events_and_partitions"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def test_an_existing_database_keeps_its_staff_keys_and_products():
    old = _migrate(BEFORE)
    try:
        User = old.get_model("auth", "User")
        user = User.objects.create(username="ada", email="ada@example.com")
        old.get_model("console", "StaffProfile").objects.create(
            user=user, role="admin", title="Founder"
        )
        old.get_model("console", "ApiKey").objects.create(
            user=user, name="ci", prefix="sk_abcdefg", key_hash="f" * 64
        )
        Product = old.get_model("offers", "Product")
        kettle = Product.objects.create(sku="K-1", name="Kettle", price=Decimal("30.00"))
        Person = old.get_model("people", "Person")
        person = Person.objects.create(email="pat@example.com")
        old.get_model("timeline", "PurchaseLine").objects.create(
            person=person,
            product=kettle,
            order_id="o-1",
            quantity=1,
            unit_price=Decimal("30.00"),
            at="2026-01-02T03:04:05Z",
        )
    finally:
        _migrate(_latest())

    from django.contrib.auth import get_user_model

    from sincerely.accounts.access import user_can
    from sincerely.accounts.models import ApiKey, StaffProfile
    from sincerely.catalogue.models import Product
    from sincerely.timeline.models import PurchaseLine

    ada = get_user_model().objects.get(username="ada")
    assert StaffProfile.objects.get(user=ada).title == "Founder"
    assert user_can(ada, "people.view")
    assert ApiKey.objects.get(user=ada).name == "ci"
    line = PurchaseLine.objects.select_related("product").get()
    assert line.product.name == "Kettle" and Product.objects.get().sku == "K-1"
    # New rows go into the same tables, with fresh ids.
    assert Product.objects.create(sku="K-2", name="Teapot").pk > line.product.pk
