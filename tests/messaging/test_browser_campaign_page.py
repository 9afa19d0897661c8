"""In Chromium: the campaign page a new user meets (issue 12 items 5, 6 and 7).

The segment is shown and can be changed in a draft, a blocked send button is disabled for
everyone, "Saved." appears once, sending asks first with the number of people it reaches,
and the status moves from queued to sent without a reload; a one-to-one message the guard
blocks keeps what was typed.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from sincerely.messaging import outbox, services
from sincerely.messaging.models import Campaign
from tests import factories
from tests.conversations.test_browser import assert_accessible, sign_in
from tests.messaging.conftest import draft_campaign

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_draft_segment_disabled_send_saved_once_confirm_and_live_progress(
    page, marketer, web_summit_list, smtp_server
):
    from sincerely.insight.services import create_segment

    create_segment(
        "named",
        "People with a first name",
        {"all": [{"type": "fact", "key": "first_name", "op": "exists"}]},  # fmt: skip
    )
    campaign, _ = draft_campaign(marketer, text="As we discussed, hi.")  # an unguarded claim
    sign_in(page, "mara")
    page.goto(f"/console/campaigns/{campaign.pk}/")
    assert "everyone on it" in page.inner_text("#audience")
    send = page.get_by_role("button", name="Send…")
    assert send.is_disabled()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('#send-h ~ form button')).cursor")
        == "not-allowed"
    )
    assert_accessible(page)

    # Narrow to a segment and fix the text: "Saved." once, the segment named at the top.
    page.select_option("#segment", "named")
    page.fill("#text", 'Hi {{ person.first_name | fallback("there") }}, news.')
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("Saved.", exact=True).wait_for()
    assert page.get_by_text("Saved.", exact=True).count() == 1
    assert "People with a first name" in page.inner_text("#audience")
    assert page.locator("#segment").input_value() == "named"

    # Sending asks first, naming how many people it reaches (Anna and Bob have a name).
    page.get_by_role("button", name="Send…").click()
    assert "2 people will be sent this message" in page.inner_text("#affected")
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT
    assert_accessible(page)
    page.get_by_role("button", name="Send to 2 people").click()
    page.wait_for_url(re.compile(rf"/console/campaigns/{campaign.pk}/$"))
    status = page.locator("#campaign-status")
    assert "queued" in status.inner_text()

    # The worker prepares and sends while the page stays open: it updates by itself.
    services.prepare_campaign(campaign.pk)
    outbox.deliver_outbox()
    # A Python-side wait: the page's Content-Security-Policy allows no eval.
    expect(status).to_contain_text("2 sent")
    assert "sent" in status.inner_text().lower()
    assert len(smtp_server.messages) == 2


def test_the_server_refuses_a_send_without_confirmation(client, marketer, web_summit_list):
    campaign, _ = draft_campaign(marketer)
    client.force_login(marketer)
    response = client.post(f"/console/campaigns/{campaign.pk}/send/")
    assert response.status_code == 200 and "3 people will be sent" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT


def test_a_blocked_one_to_one_message_keeps_the_typed_text(page, web_summit_list):
    factories.make_staff("sam", "sales")
    bob = web_summit_list["bob"]
    sign_in(page, "sam")
    page.goto(f"/console/people/{bob.pk}/")
    page.get_by_text("Write to this person").click()
    page.fill("#one-subject", "Following up")
    page.fill("#one-text", "Great meeting you at Web Summit, Bob. Here is the price list.")
    page.get_by_role("button", name="Send from me").click()
    page.wait_for_url(re.compile(rf"/console/people/{bob.pk}/"))
    findings = page.locator("#one-findings")
    findings.wait_for()
    assert "meeting" in findings.inner_text().lower()
    assert page.locator("#one-subject").input_value() == "Following up"
    assert "Here is the price list." in page.locator("#one-text").input_value()
    assert_accessible(page)
    page.reload()  # the kept draft is shown once, not forever
    assert page.locator("#one-subject").input_value() == ""
