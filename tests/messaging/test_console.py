"""Console pages: editor with live lint, preview beside the ledger, send, results, outbox."""

from __future__ import annotations

import pytest

from sincerely.messaging import outbox, services
from sincerely.messaging.models import Campaign, CaughtMail, Message
from tests.messaging.conftest import GUARDED_TEXT


@pytest.mark.django_db
def test_new_campaign_editor_and_live_lint(console, web_summit_list, marketer):
    page = console.get("/console/campaigns/new/")
    assert page.status_code == 200 and b"hx-post" in page.content
    lint = console.post(
        "/console/campaigns/lint/",
        {"subject": "Hi", "text": "Great meeting you at Web Summit!"},
        HTTP_HX_REQUEST="true",
    )
    assert b"meeting" in lint.content and b"line 1" in lint.content
    response = console.post(
        "/console/campaigns/new/",
        {
            "name": "Launch",
            "list": "newsletter",
            "sender": marketer.username,
            "subject": "News",
            "text": GUARDED_TEXT,
            "language": "en",
        },
    )
    campaign = Campaign.objects.get(name="Launch")
    assert response.status_code == 302
    detail = console.get(f"/console/campaigns/{campaign.pk}/")
    assert b"no unguarded claims" in detail.content
    anna = web_summit_list["anna"]
    preview = console.get(f"/console/campaigns/{campaign.pk}/preview/", {"person": anna.pk})
    assert b"great meeting you at Web Summit" in preview.content
    assert b"evidence.attended" in preview.content
    counts = console.get(f"/console/campaigns/{campaign.pk}/preview/")
    assert b"3</strong> ready" in counts.content


@pytest.mark.django_db
def test_send_blocked_then_results_with_chart(console, web_summit_list, marketer, smtp_server):
    campaign, _ = services.create_campaign(
        name="Bad",
        list_slug="newsletter",
        sender=marketer,
        subject="Hi",
        text="As we discussed, hi.",
    )
    console.post(f"/console/campaigns/{campaign.pk}/send/", {"confirm": "yes"})
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT
    services.update_campaign(campaign, text=GUARDED_TEXT)
    asked = console.post(f"/console/campaigns/{campaign.pk}/send/")
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT, "the server asks before sending"
    assert "will be sent this message" in asked.content.decode()
    console.post(f"/console/campaigns/{campaign.pk}/send/", {"confirm": "yes"})
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.QUEUED
    page = console.get(f"/console/campaigns/{campaign.pk}/")
    assert b'hx-trigger="every 2s"' in page.content
    services.prepare_campaign(campaign.pk)
    outbox.deliver_outbox()
    page = console.get(f"/console/campaigns/{campaign.pk}/")
    assert b"<svg" in page.content and b"sent" in page.content
    listing = console.get("/console/outbox/")
    assert b"anna@example.com" in listing.content
    message = Message.objects.get(person=web_summit_list["anna"])
    detail = console.get(f"/console/messages/{message.pk}/")
    assert b"attended" in detail.content


@pytest.mark.django_db
def test_person_panel_sends_one_to_one(console, marketer, smtp_server):
    from tests.factories import make_person

    person = make_person("pp@example.com", facts={"first_name": "Pam"}, consent="sales_contact")
    page = console.get(f"/console/people/{person.pk}/")
    assert b"Write to this person" in page.content
    console.post(
        f"/console/people/{person.pk}/message/",
        {"subject": "Hello", "text": "Hi {{ person.first_name }}, a quick note."},
    )
    assert Message.objects.filter(person=person, subject="Hello").exists()
    refused = console.post(
        f"/console/people/{person.pk}/message/",
        {"subject": "Hello", "text": "Following up on our call."},
        follow=True,
    )
    assert b"Not sent" in refused.content
    assert Message.objects.filter(person=person).count() == 1


@pytest.mark.django_db
def test_caught_mail_page_shows_headers_and_ledger(console, web_summit_list, marketer, smtp_server):
    campaign, _ = services.create_campaign(
        name="Demo", list_slug="newsletter", sender=marketer, subject="Hi", text=GUARDED_TEXT
    )
    services.queue_campaign(campaign)
    services.prepare_campaign(campaign.pk)
    outbox.deliver_outbox()
    raw = next(m["raw"] for m in smtp_server.messages if m["to"] == ["anna@example.com"])
    message = Message.objects.get(person=web_summit_list["anna"])
    caught = CaughtMail.objects.create(
        raw=raw, rcpt_to="anna@example.com", subject="Hi", message_id=message.message_id
    )
    assert b"anna@example.com" in console.get("/console/caught/").content
    page = console.get(f"/console/caught/{caught.pk}/")
    assert b"List-Unsubscribe" in page.content and b"attended" in page.content


@pytest.mark.django_db
def test_roles_without_campaigns_cannot_open_them(client, author):
    client.force_login(author)
    assert client.get("/console/campaigns/").status_code == 403


@pytest.mark.django_db
def test_progress_polling_stops_when_the_campaign_is_sent(console, web_summit_list, marketer):
    campaign, _ = services.create_campaign(
        name="P", list_slug="newsletter", sender=marketer, subject="Hi", text="Hello."
    )
    services.queue_campaign(campaign)
    assert console.get(f"/console/campaigns/{campaign.pk}/progress/").status_code == 200
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENT)
    assert console.get(f"/console/campaigns/{campaign.pk}/progress/").status_code == 286


@pytest.mark.django_db
def test_translation_form_and_preview_by_address(console, web_summit_list, marketer):
    campaign, _ = services.create_campaign(
        name="T", list_slug="newsletter", sender=marketer, subject="Hi", text=GUARDED_TEXT
    )
    console.post(
        f"/console/campaigns/{campaign.pk}/translation/",
        {"language": "fr", "subject": "Salut", "text": "Bonjour {{ person.first_name }}."},
    )
    assert campaign.translations.get().subject == "Salut"
    refused = console.post(
        f"/console/campaigns/{campaign.pk}/translation/",
        {"language": "de", "subject": "", "text": "x"},
        follow=True,
    )
    assert b"Translation not saved" in refused.content
    preview = console.get(
        f"/console/campaigns/{campaign.pk}/preview/", {"email": "ANNA@example.com"}
    )
    assert b"great meeting you at Web Summit" in preview.content
    missing = console.get(f"/console/campaigns/{campaign.pk}/preview/", {"email": "x@y.z"})
    assert b"No person with the address" in missing.content


UNMATCHED = (
    b"From: Anna <anna@example.com>\r\nTo: hello@acme.example\r\nSubject: A question\r\n"
    b"Message-ID: <q1@example.com>\r\n\r\nDo you ship to Lisbon?\r\n"
)


@pytest.mark.django_db
def test_unmatched_mail_is_listed_and_readable_by_support(web_summit_list, support, marketer):
    from django.test import Client

    from sincerely.messaging import inbound

    item = inbound.receive_inbound(
        UNMATCHED, mail_from="anna@example.com", rcpt_to="hello@acme.example"
    )
    broken = inbound.receive_inbound(b"\xff\xfe not a mail at all", rcpt_to="hello@acme.example")
    assert item.kind == "unmatched"
    client = Client()
    client.force_login(support)
    listing = client.get("/console/inbound/")
    assert listing.status_code == 200
    assert b"anna@example.com" in listing.content and b"/console/inbound/" in listing.content
    only_unmatched = client.get("/console/inbound/", {"kind": "unmatched"})
    assert f"/console/inbound/{broken.pk}/".encode() not in only_unmatched.content
    detail = client.get(f"/console/inbound/{item.pk}/")
    assert b"Do you ship to Lisbon?" in detail.content
    anna = web_summit_list["anna"]
    assert f"/console/people/{anna.pk}/".encode() in detail.content  # a person we know
    unreadable = client.get(f"/console/inbound/{broken.pk}/")
    assert unreadable.status_code == 200 and b"not a mail at all" in unreadable.content
    marketing = Client()
    marketing.force_login(marketer)
    assert marketing.get("/console/inbound/").status_code == 403


@pytest.mark.django_db
def test_message_page_shows_the_exact_bytes_that_went_out(
    console, web_summit_list, marketer, smtp_server
):
    campaign, _ = services.create_campaign(
        name="Bytes", list_slug="newsletter", sender=marketer, subject="Hi", text=GUARDED_TEXT
    )
    services.queue_campaign(campaign)
    services.prepare_campaign(campaign.pk)
    message = Message.objects.get(campaign=campaign, person=web_summit_list["anna"])
    page = console.get(f"/console/messages/{message.pk}/")
    assert b"As it went out" in page.content and b"DKIM-Signature" not in page.content
    assert b"List-Unsubscribe-Post" in page.content
    assert message.message_id.strip("<>").encode() in page.content
