"""In Chromium, as a new user: the console's navigation, search, lists, dashboard and pages.

Issue 12 items 9 and 10. Screenshots go to $SINCERELY_SCREENSHOTS when it is set (a phone
at 390 px and a desktop), for a person to look at; the assertions are what a user notices.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests import factories
from tests.conversations.test_browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def shot(page, name: str) -> None:
    folder = os.environ.get("SINCERELY_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def sign_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", factories.PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/console/"))


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_navigation_is_grouped_by_job_with_a_menu_button_on_phones(page):
    factories.make_staff("ada", "admin")
    page.set_viewport_size(DESKTOP)
    sign_in(page, "ada")
    nav = page.get_by_role("navigation", name="Console")
    for group, links in {
        "Audience": ["People", "Lists", "Imports", "Segments"],
        "Messages": ["Campaigns", "Caught mail", "Inbox", "Unmatched mail"],
        "Content": ["Blog", "Incidents"],
        "Insight": ["Value tiers", "Offers", "Attribution"],
    }.items():
        listed = nav.get_by_role("list", name=group)
        for link in links:
            assert listed.get_by_role("link", name=link, exact=True).is_visible(), (group, link)
    assert nav.get_by_role("link", name="Dashboard").get_attribute("aria-current") == "page"
    assert not page.get_by_role("button", name="Menu").is_visible()
    shot(page, "dashboard-desktop")
    assert_accessible(page)

    page.set_viewport_size(PHONE)
    page.reload()
    menu = page.get_by_role("button", name="Menu")
    assert menu.is_visible() and menu.get_attribute("aria-expanded") == "false"
    assert not nav.get_by_role("link", name="People").is_visible()
    assert fits_the_screen(page)
    shot(page, "dashboard-phone")
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    nav.get_by_role("link", name="People").wait_for()
    shot(page, "menu-open-phone")
    assert_accessible(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not nav.get_by_role("link", name="People").is_visible()
    page.keyboard.press("Space")
    assert menu.get_attribute("aria-expanded") == "true"
    nav.get_by_role("link", name="Lists").click()
    page.get_by_role("heading", name="Audience lists").wait_for()


def test_one_search_box_finds_people_campaigns_and_posts_as_the_role_allows(page):
    from sincerely.conversations.services import posts as post_services
    from sincerely.messaging import services as messaging

    factories.make_staff("ada", "admin")
    aurel = factories.make_staff("aurel", "author")
    newsletter = factories.make_list("newsletter", "Newsletter", "newsletter")
    factories.make_person(
        "garden.fan@example.com", facts={"first_name": "Gardenia"}, on_list=newsletter
    )
    messaging.create_campaign(
        name="Garden week", list_slug="newsletter", sender="ada", subject="Garden", text="Hi"
    )
    post_services.create_post(
        title="Garden tools we love", body="Rakes.", author=aurel, status="draft"
    )

    sign_in(page, "ada")
    page.get_by_role("searchbox", name="Search people, campaigns and posts").fill("garden")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Search for “garden”").wait_for()
    for heading, found in [
        ("People", "Gardenia"),
        ("Campaigns", "Garden week"),
        ("Blog posts", "Garden tools we love"),
    ]:
        section = page.locator("section", has=page.get_by_role("heading", name=heading))
        assert found in section.inner_text(), heading
    assert_accessible(page)

    sign_in(page, "aurel")  # an author sees posts only
    page.goto("/console/search/?q=garden")
    body = page.inner_text("main")
    assert "Garden tools we love" in body
    assert "Gardenia" not in body and "Garden week" not in body


def test_people_sort_by_column_and_page_with_totals(page):
    factories.make_staff("mara", "marketer")
    for n in range(55):
        factories.make_person(f"p{n:02d}@example.com", facts={"first_name": f"Name{n:02d}"})
    sign_in(page, "mara")
    page.goto("/console/people/")
    assert "1–50 of 55 people" in page.inner_text(".pager")
    page.get_by_role("link", name="Email").click()
    page.wait_for_url(re.compile(r"sort=email"))
    assert page.locator("tbody tr").first.inner_text().count("p00@example.com") == 1
    header = page.locator("th[aria-sort]")
    assert header.get_attribute("aria-sort") == "ascending"
    page.get_by_role("link", name="Email").click()
    page.wait_for_url(re.compile(r"sort=-email"))
    assert "p54@example.com" in page.locator("tbody tr").first.inner_text()
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert "51–55 of 55 people" in page.inner_text(".pager")
    assert "p00@example.com" in page.locator("tbody tr").last.inner_text()
    assert_accessible(page)


@pytest.mark.parametrize(
    ("path", "action"),
    [
        ("/console/people/", "Import people"),
        ("/console/campaigns/", "Write a campaign"),
        ("/console/blog/", "Write a post"),
        ("/console/inbox/", "Open the blog"),
        ("/console/imports/", "Choose a CSV file"),
        ("/console/segments/", "Build one below"),
        ("/console/incidents/", "Open an incident"),
        ("/console/caught/", "Go to campaigns"),
        ("/console/inbound/", "Open the inbox"),
        ("/console/outbox/", "Go to campaigns"),
    ],
)
def test_an_empty_list_page_says_what_to_do_next(page, path, action):
    factories.make_staff("ada", "admin")
    sign_in(page, "ada")
    page.goto(path)
    empty = page.locator(".empty").first
    assert empty.is_visible(), path
    assert action in empty.inner_text(), (path, empty.inner_text())
