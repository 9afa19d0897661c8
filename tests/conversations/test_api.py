"""The posts API: create, list, read and change posts with a bearer key, like Ghost's admin API."""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def author_api(writer):
    return factories.ApiClient(writer)


def test_create_then_publish_through_the_api(author_api, client):
    status, body = author_api.post(
        "/posts",
        {"title": "API post", "body": "Hello *world*", "author": "wren", "status": "draft",
         "tags": ["api"]},
    )  # fmt: skip
    assert status == 201, body
    assert body["status"] == "draft" and body["is_live"] is False
    assert body["html"] == "<p>Hello <em>world</em></p>\n"
    assert body["author_name"] == "Wren Okafor"
    assert client.get(body["url"]).status_code == 404
    status, body = author_api.patch(f"/posts/{body['id']}", {"status": "published"})
    assert status == 200 and body["is_live"] is True
    assert client.get(body["url"]).status_code == 200
    status, listing = author_api.get("/posts")
    assert status == 200 and [p["title"] for p in listing] == ["API post"]
    status, one = author_api.get(f"/posts/{body['id']}")
    assert status == 200 and one["tags"] == ["api"]


def test_bad_input_names_the_field(author_api):
    status, body = author_api.post("/posts", {"title": "x", "author": "wren", "status": "live"})
    assert status == 422 and body["field"] == "status"
    # Naming another author (known or not) is refused to an author: only their own name.
    status, body = author_api.post("/posts", {"title": "x", "author": "ghost"})
    assert status == 403 and body["field"] == "author"
    status, body = author_api.post("/posts", {"author": "wren"})
    assert status == 422 and body["field"] == "title"
    status, body = author_api.post("/posts", {"title": "", "author": "wren"})
    assert status == 422 and body["field"] == "title"
    status, body = author_api.patch("/posts/999", {"title": "x"})
    assert status == 404


def test_a_marketer_key_cannot_write_posts(api, writer):
    status, body = api.post("/posts", {"title": "x", "author": "wren"})
    assert status == 403
