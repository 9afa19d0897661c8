"""The send pipeline: bytes built and signed when prepared, sending that overlaps
preparing, touchpoints written per batch (and recovered after a crash), SMTP paths."""

from __future__ import annotations

import smtplib
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from sincerely.db import reserve_ids
from sincerely.messaging import outbox, services
from sincerely.messaging.models import Campaign, Message
from sincerely.people.models import Person
from sincerely.timeline.models import Touchpoint
from tests import factories
from tests.messaging.conftest import GUARDED_TEXT


def _queued_campaign(marketer):
    campaign, findings = services.create_campaign(
        name="Pipeline",
        list_slug="newsletter",
        sender=marketer.username,
        subject="News for {{ person.first_name | fallback('you') }}",
        text=GUARDED_TEXT,
        actor=marketer,
    )
    assert findings == []
    services.queue_campaign(campaign, actor=marketer)
    return campaign


@pytest.mark.django_db
def test_the_server_gets_exactly_the_bytes_prepared_for_each_person(
    web_summit_list, marketer, smtp_server
):
    campaign = _queued_campaign(marketer)
    services.prepare_campaign(campaign.pk)
    prepared = {m.to_email: bytes(m.raw) for m in Message.objects.filter(campaign=campaign)}
    assert len(prepared) == 3 and all(raw.startswith(b"From: ") for raw in prepared.values())
    assert outbox.deliver_outbox() == 3
    received = {m["to"][0]: m["raw"] for m in smtp_server.messages}
    assert received == prepared
    for message in Message.objects.filter(campaign=campaign):
        assert f"X-Sincerely-Message: {message.pk}".encode() in bytes(message.raw)


@pytest.mark.django_db
def test_held_back_recipients_get_no_bytes(newsletter, marketer):
    factories.make_person("nameless@example.com", on_list=newsletter)
    campaign, _ = services.create_campaign(
        name="Needs a name",
        list_slug="newsletter",
        sender=marketer.username,
        subject="Hello",
        text="Hi {{ person.first_name }}",
        actor=marketer,
    )
    services.queue_campaign(campaign, actor=marketer)
    services.prepare_campaign(campaign.pk)
    message = Message.objects.get(campaign=campaign)
    assert message.status == Message.Status.HELD_BACK and message.raw is None
    assert "first_name" in message.held_reason


@pytest.mark.django_db
def test_sending_can_start_after_the_first_chunk(newsletter, marketer, monkeypatch):
    for i in range(7):
        factories.make_person(
            f"p{i}@example.com", facts={"first_name": f"P{i}"}, on_list=newsletter
        )
    monkeypatch.setattr(services, "FIRST_CHUNK", 3)
    campaign = _queued_campaign(marketer)
    stored_at_start = []
    services.prepare_campaign(
        campaign.pk,
        on_first_chunk=lambda: stored_at_start.append(
            Message.objects.filter(campaign=campaign).count()
        ),
    )
    assert stored_at_start == [3]  # called once, with the first chunk already committed
    assert Message.objects.filter(campaign=campaign).count() == 7


@pytest.mark.django_db
def test_delivery_waits_only_for_a_preparation_that_is_alive(web_summit_list, marketer):
    campaign = _queued_campaign(marketer)
    assert not outbox._campaign_being_prepared()
    services.prepare_campaign(campaign.pk)
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING, prepared_at=None)
    assert outbox._campaign_being_prepared()  # its messages were just written
    Message.objects.filter(campaign=campaign).update(
        created_at=timezone.now() - timedelta(minutes=5)
    )
    assert not outbox._campaign_being_prepared()  # stalled: delivery stops waiting


@pytest.mark.django_db
def test_every_sent_message_gets_one_touchpoint_per_batch(
    web_summit_list, marketer, smtp_server, settings
):
    settings.SINCERELY_SEND_BATCH = 2
    campaign = _queued_campaign(marketer)
    services.prepare_campaign(campaign.pk)
    assert outbox.deliver_outbox() == 3
    sent = Message.objects.filter(campaign=campaign, status=Message.Status.SENT)
    assert sent.count() == 3 and not sent.exclude(claimed_by="").exists()
    touchpoints = Touchpoint.objects.filter(kind="email_sent")
    assert sorted(t.properties["message"] for t in touchpoints) == sorted(m.pk for m in sent)
    for message in sent:
        touchpoint = touchpoints.get(person_id=message.person_id)
        assert touchpoint.at == message.sent_at


@pytest.mark.django_db
def test_a_dead_workers_unrecorded_sends_get_their_touchpoints(web_summit_list, marketer):
    campaign = _queued_campaign(marketer)
    services.prepare_campaign(campaign.pk)
    now = timezone.now()
    # What a worker killed between marking and writing its batch's touchpoints leaves.
    Message.objects.filter(campaign=campaign).update(
        status=Message.Status.SENT, sent_at=now, claimed_by="elsewhere:1", claimed_at=now
    )
    outbox.release_dead_claims()
    assert not Touchpoint.objects.filter(kind="email_sent").exists()  # its lease still runs
    Message.objects.filter(campaign=campaign).update(claimed_at=now - timedelta(hours=1))
    outbox.release_dead_claims()
    outbox.release_dead_claims()  # a second pass adds nothing
    assert Touchpoint.objects.filter(kind="email_sent").count() == 3
    assert not Message.objects.filter(campaign=campaign).exclude(claimed_by="").exists()


@pytest.mark.django_db
def test_a_refused_recipient_does_not_lose_the_previous_messages_record(
    web_summit_list, marketer, smtp_server
):
    smtp_server.refuse["bob@example.com"] = "550 no such user"
    campaign = _queued_campaign(marketer)
    services.prepare_campaign(campaign.pk)
    assert outbox.deliver_outbox() == 2
    statuses = dict(Message.objects.filter(campaign=campaign).values_list("to_email", "status"))
    assert statuses == {
        "anna@example.com": "sent",
        "bob@example.com": "bounced",
        "cleo@example.com": "sent",
    }
    assert Touchpoint.objects.filter(kind="email_sent").count() == 2


@pytest.mark.django_db
def test_reserved_ids_are_never_handed_out_again():
    reserved = reserve_ids(Person, 5)
    assert len(set(reserved)) == 5
    later = Person.objects.create(email="later@example.com")
    assert later.pk > max(reserved)
    assert min(reserve_ids(Person, 2)) > later.pk


_ATOM = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789.+-_", min_size=1, max_size=20)


@given(local=_ATOM, domain=_ATOM)
def test_plain_addresses_become_the_same_path_as_smtplib_makes(local, domain):
    address = f"{local}@{domain}"
    assert outbox._path(address) == smtplib.quoteaddr(address)


@given(address=st.emails())
def test_any_address_gets_a_path_smtplib_agrees_with(address):
    assert outbox._path(address) == smtplib.quoteaddr(address)
