"""Bounce and complaint reports over real SMTP: only reports that prove themselves act.

Every report goes through the real `sincerely inbound` handler (aiosmtpd on an ephemeral
port). A proof is our signed per-message bounce address as the envelope recipient, or our
original message attached with our DKIM signature verifying; anything else is kept as
unmatched and changes nothing.
"""

from __future__ import annotations

import smtplib

import pytest
from aiosmtpd.controller import Controller

from sincerely.messaging import outbox, reports, services
from sincerely.messaging.models import InboundMail, Message
from sincerely.messaging.smtpd import StoringHandler, _store_inbound
from sincerely.people.models import Suppression
from sincerely.people.services import is_suppressed
from sincerely.timeline.models import Touchpoint
from tests import factories
from tests.messaging.conftest import free_port


@pytest.fixture
def inbound_port():
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
def sent(marketer, smtp_server, dkim_key):
    """Three people each sent one message; returns [(message, envelope sender, raw bytes)]."""
    out = []
    for name in ("rita", "sam", "tess"):
        person = factories.make_person(
            f"{name}@example.com", facts={"first_name": name}, consent="sales_contact"
        )
        services.send_one(person, sender=marketer, subject="Our new range", text="Hello.")
    assert outbox.deliver_outbox() == 3
    for caught in smtp_server.messages:
        message = Message.objects.get(to_email=caught["to"][0])
        out.append((message, caught["from"], caught["raw"]))
    return sorted(out, key=lambda row: row[0].pk)


def _send(port: int, rcpt: str, raws: list[bytes], mail_from: str = "") -> None:
    with smtplib.SMTP("127.0.0.1", port) as client:
        for raw in raws:
            client.sendmail(mail_from, [rcpt], raw)


def _dsn(
    *,
    to: str,
    recipient: str,
    action: str = "failed",
    status: str = "5.1.1",
    original: bytes = b"",
    headers: str = "",
) -> bytes:
    attached = (
        b"--B\r\nContent-Type: message/rfc822\r\n\r\n" + original + b"\r\n"
        if original
        else b"--B\r\nContent-Type: text/rfc822-headers\r\n\r\n" + headers.encode() + b"\r\n"
    )
    return (
        (
            "From: MAILER-DAEMON@mx.example.com\r\n"
            f"To: {to}\r\n"
            "Subject: Undelivered Mail Returned to Sender\r\n"
            "MIME-Version: 1.0\r\n"
            'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
            "--B\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
            "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
            "Reporting-MTA: dns; mx.example.com\r\n\r\n"
            f"Final-Recipient: rfc822; {recipient}\r\n"
            f"Action: {action}\r\nStatus: {status}\r\n"
            "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n\r\n"
        ).encode()
        + attached
        + b"--B--\r\n"
    )


def _arf(original: bytes, *, victim: str = "") -> bytes:
    rcpt = f"Original-Rcpt-To: {victim}\r\n" if victim else ""
    return (
        (
            "From: abuse@isp.example\r\nTo: fbl@127.0.0.1\r\nSubject: Abuse report\r\n"
            "MIME-Version: 1.0\r\n"
            'Content-Type: multipart/report; report-type=feedback-report; boundary="F"\r\n\r\n'
            "--F\r\nContent-Type: text/plain\r\n\r\nA complaint.\r\n"
            "--F\r\nContent-Type: message/feedback-report\r\n\r\n"
            f"Feedback-Type: abuse\r\nUser-Agent: ISP-FBL/1.0\r\nVersion: 1\r\n{rcpt}\r\n"
            "--F\r\nContent-Type: message/rfc822\r\n\r\n"
        ).encode()
        + original
        + b"\r\n--F--\r\n"
    )


def _nobody_suppressed() -> bool:
    return (
        not Suppression.objects.exists()
        and not Message.objects.filter(status=Message.Status.BOUNCED).exists()
    )


@pytest.mark.django_db(transaction=True)
def test_two_hundred_forged_dsns_naming_sequential_ids_suppress_nobody(sent, inbound_port):
    forged = []
    for n in range(1, 201):
        real = sent[n % 3][0]
        forged.append(
            _dsn(
                to=f"bounce+{n}@127.0.0.1",
                recipient=real.to_email,
                headers=f"X-Sincerely-Message: {n}\r\nMessage-ID: {real.message_id}\r\n",
            )
        )
    _send(inbound_port, "bounce+1@127.0.0.1", forged[:100])
    # A guessed token in the signed shape, with a made-up HMAC, is no better.
    _send(inbound_port, f"bounce+{sent[0][0].pk}-{'0' * 26}@127.0.0.1", forged[100:])
    assert _nobody_suppressed()
    assert InboundMail.objects.filter(kind=InboundMail.Kind.UNMATCHED).count() == 200
    note = InboundMail.objects.first().note
    assert note.startswith("report not acted on") and "nothing changed" in note
    for message, _, _ in sent:
        message.refresh_from_db()
        assert message.status == Message.Status.SENT


@pytest.mark.django_db(transaction=True)
def test_a_forged_arf_naming_only_the_victims_address_suppresses_nobody(sent, inbound_port):
    victim = sent[0][0]
    fake_original = (
        f"From: Mara <mara@sincerely.test>\r\nTo: {victim.to_email}\r\n"
        f"Message-ID: {victim.message_id}\r\nX-Sincerely-Message: {victim.pk}\r\n"
        "Subject: x\r\n\r\nbody\r\n"
    ).encode()
    _send(inbound_port, "fbl@127.0.0.1", [_arf(fake_original, victim=victim.to_email)])
    assert _nobody_suppressed()
    victim.refresh_from_db()
    assert victim.complained_at is None
    item = InboundMail.objects.get()
    assert item.kind == InboundMail.Kind.UNMATCHED and "no DKIM signature of ours" in item.note


@pytest.mark.django_db(transaction=True)
def test_a_genuine_dsn_to_the_signed_bounce_address_suppresses(sent, inbound_port):
    message, envelope_sender, _ = sent[1]
    assert envelope_sender == reports.bounce_address(message)
    assert str(message.pk) != envelope_sender.split("+")[1].split("@")[0]
    raw = _dsn(
        to=envelope_sender,
        recipient=message.to_email,
        headers=f"Message-ID: {message.message_id}\r\n",
    )
    _send(inbound_port, envelope_sender, [raw])
    message.refresh_from_db()
    assert message.status == Message.Status.BOUNCED
    assert is_suppressed(message.to_email).reason == Suppression.Reason.HARD_BOUNCE
    assert Suppression.objects.count() == 1
    assert InboundMail.objects.get().kind == InboundMail.Kind.BOUNCE


@pytest.mark.django_db(transaction=True)
def test_a_bounce_address_signed_for_another_recipient_does_not_act(sent, inbound_port):
    message, envelope_sender, _ = sent[0]
    other = sent[1][0]
    # Keep the HMAC of message 0 but claim message 1: the signature no longer matches.
    token_mac = envelope_sender.split("-", 1)[1]
    _send(
        inbound_port,
        f"bounce+{other.pk}-{token_mac}",
        [_dsn(to="x@127.0.0.1", recipient=other.to_email)],
    )
    assert _nobody_suppressed()


@pytest.mark.django_db(transaction=True)
def test_a_dsn_carrying_our_dkim_signed_original_acts(sent, inbound_port):
    message, _, raw = sent[2]
    _send(
        inbound_port,
        "postmaster@127.0.0.1",
        [_dsn(to="postmaster@127.0.0.1", recipient=message.to_email, original=raw)],
    )
    message.refresh_from_db()
    assert message.status == Message.Status.BOUNCED


@pytest.mark.django_db(transaction=True)
def test_a_delivered_dsn_is_filed_as_delivery(sent, inbound_port):
    message, envelope_sender, _ = sent[0]
    raw = _dsn(to=envelope_sender, recipient=message.to_email, action="delivered", status="2.0.0")
    _send(inbound_port, envelope_sender, [raw])
    assert InboundMail.objects.get().kind == InboundMail.Kind.DELIVERY
    assert Touchpoint.objects.filter(person=message.person, kind="email_delivered").exists()
    assert is_suppressed(message.to_email) is None


@pytest.mark.django_db(transaction=True)
def test_a_genuine_arf_with_our_verifying_dkim_signature_acts(sent, inbound_port):
    message, _, raw = sent[0]
    assert raw.startswith(b"DKIM-Signature:")
    _send(inbound_port, "fbl@127.0.0.1", [_arf(raw)], mail_from="abuse@isp.example")
    message.refresh_from_db()
    assert message.complained_at is not None
    assert is_suppressed(message.to_email).reason == Suppression.Reason.COMPLAINED
    assert Suppression.objects.count() == 1
    item = InboundMail.objects.get()
    assert item.kind == InboundMail.Kind.COMPLAINT and "DKIM" in item.note


@pytest.mark.django_db(transaction=True)
def test_an_arf_whose_original_was_altered_does_not_act(sent, inbound_port):
    message, _, raw = sent[0]
    other = sent[1][0]
    altered = [
        raw.replace(b"Hello.", b"Hullo."),  # the body changed: the body hash fails
        raw.replace(message.to_email.encode(), other.to_email.encode()),  # To: re-aimed
        # an unsigned Message-ID naming another message added on top of the signed one
        f"Message-ID: {other.message_id}\r\nX-Sincerely-Message: x\r\n".encode() + raw,
    ]
    _send(inbound_port, "fbl@127.0.0.1", [_arf(original) for original in altered])
    assert _nobody_suppressed()
    assert not Message.objects.filter(complained_at__isnull=False).exists()
    # Each report's note, by which alteration its attached original carries (the inbound
    # server may store reports that arrive together in any order).
    notes = {
        next(i for i, original in enumerate(altered) if original in bytes(raw_report)): note
        for raw_report, note in InboundMail.objects.values_list("raw", "note")
    }
    assert sorted(notes) == [0, 1, 2], notes
    assert all("does not verify" in notes[i] for i in (0, 1)), notes
    assert "names no single message" in notes[2], notes


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_reports_is_on_the_dashboard(sent, inbound_port, console):
    assert "burst" not in console.get("/console/").content.decode().lower()
    raws = [_dsn(to="x@127.0.0.1", recipient=f"p{n}@example.com") for n in range(25)]
    _send(inbound_port, "bounce+1@127.0.0.1", raws)
    assert reports.report_burst()["last_hour"] == 25
    page = console.get("/console/").content.decode()
    assert "burst" in page.lower() and "25 bounce and complaint reports" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("anymail", "recipient", "acts"),
    [
        ({}, "", False),  # anymail would accept anyone's POST: the event is ignored
        ({"WEBHOOK_SECRET": "user:pass"}, "someone-else@example.com", False),
        ({"WEBHOOK_SECRET": "user:pass"}, "rita@example.com", True),
        ({"MAILGUN_WEBHOOK_SIGNING_KEY": "key"}, "", True),
    ],
)
def test_provider_events_act_only_from_verified_webhooks(
    marketer, settings, anymail, recipient, acts
):
    from anymail.signals import AnymailTrackingEvent, tracking

    settings.SINCERELY_EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    settings.ANYMAIL = anymail
    person = factories.make_person("rita@example.com", consent="sales_contact")
    message = services.send_one(person, sender=marketer, subject="Hi", text="Hello.")
    outbox.deliver_outbox()
    event = AnymailTrackingEvent(
        event_type="bounced",
        metadata={"sincerely_message": str(message.pk)},
        recipient=recipient or None,
        description="550",
    )
    tracking.send(sender=object, event=event, esp_name="Postmark")
    message.refresh_from_db()
    assert (message.status == Message.Status.BOUNCED) is acts
    assert (is_suppressed("rita@example.com") is not None) is acts
