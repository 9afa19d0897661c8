"""What offers adds to other apps: the sales panel on the person page, export and merge."""

from __future__ import annotations

from django.http import HttpRequest

from sincerely.accounts.access import user_can
from sincerely.offers.links import not_for_me_url
from sincerely.offers.models import Offer, OfferRejection
from sincerely.offers.queries import rejections, top_offers
from sincerely.people.models import Person


def person_panel(request: HttpRequest, person: Person) -> dict | None:
    """The person's offers with their reasons and refusals, for sales and marketing."""
    if not user_can(request.user, "insight.view"):
        return None
    offers = top_offers(person, 10)
    for offer in offers:
        offer.feedback_url = not_for_me_url(offer)
    return {"offers": offers, "rejections": rejections(person)}


def export_section(person: Person) -> dict:
    return {
        "offers": [
            {
                "product": o.product.name,
                "sku": o.product.sku,
                "reason": o.reason,
                "score": round(o.score, 4),
                "rank": o.rank,
            }
            for o in Offer.objects.filter(person=person).select_related("product")
        ],
        "offer_feedback": [
            {
                "product": r.product.name,
                "scope": r.scope,
                "category": r.category,
                "at": r.at.isoformat(),
                "via": r.via,
            }
            for r in rejections(person)
        ],
    }


def merge(survivor: Person, duplicate: Person) -> dict:
    """A refusal stays with the person whoever they turn out to be; offers are recomputed."""
    Offer.objects.filter(person=duplicate).delete()
    moved = 0
    for rejection in OfferRejection.objects.filter(person=duplicate):
        if OfferRejection.objects.filter(
            person=survivor, product_id=rejection.product_id, scope=rejection.scope
        ).exists():
            rejection.delete()
        else:
            rejection.person = survivor
            rejection.save(update_fields=["person"])
            moved += 1
    return {"offer_feedback": moved}


def privacy_panel(request: HttpRequest, person: Person, payload: dict) -> dict | None:
    """In the person's own privacy centre: what we would offer them, why, and "not for me"."""
    offers = top_offers(person, 10)
    for offer in offers:
        offer.feedback_url = not_for_me_url(offer)
    return {"offers": offers}
