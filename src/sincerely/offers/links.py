"""Signed links for "not for me": they work from an email without an account, for a while.

A token names a person and a product, both by ids that are never reused (sincerely/db.py),
and only records a refusal of that product by that person: no content to bind.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from sincerely import links
from sincerely.catalogue.models import Product
from sincerely.offers.models import Offer
from sincerely.people.models import Person

SALT = "sincerely.offer-feedback"
# Offers travel in emails that people open weeks later; a refusal should still count.
DEFAULT_MAX_AGE = 180 * 24 * 3600


def feedback_token(person: Person | int, product: Product | int) -> str:
    person_id = person if isinstance(person, int) else person.pk
    product_id = product if isinstance(product, int) else product.pk
    return links.sign({"p": person_id, "o": product_id}, salt=SALT, compress=True)


def not_for_me_url(offer: Offer) -> str:
    """Absolute signed link to the confirm page for refusing this offer."""
    token = feedback_token(offer.person_id, offer.product_id)
    return settings.BASE_URL + reverse("offers:not_for_me", args=[token])


def read_feedback_token(token: str) -> tuple[int, int]:
    """(person id, product id); DomainError naming the token when forged or expired."""
    max_age = int(getattr(settings, "OFFER_LINK_MAX_AGE", DEFAULT_MAX_AGE))
    payload = links.read(token, salt=SALT, max_age=max_age, keys=("p", "o"))
    return int(payload["p"]), int(payload["o"])
