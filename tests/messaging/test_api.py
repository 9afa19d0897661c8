"""The campaigns API exactly as issue 4's Interfaces section fixes it."""

from __future__ import annotations

import pytest

from sincerely.messaging.models import Campaign, Message
from tests.messaging.conftest import GUARDED_TEXT

ISSUE_EXAMPLE = (
    "Hi Anna, it was great meeting you at Web Summit — you seemed really excited about "
    "our analytics module."
)


@pytest.mark.django_db
def test_create_preview_send(api, marketer, web_summit_list, django_capture_on_commit_callbacks):
    status, body = api.post(
        "/campaigns",
        {
            "name": "Launch",
            "list": "newsletter",
            "sender": marketer.username,
            "subject": "News",
            "text": "Hi {{ person.first_name }}!\n" + GUARDED_TEXT,
        },
    )
    assert status == 201, body
    assert body["findings"] == [] and body["status"] == "draft"
    campaign_id = body["id"]
    status, preview = api.get(f"/campaigns/{campaign_id}/preview")
    assert status == 200
    assert preview == {
        "ready": 2,
        "held_back": 1,
        "held_back_by_reason": {"no value for person.first_name and no fallback": 1},
    }
    anna = web_summit_list["anna"].pk
    status, one = api.get(f"/campaigns/{campaign_id}/preview", person=anna)
    assert "great meeting you at Web Summit" in one["render"]["text"]
    assert {e.get("kind") for e in one["render"]["ledger"]} >= {"attended"}
    with django_capture_on_commit_callbacks(execute=True):
        status, sent = api.post(f"/campaigns/{campaign_id}/send", {})
    assert status == 202 and sent["status"] == "queued"
    assert Campaign.objects.get(pk=campaign_id).status == Campaign.Status.QUEUED
    # The worker's job was queued in the durable queue.
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.filter(task_path__endswith="prepare_campaign_task").exists()


@pytest.mark.django_db
def test_send_refused_with_findings_while_a_claim_is_unguarded(api, marketer, newsletter):
    status, body = api.post(
        "/campaigns",
        {
            "name": "Bad",
            "list": "newsletter",
            "sender": marketer.username,
            "subject": "Hi",
            "text": "Hello!\n" + ISSUE_EXAMPLE,
        },
    )
    assert status == 201
    assert {f["kind"] for f in body["findings"]} == {"meeting", "interest"}
    assert body["findings"][0]["line"] == 2
    status, refused = api.post(f"/campaigns/{body['id']}/send", {})
    assert status == 422
    assert refused["findings"][0]["sentence"] == ISSUE_EXAMPLE
    assert refused["field"] == "text" and refused["line"] == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"list": "nope"}, "list"),
        ({"sender": "ghost"}, "sender"),
        ({"text": "{% if %}"}, "text"),
        ({"subject": ""}, "subject"),
        ({"name": ""}, "name"),
        ({"language": "x1"}, "language"),
    ],
)
def test_bad_input_names_the_field(api, marketer, newsletter, change, field):
    payload = {
        "name": "N",
        "list": "newsletter",
        "sender": marketer.username,
        "subject": "S",
        "text": "T",
    } | change
    status, body = api.post("/campaigns", payload)
    assert status in (404, 422), body
    assert body["field"] == field


@pytest.mark.django_db
def test_lint_endpoint_and_roles(api, author, newsletter):
    status, body = api.post("/campaigns/lint", {"text": "As promised, the slides."})
    assert status == 200 and body["findings"][0]["kind"] == "promise"
    from tests.factories import ApiClient

    status, _ = ApiClient(author).post("/campaigns/lint", {"text": "x"})
    assert status == 403


@pytest.mark.django_db
def test_one_to_one_message_via_api(api, marketer):
    from tests.factories import make_person

    person = make_person("one@example.com", facts={"first_name": "Uma"}, consent="sales_contact")
    status, body = api.post(
        "/messages",
        {"person": person.pk, "subject": "Hello {{ person.first_name }}", "text": "A note."},
    )
    assert status == 201
    assert Message.objects.get(pk=body["id"]).subject == "Hello Uma"
    status, body = api.post(
        "/messages", {"person": person.pk, "subject": "Hi", "text": "As we discussed, hi."}
    )
    assert status == 422 and body["findings"][0]["kind"] == "conversation"
