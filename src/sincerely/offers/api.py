"""API of offers under /api/v1/: a person's offers with reasons, and "not for me" feedback."""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from sincerely.api_auth import role
from sincerely.api_schemas import NO_NUL, StrictIn
from sincerely.catalogue.models import Product
from sincerely.errors import NotFound
from sincerely.offers import queries, services
from sincerely.offers.links import not_for_me_url
from sincerely.people.queries import get_person

offers_router = Router(tags=["offers"])


class OfferOut(Schema):
    sku: str
    product: str
    category: str
    reason: str
    score: float
    rank: int
    not_for_me_url: str


class RejectionIn(StrictIn):
    sku: Annotated[str, Field(min_length=1, max_length=64, pattern=NO_NUL)]
    whole_category: bool = False


class RejectionOut(Schema):
    sku: str
    scope: str
    category: str


@offers_router.get("/people/{int:person_id}", response=list[OfferOut], auth=role("insight.view"))
def person_offers(request: HttpRequest, person_id: int, n: Annotated[int, Field(ge=0, le=50)] = 10):
    """The person's offers, best first; an empty list when nothing is relevant enough."""
    person = get_person(person_id)
    return [
        {
            "sku": o.product.sku,
            "product": o.product.name,
            "category": o.product.category,
            "reason": o.reason,
            "score": o.score,
            "rank": o.rank,
            "not_for_me_url": not_for_me_url(o),
        }
        for o in queries.top_offers(person, n)
    ]


@offers_router.post(
    "/people/{int:person_id}/rejections", response={201: RejectionOut}, auth=role("people.edit")
)
def reject(request: HttpRequest, person_id: int, payload: RejectionIn):
    """Record "not for me" on the person's behalf (a call, a reply they sent us)."""
    person = get_person(person_id)
    product = Product.objects.filter(sku=payload.sku).first()
    if product is None:
        raise NotFound(f"no product with SKU {payload.sku!r}", field="sku")
    rejection = services.reject_offer(
        person, product, whole_category=payload.whole_category, via="staff (API)"
    )
    return Status(
        201, {"sku": product.sku, "scope": rejection.scope, "category": rejection.category}
    )


routers = [("/offers", offers_router)]
