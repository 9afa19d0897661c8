"""The same segment rules through the API: CRUD, preview, refresh, errors naming the rule path."""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

PRICING = {"type": "touchpoint", "kind": "page_view", "url_path": "/pricing", "within_days": 14}


def test_preview_counts_without_saving(api, crowd):
    status, body = api.post("/segments/preview", {"rules": {"all": [PRICING]}})
    assert status == 200
    assert body["count"] == 2
    assert body["description"] == "page_view of /pricing in the last 14 days"
    assert api.get("/segments")[1] == []


def test_create_read_update_refresh_delete(api, crowd):
    status, body = api.post(
        "/segments", {"slug": "hot", "name": "Hot leads", "rules": PRICING, "refresh_minutes": 30}
    )
    assert status == 201 and body["size"] == 2
    status, body = api.patch(
        "/segments/hot", {"rules": {"any": [PRICING, {"type": "list", "list": "newsletter"}]}}
    )
    assert status == 200 and body["size"] == 3
    status, people = api.get("/segments/hot/people")
    assert status == 200 and {p["email"] for p in people["items"]} == {
        "anna@example.com",
        "cleo@example.com",
        "eve@example.com",
    }
    status, body = api.post("/segments/hot/refresh", {})
    assert status == 200 and body == {"joined": 0, "left": 0, "size": 3}
    assert api.delete("/segments/hot")[0] == 204
    assert api.get("/segments/hot")[0] == 404


def test_errors_name_the_rule_path(api, crowd):
    status, body = api.post(
        "/segments",
        {
            "slug": "x",
            "name": "X",
            "rules": {"all": [PRICING, {"not": {"type": "fact", "op": "exists"}}]},
        },
    )
    assert status == 422
    assert body["field"] == "rules.all[1].not.key"
    status, body = api.post("/segments/preview", {"rules": "page_view"})
    assert status == 422 and body["field"] == "rules"
    status, body = api.post("/segments/preview", {})
    assert status == 422 and body["field"] == "rules"
    status, body = api.post("/segments", {"slug": "Bad Slug", "name": "X", "rules": PRICING})
    assert status == 422 and body["field"] == "slug"


def test_sales_may_read_but_not_change(crowd):
    sales_api = factories.ApiClient(factories.make_staff("sam", "sales"))
    assert sales_api.post("/segments/preview", {"rules": PRICING})[0] == 200
    assert sales_api.post("/segments", {"slug": "x", "name": "X", "rules": PRICING})[0] == 403


def test_tier_distribution(api, crowd):
    from sincerely.insight.services import compute_value_scores

    compute_value_scores()
    status, body = api.get("/tiers")
    assert status == 200
    assert sum(row["people"] for row in body) == 3  # anna, bob, dan
