"""Differentiate: saved segments (rules and their current members) and value scores per person."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Segment(models.Model):
    """A named set of people described by rules (see rules.py), refreshed on demand and on
    a schedule; `members` holds who matched at the last refresh."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    rules = models.JSONField(help_text="AND/OR/NOT groups of conditions, see docs/insight.md")
    refresh_minutes = models.PositiveIntegerField(
        default=60, help_text="How often the scheduled refresh recomputes it (0: on demand only)"
    )
    size = models.PositiveIntegerField(default=0)
    refreshed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SegmentMember(models.Model):
    """A person in a segment since `joined_at` (as of the last refresh)."""

    segment = models.ForeignKey(Segment, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="segment_memberships"
    )
    joined_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["segment", "person"], name="segment_member_unique")
        ]


class ValueTier(models.TextChoices):
    """Named RFM cells, in the words marketers use; see services.tier_for."""

    CHAMPION = "champion", "champion"
    LOYAL = "loyal", "loyal"
    NEW = "new", "new"
    REGULAR = "regular", "regular"
    AT_RISK = "at_risk", "at risk"
    DORMANT = "dormant", "dormant"


class ValueScore(models.Model):
    """RFM scores and predicted 12-month value for one person, from the last value job."""

    person = models.OneToOneField(
        "people.Person", primary_key=True, on_delete=models.CASCADE, related_name="value_score"
    )
    recency_days = models.PositiveIntegerField()
    frequency = models.PositiveIntegerField(help_text="Distinct orders")
    monetary = models.DecimalField(max_digits=14, decimal_places=2)
    r_score = models.PositiveSmallIntegerField()
    f_score = models.PositiveSmallIntegerField()
    m_score = models.PositiveSmallIntegerField()
    tier = models.CharField(max_length=10, choices=ValueTier.choices, db_index=True)
    predicted_value = models.DecimalField(max_digits=14, decimal_places=2)
    first_order_at = models.DateTimeField()
    last_order_at = models.DateTimeField()
    computed_at = models.DateTimeField()

    @property
    def rfm(self) -> str:
        return f"{self.r_score}{self.f_score}{self.m_score}"
