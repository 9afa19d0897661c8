"""System mail (messaging/system_mail.py) through the outbox: signed, once per key, and a
bounce for an address that is nobody's yet does not stop delivery."""

from __future__ import annotations

import dkim
import pytest

from sincerely.conversations.services import comments as comment_services
from sincerely.conversations.services import posts as post_services
from sincerely.messaging import outbox, system_mail
from sincerely.messaging.models import Message
from sincerely.people.models import Person, Suppression
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(db):
    writer = factories.make_staff("wren", "author", first_name="Wren", last_name="Okafor")
    return post_services.create_post(
        author=writer, title="Our promise", body="We answer.", status="published"
    )


def test_the_same_key_queues_one_message(post, smtp_server):
    def send():
        return system_mail.enqueue(
            kind="test_notice",
            key=system_mail.idempotency_key("test", "one"),
            to="rita@example.org",
            subject="Hello",
            text="Once.",
            sender=post.author,
        )

    assert send().pk == send().pk
    assert outbox.deliver_outbox() == 1
    assert [m["to"] for m in smtp_server.messages] == [["rita@example.org"]]


def test_a_bounced_confirmation_suppresses_the_address_and_delivery_goes_on(post, smtp_server):
    smtp_server.refuse["bot@example.org"] = "550 5.1.1 no such user"
    comment_services.submit_comment(post, name="Bot", email="bot@example.org", body="Buy!")
    comment_services.submit_comment(post, name="Rita", email="rita@example.org", body="Hi")
    assert outbox.deliver_outbox() == 1
    assert [m["to"] for m in smtp_server.messages] == [["rita@example.org"]]
    bounced = Message.objects.get(to_email="bot@example.org")
    assert bounced.status == Message.Status.BOUNCED and bounced.person_id is None
    assert Suppression.objects.filter(reason=Suppression.Reason.HARD_BOUNCE).count() == 1
    assert not Person.objects.exists()  # nobody became a person by not confirming


def test_system_mail_is_dkim_signed_when_a_key_is_configured(post, smtp_server, settings, tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    (tmp_path / "dkim.pem").write_bytes(pem)
    settings.SINCERELY_DKIM_KEY_FILE = str(tmp_path / "dkim.pem")
    settings.SINCERELY_DKIM_SELECTOR = "s1"
    settings.SINCERELY_DKIM_DOMAIN = "sincerely.test"
    public = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    import base64

    record = b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)
    comment_services.submit_comment(post, name="Rita", email="rita@example.org", body="Hi")
    assert outbox.deliver_outbox() == 1
    raw = smtp_server.messages[0]["raw"]
    assert raw.startswith(b"DKIM-Signature:")
    assert dkim.verify(raw, dnsfunc=lambda name, timeout=5: record)
