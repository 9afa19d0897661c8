"""The person page's timeline panel, logging a call, and the attribution report."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from sincerely.people.services import assign_owner, erase_person, merge_people
from sincerely.privacy.services import export_person
from sincerely.timeline.imports import import_purchases
from sincerely.timeline.models import Touchpoint
from sincerely.timeline.services import identify_visitor, record_touchpoint
from tests.factories import make_person
from tests.html import parse

pytestmark = pytest.mark.django_db


def _visit(person, url, title, at, **utm):
    return record_touchpoint(
        person, "page_view", at=at, url=url, properties={"title": title, **utm}
    )


def test_before_you_call_summary(console, sales, newsletter):
    person = make_person("ana@example.com", on_list=newsletter)
    assign_owner(person, "sam", None)
    now = timezone.now()
    _visit(
        person,
        "https://shop.example/",
        "Home",
        now - timedelta(days=9),
        utm_campaign="spring-sale",
        utm_source="google",
        utm_medium="cpc",
    )
    for n in range(7):
        _visit(person, f"https://shop.example/p/{n}", f"Product {n}", now - timedelta(hours=10 - n))
    bought = (now - timedelta(days=2)).isoformat()
    import_purchases(
        io.BytesIO(
            b"order_id,email,sku,product_name,quantity,unit_price,currency,at\n"
            + f"O1,ana@example.com,MUG-1,Blue mug,2,4.50,GBP,{bought}\n".encode()
        ),
        filename="o.csv",
        source="shop",
    )
    html = console.get(f"/console/people/{person.pk}/").content.decode()
    assert "Before you call" in html
    assert "spring-sale" in html and "google / cpc" in html
    assert "Product 6" in html and "Product 2" in html
    summary = html.split('id="byc-h"')[1].split('id="timeline-h"')[0]
    assert "Product 1" not in summary  # only the last five pages
    assert "Blue mug" in summary and "9.00 GBP over 1 order" in summary
    assert "Sam" in summary
    assert "Newsletter" in summary or "newsletter" in summary


def test_timeline_panel_filters_and_scrolls(console):
    person = make_person("ben@example.com")
    now = timezone.now()
    for n in range(60):
        _visit(person, f"https://shop.example/{n}", f"Page {n}", now - timedelta(minutes=n))
    record_touchpoint(
        person, "note", at=now - timedelta(minutes=30), properties={"text": "Asked for a quote"}
    )
    html = console.get(f"/console/people/{person.pk}/").content.decode()
    assert "Page 0" in html and "Page 55" not in html
    assert 'hx-trigger="revealed"' in html
    cursor = html.split("?before=")[1].split('"')[0].split("&")[0]
    more = console.get(
        f"/console/people/{person.pk}/timeline/?before={cursor}", HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Page 55" in more and "Page 0<" not in more and "<html" not in more
    notes = console.get(
        f"/console/people/{person.pk}/timeline/?kind=note", HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Asked for a quote" in notes and "Page 1" not in notes


def test_sales_log_a_call_without_reload(sales):
    person = make_person("cleo@example.com")
    client = Client(enforce_csrf_checks=True)
    client.force_login(sales)
    page = client.get(f"/console/people/{person.pk}/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        f"/console/people/{person.pk}/timeline/log/",
        {"kind": "call", "text": "Called about <b>renewal</b>; wants a demo"},
        HTTP_HX_REQUEST="true",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert fragment.lstrip().startswith("<li")
    assert "&lt;b&gt;renewal&lt;/b&gt;" in fragment
    call = Touchpoint.objects.get(person=person, kind="call")
    assert call.recorded_by == sales and call.properties["by"] == "Sam"
    empty = client.post(
        f"/console/people/{person.pk}/timeline/log/",
        {"kind": "call", "text": "  "},
        HTTP_HX_REQUEST="true",
        HTTP_X_CSRFTOKEN=token,
    )
    assert empty["HX-Retarget"] == "#log-error" and "write what was said" in empty.content.decode()
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(sales)
    assert (
        forged.post(
            f"/console/people/{person.pk}/timeline/log/", {"kind": "note", "text": "x"}
        ).status_code
        == 403
    )


def test_roles_without_timeline_log_cannot_log(author):
    person = make_person("dan@example.com")
    client = Client()
    client.force_login(author)
    response = client.post(
        f"/console/people/{person.pk}/timeline/log/", {"kind": "note", "text": "x"}
    )
    assert response.status_code == 403
    assert not Touchpoint.objects.exists()


def test_attribution_report(console):
    now = timezone.now()
    ana = make_person("ana@example.com")
    ben = make_person("ben@example.com")
    _visit(
        None,
        "https://shop.example/?utm_campaign=spring",
        "L",
        now - timedelta(days=40),
        utm_campaign="spring",
        utm_source="google",
    )
    Touchpoint.objects.filter(person__isnull=True).update(visitor_id="visitor-ana-1")
    identify_visitor("visitor-ana-1", ana, how="test")
    record_touchpoint(
        None,
        "page_view",
        visitor_id="visitor-anon-2",
        at=now - timedelta(days=3),
        properties={"utm_campaign": "spring"},
    )
    record_touchpoint(
        ben,
        "page_view",
        at=now - timedelta(days=5),
        properties={"utm_campaign": "autumn", "utm_source": "newsletter"},
    )
    record_touchpoint(ana, "purchase", at=now - timedelta(days=20), properties={"total": "50.00"})
    record_touchpoint(ana, "purchase", at=now - timedelta(days=1), properties={"total": "70.00"})
    record_touchpoint(ben, "purchase", at=now - timedelta(days=2), properties={"total": "15.50"})
    response = console.get("/console/attribution/")
    assert response.status_code == 200
    page = parse(response.content)
    assert page.find_all("svg")
    rows = {cells[0]: cells[1:] for cells in page.find("table").rows()}
    # campaign: sources, visitors, people, purchases, revenue
    assert rows["spring"][1:] == ["2", "1", "1", "50.00"]
    assert rows["autumn"][1:] == ["1", "1", "1", "15.50"]


def test_export_merge_and_erasure(console):
    ana = make_person("ana@example.com")
    dup = make_person("ana.work@example.com")
    record_touchpoint(None, "page_view", visitor_id="visitor-ana-9", url="https://shop.example/x")
    identify_visitor("visitor-ana-9", dup, how="test")
    record_touchpoint(dup, "note", properties={"text": "met at fair"})
    merge_people(ana, dup, None)
    data = export_person(ana)
    assert {t["kind"] for t in data["timeline"]} == {"page_view", "note"}
    assert "purchases" in data
    record_touchpoint(None, "page_view", visitor_id="visitor-ana-9")  # joins ana directly
    record_touchpoint(None, "page_view", visitor_id="visitor-other-1")
    erase_person(ana, None, requested_via="test")
    assert list(Touchpoint.objects.values_list("visitor_id", flat=True)) == ["visitor-other-1"]
