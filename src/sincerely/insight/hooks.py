"""What insight adds to other apps' pages and actions: the person panel, export and merge."""

from __future__ import annotations

from django.http import HttpRequest

from sincerely.accounts.access import user_can
from sincerely.insight.models import SegmentMember, ValueScore
from sincerely.people.models import Person
from sincerely.timeline import aggregates


def person_panel(request: HttpRequest, person: Person) -> dict | None:
    """Value tier, RFM and segments on the person page, for roles that see insight."""
    if not user_can(request.user, "insight.view"):
        return None
    return {
        "value_score": ValueScore.objects.filter(person=person).first(),
        "segment_memberships": SegmentMember.objects.filter(person=person)
        .select_related("segment")
        .order_by("segment__name"),
    }


def export_section(person: Person) -> dict:
    score = ValueScore.objects.filter(person=person).first()
    return {
        "value_score": None
        if score is None
        else {
            "tier": score.tier,
            "recency_days": score.recency_days,
            "frequency": score.frequency,
            "monetary": str(score.monetary),
            "rfm": score.rfm,
            "predicted_value_12_months": str(score.predicted_value),
            "computed_at": score.computed_at.isoformat(),
        },
        "segments": [
            {"segment": m.segment.name, "since": m.joined_at.isoformat()}
            for m in SegmentMember.objects.filter(person=person).select_related("segment")
        ],
    }


def merge(survivor: Person, duplicate: Person) -> dict:
    """Derived data: the duplicate's scores and memberships go (the next jobs recompute);
    the survivor's aggregate is recomputed now."""
    removed = SegmentMember.objects.filter(person=duplicate).delete()[0]
    ValueScore.objects.filter(person=duplicate).delete()
    # The duplicate's purchases and visits are the survivor's now (moved before this hook).
    aggregates.refresh([survivor.pk, duplicate.pk])
    return {"segment_memberships_recomputed": removed}
