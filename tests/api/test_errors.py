"""API errors through HTTP: NUL bytes, non-object PATCH bodies, bad values inside a body.

Each is a 422 naming the field (never a 400, a 404 or a 500); an unknown id in the path
stays 404; the schema documents every error status with the error body.
"""

from __future__ import annotations

import orjson
import pytest
from django.test import Client

from tests import factories

EVIDENCE = {"source_kind": "self_declared", "source_ref": "signup form"}


@pytest.fixture
def admin_api(db):
    return factories.ApiClient(factories.make_staff("ada", "admin"))


@pytest.fixture
def ana(db):
    newsletter = factories.make_list("newsletter", "Newsletter", "newsletter")
    return factories.make_person("ana@example.com", on_list=newsletter)


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        (
            "post",
            "/people",
            {"email": "a@example.com", "first_name": "A\x00", "evidence": EVIDENCE},
            "first_name",
        ),
        (
            "post",
            "/people",
            {"email": "a@example.com", "facts": {"city": "x\x00y"}, "evidence": EVIDENCE},
            "facts.city",
        ),
        (
            "post",
            "/people",
            {"email": "a@example.com", "evidence": {**EVIDENCE, "source_ref": "\x00"}},
            "evidence.source_ref",
        ),
        ("post", "/lists", {"slug": "ok", "name": "N\x00", "purpose": "newsletter"}, "name"),
        ("post", "/campaigns/lint", {"text": "hello\x00"}, "text"),
        (
            "post",
            "/segments/preview",
            {"rules": {"all": [{"type": "fact", "key": "a\x00"}]}},
            "rules.all[0].key",
        ),
    ],
)
def test_nul_in_any_body_string_is_a_422_naming_the_field(admin_api, method, path, body, field):
    status, answer = getattr(admin_api, method)(path, body)
    assert status == 422, answer
    assert answer["field"] == field and "NUL" in answer["detail"]


def test_nul_in_a_query_value_is_a_422_naming_it(admin_api, ana):
    status, answer = admin_api.get("/people", q="an\x00a")
    assert (status, answer["field"]) == (422, "q")


@pytest.mark.parametrize("body", [[1, 2], "text", 42, None, True])
def test_patch_with_a_body_that_is_not_an_object_is_a_422(admin_api, ana, body):
    for path in (f"/people/{ana.pk}", "/segments/nobody"):
        status, answer = admin_api.patch(path, orjson.dumps(body))
        assert status == 422, (path, answer)
        assert answer["field"] == "body"


def test_unknown_values_inside_a_body_are_422_but_an_unknown_path_id_is_404(admin_api, ana):
    member = {"email": "ana@example.com", "reason": "asked", "evidence": EVIDENCE}
    status, answer = admin_api.post("/lists/no-such-list/members", member)
    assert (status, answer["field"]) == (404, "slug")
    status, answer = admin_api.post(
        "/lists/newsletter/members", {**member, "email": "ghost@example.com"}
    )
    assert (status, answer["field"]) == (422, "email")
    status, answer = admin_api.post(
        "/campaigns",
        {"name": "N", "list": "no-such-list", "sender": "ada", "subject": "S", "text": "T"},
    )
    assert (status, answer["field"]) == (422, "list")
    status, answer = admin_api.post("/messages", {"person": 999999, "subject": "S", "text": "T"})
    assert (status, answer["field"]) == (422, "person")
    assert admin_api.get("/people/999999")[0] == 404
    assert admin_api.get("/people/not-a-number")[0] == 404


def test_unknown_fields_are_refused_as_the_schema_says(admin_api):
    status, answer = admin_api.post(
        "/lists", {"slug": "ok", "name": "N", "purpose": "newsletter", "colour": "red"}
    )
    assert (status, answer["field"]) == (422, "colour")
    schema = orjson.loads(Client().get("/api/v1/openapi.json").content)
    assert schema["components"]["schemas"]["ListIn"]["additionalProperties"] is False


def test_every_operation_documents_every_error_with_the_error_body(db):
    schema = orjson.loads(Client().get("/api/v1/openapi.json").content)
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            for status in ("400", "401", "403", "404", "409", "413", "422", "429"):
                body = spec["responses"][status]["content"]["application/json"]["schema"]
                assert body == {"$ref": "#/components/schemas/ErrorOut"}, (method, path, status)
    error = schema["components"]["schemas"]["ErrorOut"]
    assert error["required"] == ["detail"] and {"field", "errors"} <= set(error["properties"])
