""" "Not for me" from a signed link: confirm on GET, record on POST, no account, CSRF on."""

from __future__ import annotations

import pytest
from django.core import signing
from django.test import Client

from sincerely.offers.links import SALT, not_for_me_url
from sincerely.offers.models import OfferRejection
from sincerely.offers.queries import top_offers
from sincerely.offers.services import train_recommendations

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_get_asks_and_changes_nothing_post_records(shop):
    train_recommendations()
    offer = top_offers(shop["newcomer"], 1)[0]
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(path_of(not_for_me_url(offer)))
    body = page.content.decode()
    assert page.status_code == 200 and "Sleeping mat" in body
    assert "and nothing from Camping either" in body
    assert not OfferRejection.objects.exists()

    refused = browser.post(path_of(not_for_me_url(offer)), {})
    assert refused.status_code == 403  # no CSRF token: a forged cross-site post fails

    token = browser.cookies["csrftoken"].value
    done = browser.post(
        path_of(not_for_me_url(offer)), {"csrfmiddlewaretoken": token, "whole_category": "yes"}
    )
    assert done.status_code == 200
    assert "nor anything else in <strong>Camping</strong>" in done.content.decode()
    rejection = OfferRejection.objects.get()
    assert (rejection.person, rejection.scope, rejection.category) == (
        shop["newcomer"],
        "category",
        "Camping",
    )
    assert all(o.product.category != "Camping" for o in top_offers(shop["newcomer"], 10))
    touchpoint = shop["newcomer"].touchpoints.get(kind="offer_rejected")
    assert touchpoint.properties["sku"] == "MAT" and touchpoint.properties["via"] == "email link"


def test_forged_or_foreign_tokens_are_refused(shop):
    client = Client()
    forged = signing.dumps({"p": shop["newcomer"].pk, "o": 1}, salt="another.salt")
    response = client.get(f"/offers/not-for-me/{forged}/")
    assert response.status_code == 400 and "not valid" in response.content.decode()
    response = client.post("/offers/not-for-me/garbage/", {})
    assert response.status_code in (400, 403)
    gone = signing.dumps({"p": 999999, "o": 1}, salt=SALT, compress=True)
    assert client.get(f"/offers/not-for-me/{gone}/").status_code == 400
    assert not OfferRejection.objects.exists()


def test_api_offers_and_rejection_on_behalf(api, shop):
    train_recommendations()
    status, offers = api.get(f"/offers/people/{shop['newcomer'].pk}", n=2)
    assert status == 200 and offers[0]["sku"] == "MAT"
    assert offers[0]["reason"].startswith("popular with people who bought")
    assert "/offers/not-for-me/" in offers[0]["not_for_me_url"]
    status, body = api.post(f"/offers/people/{shop['newcomer'].pk}/rejections", {"sku": "MAT"})
    assert status == 201 and body["scope"] == "item"
    status, body = api.post(f"/offers/people/{shop['newcomer'].pk}/rejections", {"sku": "NOPE"})
    assert status == 422 and body["field"] == "sku"  # a bad value in the body, not a 404
    assert "MAT" not in [o["sku"] for o in api.get(f"/offers/people/{shop['newcomer'].pk}")[1]]


def test_sales_sees_offers_with_reasons_on_the_person_page(client, sales, shop):
    train_recommendations()
    client.force_login(sales)
    body = client.get(f"/console/people/{shop['newcomer'].pk}/").content.decode()
    assert "Offers for this person" in body
    assert "popular with people who bought Two-person tent" in body
    body = client.get(f"/console/people/{shop['stranger'].pk}/").content.decode()
    assert "we make no offer rather than a filler one" in body


def test_catalogue_page_shows_products_training_and_chart(console, shop):
    train_recommendations()
    body = console.get("/console/offers/").content.decode()
    assert "Sleeping mat" in body and "out of stock" in body and "inactive" in body
    assert "Offers by the signal behind them" in body
    response = console.post("/console/offers/", follow=True)
    assert "Training queued" in response.content.decode()


def test_support_does_not_see_offers_or_value(client, support, shop):
    train_recommendations()
    client.force_login(support)
    body = client.get(f"/console/people/{shop['newcomer'].pk}/").content.decode()
    assert "Offers for this person" not in body and "Value and segments" not in body


def test_privacy_centre_lists_offers_with_reasons_and_not_for_me(client, shop):
    from sincerely.people.links import privacy_token

    train_recommendations()
    body = client.get(f"/privacy/{privacy_token(shop['newcomer'])}/").content.decode()
    assert "What we would offer you, and why" in body
    assert "Sleeping mat" in body and "Not for me" in body and "/offers/not-for-me/" in body
    empty = client.get(f"/privacy/{privacy_token(shop['stranger'])}/").content.decode()
    assert "none does" in empty, "nobody is offered padding"


def test_email_templates_show_offers_with_reasons_in_the_ledger(shop, marketer):
    from sincerely.messaging.guard.renderer import compile_message, render_message

    train_recommendations()
    compiled = compile_message(
        "For you",
        "{% for offer in offers.top(3) %}{{ offer.name }}: {{ offer.reason }} "
        "{{ offer.not_for_me }}\n"
        "{% else %}We have nothing to suggest to you right now.{% endfor %}",
        "",
    )
    rendered = render_message(compiled, shop["newcomer"], sender=marketer)
    assert "Sleeping mat" in rendered.text and "/offers/not-for-me/" in rendered.text
    offered = [e for e in rendered.ledger if e.get("kind") == "offer"]
    assert offered and "Sleeping mat" in offered[0]["summary"]
    nothing = render_message(compiled, shop["stranger"], sender=marketer)
    assert "nothing to suggest" in nothing.text and not nothing.ledger
