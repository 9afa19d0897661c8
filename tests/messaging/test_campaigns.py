"""Campaigns end to end: draft, lint, preview, send through a real SMTP server, outcomes."""

from __future__ import annotations

import pytest

from sincerely.messaging import outbox, reports, services
from sincerely.messaging.models import Campaign, Message
from sincerely.messaging.queries import campaign_results, explain_message, preview_counts
from sincerely.people.models import Suppression
from sincerely.people.services import suppress
from sincerely.timeline.models import Touchpoint
from tests import factories
from tests.messaging.conftest import draft_campaign

UNGUARDED = "Hi {{ person.first_name | fallback('there') }}, great meeting you at Web Summit!"


def _send_all(campaign, marketer):
    services.queue_campaign(campaign, actor=marketer)
    services.prepare_campaign(campaign.pk)
    return outbox.deliver_outbox()


@pytest.mark.django_db
def test_only_people_with_attendance_evidence_get_the_web_summit_sentence(
    web_summit_list, marketer, smtp_server
):
    campaign, findings = draft_campaign(marketer)
    assert findings == []
    assert _send_all(campaign, marketer) == 3
    by_rcpt = {m["to"][0]: m["parsed"] for m in smtp_server.messages}
    assert set(by_rcpt) == {"anna@example.com", "bob@example.com", "cleo@example.com"}
    anna_text = by_rcpt["anna@example.com"].get_body(("plain",)).get_content()
    bob_text = by_rcpt["bob@example.com"].get_body(("plain",)).get_content()
    cleo_text = by_rcpt["cleo@example.com"].get_body(("plain",)).get_content()
    assert "great meeting you at Web Summit" in anna_text
    assert "Web Summit" not in bob_text and "Web Summit" not in cleo_text
    assert anna_text.startswith("Hi Anna,") and cleo_text.startswith("Hi there,")
    anna_message = Message.objects.get(person=web_summit_list["anna"])
    kinds = {(e["type"], e.get("kind") or e.get("key")) for e in anna_message.ledger}
    assert ("evidence", "attended") in kinds and ("fact", "first_name") in kinds
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT


@pytest.mark.django_db
def test_sender_headers_footer_and_one_click_unsubscribe(web_summit_list, marketer, smtp_server):
    campaign, _ = draft_campaign(marketer)
    _send_all(campaign, marketer)
    mail = next(m for m in smtp_server.messages if m["to"] == ["anna@example.com"])
    parsed = mail["parsed"]
    assert parsed["From"].addresses[0].addr_spec == marketer.email
    reply_to = [a.addr_spec for a in parsed["Reply-To"].addresses]
    message = Message.objects.get(person=web_summit_list["anna"])
    assert reply_to == [f"reply+{message.reply_token}@127.0.0.1", marketer.email]
    assert parsed["Message-ID"] == message.message_id
    assert mail["from"] == reports.bounce_address(message)  # signed VERP, issue 11.1
    assert (
        mail["from"].startswith(f"bounce+{message.pk}-") and message.reply_token not in mail["from"]
    )
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = parsed["List-Unsubscribe"].strip("<>")
    text = parsed.get_body(("plain",)).get_content()
    assert "Why you got this: You are on our list “Newsletter”" in text
    assert "you agreed to receive" in text
    assert "/privacy/" in text or "privacy" in text
    # RFC 8058: a POST without cookies or CSRF token unsubscribes.
    from django.test import Client

    path = unsubscribe.split("127.0.0.1:8000", 1)[-1]
    client = Client(enforce_csrf_checks=True)
    assert client.get(path).status_code == 200
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    message.refresh_from_db()
    assert message.unsubscribed_at is not None
    anna = web_summit_list["anna"]
    assert not anna.memberships.filter(left_at__isnull=True).exists()
    assert Touchpoint.objects.filter(person=anna, kind="email_unsubscribed").exists()
    # The next campaign to the list does not reach her.
    second, _ = draft_campaign(marketer, text="Hello again.")
    smtp_server.messages.clear()
    _send_all(second, marketer)
    assert "anna@example.com" not in {m["to"][0] for m in smtp_server.messages}


@pytest.mark.django_db
def test_unguarded_claim_blocks_sending(web_summit_list, marketer):
    campaign, findings = draft_campaign(marketer, text=UNGUARDED)
    assert [f.kind for f in findings] == ["meeting"]
    from sincerely.messaging.guard.linter import UnguardedClaims

    with pytest.raises(UnguardedClaims) as info:
        services.queue_campaign(campaign, actor=marketer)
    assert info.value.findings[0].line == 1
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT


@pytest.mark.django_db
def test_preview_counts_held_back_by_reason(web_summit_list, marketer):
    campaign, _ = draft_campaign(marketer, text="Dear {{ person.first_name }}, news.")
    suppress("bob@example.com", Suppression.Reason.UNSUBSCRIBED)
    counts = preview_counts(campaign)
    assert counts["ready"] == 1
    assert counts["held_back_by_reason"] == {
        "no value for person.first_name and no fallback": 1,
        "suppressed: unsubscribed from everything": 1,
    }


@pytest.mark.django_db
def test_audience_is_consent_and_membership_and_suppression_applies_at_send(
    web_summit_list, marketer, smtp_server
):
    from sincerely.people.services import leave_list, record_consent

    outsider = factories.make_person("out@example.com", consent="newsletter")
    assert outsider.pk
    record_consent(
        web_summit_list["bob"], "newsletter", granted=False, where="privacy centre", method="web"
    )
    campaign, _ = draft_campaign(marketer)
    services.queue_campaign(campaign, actor=marketer)
    services.prepare_campaign(campaign.pk)
    assert Message.objects.filter(campaign=campaign).count() == 2  # anna, cleo
    # Suppressed and unsubscribed after rendering: still not sent.
    suppress("cleo@example.com", Suppression.Reason.COMPLAINED)
    leave_list(web_summit_list["anna"], web_summit_list["list"], "asked by phone")
    assert outbox.deliver_outbox() == 0
    assert smtp_server.messages == []
    results = campaign_results(campaign)
    assert results["held_back"] == 2 and results["sent"] == 0


@pytest.mark.django_db
def test_consent_withdrawn_between_queueing_and_sending_holds_the_message_back(
    web_summit_list, marketer, smtp_server
):
    from sincerely.people.services import record_consent

    campaign, _ = draft_campaign(marketer)
    services.queue_campaign(campaign, actor=marketer)
    services.prepare_campaign(campaign.pk)
    bob = web_summit_list["bob"]
    queued = Message.objects.get(campaign=campaign, person=bob)
    assert queued.status == Message.Status.QUEUED and queued.raw  # rendered, signed, waiting
    record_consent(bob, "newsletter", granted=False, where="privacy centre", method="web")
    assert outbox.deliver_outbox() == 2
    assert sorted(m["to"][0] for m in smtp_server.messages) == [
        "anna@example.com",
        "cleo@example.com",
    ]
    queued.refresh_from_db()
    assert queued.status == Message.Status.HELD_BACK
    assert queued.held_reason == "consent withdrawn before sending"
    assert campaign_results(campaign)["held_back_by_reason"] == {
        "consent withdrawn before sending": 1
    }


@pytest.mark.django_db
def test_hard_bounce_suppresses_and_temporary_failure_retries(
    web_summit_list, marketer, smtp_server
):
    smtp_server.refuse["bob@example.com"] = "550 5.1.1 no such user"
    smtp_server.refuse["cleo@example.com"] = "451 4.3.0 try later"
    campaign, _ = draft_campaign(marketer)
    assert _send_all(campaign, marketer) == 1
    bob = Message.objects.get(person=web_summit_list["bob"])
    cleo = Message.objects.get(person=web_summit_list["cleo"])
    assert bob.status == Message.Status.BOUNCED
    from sincerely.people.services import is_suppressed

    assert is_suppressed("bob@example.com").reason == Suppression.Reason.HARD_BOUNCE
    assert cleo.status == Message.Status.QUEUED and cleo.attempts == 1
    assert cleo.next_attempt_at is not None
    assert Touchpoint.objects.filter(person=web_summit_list["bob"], kind="email_bounced").exists()
    # The retry goes once the server accepts it again.
    del smtp_server.refuse["cleo@example.com"]
    Message.objects.filter(pk=cleo.pk).update(next_attempt_at=None)
    assert outbox.deliver_outbox() == 1
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT


@pytest.mark.django_db
def test_connection_refused_is_retried_later(web_summit_list, marketer, settings):
    from tests.messaging.conftest import free_port

    settings.SINCERELY_SMTP_URL = f"smtp://127.0.0.1:{free_port()}"
    campaign, _ = draft_campaign(marketer)
    assert _send_all(campaign, marketer) == 0
    statuses = set(Message.objects.values_list("status", "attempts"))
    assert statuses == {(Message.Status.QUEUED, 1)}


@pytest.mark.django_db
def test_dkim_signature_verifies(web_summit_list, marketer, smtp_server, settings, tmp_path):
    import shutil
    import subprocess

    import dkim

    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a DKIM key")
    key_file = tmp_path / "dkim.pem"
    subprocess.run(
        ["openssl", "genrsa", "-traditional", "-out", str(key_file), "2048"],
        check=True,
        capture_output=True,
    )
    public = subprocess.run(
        ["openssl", "rsa", "-in", str(key_file), "-pubout", "-outform", "PEM"],
        check=True,
        capture_output=True,
    ).stdout
    settings.SINCERELY_DKIM_KEY_FILE = str(tmp_path / "dkim.pem")
    settings.SINCERELY_DKIM_SELECTOR = "s1"
    settings.SINCERELY_DKIM_DOMAIN = "sincerely.test"
    campaign, _ = draft_campaign(marketer)
    _send_all(campaign, marketer)
    body = b"".join(line for line in public.splitlines() if not line.startswith(b"-----"))
    record = b"v=DKIM1; k=rsa; p=" + body
    raw = smtp_server.messages[0]["raw"]
    assert raw.startswith(b"DKIM-Signature:")
    assert b"list-unsubscribe-post" in raw.split(b"\r\n\r\n")[0].lower()
    assert dkim.verify(raw, dnsfunc=lambda name, timeout=5: record)


@pytest.mark.django_db
def test_explain_message_for_the_privacy_centre(web_summit_list, marketer, smtp_server):
    campaign, _ = draft_campaign(marketer)
    _send_all(campaign, marketer)
    anna = web_summit_list["anna"]
    message = Message.objects.get(person=anna)
    explained = explain_message(message.pk, anna)
    assert explained["subject"] == "News for Anna"
    assert explained["sent_at"] is not None
    assert "Newsletter" in explained["why"]
    said = [e["said"] for e in explained["ledger"]]
    assert "first name: Anna" in said and any("attended" in s for s in said)
    assert explain_message(message.pk, web_summit_list["bob"]) is None
    from django.template.loader import render_to_string

    html = render_to_string("messaging/privacy_message_partial.html", {"explained": explained})
    assert "News for Anna" in html and "attended" in html


@pytest.mark.django_db
def test_erasure_removes_messages_and_export_includes_them(web_summit_list, marketer, smtp_server):
    from sincerely.people.services import erase_person
    from sincerely.privacy.services import export_person

    campaign, _ = draft_campaign(marketer)
    _send_all(campaign, marketer)
    anna = web_summit_list["anna"]
    exported = export_person(anna)
    assert exported["messages"][0]["subject"] == "News for Anna"
    erase_person(anna, marketer, requested_via="test")
    assert not Message.objects.filter(to_email="anna@example.com").exists()


@pytest.mark.django_db
def test_translation_by_language_fact(newsletter, marketer, smtp_server):
    factories.make_person(
        "fr@example.com", facts={"first_name": "Zoé", "language": "fr"}, on_list=newsletter
    )
    campaign, _ = draft_campaign(marketer, text="Hello {{ person.first_name }}.")
    services.set_translation(
        campaign, "fr", subject="Nouvelles", text="Bonjour {{ person.first_name }}."
    )
    _send_all(campaign, marketer)
    parsed = smtp_server.messages[0]["parsed"]
    assert parsed["Subject"] == "Nouvelles"
    assert parsed.get_body(("plain",)).get_content().startswith("Bonjour Zoé.")


@pytest.mark.django_db
def test_noreply_sender_is_refused(newsletter, marketer):
    from sincerely.errors import DomainError

    robot = factories.make_staff("robot", "marketer", email="ops@example.com")
    robot.email = "noreply@example.com"
    robot.save()
    with pytest.raises(DomainError) as info:
        draft_campaign(robot)
    assert info.value.field == "sender"


@pytest.mark.django_db
def test_one_to_one_message_uses_the_guard(marketer, sales, smtp_server):
    from sincerely.messaging.guard.linter import UnguardedClaims

    person = factories.make_person(
        "p1@example.com", facts={"first_name": "Pia"}, consent="sales_contact"
    )
    with pytest.raises(UnguardedClaims):
        services.send_one(person, sender=sales, subject="Hi", text="As we discussed, here it is.")
    from sincerely.timeline.services import record_touchpoint

    record_touchpoint(person, "meeting", recorded_by=sales)
    message = services.send_one(
        person,
        sender=sales,
        subject="Hi {{ person.first_name }}",
        text="{% if evidence.met() %}As we discussed, here it is.{% endif %}",
        idempotency_key="k1",
    )
    again = services.send_one(person, sender=sales, subject="Hi", text="x", idempotency_key="k1")
    assert again.pk == message.pk
    assert outbox.deliver_outbox() == 1
    parsed = smtp_server.messages[0]["parsed"]
    assert parsed["Subject"] == "Hi Pia"
    assert parsed["From"].addresses[0].addr_spec == sales.email
    assert "As we discussed" in parsed.get_body(("plain",)).get_content()
    assert Touchpoint.objects.filter(person=person, kind="email_sent").count() == 1


@pytest.mark.django_db
def test_click_is_a_signed_redirect_and_a_touchpoint(newsletter, marketer, smtp_server, client):
    person = factories.make_person("c@example.com", on_list=newsletter)
    campaign, _ = draft_campaign(marketer, text="Read https://example.org/post?a=1 now.")
    _send_all(campaign, marketer)
    text = smtp_server.messages[0]["parsed"].get_body(("plain",)).get_content()
    link = next(w for w in text.split() if "/m/c/" in w)
    response = client.get(link.split("127.0.0.1:8000", 1)[-1])
    assert response.status_code == 302 and response["Location"] == "https://example.org/post?a=1"
    assert Touchpoint.objects.filter(person=person, kind="email_clicked").exists()
    assert client.get("/m/c/forged/").status_code == 404


@pytest.mark.django_db
def test_esp_through_anymail_gets_the_same_message(web_summit_list, marketer, settings, mailoutbox):
    settings.SINCERELY_EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    campaign, _ = draft_campaign(marketer)
    assert _send_all(campaign, marketer) == 3
    anna = next(m for m in mailoutbox if m.to == ["anna@example.com"])
    assert "great meeting you at Web Summit" in anna.body
    assert anna.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    message = Message.objects.get(person=web_summit_list["anna"])
    assert anna.extra_headers["Message-ID"] == message.message_id
    assert message.status == Message.Status.SENT


@pytest.mark.django_db
def test_non_ascii_sender_and_subject_survive_the_wire(newsletter, marketer, smtp_server):
    zoe = factories.make_staff("zoe", "marketer", first_name="Zoé", email="zoe@sincerely.test")
    factories.make_person("z@example.com", facts={"first_name": "Jérôme"}, on_list=newsletter)
    campaign, _ = services.create_campaign(
        name="Accents",
        list_slug="newsletter",
        sender=zoe,
        subject="Des nouvelles pour {{ person.first_name }} — été 2026",
        text="Bonjour {{ person.first_name }}, voici l'été.",
        html="<p>Bonjour {{ person.first_name }}</p>",
    )
    _send_all(campaign, zoe)
    parsed = smtp_server.messages[0]["parsed"]
    assert parsed["Subject"] == "Des nouvelles pour Jérôme — été 2026"
    assert parsed["From"].addresses[0].display_name.startswith("Zoé")
    assert "voici l'été" in parsed.get_body(("plain",)).get_content()
    assert "<p>Bonjour J&eacute;r&ocirc;me</p>" in parsed.get_body(("html",)).get_content() or (
        "<p>Bonjour Jérôme</p>" in parsed.get_body(("html",)).get_content()
    )


@pytest.mark.django_db
def test_merge_moves_messages_to_the_survivor(web_summit_list, marketer, smtp_server):
    from sincerely.people.services import merge_people

    campaign, _ = draft_campaign(marketer)
    _send_all(campaign, marketer)
    anna, bob = web_summit_list["anna"], web_summit_list["bob"]
    merge_people(anna, bob, marketer)
    assert Message.objects.filter(person=anna).count() == 2


@pytest.mark.django_db
def test_esp_tracking_events_reach_the_same_services(web_summit_list, marketer, settings):
    from anymail.signals import AnymailTrackingEvent, tracking

    settings.SINCERELY_EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    # Provider events act only when anymail authenticates the webhook (issue 11.1).
    settings.ANYMAIL = {"WEBHOOK_SECRET": "user:pass"}
    campaign, _ = draft_campaign(marketer)
    _send_all(campaign, marketer)
    bob = Message.objects.get(person=web_summit_list["bob"])
    event = AnymailTrackingEvent(
        event_type="bounced", metadata={"sincerely_message": str(bob.pk)}, description="550"
    )
    tracking.send(sender=object, event=event, esp_name="Postmark")
    bob.refresh_from_db()
    assert bob.status == Message.Status.BOUNCED
    from sincerely.people.services import is_suppressed

    assert is_suppressed("bob@example.com").reason == Suppression.Reason.HARD_BOUNCE


@pytest.mark.django_db
def test_the_footer_link_opens_the_privacy_centre_on_that_message(
    web_summit_list, marketer, smtp_server, client
):
    import re

    campaign, _ = draft_campaign(marketer)
    _send_all(campaign, marketer)
    raw = next(m["raw"] for m in smtp_server.messages if b"anna" in m["raw"].lower())
    text = raw.decode("utf-8", "replace").replace("=\r\n", "")
    link = re.search(r"http://[^\s\"<>]+/privacy/[^\s\"<>]+/", text).group(0)
    body = client.get("/" + link.split("/", 3)[3]).content.decode()
    assert "Why you got this message" in body and "News for Anna" in body
    assert "first name: Anna" in body


@pytest.mark.django_db
def test_a_segment_narrows_the_list_and_the_footer_says_so(
    web_summit_list, marketer, smtp_server, api
):
    from sincerely.insight.services import create_segment

    create_segment(
        slug="named",
        name="People who told us their name",
        rules={"all": [{"type": "fact", "key": "first_name", "op": "exists"}]},
        actor=marketer,
    )
    status, body = api.post(
        "/campaigns",
        {
            "name": "Named only",
            "list": "newsletter",
            "sender": marketer.username,
            "subject": "Hello",
            "text": "Our analytics module is out.",
            "segment": "named",
        },
    )
    assert status == 201, body
    campaign = Campaign.objects.get(pk=body["id"])
    assert preview_counts(campaign)["ready"] == 2  # anna and bob; cleo has no name on record
    _send_all(campaign, marketer)
    assert sorted(m["to"][0] for m in smtp_server.messages) == [
        "anna@example.com",
        "bob@example.com",
    ]
    text = smtp_server.messages[0]["raw"].decode("utf-8", "replace")
    assert "People who told us their name" in text.replace("=\r\n", "")
    status, body = api.post(
        "/campaigns",
        {
            "name": "x",
            "list": "newsletter",
            "sender": marketer.username,
            "subject": "s",
            "text": "t",
            "segment": "nope",
        },
    )
    assert status == 422 and body["field"] == "segment"
