"""In Chromium: a page carrying the snippet, reached from a campaign link, then a form
that identifies the visitor; the salesperson then sees those page views on the timeline."""

from __future__ import annotations

import time

import pytest
from django.test import Client
from playwright.sync_api import expect

from sincerely.timeline.models import Touchpoint
from tests.factories import make_person, make_staff

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.timeline.site_urls"),
]
CAMPAIGN = "?utm_source=newsletter&utm_medium=email&utm_campaign=spring-sale&gclid=g-123"


def _eventually(check, timeout: float = 15.0):
    """Poll until the beacon has been stored (the browser sends it asynchronously)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def _wait_for_snippet(page, timeout: float = 15.0) -> None:
    """Wait, from Python, until the snippet says it has loaded. `wait_for_function` polls
    with `eval` inside the page, which a page whose Content-Security-Policy allows no eval
    refuses whenever the first look comes too early."""
    loaded = _eventually(
        lambda: page.evaluate("() => Boolean(window.sincerely && window.sincerely.loaded)"),
        timeout,
    )
    assert loaded, "the snippet did not load"


def _sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def test_campaign_visit_then_form_identify_shows_on_the_timeline(page, live_server, settings):
    settings.TRACKING_ORIGINS = [live_server.url]
    walt = make_person("walt@example.com", facts={"first_name": "Walt"})
    sales = make_staff("sam", "sales")

    page.goto(f"/test-site/landing/{CAMPAIGN}")
    _wait_for_snippet(page)
    page.click("#next")
    _wait_for_snippet(page)
    page.fill("input[name=email]", "Walt@Example.com")
    page.fill("input[name=company]", "Acme Secret Projects")
    page.click("button[type=submit]")
    page.wait_for_url("**/test-site/thanks/")

    def stitched():
        return Touchpoint.objects.filter(person=walt, kind="page_view").count() >= 2

    assert _eventually(stitched), list(Touchpoint.objects.values("kind", "person_id", "url"))
    views = Touchpoint.objects.filter(person=walt, kind="page_view").order_by("at")
    landing = views[0]
    assert landing.properties["utm_campaign"] == "spring-sale"
    assert landing.properties["utm_source"] == "newsletter"
    assert landing.properties["title"] == "Spring sale landing"
    assert Touchpoint.objects.filter(person=walt, kind="ad_click").exists()
    assert Touchpoint.objects.filter(person=walt, kind="form_submit").exists()
    # Nothing typed into the form is stored, not even in a URL.
    for values in Touchpoint.objects.values_list("url", "properties"):
        assert "Acme" not in str(values) and "Walt" not in str(values)

    _sign_in(page, live_server, sales)
    page.goto(f"/console/people/{walt.pk}/")
    summary = page.locator("#before-you-call")
    assert "spring-sale" in summary.inner_text()
    items = page.locator("#timeline-items")
    assert "Spring sale landing" in items.inner_text()
    assert "Pricing for teams" in items.inner_text()

    # Log a call without a page reload.
    page.evaluate("window.__stillHere = true")
    page.fill("#log-text", "Called Walt: wants the spring bundle")
    page.select_option("#log-kind", "call")
    page.click("#log-form button[type=submit]")
    page.locator("#timeline-items li.tp-call").wait_for()
    assert "wants the spring bundle" in items.locator("li").first.inner_text()
    assert page.evaluate("window.__stillHere") is True

    # Filter by kind, in place.
    page.select_option("#timeline-kind", "call")
    expect(page.locator("#timeline-items li.tp-page_view")).to_have_count(0)
    assert items.locator("li.tp-call").count() == 1


def test_global_privacy_control_sends_nothing(page, live_server, settings):
    settings.TRACKING_ORIGINS = [live_server.url]
    sent = []
    page.on("request", lambda r: sent.append(r.url) if "/t/collect" in r.url else None)
    page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})"
    )
    page.goto(f"/test-site/landing/{CAMPAIGN}")
    _wait_for_snippet(page)
    page.evaluate("window.sincerely.identify('walt@example.com'); window.sincerely.flush()")
    assert "sincerely_vid" not in page.evaluate("document.cookie")
    assert sent == []
    assert not Touchpoint.objects.exists()


def test_require_consent_mode_waits_for_consent(page, live_server, settings):
    settings.TRACKING_ORIGINS = [live_server.url]
    sent = []
    page.on("request", lambda r: sent.append(r.url) if "/t/collect" in r.url else None)
    page.goto(f"/test-site/consent/{CAMPAIGN}")
    _wait_for_snippet(page)
    page.evaluate("window.sincerely.flush()")
    assert "sincerely_vid" not in page.evaluate("document.cookie")
    assert sent == []
    page.click("#agree")
    assert _eventually(lambda: Touchpoint.objects.filter(kind="page_view").exists())
    view = Touchpoint.objects.get(kind="page_view")
    assert view.properties["title"] == "Asks first"
    assert view.properties["utm_campaign"] == "spring-sale"
    assert "sincerely_vid" in page.evaluate("document.cookie")
