"""In Chromium: an author publishes, a reader comments, staff moderate and reply, reader sees it.

Accessibility of the public pages is checked with axe-core (the axe.min.js shipped in the
axe-playwright-python wheel, injected by Playwright; nothing is fetched at run time).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sincerely.conversations.services import incidents as incident_services
from sincerely.conversations.services import posts as post_services
from tests import factories
from tests.conversations.conftest import queued_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def assert_accessible(page) -> None:
    # Evaluated by Playwright rather than added as an inline <script>, which the page's
    # Content-Security-Policy (no inline script) rightly refuses.
    page.evaluate(_axe_source())
    result = page.evaluate("async () => await axe.run(document)")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, f"{page.url}:\n" + "\n".join(serious)


def sign_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", factories.PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/console/"))


def test_publish_comment_moderate_reply(page, live_server):
    factories.make_staff("wren", "author", first_name="Wren", last_name="Okafor")
    factories.make_staff("suki", "support", first_name="Suki", last_name="Tanaka")

    # An author writes with a live preview and publishes.
    sign_in(page, "wren")
    page.goto("/console/blog/new/")
    page.fill("#p-title", "Our promise")
    page.fill("#p-body", "We answer **every** question.")
    page.locator("#p-body").press("End")
    page.wait_for_selector("#preview strong:text('every')")
    page.click("button[value=publish]")
    page.wait_for_selector("text=Saved “Our promise” (published)")

    # A reader comments without an account.
    page.context.clear_cookies()
    page.goto("/blog/our-promise/")
    assert "Wren Okafor" in page.inner_text(".post-meta")
    assert_accessible(page)
    page.fill("#c-name", "Rita Reader")
    page.fill("#c-email", "rita@example.org")
    page.fill("#c-body", "Do you *really*?")
    page.check("#c-sub")
    page.click("text=Post comment")
    page.wait_for_selector("text=open it to confirm your comment")
    confirm = re.search(r"https?://\S+/blog/comments/confirm/\S+", queued_text(-1)).group(0)
    page.goto(re.sub(r"^https?://[^/]+", live_server.url, confirm))
    page.wait_for_selector("text=waits for a person to review it")
    assert_accessible(page)
    page.goto("/blog/our-promise/")
    assert "Do you" not in page.inner_text("#comments")

    # Staff approve it from the inbox; the author answers in public from the inbox.
    sign_in(page, "suki")
    page.goto("/console/inbox/")
    page.click("#held-h + .card button[value=approve]")
    page.wait_for_selector("text=Comment by Rita Reader: published")
    sign_in(page, "wren")
    page.goto("/console/inbox/?view=mine")
    page.click("text=Comment on “Our promise”")
    page.fill("#reply-text", "Yes, **really**. Ask me anything.")
    page.check("#via-comment")
    page.click("text=Send reply")
    page.wait_for_selector("text=Your reply is published under the post.")
    # Answered in place: the thread now shows the reply, the page did not change.
    assert "/console/inbox/" in page.url and page.url.rstrip("/").split("/")[-1].isdigit()
    assert page.locator("#thread li", has_text="Ask me anything.").count() == 1

    # The reader sees the reply, marked as the author's, under their comment.
    page.context.clear_cookies()
    page.goto("/blog/our-promise/")
    reply = page.locator(".comment.by-author")
    assert "Wren Okafor" in reply.inner_text() and "Author" in reply.inner_text()
    assert reply.locator("strong", has_text="really").count() == 1
    assert page.locator("ol.replies .by-author").count() == 1
    assert_accessible(page)
    assert "Ask me anything." in queued_text(-1)  # the subscriber was told


def test_public_pages_are_accessible(page, live_server):
    writer = factories.make_staff("wren", "author", first_name="Wren", title="Editor")
    support = factories.make_staff("suki", "support", first_name="Suki")
    post = post_services.create_post(
        author=writer, title="Accessible", body="Text with [a link](https://example.org).",
        status="published", tags="a11y",
    )  # fmt: skip
    incident_services.open_incident(
        title="Outage", body="Down.", spokesperson=support, severity="critical"
    )
    for path in (
        "/blog/",
        post.get_absolute_url(),
        "/blog/authors/wren/",
        "/blog/tags/a11y/",
    ):
        page.goto(path)
        assert page.locator(".incident-banner").count() == 1
        assert_accessible(page)
    # Readable on a phone: no horizontal scrolling at 360 px.
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(post.get_absolute_url())
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.fixture
def demo_catcher(settings):
    """The demo's own mail catcher (`sincerely catcher`), storing into the test database."""
    import socket

    from aiosmtpd.controller import Controller

    from sincerely.messaging.smtpd import StoringHandler, _store_caught

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(StoringHandler(_store_caught), hostname="127.0.0.1", port=port)
    controller.start()
    settings.SINCERELY_SMTP_URL = f"smtp://127.0.0.1:{port}"
    try:
        yield
    finally:
        controller.stop()


def test_anonymous_comment_answers_at_once_and_its_confirmation_comes_from_the_outbox(
    page, live_server, demo_catcher
):
    """Issue 12.1: the comment page used to wait 30 s on the catcher's lock, then fail."""
    from email import message_from_bytes, policy

    from sincerely.messaging.models import CaughtMail, Message
    from sincerely.messaging.outbox import deliver_outbox

    writer = factories.make_staff("wren", "author", first_name="Wren", last_name="Okafor")
    post = post_services.create_post(
        author=writer, title="Our promise", body="We answer.", status="published"
    )
    page.goto(post.get_absolute_url())
    page.fill("#c-name", "Rita Reader")
    page.fill("#c-email", "rita@example.org")
    page.fill("#c-body", "Do you really?")
    page.click("text=Post comment")
    page.wait_for_selector("text=open it to confirm your comment")
    # The request queued the mail and answered; nothing was sent inside it.
    assert CaughtMail.objects.count() == 0
    assert Message.objects.get().status == Message.Status.QUEUED
    # The worker delivers it to the catcher, which stores it in the same database.
    assert deliver_outbox() == 1
    caught = CaughtMail.objects.get()
    mail = message_from_bytes(bytes(caught.raw), policy=policy.default)
    assert mail["To"] == "rita@example.org" and "Wren Okafor" in mail["From"]
    link = re.search(r"https?://\S+/blog/comments/confirm/\S+", mail.get_content()).group(0)
    page.goto(re.sub(r"^https?://[^/]+", live_server.url, link))
    page.wait_for_selector("text=waits for a person to review it")
    # Sent once: asking the worker again sends nothing more.
    assert deliver_outbox() == 0 and CaughtMail.objects.count() == 1
