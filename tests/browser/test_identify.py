"""In Chromium: a marketer signs in, opens a person, and the person downloads their data."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from sincerely.people.links import privacy_token
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_open_a_person_and_download_the_privacy_json(page, live_server):
    factories.make_staff("mara", "marketer")
    newsletter = factories.make_list("newsletter", "Newsletter")
    anna = factories.make_person(
        "anna@example.com",
        facts={"first_name": "Anna", "last_name": "Berg", "company": "Acme"},
        on_list=newsletter,
    )

    page.goto("/console/")
    page.get_by_label("Username").fill("mara")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_role("link", name="Anna Berg").click()
    # expect() waits for the page the click opened; is_visible() would read the old one.
    expect(page.get_by_role("heading", name="Anna Berg")).to_be_visible()
    expect(page.locator("#facts")).to_contain_text("self-declared — signup form")

    page.goto(f"/privacy/{privacy_token(anna)}/")
    expect(page.get_by_role("heading", name="What we hold about you")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download everything (JSON)").click()
    path = download_info.value.path()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {f["key"]: f["value"] for f in data["facts"]}["company"] == "Acme"
    assert data["lists"][0]["reason"] == "signed up on /newsletter"
