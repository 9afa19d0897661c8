"""The campaign editor in Chromium: live lint while typing, then a guarded claim passes."""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_live_lint_flags_then_accepts_a_guarded_claim(page, live_server):
    from sincerely.people.models import Purpose

    Purpose.objects.get_or_create(slug="newsletter", defaults={"name": "Newsletter"})
    factories.make_staff("mara", "marketer")
    factories.make_list("newsletter", "Newsletter", "newsletter")
    page.goto("/login/")
    page.fill("#id_username", "mara")
    page.fill("#id_password", factories.PASSWORD)
    page.click("button[type=submit]")
    page.goto("/console/campaigns/new/")
    page.fill("#name", "Launch")
    page.fill("#subject", "News")
    text = page.locator("#text")
    text.fill("")
    text.type("It was great meeting you at Web Summit.")
    finding = page.locator("#findings")
    finding.get_by_text("unguarded meeting claim", exact=False).wait_for()
    assert "line 1" in finding.inner_text()
    text.fill("")
    text.type('{% if evidence.attended("Web Summit") %}It was great meeting you.{% endif %}')
    finding.get_by_text("no unguarded claims").wait_for()
    page.click("form.card button[type=submit]")
    page.get_by_role("heading", name="Launch").wait_for()
    assert "no unguarded claims" in page.content()
