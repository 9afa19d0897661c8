"""Crisis mode: a pinned post, a named spokesperson, dated updates, a banner, honest notices."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from sincerely.conversations import queries
from sincerely.conversations.models import Conversation, IncidentNotice
from sincerely.conversations.services import inbox as inbox_services
from sincerely.conversations.services import incidents as incident_services
from tests import factories
from tests.conversations.conftest import link_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def incident(support):
    return incident_services.open_incident(
        title="Payment outage",
        body="Card payments fail at checkout.",
        spokesperson=support,
        severity="major",
        update="We see failed card payments and are investigating.",
    )


def test_incident_banner_on_every_public_page_and_updates_newest_first(
    client, incident, support, published
):
    incident_services.add_incident_update(incident, "identified", "A certificate expired.", support)
    for path in ("/blog/", f"/blog/{published.slug}/"):
        body = client.get(path).content.decode()
        assert 'class="incident-banner major"' in body and "Payment outage" in body
    post = client.get(incident.post.get_absolute_url()).content.decode()
    assert post.index("A certificate expired.") < post.index("We see failed card payments")
    assert "Spokesperson:" in post and "Suki" in post
    index = client.get("/blog/").content.decode()
    assert index.index("Payment outage") < index.index("How we handle your data")


def test_resolving_removes_the_banner(client, incident, support):
    assert "incident-banner" in client.get("/blog/").content.decode()
    incident_services.add_incident_update(incident, "resolved", "Fixed.", support)
    assert "incident-banner" not in client.get("/blog/").content.decode()


def test_notify_tells_covered_members_from_the_spokesperson(
    incident, support, newsletter, smtp, settings
):
    told = factories.make_person("ann@example.com", facts={"first_name": "Ann"}, on_list=newsletter)
    withdrawn = factories.make_person("bob@example.com", on_list=newsletter)
    from sincerely.people.services import record_consent

    record_consent(
        withdrawn, "newsletter", granted=False, where="privacy centre", wording="", method="form"
    )
    result = incident_services.notify_incident(incident, newsletter, support)
    assert result["sent"] == 1
    # Incident mail goes through the messaging outbox (the guard, the ledger, the footer).
    from sincerely.messaging.outbox import deliver_outbox

    settings.SMTP_URL = f"smtp://127.0.0.1:{settings.EMAIL_PORT}"
    deliver_outbox()
    assert [m["To"] for m in smtp.messages] == ["ann@example.com"]
    message = smtp.messages[0]
    assert "suki@sincerely.test" in message["From"]
    assert "suki@sincerely.test" in message["Reply-To"]
    body = message.get_content()
    # Links go through signed click redirects (each click is a touchpoint); follow them.
    from django.test import Client

    targets = [
        Client().get(re.sub(r"^https?://[^/]+", "", url))["Location"]
        for url in re.findall(r"https?://\S+/m/c/\S+", body)
    ]
    assert any(incident.post.get_absolute_url() in target for target in targets)
    assert "Why you got this: You are on our list “Newsletter” (signed up on /newsletter)" in body
    assert "Hello Ann," in body
    assert "What we know about you and why we sent this message" in body
    # Sending again tells nobody twice.
    assert incident_services.notify_incident(incident, newsletter, support)["sent"] == 0
    # A reply to the notice lands in the inbox, linked to the incident.
    notice = IncidentNotice.objects.get(person=told)
    conversation = inbox_services.receive_email_reply(
        person=told,
        assigned_to=support,
        subject="Re: Payment outage",
        text="Was I charged twice?",
        message_id="<ann-1@example.com>",
        in_reply_to=notice.message_id,
    )
    assert conversation.incident == incident
    # The signed link in the email lets Ann ask in public without confirming her address.
    ask = link_in("\n".join(targets), "?as=")
    assert "Commenting as" in Client().get(ask).content.decode()


def test_incident_page_shows_median_and_slowest_time_to_named_reply(client, incident, support):
    people = [factories.make_person(f"q{n}@example.com") for n in range(3)]
    for n, person in enumerate(people):
        c = inbox_services.receive_email_reply(
            person=person, assigned_to=support, subject="Q", text="?", message_id=f"<q{n}@x>"
        )
        Conversation.objects.filter(pk=c.pk).update(incident=incident)
        if n < 2:
            c.refresh_from_db()
            Conversation.objects.filter(pk=c.pk).update(
                first_reply_at=c.created_at + timedelta(minutes=10 * (n + 1))
            )
    times = queries.reply_times(incident)
    assert times.answered == 2 and times.waiting == 1
    assert round(times.median_minutes) == 15 and round(times.slowest_minutes) == 20
    client.force_login(support)
    page = client.get(f"/console/incidents/{incident.pk}/").content.decode()
    assert "15 min" in page and "20 min" in page and "<svg" in page


def test_open_incident_from_the_console(client, support):
    client.force_login(support)
    response = client.post(
        "/console/incidents/",
        {"title": "Login problems", "body": "Some cannot sign in.", "spokesperson": "suki",
         "severity": "minor", "status": "investigating", "update": "Looking."},
    )  # fmt: skip
    assert response.status_code == 302
    assert "Login problems" in client.get("/blog/").content.decode()
    bad = client.post("/console/incidents/", {"title": "x", "severity": "apocalyptic"})
    assert bad.status_code == 200 and "severity" in bad.content.decode()
