"""Read side of insight: a segment's people (for campaigns), previews, tier distributions."""

from __future__ import annotations

from typing import Any

from django.db.models import Avg, Count, QuerySet, Sum

from sincerely.insight.models import Segment, ValueScore, ValueTier
from sincerely.insight.rules import compile_rules, describe, normalise, people_matching
from sincerely.people.models import Person


def segment_people(segment: Segment) -> QuerySet[Person]:
    """Everyone the segment's rules select right now: one SQL query, usable as an audience."""
    return Person.objects.filter(compile_rules(segment.rules))


def preview(rules: Any) -> dict:
    """How many people the (unsaved) rules select, and the rules in plain words."""
    normalised = normalise(rules)
    return {
        "count": people_matching(normalised).count(),
        "description": describe(normalised),
        "rules": normalised,
    }


def segments_with_sizes() -> QuerySet[Segment]:
    return Segment.objects.select_related("created_by").order_by("name")


def members(segment: Segment) -> QuerySet[Person]:
    """The people in the segment as of its last refresh, most recent joiners first."""
    return Person.objects.filter(segment_memberships__segment=segment).order_by(
        "-segment_memberships__joined_at", "-id"
    )


def value_score(person: Person) -> ValueScore | None:
    return ValueScore.objects.filter(person=person).first()


def tier_distribution() -> list[dict]:
    """People, total spend and mean predicted value per tier, in the tiers' fixed order."""
    rows = {
        row["tier"]: row
        for row in ValueScore.objects.values("tier").annotate(
            people=Count("person_id"), spend=Sum("monetary"), predicted=Avg("predicted_value")
        )
    }
    return [
        {
            "tier": tier.value,
            "label": tier.label,
            "people": rows.get(tier.value, {}).get("people", 0),
            "spend": rows.get(tier.value, {}).get("spend") or 0,
            "predicted": rows.get(tier.value, {}).get("predicted") or 0,
        }
        for tier in ValueTier
    ]


def last_computed():
    score = ValueScore.objects.order_by("-computed_at").only("computed_at").first()
    return score.computed_at if score else None


def rfm_grid() -> list[dict]:
    """People per (R, F) cell: the classic RFM heat table."""
    return list(
        ValueScore.objects.values("r_score", "f_score")
        .annotate(people=Count("person_id"))
        .order_by("-r_score", "-f_score")
    )
