"""Shared fixtures: staff users by role, an API client with a real key, people with evidence."""

from __future__ import annotations

import pytest
from django.test import Client

from tests import factories


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
