"""Shared fixtures: staff users by role, an API client with a real key, people with evidence."""

from __future__ import annotations

import importlib

import pytest
from django.test import Client

from tests import factories

pytest_plugins = ["tests.browser_fixtures"]


@pytest.fixture(autouse=True)
def standard_purposes(request):
    """Transactional tests flush every table, seeded purposes included; put them back."""
    if not any(name in request.fixturenames for name in ("transactional_db", "live_server")):
        marker = request.node.get_closest_marker("django_db")
        if not (marker and marker.kwargs.get("transaction")):
            return
    request.getfixturevalue("transactional_db")
    from sincerely.people.models import Purpose

    seed = importlib.import_module("sincerely.people.migrations.0002_purposes")
    for slug, name, description in seed.PURPOSES:
        Purpose.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )


@pytest.fixture
def admin_user(db):
    return factories.make_staff("ada", "admin")


@pytest.fixture
def marketer(db):
    return factories.make_staff("mara", "marketer")


@pytest.fixture
def sales(db):
    return factories.make_staff("sam", "sales")


@pytest.fixture
def author(db):
    return factories.make_staff("aurel", "author")


@pytest.fixture
def support(db):
    return factories.make_staff("suki", "support")


@pytest.fixture
def console(marketer) -> Client:
    """A browser-like client signed in as a marketer, with CSRF checks enforced."""
    client = Client(enforce_csrf_checks=False)
    client.force_login(marketer)
    return client


@pytest.fixture
def api(marketer):
    return factories.ApiClient(marketer)


@pytest.fixture
def newsletter(db):
    return factories.make_list("newsletter", "Newsletter", "newsletter")
