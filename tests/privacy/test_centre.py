"""The privacy centre: signed expiring links; see, correct, export, withdraw, leave, erase."""

from __future__ import annotations

import json

import pytest
from django.core import mail, signing

from sincerely.people.links import SALT, privacy_token
from sincerely.people.models import Consent, Fact, Membership, Person
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(newsletter):
    return factories.make_person(
        "anna@example.com",
        facts={"first_name": "Anna", "company": "Acme"},
        on_list=newsletter,
    )


def url(person, suffix=""):
    return f"/privacy/{privacy_token(person)}/{suffix}"


def test_centre_shows_every_fact_consent_and_list_with_reasons(client, anna):
    body = client.get(url(anna)).content.decode()
    assert "Acme" in body and "signup form" in body
    assert "Yes, send me the monthly newsletter." in body
    assert "signed up on /newsletter" in body


def test_forged_and_expired_links_are_refused(client, anna, settings):
    token = privacy_token(anna)
    assert client.get(f"/privacy/{token[:-3]}xyz/").status_code == 410
    settings.PRIVACY_LINK_MAX_AGE = -1
    response = client.get(f"/privacy/{token}/")
    assert response.status_code == 410 and b"expired" in response.content
    other = signing.dumps({"p": anna.pk}, salt="something-else")
    assert client.get(f"/privacy/{other}/").status_code == 410
    assert SALT


def test_download_everything_as_json(client, anna):
    response = client.get(url(anna, "my-data.json"))
    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    facts = {f["key"]: f for f in data["facts"]}
    assert facts["company"]["evidence"]["reference"] == "signup form"
    assert data["lists"][0]["reason"] == "signed up on /newsletter"
    assert data["consents"][0]["wording"] == "Yes, send me the monthly newsletter."


def test_withdraw_leave_and_correct(client, anna, newsletter):
    client.post(url(anna, "withdraw/"), {"purpose": "newsletter"})
    assert Consent.objects.get(person=anna, is_current=True).status == "withdrawn"
    client.post(url(anna, "leave/"), {"list": "newsletter"})
    assert Membership.objects.get(person=anna).left_at is not None
    client.post(url(anna, "correct/"), {"key": "company", "value": "Acme SA"})
    fact = Fact.objects.get(person=anna, key="company", is_current=True)
    assert fact.value == "Acme SA" and fact.source_kind == "self_declared"
    response = client.post(
        url(anna, "correct/"), {"key": "credit_score", "value": "9"}, follow=True
    )
    assert b"cannot be corrected here" in response.content


def test_erase_needs_confirmation_then_forgets(client, anna):
    token = privacy_token(anna)
    assert client.get(f"/privacy/{token}/erase/").status_code == 200
    assert Person.objects.filter(pk=anna.pk).exists()
    response = client.post(f"/privacy/{token}/erase/", {"confirm": "erase"})
    assert b"erased" in response.content
    assert not Person.objects.filter(pk=anna.pk).exists()
    assert client.get(f"/privacy/{token}/").status_code == 410


def test_request_a_new_link_by_email_without_revealing_who_we_know(client, anna):
    from django_tasks_db.models import DBTaskResult

    from sincerely.privacy.tasks import send_privacy_link_task

    response = client.post("/privacy/", {"email": "ANNA@example.com"})
    assert b"on its way" in response.content
    response = client.post("/privacy/", {"email": "stranger@example.com"})
    assert b"on its way" in response.content
    assert mail.outbox == []  # mail leaves from the worker, never from the request
    # What the worker does with the two queued jobs (run here, in the test's own database
    # connection: an in-process db_worker closes it on PostgreSQL).
    jobs = DBTaskResult.objects.filter(task_path__endswith="send_privacy_link_task")
    assert jobs.count() == 2, "a known and an unknown address queue the same job"
    for job in jobs:
        send_privacy_link_task.call(*job.args_kwargs["args"], **job.args_kwargs["kwargs"])
    assert len(mail.outbox) == 1 and "/privacy/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["anna@example.com"]


def test_link_requests_are_rate_limited(client, anna):
    for _ in range(3):
        client.post("/privacy/", {"email": "anna@example.com"})
    assert client.post("/privacy/", {"email": "anna@example.com"}).status_code == 429


def test_privacy_pages_need_csrf(anna):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(url(anna, "withdraw/"), {"purpose": "newsletter"})
    assert response.status_code == 403


def test_write_to_us_opens_a_conversation_for_the_owner(client, anna, sales):
    from sincerely.conversations.models import Conversation

    anna.owner = sales
    anna.save()
    response = client.post(
        url(anna, "write/"), {"text": "Why do you have my company?"}, follow=True
    )
    assert b"A named person from our team will answer you" in response.content
    conversation = Conversation.objects.get(person=anna)
    assert conversation.channel == "privacy" and conversation.assigned_to == sales
    assert conversation.entries.get().text == "Why do you have my company?"
