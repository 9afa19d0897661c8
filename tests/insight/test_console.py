"""The console rule builder: live size while editing (htmx), add rows, save, edit, refresh."""

from __future__ import annotations

import pytest

from sincerely.insight.models import Segment

pytestmark = pytest.mark.django_db


def row(i: int, **fields) -> dict:
    return {f"c{i}_{k}": v for k, v in fields.items()}


def test_live_size_while_editing(console, crowd):
    form = {
        "rows": "2",
        "match": "all",
        **row(0, type="touchpoint", subject="page_view", value="/pricing", days="14"),
        **row(1, type="list", subject="newsletter", negate="on"),
    }
    response = console.post("/console/segments/preview/", form, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert '<strong class="stat">1</strong> person matches' in body
    assert "page_view of /pricing in the last 14 days and not (on the list newsletter)" in body


def test_preview_error_names_the_field(console, crowd):
    form = {"rows": "1", "match": "all", **row(0, type="touchpoint", subject="page_view", days="x")}
    body = console.post("/console/segments/preview/", form).content.decode()
    # Plain words in the console (the API keeps the rule path in `field`).
    assert "Condition 1, In the last (days): must be a whole number" in body
    assert "rules.all[0]" not in body


def test_add_a_row_then_save(console, crowd):
    form = {
        "rows": "1",
        "match": "any",
        "name": "Acme or buyers",
        "slug": "acme-or-buyers",
        **row(0, type="fact", subject="company", op="contains", value="acme"),
    }
    body = console.post("/console/segments/", {**form, "action": "add"}).content.decode()
    assert 'name="c1_type"' in body
    form.update(rows="2", **row(1, type="purchase", subject="Garden", count="2"))
    response = console.post("/console/segments/", {**form, "action": "save"})
    assert response.status_code == 302
    segment = Segment.objects.get(slug="acme-or-buyers")
    assert segment.size == 2  # anna (acme, garden twice) and cleo (acme ltd)
    page = console.get(response["Location"]).content.decode()
    assert "company contains “acme” or bought in category Garden at least 2 times" in page
    assert 'value="Garden"' in page  # the builder reopens with the saved rows


def test_advanced_json_for_nested_groups(console, crowd):
    rules = (
        '{"all": [{"type": "consent", "purpose": "newsletter"},'
        ' {"not": {"any": [{"type": "list", "list": "newsletter"}]}}]}'
    )
    response = console.post(
        "/console/segments/",
        {
            "rows": "1",
            "name": "Consented, not on list",
            "slug": "nolist",
            "rules_json": rules,
            "action": "save",
        },
    )
    assert response.status_code == 302
    assert Segment.objects.get(slug="nolist").size == 1
    page = console.get("/console/segments/nolist/").content.decode()
    assert "Rules JSON" in page and "&quot;not&quot;" in page


def test_refresh_and_delete_from_the_page(console, crowd):
    console.post(
        "/console/segments/",
        {
            "rows": "1",
            "name": "List",
            "slug": "l",
            "action": "save",
            **row(0, type="list", subject="newsletter"),
        },
    )
    response = console.post("/console/segments/l/", {"action": "refresh"}, follow=True)
    assert "0 joined, 0 left, 2 now" in response.content.decode()
    asked = console.post("/console/segments/l/", {"action": "delete"})
    assert "2 people are in it now" in asked.content.decode()
    assert Segment.objects.filter(slug="l").exists(), "the server asks before deleting"
    console.post("/console/segments/l/", {"action": "delete", "confirm": "yes"})
    assert not Segment.objects.filter(slug="l").exists()


def test_sales_sees_segments_but_cannot_edit(client, sales, crowd):
    client.force_login(sales)
    assert client.get("/console/segments/").status_code == 200
    client.post(
        "/console/segments/",
        {
            "rows": "1",
            "name": "X",
            "slug": "x",
            "action": "save",
            **row(0, type="list", subject="newsletter"),
        },
    )
    assert not Segment.objects.exists()


def test_author_cannot_see_segments(client, author):
    client.force_login(author)
    assert client.get("/console/segments/").status_code == 403
