"""In Chromium, each problem a new user hit (issue 12 items 3, 4, 5, 8, 9), reproduced and fixed.

Screenshots go to $SINCERELY_SCREENSHOTS when set (see test_browser_ux.py).
"""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from sincerely.conversations import queries
from sincerely.conversations.models import Comment, IncidentUpdate
from sincerely.conversations.services import comments as comment_services
from sincerely.conversations.services import incidents as incident_services
from sincerely.conversations.services import posts as post_services
from sincerely.errors import DomainError
from tests import factories
from tests.console.test_browser_ux import PHONE, fits_the_screen, shot, sign_in
from tests.conversations.test_browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# -- 3. incidents: the first update is never "None"


def test_incident_first_update_is_empty_not_none_and_the_service_refuses_none(page):
    support = factories.make_staff("suki", "support", email="suki@sincerely.test")
    sign_in(page, "suki")
    page.goto("/console/incidents/")
    assert page.locator("#i-update").input_value() == ""
    page.fill("#i-title", "Checkout is down")
    page.fill("#i-body", "Card payments fail.")
    page.get_by_role("button", name="Open incident").click()
    page.get_by_text("Incident opened").wait_for()
    page.goto("/blog/checkout-is-down/")
    body = page.inner_text("main")
    assert "We are looking into it." in body and "None" not in body
    incident = queries.incidents().get()
    with pytest.raises(DomainError):
        incident_services.add_incident_update(
            incident, IncidentUpdate.Status.MONITORING, "None", support
        )
    with pytest.raises(DomainError):
        incident_services.open_incident(
            title="Again", body="", spokesperson=support, severity="minor", update="None"
        )


# -- 4. timeline: orders with their lines; a refund is a return, not "Bought"


def test_timeline_shows_order_lines_and_returns_in_words(page):
    from sincerely.timeline.imports import import_purchases

    factories.make_staff("sam", "sales")
    person = factories.make_person("buyer@example.com", facts={"first_name": "Bea"})
    now = timezone.now()
    bought, returned = (now - timedelta(days=3)).isoformat(), (now - timedelta(days=1)).isoformat()
    rows = [
        "order_id,email,sku,product_name,quantity,unit_price,currency,at",
        f"O1,buyer@example.com,MUG-1,Blue <b>mug</b>,2,4.50,GBP,{bought}",
        f"O1,buyer@example.com,TEA-2,Green tea,1,3.00,GBP,{bought}",
        f"C2,buyer@example.com,MUG-1,Blue <b>mug</b>,-1,4.50,GBP,{returned}",
    ]
    import_purchases(
        io.BytesIO("\n".join(rows).encode() + b"\n"), filename="orders.csv", source="shop"
    )
    sign_in(page, "sam")
    page.goto(f"/console/people/{person.pk}/")
    items = page.locator("#timeline-items li[data-kind=purchase]")
    assert items.count() == 2
    refund, order = items.nth(0).inner_text(), items.nth(1).inner_text()
    assert refund.startswith("purchase") and "Returned" in refund and "Bought" not in refund
    assert "refunded 4.50 GBP" in refund and "1 returned" in refund
    assert "Bought — order O1, 12.00 GBP" in order
    assert "Blue <b>mug</b> (MUG-1) × 2 — 9.00 GBP" in order and "Green tea" in order
    for text in (refund, order):
        assert "('" not in text and "&lt;" not in text and "[" not in text
    shot(page, "timeline-orders")
    assert_accessible(page)


# -- 5. confirmations with the number of people affected, required by the server


def test_notify_a_list_about_an_incident_asks_first_with_the_count(page, client):
    support = factories.make_staff("suki", "support", email="suki@sincerely.test")
    newsletter = factories.make_list("newsletter", "Newsletter", "newsletter")
    for n in range(3):
        factories.make_person(f"reader{n}@example.com", on_list=newsletter)
    incident = incident_services.open_incident(
        title="Outage", body="Down.", spokesperson=support, severity="major"
    )
    client.force_login(support)
    asked = client.post(f"/console/incidents/{incident.pk}/notify", {"list": "newsletter"})
    assert "3 people will get an email" in asked.content.decode()
    assert incident.notices.count() == 0, "the server asks before sending"

    sign_in(page, "suki")
    page.goto(f"/console/incidents/{incident.pk}/")
    page.locator("#notify-h ~ form").get_by_role("button", name="Send").click()
    assert "3 people will get an email about this incident" in page.inner_text("#affected")
    assert_accessible(page)
    page.get_by_role("button", name="Email 3 people").click()
    page.get_by_text("Told 3 people").wait_for()
    assert incident.notices.count() == 3


def test_deleting_a_segment_asks_first_with_its_size(page):
    from sincerely.insight.models import Segment
    from sincerely.insight.services import create_segment

    factories.make_staff("mara", "marketer")
    newsletter = factories.make_list("newsletter", "Newsletter", "newsletter")
    factories.make_person("a@example.com", on_list=newsletter)
    factories.make_person("b@example.com", on_list=newsletter)
    create_segment("subs", "Subscribers", {"all": [{"type": "list", "list": "newsletter"}]})
    sign_in(page, "mara")
    page.goto("/console/segments/subs/")
    page.get_by_role("button", name="Delete segment").click()
    assert "2 people are in it now" in page.inner_text("#affected")
    page.get_by_role("link", name="Cancel").click()
    assert Segment.objects.filter(slug="subs").exists()
    page.get_by_role("button", name="Delete segment").click()
    page.locator("form").get_by_role("button", name="Delete segment").click()
    page.get_by_text("Segment Subscribers deleted").wait_for()
    assert not Segment.objects.filter(slug="subs").exists()


def test_marking_a_comment_as_spam_asks_first_naming_the_person(page, client):
    support = factories.make_staff("suki", "support")
    author = factories.make_staff("wren", "author")
    post = post_services.create_post(title="Hello", body="Hi.", author=author, status="published")
    comment = comment_services.submit_comment(
        post, name="Spammy", email="spam@example.org", body="Buy now"
    )
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.HELD)
    client.force_login(support)
    asked = client.post(f"/console/comments/{comment.pk}/moderate", {"action": "spam"})
    assert "1 person is affected: Spammy" in asked.content.decode()
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.HELD

    sign_in(page, "suki")
    page.goto("/console/inbox/")
    page.get_by_role("button", name="Mark spam").click()
    assert "1 person is affected: Spammy <spam@example.org>" in page.inner_text("#affected")
    assert_accessible(page)
    page.get_by_role("button", name="Mark as spam").click()
    page.get_by_text("Comment by Spammy").wait_for()
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.SPAM


# -- 8. the privacy centre shows what the download contains; withdrawn consent is visible


def test_privacy_centre_shows_purchases_value_and_records_and_who_is_not_mailed(page):
    from sincerely.insight.services import compute_value_scores
    from sincerely.people import services as people
    from sincerely.people.links import privacy_url
    from sincerely.timeline.imports import import_purchases
    from sincerely.timeline.services import record_touchpoint

    factories.make_staff("mara", "marketer")
    newsletter = factories.make_list("newsletter", "Newsletter", "newsletter")
    person = factories.make_person("pia@example.com", on_list=newsletter)
    now = timezone.now()
    lines = ["order_id,email,sku,product_name,quantity,unit_price,currency,at"] + [
        f"O{n},pia@example.com,SKU-{n},Candle {n},1,2.00,GBP,{(now - timedelta(n)).isoformat()}"
        for n in range(1, 26)
    ]
    import_purchases(io.BytesIO("\n".join(lines).encode()), filename="o.csv", source="shop")
    record_touchpoint(person, "page_view", at=now, properties={"title": "Garden tools"})
    compute_value_scores()

    page.set_viewport_size(PHONE)
    page.goto(privacy_url(person).split("//", 1)[1].split("/", 1)[1].join(["/", ""]))
    purchases = page.locator("#purchases")
    assert "Candle 1" in purchases.inner_text()
    assert "1–20 of 25 order lines" in purchases.inner_text()
    purchases.get_by_role("link", name="Older →").click()
    page.wait_for_url(re.compile(r"purchases=2"))
    assert "Candle 25" in page.inner_text("#purchases")
    assert "You are in the tier" in page.inner_text("#value")
    assert "Garden tools" in page.inner_text("#recorded")
    assert fits_the_screen(page)
    shot(page, "privacy-centre-phone")
    assert_accessible(page)

    page.get_by_role("button", name="Withdraw consent to Newsletter").click()
    page.get_by_text("we no longer use your data for Newsletter").wait_for()
    assert "not mailed: consent withdrawn" in page.inner_text("section:has(#lists-h)")
    sign_in(page, "mara")
    page.goto("/console/lists/newsletter/")
    row = page.locator("tr", has_text="pia@example.com")
    assert "not mailed: consent withdrawn" in row.inner_text()
    assert not people.is_suppressed("pia@example.com")  # withdrawn, not erased


# -- 9. smaller things


def test_blog_page_title_is_plain(page):
    factories.make_staff("wren", "author")
    sign_in(page, "wren")
    page.goto("/console/blog/")
    assert page.title() == "Blog · Sincerely"


def test_a_bad_list_slug_is_refused_by_the_browser_and_the_server(page, client):
    admin = factories.make_staff("ada", "admin")
    sign_in(page, "ada")
    page.goto("/console/lists/")
    page.fill("#slug", "Bad slug!")
    assert page.evaluate("document.querySelector('#slug').validity.patternMismatch")
    page.fill("#slug", "good-slug-2")
    assert page.evaluate("document.querySelector('#slug').checkValidity()")
    page.fill("#slug", "Bad slug!")
    page.fill("#name", "Bad")
    page.get_by_role("button", name=re.compile("Create")).click()
    assert page.evaluate("!document.querySelector('#slug').validity.valid")
    client.force_login(admin)
    response = client.post(
        "/console/lists/", {"slug": "Bad slug!", "name": "Bad", "purpose": "newsletter"}
    )
    assert "a slug is lower-case letters" in response.content.decode()


def test_error_pages_use_the_layout_and_offer_a_way_back(page):
    factories.make_staff("wren", "author")
    page.goto("/blog/no-such-post/")
    assert page.get_by_role("heading", name="We could not find that page").is_visible()
    page.get_by_role("link", name="Back to the blog").wait_for()
    assert_accessible(page)
    sign_in(page, "wren")
    response = page.goto("/console/people/")
    assert response.status == 403
    assert page.get_by_role("heading", name="You cannot open this page").is_visible()
    assert "Your role does not allow people.view" in page.inner_text("main")
    assert page.get_by_role("navigation", name="Console").is_visible()
    response = page.goto("/console/nothing-here/")
    assert response.status == 404
    page.get_by_role("link", name="Back to the dashboard").wait_for()
    assert_accessible(page)


def test_caught_mail_fits_a_phone(page):
    from django.core.mail import EmailMessage

    from sincerely.messaging.models import CaughtMail

    factories.make_staff("mara", "marketer")
    raw = (
        EmailMessage(
            "A subject",
            "https://example.com/" + "x" * 300 + "\n",
            "mara@sincerely.test",
            ["long.address.for.testing@example.com"],
            headers={"List-Unsubscribe": "<https://example.com/m/u/" + "T" * 400 + "/>"},
        )
        .message()
        .as_bytes()
    )
    caught = CaughtMail.objects.create(raw=raw, subject="A subject", rcpt_to="x@example.com")
    page.set_viewport_size(PHONE)
    sign_in(page, "mara")
    page.goto(f"/console/caught/{caught.pk}/")
    page.get_by_role("heading", name="A subject").wait_for()
    assert fits_the_screen(page)
    shot(page, "caught-mail-phone")


def test_reimporting_an_unchanged_file_says_unchanged(page, tmp_path):
    factories.make_staff("mara", "marketer")
    factories.make_list("newsletter", "Newsletter", "newsletter")
    csv = tmp_path / "people.csv"
    csv.write_text("email,first_name,consent\nann@example.com,Ann,yes\nbo@example.com,Bo,yes\n")
    sign_in(page, "mara")
    for expected in ("2 new, 0 updated, 0 unchanged", "0 new, 0 updated, 2 unchanged"):
        page.goto("/console/imports/")
        page.set_input_files("#file", str(csv))
        page.fill("#source", "Lyon fair")
        page.get_by_role("button", name="Preview").click()
        assert expected in page.inner_text("#preview-h ~ p")
        page.get_by_role("button", name="Import now").click()
        page.get_by_text(expected).first.wait_for()


def test_segment_errors_are_plain_words(page):
    factories.make_staff("mara", "marketer")
    sign_in(page, "mara")
    page.goto("/console/segments/")
    page.select_option("#c0_type", "touchpoint")
    page.fill("#c0_subject", "page_view")
    page.fill("#c0_days", "99999")
    size = page.locator("#segment-size")
    size.get_by_text("In the last (days)").wait_for()
    assert "Condition 1, In the last (days): must be between 0 and 36500" in size.inner_text()
    assert "rules.all" not in size.inner_text()
