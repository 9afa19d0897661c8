"""POST /api/v1/events and GET /api/v1/people/{id}/timeline, as an integrator sees them."""

from __future__ import annotations

import pytest

from sincerely.people.models import Identity
from sincerely.timeline.models import Touchpoint
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_a_batch_keeps_good_events_and_names_each_bad_one(api):
    person = make_person("ana@example.com")
    status, body = api.post(
        "/events",
        {
            "events": [
                {
                    "id": "e1",
                    "kind": "page_view",
                    "person": {"email": "ANA@example.com"},
                    "url": "https://shop.example/p/1",
                    "at": "2024-03-02T10:15:00Z",
                },
                {"kind": "purchase", "person": {"id": person.pk}, "properties": {"total": "12.00"}},
                {"kind": "page_view"},
                {"kind": "Not A Kind", "visitor": "visitor-0001"},
                {"kind": "note", "person": {"email": "nobody@example.com"}},
                {"kind": "meeting", "person": {"id": person.pk}, "at": "yesterday"},
                "not an object",
            ]
        },
    )
    assert status == 202
    assert body["received"] == 7
    assert body["accepted"] == 2
    assert body["rejected"] == 5
    by_index = {e["index"]: e for e in body["errors"]}
    assert set(by_index) == {2, 3, 4, 5, 6}
    assert by_index[2]["field"] == "person"
    assert by_index[3]["field"] == "kind"
    assert by_index[4]["field"] == "person.email"
    assert by_index[5]["field"] == "at"
    kinds = sorted(Touchpoint.objects.filter(person=person).values_list("kind", flat=True))
    assert kinds == ["page_view", "purchase"]


def test_a_retried_batch_counts_once(api):
    person = make_person("ben@example.com")
    batch = {
        "events": [
            {"id": f"order-{n}", "kind": "page_view", "person": {"id": person.pk}} for n in range(5)
        ]
        + [{"id": "order-0", "kind": "page_view", "person": {"id": person.pk}}]
    }
    status, first = api.post("/events", batch)
    assert status == 202
    assert (first["accepted"], first["duplicates"]) == (5, 1)
    status, again = api.post("/events", batch)
    assert (again["accepted"], again["duplicates"]) == (0, 6)
    assert Touchpoint.objects.filter(person=person).count() == 5


def test_batch_level_problems_refuse_the_batch(api):
    status, body = api.post("/events", b"{not json")
    assert status == 422 and body["field"] == "events"
    status, body = api.post("/events", {"events": {"kind": "x"}})
    assert status == 422 and body["field"] == "events"
    too_many = {"events": [{"kind": "page_view", "visitor": "visitor-0001"}] * 1001}
    status, body = api.post("/events", too_many)
    assert status == 422 and "1000" in body["detail"].replace(",", "")
    assert Touchpoint.objects.count() == 0


def test_ingest_needs_the_capability(sales):
    from tests.factories import ApiClient

    status, body = ApiClient(sales).post("/events", {"events": []})
    assert status == 403


def test_an_event_with_person_and_visitor_stitches_earlier_anonymous_history(api):
    person = make_person("cleo@example.com")
    api.post(
        "/events",
        {
            "events": [
                {"kind": "page_view", "visitor": "visitor-cleo-1", "url": "/pricing"},
                {"kind": "page_view", "visitor": "visitor-cleo-1", "url": "/features"},
            ]
        },
    )
    assert Touchpoint.objects.filter(person=person).count() == 0
    status, body = api.post(
        "/events",
        {
            "events": [
                {
                    "kind": "form_submit",
                    "visitor": "visitor-cleo-1",
                    "person": {"email": "cleo@example.com"},
                }
            ]
        },
    )
    assert status == 202
    urls = set(Touchpoint.objects.filter(person=person).values_list("url", flat=True))
    assert urls == {"/pricing", "/features", ""}
    assert Identity.objects.filter(person=person, kind="visitor", value="visitor-cleo-1").exists()
    # Later anonymous events of that visitor land on the person's timeline directly.
    api.post("/events", {"events": [{"kind": "page_view", "visitor": "visitor-cleo-1"}]})
    assert Touchpoint.objects.filter(person=person).count() == 4


def test_timeline_is_newest_first_paged_and_filterable(api):
    person = make_person("dan@example.com")
    events = [
        {
            "kind": "page_view" if n % 3 else "note",
            "person": {"id": person.pk},
            "at": f"2024-01-{n + 1:02d}T09:00:00Z",
        }
        for n in range(25)
    ]
    api.post("/events", {"events": events})
    status, page1 = api.get(f"/people/{person.pk}/timeline", limit=10)
    assert status == 200
    ats = [item["at"] for item in page1["items"]]
    assert len(ats) == 10 and ats == sorted(ats, reverse=True)
    assert ats[0].startswith("2024-01-25")
    seen = list(ats)
    cursor = page1["next"]
    while cursor:
        status, page = api.get(f"/people/{person.pk}/timeline", limit=10, before=cursor)
        seen += [item["at"] for item in page["items"]]
        cursor = page["next"]
    assert len(seen) == 25 and len(set(seen)) == 25
    status, notes = api.get(f"/people/{person.pk}/timeline", kind="note")
    assert {i["kind"] for i in notes["items"]} == {"note"} and len(notes["items"]) == 9


def test_timeline_errors_name_the_field(api):
    person = make_person("eve@example.com")
    status, body = api.get(f"/people/{person.pk}/timeline", before="garbage!")
    assert status == 422 and body["field"] == "before"
    status, body = api.get(f"/people/{person.pk}/timeline", limit=0)
    assert status == 422 and body["field"] == "limit"
    status, body = api.get("/people/999999/timeline")
    assert status == 404


def test_record_touchpoint_counts_a_retried_call_once():
    from sincerely.timeline.services import record_touchpoint

    person = make_person("fay@example.com")
    first = record_touchpoint(person, "email_sent", client_event_id="message-7-sent")
    again = record_touchpoint(person, "email_sent", client_event_id="message-7-sent")
    assert again.pk == first.pk
    assert Touchpoint.objects.filter(person=person).count() == 1
