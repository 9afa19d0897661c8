"""The public collect endpoint the snippet posts to, and the snippet itself at /t.js."""

from __future__ import annotations

import orjson
import pytest
from django.test import Client

from sincerely.people.models import Identity
from sincerely.timeline.models import Touchpoint
from sincerely.timeline.services import link_with_sid, visitor_token
from sincerely.timeline.tracking import truncate_ip
from tests.factories import make_person

pytestmark = pytest.mark.django_db
SITE = "https://www.shop.example"
VISITOR = "0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def tracked_site(settings):
    settings.TRACKING_ORIGINS = [SITE, "https://*.blog.example"]
    settings.TRACKING_RATE_LIMIT = 1000
    from django.core.cache import cache

    cache.clear()


def beacon(events, *, visitor=VISITOR, origin=SITE, ip="203.0.113.77", **headers):
    body = orjson.dumps({"visitor": visitor, "events": events})
    extra = {"HTTP_ORIGIN": origin, "REMOTE_ADDR": ip} if origin else {"REMOTE_ADDR": ip}
    extra.update(headers)
    return Client().post("/t/collect", body, content_type="text/plain", **extra)


def page_view(url, title="A page", referrer=""):
    return {"kind": "page_view", "url": url, "title": title, "referrer": referrer, "age": 10}


def test_snippet_is_served_as_javascript():
    response = Client().get("/t.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    source = response.content.decode()
    assert "sendBeacon" in source and "globalPrivacyControl" in source
    assert "data-sincerely-identify" in source and "data-require-consent" in source


def test_page_view_keeps_campaign_and_click_ids_and_a_truncated_ip():
    url = (
        f"{SITE}/spring?utm_source=google&utm_medium=cpc&utm_campaign=spring-sale"
        "&utm_content=banner&utm_term=boots&gclid=abc123&email=ana%40example.com"
    )
    response = beacon([page_view(url, "Spring boots", "https://search.example/?q=boots")])
    assert response.status_code == 204
    view = Touchpoint.objects.get(kind="page_view")
    assert view.visitor_id == VISITOR and view.person is None
    assert "email" not in view.url and "ana" not in view.url
    props = view.properties
    assert props["utm_campaign"] == "spring-sale" and props["utm_term"] == "boots"
    assert props["gclid"] == "abc123"
    assert props["title"] == "Spring boots"
    assert props["referrer"] == "https://search.example/"
    assert props["ip"] == "203.0.113.0"
    click = Touchpoint.objects.get(kind="ad_click")
    assert click.properties["network"] == "google"
    assert click.properties["utm_campaign"] == "spring-sale"


def test_ip_truncation():
    assert truncate_ip("198.51.100.200") == "198.51.100.0"
    assert truncate_ip("2001:db8:abcd:1234:5678::1") == "2001:db8:abcd::"
    assert truncate_ip("::ffff:192.0.2.9") == "192.0.2.0"
    assert truncate_ip("not an ip") == ""


def test_origins_not_on_the_allow_list_are_refused():
    assert beacon([page_view(f"{SITE}/")], origin="https://evil.example").status_code == 403
    assert beacon([page_view(f"{SITE}/")], origin="").status_code == 403
    assert beacon([page_view(f"{SITE}/")], origin="https://news.blog.example").status_code == 204
    assert Touchpoint.objects.count() == 1


def test_do_not_track_and_gpc_record_nothing():
    assert beacon([page_view(f"{SITE}/")], HTTP_DNT="1").status_code == 204
    assert beacon([page_view(f"{SITE}/")], HTTP_SEC_GPC="1").status_code == 204
    assert Touchpoint.objects.count() == 0


def test_a_page_cannot_claim_a_purchase_or_a_note_and_forms_keep_no_contents():
    response = beacon(
        [
            {"kind": "purchase", "properties": {"total": "999"}},
            {"kind": "note", "properties": {"text": "hi"}},
            {
                "kind": "form_submit",
                "url": f"{SITE}/signup",
                "form": "signup",
                "action": f"{SITE}/thanks?email=a%40b.example&company=Acme",
                "email": "a@b.example",
                "company": "Acme",
            },
        ]
    )
    assert response.status_code == 204
    rows = list(Touchpoint.objects.values_list("kind", "properties"))
    assert [kind for kind, _ in rows] == ["form_submit"]
    assert "a@b.example" not in orjson.dumps(rows[0][1]).decode()
    assert "email" not in orjson.dumps(rows[0][1]).decode()


def test_size_and_rate_limits(settings):
    big = [page_view(f"{SITE}/" + "x" * 1500)] * 50
    assert beacon(big).status_code == 413
    settings.TRACKING_RATE_LIMIT = 3
    codes = [beacon([page_view(f"{SITE}/")], ip="192.0.2.1").status_code for _ in range(5)]
    assert codes == [204, 204, 204, 429, 429]
    assert beacon([page_view(f"{SITE}/")], ip="192.0.2.2").status_code == 204


def test_garbage_is_a_400_not_a_500():
    response = Client().post("/t/collect", b"\xff{", content_type="text/plain", HTTP_ORIGIN=SITE)
    assert response.status_code == 400
    assert beacon([page_view(f"{SITE}/")], visitor="short").status_code == 400


def test_identify_by_email_stitches_earlier_anonymous_page_views():
    person = make_person("ana@example.com")
    beacon([page_view(f"{SITE}/a?utm_campaign=spring-sale", "A")])
    beacon([page_view(f"{SITE}/b", "B")])
    assert Touchpoint.objects.filter(person=person).count() == 0
    beacon([{"kind": "identify", "email": " Ana@Example.com "}])
    titles = set(
        Touchpoint.objects.filter(person=person).values_list("properties__title", flat=True)
    )
    assert titles == {"A", "B"}
    assert Identity.objects.filter(person=person, kind="visitor", value=VISITOR).exists()
    beacon([page_view(f"{SITE}/c", "C")])
    assert Touchpoint.objects.filter(person=person, kind="page_view").count() == 3


def test_identify_with_an_unknown_email_creates_no_one():
    beacon([page_view(f"{SITE}/a")])
    beacon([{"kind": "identify", "email": "stranger@example.com"}])
    assert not Identity.objects.filter(kind="visitor").exists()
    assert Touchpoint.objects.filter(person__isnull=False).count() == 0


def test_signed_link_identifies_and_a_forged_one_does_not():
    person = make_person("ben@example.com")
    beacon([page_view(f"{SITE}/before")])
    beacon([{"kind": "identify", "sid": visitor_token(person) + "x"}])
    assert Touchpoint.objects.filter(person=person).count() == 0
    beacon([{"kind": "identify", "sid": visitor_token(person)}, page_view(f"{SITE}/landing")])
    assert Touchpoint.objects.filter(person=person).count() == 2


def test_links_in_mail_carry_a_sid_that_identifies():
    person = make_person("cleo@example.com")
    link = link_with_sid(f"{SITE}/spring?utm_campaign=spring-sale#top", person)
    assert link.startswith(f"{SITE}/spring?utm_campaign=spring-sale&sid=") and link.endswith("#top")
    sid = link.split("sid=")[1].split("#")[0]
    from urllib.parse import unquote

    beacon([{"kind": "identify", "sid": unquote(sid)}, page_view(f"{SITE}/spring")])
    assert Touchpoint.objects.filter(person=person, kind="page_view").count() == 1
