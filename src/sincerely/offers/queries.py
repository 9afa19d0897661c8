"""Read side of offers: a person's top offers (for email templates, the privacy centre, sales)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from sincerely.catalogue.models import Product
from sincerely.offers.models import Offer, OfferRejection, TrainingRun
from sincerely.people.models import Person


def top_offers(person: Person, n: int = 3) -> list[Offer]:
    """The person's best offers (each with `.product`, `.reason`, `.score`), possibly none.

    Stock, activity and rejections are checked again at read time: a product that went out
    of stock, or that the person refused, since the last training is not offered.
    """
    rejected_categories = OfferRejection.objects.filter(
        person=person, scope=OfferRejection.Scope.CATEGORY
    ).values("category")
    return list(
        Offer.objects.filter(person=person, product__active=True, product__in_stock=True)
        .exclude(product__in=OfferRejection.objects.filter(person=person).values("product"))
        .exclude(product__category__in=rejected_categories)
        .select_related("product", "because_of")
        .order_by("rank")[: max(n, 0)]
    )


def rejections(person: Person) -> QuerySet[OfferRejection]:
    return OfferRejection.objects.filter(person=person).select_related("product")


def catalogue() -> QuerySet[Product]:
    """Products with how often they are offered and how often refused."""
    return Product.objects.annotate(
        offered=Count("offers", distinct=True),
        refused=Count("rejections", distinct=True),
    ).order_by("category", "name")


def last_training() -> TrainingRun | None:
    return TrainingRun.objects.filter(finished_at__isnull=False).first()


def offer_sources() -> list[dict]:
    """How many offers each signal carried (bought together, similar taste, popular, viewed)."""
    labels = dict(Offer.Source.choices)
    return [
        {"source": row["source"], "label": labels.get(row["source"], row["source"]), "n": row["n"]}
        for row in Offer.objects.values("source").annotate(n=Count("id")).order_by("-n")
    ]


def search_catalogue(query: str) -> QuerySet[Product]:
    qs = catalogue()
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(sku__iexact=query) | Q(category__iexact=query))
    return qs
