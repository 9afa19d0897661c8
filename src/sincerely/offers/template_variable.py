"""The `offers` variable of email templates: a person's top offers, each written to the ledger.

    {% for offer in offers.top(3) %}{{ offer.name }}: {{ offer.reason }} ({{ offer.not_for_me }})
    {% else %}We have nothing to suggest to you right now.{% endfor %}

Only offers the recommender stored for this person appear (owned, refused, inactive and
below-threshold products never do); an empty list is the honest answer, never padding.
"""

from __future__ import annotations

from dataclasses import dataclass

from sincerely.offers.links import not_for_me_url
from sincerely.offers.queries import top_offers
from sincerely.people.models import Person


@dataclass(frozen=True)
class TemplateOffer:
    name: str
    reason: str
    not_for_me: str


class Offers:
    def __init__(self, person: Person, ledger) -> None:
        self._person = person
        self._ledger = ledger

    def top(self, n: int = 3) -> list[TemplateOffer]:
        n = max(1, min(int(n), 10))
        shown = []
        for offer in top_offers(self._person, n):
            self._ledger.add_evidence(
                "offer",
                offer.product.name,
                {
                    "id": offer.pk,
                    "record": "offer",
                    "summary": f"offered {offer.product.name}: {offer.reason}",
                },
            )
            shown.append(TemplateOffer(offer.product.name, offer.reason, not_for_me_url(offer)))
        return shown

    def __bool__(self) -> bool:
        return bool(top_offers(self._person, 1))


def offers_variable(person: Person, ledger) -> Offers:
    return Offers(person, ledger)
