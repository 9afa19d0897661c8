"""The people API: bearer keys, roles, and errors that name the field — never a 500."""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

EVIDENCE = {"source_kind": "self_declared", "source_ref": "signup form"}


def test_create_read_and_search_a_person(api):
    status, body = api.post(
        "/people",
        {
            "email": "Anna@Example.com",
            "first_name": "Anna",
            "company": "Acme",
            "evidence": EVIDENCE,
        },
    )
    assert status == 201
    assert body["email"] == "anna@example.com"
    facts = {f["key"]: f for f in body["facts"]}
    assert facts["company"]["source_ref"] == "signup form"
    assert facts["company"]["recorded_by"] == "mara"
    status, found = api.get("/people", email="ANNA@example.com")
    assert status == 200 and found["items"][0]["id"] == body["id"]
    status, one = api.get(f"/people/{body['id']}")
    assert one["display_name"] == "Anna"


def test_patch_facts_and_owner(api, sales):
    person = factories.make_person("b@example.com", facts={"company": "Old"})
    status, body = api.patch(f"/people/{person.pk}", {"facts": {"company": "New"}, "owner": "sam"})
    assert status == 200 and body["owner"] == "sam"
    assert {f["key"]: f["value"] for f in body["facts"]}["company"] == "New"
    # An unknown user inside the body is a bad value (422), not a missing page.
    status, body = api.patch(f"/people/{person.pk}", {"owner": "nobody-here"})
    assert status == 422 and body["field"] == "owner"


def test_facts_and_consents_endpoints(api):
    person = factories.make_person("c@example.com")
    status, fact = api.post(
        f"/people/{person.pk}/facts",
        {
            "key": "attended_event",
            "value": "Web Summit 2023",
            "evidence": {"source_kind": "imported", "source_ref": "web-summit-scans.csv"},
        },
    )
    assert status == 201 and fact["source_kind"] == "imported"
    status, consent = api.post(
        f"/people/{person.pk}/consents",
        {
            "purpose": "newsletter",
            "granted": True,
            "where": "stand",
            "wording": "Send me the newsletter",
        },
    )
    assert status == 201 and consent["status"] == "granted"


def test_list_membership_round_trip(api, newsletter):
    person = factories.make_person("d@example.com", consent="newsletter")
    status, body = api.post(
        "/lists/newsletter/members",
        {"email": "d@example.com", "reason": "asked at the stand", "evidence": EVIDENCE},
    )
    assert status == 201 and body["list"] == "newsletter"
    status, lists = api.get("/lists")
    assert lists[0]["members"] == 1
    status, body = api.delete("/lists/newsletter/members", email="d@example.com")
    assert status == 200 and body["left_at"]
    status, lists = api.get("/lists")
    assert lists[0]["members"] == 0
    assert person.pk


@pytest.mark.parametrize(
    ("path", "payload", "status", "field"),
    [
        ("/people", {"email": "nope", "evidence": EVIDENCE}, 422, "email"),
        ("/people", {"email": "x@example.com"}, 422, "evidence"),
        ("/people", {"email": 42, "evidence": EVIDENCE}, 422, "email"),
        (
            "/people",
            {"email": "x@example.com", "evidence": {"source_kind": "gossip", "source_ref": "pub"}},
            422,
            "evidence.source_kind",
        ),
        ("/people", [1, 2], 422, ""),
        (
            "/lists/missing/members",
            {"email": "x@example.com", "reason": "r", "evidence": EVIDENCE},
            404,
            "slug",
        ),
        ("/lists", {"slug": "Bad Slug", "name": "x", "purpose": "newsletter"}, 422, "slug"),
        ("/lists", {"slug": "ok", "name": "x", "purpose": "spam"}, 422, "purpose"),
    ],
)
def test_bad_payloads_name_the_field(api, newsletter, path, payload, status, field):
    got, body = api.post(path, payload)
    assert got == status, body
    assert "detail" in body
    if field:
        assert body["field"] == field


def test_malformed_json_is_a_400_not_a_500(api):
    status, body = api.post("/people", b"{not json")
    assert status == 400 and "parse" in body["detail"]


def test_unknown_person_is_404(api):
    status, body = api.get("/people/999999")
    assert status == 404 and body["field"] == "id"


def test_keys_are_required_and_roles_apply(client, author):
    response = client.get("/api/v1/people")
    assert response.status_code == 401
    author_api = factories.ApiClient(author)
    status, body = author_api.get("/people")
    assert status == 403 and "author" in body["detail"]


def test_openapi_schema_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/people/{person_id}/facts" in response.json()["paths"]
