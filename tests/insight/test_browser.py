"""In Chromium: the rule builder shows the segment's size live while the marketer edits."""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_live_size_then_save(page):
    newsletter = factories.make_list("newsletter", "Newsletter", "newsletter")
    factories.make_person("anna@example.com", on_list=newsletter)
    factories.make_person("eve@example.com", on_list=newsletter)
    factories.make_person("dan@example.com")
    factories.make_staff("mara", "marketer")

    page.goto("/login/")
    page.fill("#id_username", "mara")
    page.fill("#id_password", factories.PASSWORD)
    page.click("button[type=submit]")
    page.goto("/console/segments/")
    page.select_option("#c0_type", "list")
    page.fill("#c0_subject", "newsletter")
    size = page.locator("#segment-size")
    size.get_by_text("people match right now").wait_for()
    assert "2" in size.inner_text()
    page.check("#c0_negate")
    size.get_by_text("1 person matches").wait_for()
    page.fill("#seg-name", "Not subscribed")
    page.fill("#seg-slug", "not-subscribed")
    page.click("button[value=save]")
    page.get_by_role("heading", name="Not subscribed").wait_for()
    assert "dan@example.com" in page.content()
