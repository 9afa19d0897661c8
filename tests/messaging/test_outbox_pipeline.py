"""The send pipeline: bytes built and signed when prepared, sending that overlaps
preparing, touchpoints written per batch (and recovered after a crash), SMTP paths."""

from __future__ import annotations

import smtplib
import socket
import threading
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from sincerely.db import reserve_ids
from sincerely.messaging import outbox, services, transport
from sincerely.messaging.models import Campaign, Message, SentMark
from sincerely.messaging.services import preparation
from sincerely.people.models import Person
from sincerely.timeline.models import Touchpoint
from tests import factories
from tests.messaging.conftest import draft_campaign


def _queued_campaign(marketer):
    campaign, findings = draft_campaign(marketer)
    assert findings == []
    services.queue_campaign(campaign, actor=marketer)
    return campaign


def _prepared_campaign(marketer):
    campaign = _queued_campaign(marketer)
    services.prepare_campaign(campaign.pk)
    return campaign


@pytest.mark.django_db
def test_the_server_gets_exactly_the_bytes_prepared_for_each_person(
    web_summit_list, marketer, smtp_server
):
    campaign = _prepared_campaign(marketer)
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
    monkeypatch.setattr(preparation, "FIRST_CHUNK", 3)
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
def test_workers_share_preparation_and_a_dead_helpers_chunk_is_swept(
    newsletter, marketer, monkeypatch, smtp_server
):
    """A sender with nothing to send prepares a chunk of the campaign; a chunk taken by a
    worker that died before storing it is prepared by the last sweep: one message each."""
    for i in range(9):
        factories.make_person(
            f"p{i}@example.com", facts={"first_name": f"P{i}"}, on_list=newsletter
        )
    campaign = _queued_campaign(marketer)
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING)
    campaign.refresh_from_db()
    assert services.prepare_some(size=3) == 3  # a sender helped: three messages ready
    assert Message.objects.filter(campaign=campaign).count() == 3
    lost = preparation.claim_chunk(campaign, 3)  # taken by a worker that then died
    assert len(lost) == 3
    assert {p.pk for p in preparation.claim_chunk(campaign, 3)}.isdisjoint(p.pk for p in lost)
    monkeypatch.setattr(preparation, "PREPARE_CHUNK", 2)
    services.prepare_campaign(campaign.pk)  # the cursor is at the end: only the sweep works
    people = list(Message.objects.filter(campaign=campaign).values_list("person_id", flat=True))
    assert len(people) == len(set(people)) == 9
    assert outbox.deliver_outbox() == 9
    assert sorted(m["to"][0] for m in smtp_server.messages) == sorted(
        f"p{i}@example.com" for i in range(9)
    )
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT


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
    campaign = _prepared_campaign(marketer)
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
    campaign = _prepared_campaign(marketer)
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
    campaign = _prepared_campaign(marketer)
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


@pytest.mark.django_db
def test_a_chunk_stored_twice_by_racing_workers_keeps_one_message_a_person(
    web_summit_list, marketer
):
    # Two workers that render the same chunk at once: the second one's rows conflict on
    # the idempotency key (a bulk insert, COPY on PostgreSQL), and none of them is stored
    # twice, while a person the first one did not store still gets a message.
    campaign = _prepared_campaign(marketer)
    people = list(Person.objects.filter(messages__campaign=campaign).order_by("pk"))
    late = factories.make_person("late@example.com", on_list=web_summit_list["list"])
    versions = preparation._versions(campaign)
    assert preparation._store(campaign, [*people, late], versions) == len(people) + 1
    by_person = Message.objects.filter(campaign=campaign).values_list("person_id", flat=True)
    assert sorted(by_person) == sorted([p.pk for p in people] + [late.pk])


_ATOM = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789.+-_", min_size=1, max_size=20)


@given(local=_ATOM, domain=_ATOM)
def test_plain_addresses_become_the_same_path_as_smtplib_makes(local, domain):
    address = f"{local}@{domain}"
    assert transport._path(address) == smtplib.quoteaddr(address)


@given(address=st.emails())
def test_any_address_gets_a_path_smtplib_agrees_with(address):
    assert transport._path(address) == smtplib.quoteaddr(address)


# Found by review: each reproduced a way to lose a record or send twice.
@pytest.mark.django_db
def test_a_bounce_back_before_the_batch_is_recorded_keeps_its_email_sent(
    web_summit_list, marketer, smtp_server, monkeypatch
):
    campaign = _prepared_campaign(marketer)
    real = outbox.apply_marks

    def dsn_arrives_first(owner):
        # A DSN / ESP webhook for a message that went out a moment ago in this batch.
        marked = SentMark.objects.values("message_id")
        first = Message.objects.filter(campaign=campaign, pk__in=marked).order_by("id").first()
        if first is not None and not Message.objects.filter(status="bounced").exists():
            services.record_hard_bounce(first, "5.1.1 user unknown (async DSN)")
        return real(owner)

    monkeypatch.setattr(outbox, "apply_marks", dsn_arrives_first)
    assert outbox.deliver_outbox() == 3
    assert len(smtp_server.messages) == 3
    bounced = Message.objects.get(campaign=campaign, status="bounced")
    sent_tps = [t.properties["message"] for t in Touchpoint.objects.filter(kind="email_sent")]
    assert bounced.pk in sent_tps, "a message that was sent has no email_sent touchpoint"


@pytest.mark.django_db
def test_a_database_error_mid_campaign_still_records_what_the_server_took(
    web_summit_list, marketer, smtp_server, settings, monkeypatch
):
    settings.SINCERELY_SEND_BATCH = 1
    campaign = _prepared_campaign(marketer)
    real_claim = outbox.claim_batch
    calls = []

    def flaky_claim(owner, size):
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("database is locked")
        return real_claim(owner, size)

    monkeypatch.setattr(outbox, "claim_batch", flaky_claim)
    with pytest.raises(OperationalError):
        outbox.deliver_outbox()
    monkeypatch.setattr(outbox, "claim_batch", real_claim)
    assert len(smtp_server.messages) == 1  # the server took the first message
    first = Message.objects.filter(campaign=campaign).order_by("id").first()
    assert first.status == "sent"  # recorded on the way out of the failed job
    assert not Message.objects.filter(status="sending").exists()  # the rest given back
    # The job is retried (same process); once the lease runs out the row is re-queued...
    Message.objects.filter(status="sending").update(claimed_at=timezone.now() - timedelta(hours=1))
    outbox.deliver_outbox()
    ids = [m["parsed"]["Message-ID"] for m in smtp_server.messages]
    assert len(ids) == len(set(ids)), "accepted message sent twice without any kill"


class OneMessagePerConnection:
    """A minimal SMTP server that closes each connection after one message (or idle timeout)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.port = self.sock.getsockname()[1]
        self.received = 0
        self.connections = 0
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self.handle, args=(conn,), daemon=True).start()

    def handle(self, conn):
        f = conn.makefile("rb")
        conn.sendall(b"220 hi\r\n")
        in_data = False
        while True:
            line = f.readline()
            if not line:
                break
            if in_data:
                if line == b".\r\n":
                    self.received += 1
                    conn.sendall(b"250 ok\r\n")
                    conn.close()  # idle timeout / max one message per session
                    return
                continue
            cmd = line[:4].upper()
            if cmd in (b"EHLO", b"HELO"):
                conn.sendall(b"250 hi\r\n")
            elif cmd == b"DATA":
                in_data = True
                conn.sendall(b"354 go\r\n")
            elif cmd == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                break
            else:
                conn.sendall(b"250 ok\r\n")
        conn.close()


@pytest.mark.django_db
def test_a_connection_the_server_closed_between_messages_is_reopened(
    web_summit_list, marketer, settings
):
    server = OneMessagePerConnection()
    settings.SINCERELY_SMTP_URL = f"smtp://127.0.0.1:{server.port}"
    campaign = _prepared_campaign(marketer)
    sent = outbox.deliver_outbox()
    statuses = list(Message.objects.filter(campaign=campaign).values_list("status", "attempts"))
    assert statuses == [("sent", 0)] * 3 and server.connections == 3
    assert sent == 3, "a message was deferred (attempt counted) instead of reconnecting"


@pytest.mark.django_db
def test_a_batch_taken_over_after_its_lease_ran_out_is_not_sent_twice(
    web_summit_list, marketer, smtp_server, monkeypatch
):
    _prepared_campaign(marketer)
    real = outbox._still_allowed
    state = {"done": False}

    def slow_batch(messages):
        if not state["done"]:
            state["done"] = True
            # The batch has taken longer than the lease (slow relay); another worker looks.
            Message.objects.filter(status="sending").update(
                claimed_at=timezone.now() - timedelta(hours=1)
            )
            outbox.deliver_outbox(owner="elsewhere:1")
        return real(messages)

    monkeypatch.setattr(outbox, "_still_allowed", slow_batch)
    outbox.deliver_outbox(owner="here:1")
    ids = [m["parsed"]["Message-ID"] for m in smtp_server.messages]
    assert len(ids) == len(set(ids))
