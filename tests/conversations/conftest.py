"""Fixtures for conversations: a real SMTP server on loopback, authors, posts, a fresh cache."""

from __future__ import annotations

import re
import socket
from email import message_from_bytes, policy

import pytest
from django.core.cache import cache

from sincerely.conversations.services import posts as post_services
from tests import factories


@pytest.fixture(autouse=True)
def fresh_cache(request):
    # Rate-limit counters and the banner live in the cache (a database table); each test
    # that touches the database starts from zero. Pure tests have no database to clear.
    uses_db = request.node.get_closest_marker("django_db") or any(
        name in request.fixturenames for name in ("db", "transactional_db", "live_server")
    )
    if not uses_db:
        yield
        return
    cache.clear()
    yield
    cache.clear()


class Mailbox:
    """What an aiosmtpd server on loopback received, as parsed email messages."""

    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        message.envelope_to = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free loopback port; Django sends to it through smtplib."""
    from aiosmtpd.controller import Controller

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    # The outbox (what `sincerely worker` runs) delivers here too.
    settings.SINCERELY_SMTP_URL = f"smtp://127.0.0.1:{port}"
    try:
        yield mailbox
    finally:
        controller.stop()


def deliver() -> int:
    """What `sincerely worker` does once a request has committed: send the outbox."""
    from sincerely.messaging.outbox import deliver_outbox

    return deliver_outbox()


def queued_text(index: int = -1) -> str:
    """The text of a system message in the outbox (confirmations, notices), oldest first."""
    from sincerely.messaging.models import Message

    return list(Message.objects.exclude(kind="").order_by("id"))[index].text


def link_in(text: str, fragment: str) -> str:
    """The first URL in a mail body that contains `fragment`, as a path for the test client."""
    for url in re.findall(r"https?://\S+", text):
        if fragment in url:
            return re.sub(r"^https?://[^/]+", "", url)
    raise AssertionError(f"no link with {fragment!r} in:\n{text}")


@pytest.fixture
def writer(db):
    return factories.make_staff(
        "wren",
        "author",
        first_name="Wren",
        last_name="Okafor",
        title="Head of Customer Care",
        bio="Writes about how we look after customers.",
    )


@pytest.fixture
def published(writer):
    return post_services.create_post(
        author=writer,
        title="How we handle your data",
        body="We keep **only** what we can show.\n\n## Why\n\nBecause trust.",
        status="published",
        tags="privacy, trust",
    )
