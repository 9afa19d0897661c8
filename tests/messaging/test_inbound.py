"""Inbound mail over real SMTP sessions: replies threaded, bounces and complaints suppress."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from hypothesis import given
from hypothesis import strategies as st

from sincerely.conversations.models import Conversation
from sincerely.messaging import mime, outbox, services
from sincerely.messaging.inbound import extract_new_text, receive_inbound
from sincerely.messaging.models import InboundMail, Message
from sincerely.messaging.smtpd import StoringHandler, _store_inbound
from sincerely.people.models import Suppression
from sincerely.people.services import is_suppressed
from tests import factories
from tests.messaging.conftest import free_port


@pytest.fixture
def inbound_server():
    port = free_port()
    controller = Controller(
        StoringHandler(_store_inbound), hostname="127.0.0.1", port=port, decode_data=False
    )
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


@pytest.fixture
def sent_message(marketer, smtp_server):
    person = factories.make_person(
        "rita@example.com", facts={"first_name": "Rita"}, consent="sales_contact"
    )
    message = services.send_one(person, sender=marketer, subject="Our new range", text="Hello.")
    assert outbox.deliver_outbox() == 1
    message.refresh_from_db()
    return message


def _smtp(port: int, mail_from: str, rcpt: str, raw: bytes) -> None:
    with smtplib.SMTP("127.0.0.1", port) as client:
        client.sendmail(mail_from, [rcpt], raw)


def _reply(message: Message, body: str, **headers) -> bytes:
    mail = EmailMessage()
    mail["From"] = "Rita <rita@example.com>"
    mail["To"] = f"reply+{message.reply_token}@127.0.0.1"
    mail["Subject"] = "Re: " + message.subject
    mail["Message-ID"] = "<reply-1@example.com>"
    mail["In-Reply-To"] = message.message_id
    for key, value in headers.items():
        del mail[key.replace("_", "-")]
        mail[key.replace("_", "-")] = value
    mail.set_content(body)
    return bytes(mail)


REPLY_BODY = (
    "Yes please, send me the prices.\n\nRita\n"
    "-- \n"  # RFC 3676 §4.3 signature separator, with its trailing space
    "Rita Ruiz, Buyer\n\n"
    "On Mon, 3 Nov 2025 at 10:00, Mara <mara@sincerely.test> wrote:\n> Hello.\n"
)


@pytest.mark.django_db(transaction=True)
def test_reply_is_threaded_to_the_sender_with_only_the_new_text(
    sent_message, inbound_server, marketer
):
    raw = _reply(sent_message, REPLY_BODY)
    _smtp(inbound_server, "rita@example.com", f"reply+{sent_message.reply_token}@127.0.0.1", raw)
    conversation = Conversation.objects.get(person=sent_message.person)
    assert conversation.assigned_to == marketer
    entry = conversation.entries.get()
    assert entry.text == "Yes please, send me the prices.\n\nRita"
    sent_message.refresh_from_db()
    assert sent_message.replied_at is not None
    stored = InboundMail.objects.get()
    assert stored.kind == InboundMail.Kind.REPLY
    assert bytes(stored.raw).replace(b"\r\n", b"\n").strip() == raw.strip()


@pytest.mark.django_db(transaction=True)
def test_reply_matched_by_in_reply_to_through_the_webhook(sent_message, client, settings):
    settings.SINCERELY_INBOUND_SECRET = "s3cret"
    raw = _reply(sent_message, "Le 3 nov. 2025 à 10:00, Mara a écrit :\n> Hello.")
    raw = raw.replace(f"reply+{sent_message.reply_token}".encode(), b"mara")
    assert client.post("/m/inbound/", raw, content_type="message/rfc822").status_code == 403
    response = client.post(
        "/m/inbound/", raw, content_type="message/rfc822", HTTP_X_SINCERELY_SECRET="s3cret"
    )
    assert response.status_code == 200 and response.content.startswith(b"reply")
    assert (
        Conversation.objects.get(person=sent_message.person).entries.get().text == "(no new text)"
    )


@pytest.mark.django_db(transaction=True)
def test_out_of_office_is_not_a_conversation(sent_message, inbound_server):
    for headers in (
        {"Auto_Submitted": "auto-replied"},
        {"Subject": "Out of office: back on Monday"},
        {"Subject": "Réponse automatique : absent"},
    ):
        raw = _reply(sent_message, "I am away.", **headers)
        _smtp(
            inbound_server, "rita@example.com", f"reply+{sent_message.reply_token}@127.0.0.1", raw
        )
    assert not Conversation.objects.exists()
    assert set(InboundMail.objects.values_list("kind", flat=True)) == {InboundMail.Kind.AUTO_REPLY}


def _dsn(message: Message, action: str, status: str) -> bytes:
    return (
        "From: MAILER-DAEMON@mx.example.com\r\n"
        f"To: {mime.bounce_address(message)}\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.com\r\n\r\n"
        f"Final-Recipient: rfc822; {message.to_email}\r\n"
        f"Action: {action}\r\nStatus: {status}\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: {message.message_id}\r\nSubject: {message.subject}\r\n\r\n"
        "--B--\r\n"
    ).encode()


@pytest.mark.django_db(transaction=True)
def test_dsn_hard_bounce_suppresses_the_address(sent_message, inbound_server, smtp_server):
    # The report comes back to the envelope sender the message really went out with.
    return_path = smtp_server.messages[0]["from"]
    _smtp(inbound_server, "", return_path, _dsn(sent_message, "failed", "5.1.1"))
    sent_message.refresh_from_db()
    assert sent_message.status == Message.Status.BOUNCED
    assert is_suppressed("rita@example.com").reason == Suppression.Reason.HARD_BOUNCE
    assert InboundMail.objects.get().kind == InboundMail.Kind.BOUNCE


@pytest.mark.django_db(transaction=True)
def test_dsn_delay_does_not_suppress(sent_message, inbound_server):
    bounce = mime.bounce_address(sent_message)
    _smtp(inbound_server, "", bounce, _dsn(sent_message, "delayed", "4.4.1"))
    assert is_suppressed("rita@example.com") is None
    assert InboundMail.objects.get().kind == InboundMail.Kind.DELAY


@pytest.mark.django_db(transaction=True)
def test_arf_complaint_sent_to_the_signed_bounce_address_suppresses(sent_message, inbound_server):
    raw = (
        "From: abuse@isp.example\r\nTo: fbl@127.0.0.1\r\nSubject: Abuse report\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=feedback-report; boundary="F"\r\n\r\n'
        "--F\r\nContent-Type: text/plain\r\n\r\nA complaint.\r\n"
        "--F\r\nContent-Type: message/feedback-report\r\n\r\n"
        "Feedback-Type: abuse\r\nUser-Agent: ISP-FBL/1.0\r\nVersion: 1\r\n\r\n"
        "--F\r\nContent-Type: message/rfc822\r\n\r\n"
        f"Message-ID: {sent_message.message_id}\r\nSubject: x\r\n\r\nbody\r\n"
        "--F--\r\n"
    ).encode()
    # Without our DKIM signature on the original, only the signed return path proves it.
    _smtp(inbound_server, "abuse@isp.example", "fbl@127.0.0.1", raw)
    assert is_suppressed("rita@example.com") is None
    _smtp(inbound_server, "abuse@isp.example", mime.bounce_address(sent_message), raw)
    assert is_suppressed("rita@example.com").reason == Suppression.Reason.COMPLAINED
    sent_message.refresh_from_db()
    assert sent_message.complained_at is not None


@pytest.mark.django_db(transaction=True)
def test_malformed_and_unknown_mail_is_kept_and_the_listener_keeps_going(inbound_server):
    _smtp(inbound_server, "x@example.com", "y@127.0.0.1", b"\x00\xff not mail at all \r\n")
    unknown_bounce = (
        b"From: MAILER-DAEMON@mx\r\nSubject: bounce\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        b"--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
        b"Action: failed\r\nStatus: 5.1.1\r\n\r\n--B--\r\n"
    )
    _smtp(inbound_server, "", "bounce+0000@127.0.0.1", unknown_bounce)
    _smtp(inbound_server, "a@example.com", "hello@127.0.0.1", b"Subject: hi\r\n\r\nhello\r\n")
    kinds = list(InboundMail.objects.order_by("id").values_list("kind", flat=True))
    assert len(kinds) == 3
    assert kinds[1:] == [InboundMail.Kind.UNMATCHED, InboundMail.Kind.UNMATCHED]
    assert kinds[0] in {InboundMail.Kind.MALFORMED, InboundMail.Kind.UNMATCHED}


@pytest.mark.django_db
def test_receive_inbound_never_raises_on_garbage():
    for raw in (b"", b"\r\n\r\n", b"Content-Type: multipart/report\r\n\r\n--", b"\xff" * 50):
        item = receive_inbound(raw)
        assert item.pk and item.kind in {InboundMail.Kind.MALFORMED, InboundMail.Kind.UNMATCHED}


NEW_LINE = st.text(
    alphabet=st.characters(whitelist_categories=("L", "N", "Zs"), whitelist_characters=".,!?'"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() and not s.strip().lower().startswith(("on ", "le ", "de", "from")))

QUOTES = st.sampled_from(
    [
        "On Tue, 4 Nov 2025 at 09:12, Mara <mara@x.test> wrote:\n> Hello\n> there",
        "Le mar. 4 nov. 2025 à 09:12, Mara <mara@x.test> a écrit :\n> Bonjour",
        "-----Original Message-----\nFrom: Mara\nSent: Tuesday\n\nHello",
        "From: Mara <mara@x.test>\nSent: Tuesday\nSubject: hi",
        "> quoted only\n> more",
        "-- \nRita Ruiz\nBuyer, Acme",
        "Sent from my iPhone",
        "Envoyé de mon iPhone",
    ]
)


@given(st.lists(NEW_LINE, min_size=1, max_size=5), QUOTES)
def test_property_new_text_is_kept_and_quotes_dropped(lines, quote):
    new = "\n".join(line.strip() for line in lines)
    extracted = extract_new_text(new + "\n\n" + quote)
    assert extracted == new.strip()
