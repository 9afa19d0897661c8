"""Offers made from the catalogue, the feedback on them, and the training runs behind them."""

from __future__ import annotations

from django.db import models

from sincerely.catalogue.models import Product


class Offer(models.Model):
    """A product recommended to one person by the last training run, with the reason why."""

    class Source(models.TextChoices):
        BOUGHT_TOGETHER = "bought_together", "bought together"
        SIMILAR_TASTE = "similar_taste", "similar taste"
        POPULAR = "popular", "popular"
        RECENTLY_VIEWED = "recently_viewed", "recently viewed"

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="offers")
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="offers")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    source = models.CharField(max_length=20, choices=Source.choices)
    reason = models.CharField(max_length=300)
    because_of = models.ForeignKey(
        Product, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["person", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["person", "product"], name="offer_unique_product")
        ]
        indexes = [models.Index(fields=["person", "rank"], name="offer_person_rank")]

    def __str__(self) -> str:
        return f"{self.product.name} for #{self.person_id} ({self.reason})"


class OfferRejection(models.Model):
    """A person's "not for me": the product, or its whole category, is never offered again."""

    class Scope(models.TextChoices):
        ITEM = "item", "this item"
        CATEGORY = "category", "this whole category"

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="offer_rejections"
    )
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="rejections")
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.ITEM)
    category = models.CharField(max_length=100, blank=True)
    at = models.DateTimeField()
    via = models.CharField(max_length=40, help_text="email link, privacy centre, staff …")

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["person", "scope"], name="rejection_person_scope")]


class TrainingRun(models.Model):
    """One run of the recommendation job: what it learnt from and what it produced."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    events = models.PositiveIntegerField(default=0)
    people = models.PositiveIntegerField(default=0)
    products = models.PositiveIntegerField(default=0)
    offers = models.PositiveIntegerField(default=0)
    people_with_offers = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)
    params = models.JSONField(default=dict)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
