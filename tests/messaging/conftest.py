"""Messaging fixtures: a real SMTP server on loopback that records what it receives."""

from __future__ import annotations

import socket
import threading
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests import factories


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    """An SMTP handler keeping every message; `refuse` maps an address to a reply code."""

    def __init__(self) -> None:
        self.messages: list[dict] = []
        self.refuse: dict[str, str] = {}
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        with self.lock:
            self.messages.append(
                {
                    "from": envelope.mail_from,
                    "to": list(envelope.rcpt_tos),
                    "raw": envelope.original_content,
                    "parsed": message_from_bytes(envelope.original_content, policy=policy.default),
                }
            )
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    recorder = Recorder()
    port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port, decode_data=False)
    controller.start()
    settings.SINCERELY_SMTP_URL = f"smtp://127.0.0.1:{port}"
    recorder.port = port
    try:
        yield recorder
    finally:
        controller.stop()


@pytest.fixture
def dkim_key(settings, tmp_path):
    """A fresh 2048-bit DKIM key configured as ours (selector s1, domain sincerely.test)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path = tmp_path / "dkim.pem"
    path.write_bytes(pem)
    settings.SINCERELY_DKIM_KEY_FILE = str(path)
    settings.SINCERELY_DKIM_SELECTOR = "s1"
    settings.SINCERELY_DKIM_DOMAIN = "sincerely.test"
    return path


@pytest.fixture
def web_summit_list(db, marketer, newsletter):
    """Three people on the newsletter: one with a Web Summit attendance fact, one without a name."""
    anna = factories.make_person(
        "anna@example.com",
        facts={"first_name": "Anna", "attended_event": "Web Summit 2025"},
        on_list=newsletter,
    )
    bob = factories.make_person("bob@example.com", facts={"first_name": "Bob"}, on_list=newsletter)
    cleo = factories.make_person("cleo@example.com", on_list=newsletter)
    return {"anna": anna, "bob": bob, "cleo": cleo, "list": newsletter}


GUARDED_TEXT = """Hi {{ person.first_name | fallback("there") }},
{% if evidence.attended("Web Summit") %}
It was great meeting you at Web Summit — you seemed really excited about our analytics module.
{% endif %}
Our analytics module is out.
"""


def draft_campaign(marketer, text=GUARDED_TEXT, **extra):
    """A draft campaign to the newsletter with the guarded Web Summit sentence; and its findings."""
    from sincerely.messaging import services

    return services.create_campaign(
        name="October news",
        list_slug="newsletter",
        sender=marketer.username,
        subject="News for {{ person.first_name | fallback('you') }}",
        text=text,
        actor=marketer,
        **extra,
    )
