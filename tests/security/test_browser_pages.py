"""In Chromium: the console works under its Content-Security-Policy (no inline script), and a
staff member enrols two-factor sign-in from the QR code page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_console_works_under_the_policy_and_shows_the_enrolment_qr(page, live_server):
    refused: list[str] = []
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    sales = factories.make_staff("sam", "sales")
    person = factories.make_person("walt@example.com", facts={"first_name": "Walt"})

    page.goto("/login/")
    page.fill("#id_username", sales.username)
    page.fill("#id_password", factories.PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/console/"))

    # An htmx form whose reset after success lives in console.js, not in an hx-on attribute.
    page.goto(f"/console/people/{person.pk}/")
    page.fill("#log-text", "Called Walt about the bundle")
    page.click("#log-form button[type=submit]")
    page.locator("#timeline-items li.tp-note, #timeline-items li.tp-call").first.wait_for()
    expect(page.locator("#log-text")).to_have_value("")

    page.goto("/console/account/two-factor/")
    qr = page.locator("figure.qr svg")
    assert qr.is_visible() and qr.bounding_box()["width"] > 100
    assert re.search(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", page.locator("figure.qr code").inner_text())
    assert refused == []
