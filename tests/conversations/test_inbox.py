"""One inbox: every conversation linked to its person, assigned, filtered, answered in place."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from sincerely.conversations.models import Conversation, Entry
from sincerely.conversations.services import inbox as inbox_services
from sincerely.errors import DomainError
from sincerely.timeline.models import Touchpoint
from tests import factories
from tests.conversations.conftest import deliver

pytestmark = pytest.mark.django_db


@pytest.fixture
def customer(db):
    return factories.make_person("cara@example.com", facts={"first_name": "Cara"})


@pytest.fixture
def email_thread(customer, support):
    return inbox_services.receive_email_reply(
        person=customer,
        assigned_to=support,
        subject="About my order",
        text="Where is my parcel?",
        message_id="<q1@mail.example.com>",
        in_reply_to="<campaign-1@sincerely.test>",
        from_name="Cara",
        from_email="cara@example.com",
    )


def test_email_reply_is_threaded_with_in_reply_to_from_the_staff_address(
    client, email_thread, support, smtp, customer
):
    client.force_login(support)
    page = client.get(f"/console/inbox/{email_thread.pk}/").content.decode()
    assert "Where is my parcel?" in page and "waiting" in page
    response = client.post(
        f"/console/inbox/{email_thread.pk}/reply",
        {"channel": "email", "text": "It left today."},
    )
    assert response.status_code == 302
    assert deliver() == 1
    sent = smtp.messages[-1]
    assert sent["To"] == "cara@example.com"
    assert "suki@sincerely.test" in sent["From"] and "Suki" in sent["From"]
    assert sent["In-Reply-To"] == "<q1@mail.example.com>"
    assert "<q1@mail.example.com>" in sent["References"]
    assert sent["Subject"] == "Re: About my order"
    assert "It left today." in sent.get_content()
    email_thread.refresh_from_db()
    assert email_thread.status == "waiting" and email_thread.first_reply_at is not None
    outbound = Entry.objects.get(direction="outbound")
    assert outbound.message_id == sent["Message-ID"]
    assert Touchpoint.objects.filter(person=customer, kind="email_reply_sent").exists()
    # Their answer to our reply threads into the same conversation and reopens it.
    again = inbox_services.receive_email_reply(
        person=customer,
        assigned_to=None,
        subject="Re: About my order",
        text="Thanks!",
        message_id="<q2@mail.example.com>",
        in_reply_to=outbound.message_id,
    )
    assert again.pk == email_thread.pk
    again.refresh_from_db()
    assert again.status == "open"


def test_a_retried_reply_by_email_is_sent_once(client, email_thread, support, smtp):
    """The same request twice (a double click, a browser resending the form) is one answer."""
    client.force_login(support)
    form = {"channel": "email", "text": "It left today."}
    for _ in range(2):
        response = client.post(f"/console/inbox/{email_thread.pk}/reply", form)
        assert response.status_code == 302
    assert smtp.messages == []  # nothing left inside the requests
    deliver()
    assert [m["Subject"] for m in smtp.messages] == ["Re: About my order"]
    assert Entry.objects.filter(direction="outbound").count() == 1
    # A different answer afterwards is a new message.
    client.post(f"/console/inbox/{email_thread.pk}/reply", {"channel": "email", "text": "Also…"})
    deliver()
    assert len(smtp.messages) == 2


def test_filters_mine_unassigned_overdue(client, customer, support, writer):
    mine = inbox_services.receive_email_reply(
        person=customer,
        assigned_to=support,
        subject="Parcel question",
        text="a",
        message_id="<m@x>",
    )
    inbox_services.receive_email_reply(
        person=customer, assigned_to=None, subject="Nobody's", text="b", message_id="<n@x>"
    )
    Conversation.objects.filter(pk=mine.pk).update(
        waiting_since=timezone.now() - timedelta(hours=30)
    )
    client.force_login(support)

    def subjects(view):
        return client.get(f"/console/inbox/?view={view}").content.decode()

    assert "Parcel question" in subjects("mine") and "Nobody&#x27;s" not in subjects("mine")
    unassigned = subjects("unassigned")
    assert "Nobody&#x27;s" in unassigned and "Parcel question" not in unassigned
    overdue = subjects("overdue")
    assert "Parcel question" in overdue and "(overdue)" in overdue and "Nobody" not in overdue


def test_assign_and_close(client, email_thread, support, writer):
    client.force_login(support)
    client.post(f"/console/inbox/{email_thread.pk}/assign", {"assigned_to": "wren"})
    client.post(f"/console/inbox/{email_thread.pk}/status", {"status": "closed"})
    email_thread.refresh_from_db()
    assert email_thread.assigned_to == writer and email_thread.status == "closed"
    assert ">About my order<" not in client.get("/console/inbox/").content.decode()
    response = client.post(f"/console/inbox/{email_thread.pk}/status", {"status": "nope"})
    assert response.status_code == 302  # refused with a message, never a 500


def test_privacy_centre_message_opens_a_conversation_for_the_owner(customer, sales):
    customer.owner = sales
    customer.save()
    conversation = inbox_services.receive_privacy_message(customer, "Please stop calling me.")
    assert conversation.channel == "privacy" and conversation.assigned_to == sales
    assert conversation.entries.get().text == "Please stop calling me."
    with pytest.raises(DomainError) as error:
        inbox_services.receive_privacy_message(customer, "   ")
    assert error.value.field == "text"


def test_person_page_lists_their_conversations(client, email_thread, support, customer):
    client.force_login(support)
    body = client.get(f"/console/people/{customer.pk}/").content.decode()
    assert "About my order" in body


def test_a_role_without_the_capability_is_refused(client, marketer):
    client.force_login(marketer)
    assert client.get("/console/inbox/").status_code == 403


def test_reply_needs_a_real_sender_address(email_thread, db):
    staff = factories.make_staff("nomail", "support", email="nomail@sincerely.test")
    staff.email = ""
    staff.save()
    with pytest.raises(DomainError) as error:
        inbox_services.reply_by_email(email_thread, "hello", staff)
    assert error.value.field == "from"


def test_merging_people_moves_their_conversations(customer, email_thread):
    from sincerely.people.services import merge_people

    survivor = factories.make_person("cara.work@example.com")
    merge_people(survivor, customer, None)
    email_thread.refresh_from_db()
    assert email_thread.person == survivor


def test_reply_in_place_with_htmx_swaps_the_thread(client, email_thread, support):
    client.force_login(support)
    response = client.post(
        f"/console/inbox/{email_thread.pk}/reply",
        {"channel": "email", "text": "On its way."},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and body.startswith('<div id="thread">')
    assert "On its way." in body and "Your reply is sent from your own address." in body
    refused = client.post(
        f"/console/inbox/{email_thread.pk}/reply", {"text": ""}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "write a reply first" in refused
