"""Actions of insight: save and refresh segments, recompute value scores (RFM, predicted value)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import numpy as np
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, F, Max, Min, Q, Sum
from django.utils import timezone

from sincerely.errors import DomainError, NotFound
from sincerely.insight.models import Segment, SegmentMember, ValueScore, ValueTier
from sincerely.insight.rules import normalise
from sincerely.people.services import audit
from sincerely.timeline import aggregates
from sincerely.timeline.services import record_touchpoint

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
CHUNK = 5000


def _check_slug(slug: str) -> str:
    slug = (slug or "").strip().lower()
    if not SLUG.match(slug):
        raise DomainError("use lower-case letters, digits and dashes (up to 60)", field="slug")
    return slug


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise DomainError("is required", field="name")
    if len(name) > 200:
        raise DomainError("is longer than 200 characters", field="name")
    return name


def _check_minutes(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 525600:
        raise DomainError("must be a whole number of minutes, 0 to 525600", field="refresh_minutes")
    return value


def get_segment(slug: str) -> Segment:
    segment = Segment.objects.filter(slug=slug).first()
    if segment is None:
        raise NotFound(f"no segment {slug!r}", field="slug")
    return segment


@transaction.atomic
def create_segment(
    slug: str,
    name: str,
    rules: Any,
    *,
    description: str = "",
    refresh_minutes: int = 60,
    actor: User | None = None,
) -> Segment:
    """Save a new segment (rules validated) and compute its first members."""
    slug = _check_slug(slug)
    if Segment.objects.filter(slug=slug).exists():
        raise DomainError("a segment with this slug exists", field="slug")
    segment = Segment.objects.create(
        slug=slug,
        name=_check_name(name),
        description=(description or "").strip()[:2000],
        rules=normalise(rules),
        refresh_minutes=_check_minutes(refresh_minutes),
        created_by=actor,
    )
    audit(actor, "segment.create", None, f"created segment {slug}")
    refresh_segment(segment)
    return segment


@transaction.atomic
def update_segment(segment: Segment, *, actor: User | None = None, **changes: Any) -> Segment:
    """Change name, description, rules or schedule; new rules refresh the members at once."""
    unknown = set(changes) - {"name", "description", "rules", "refresh_minutes"}
    if unknown:
        raise DomainError("cannot be changed", field=sorted(unknown)[0])
    if "name" in changes:
        segment.name = _check_name(changes["name"])
    if "description" in changes:
        segment.description = (changes["description"] or "").strip()[:2000]
    if "refresh_minutes" in changes:
        segment.refresh_minutes = _check_minutes(changes["refresh_minutes"])
    rules_changed = "rules" in changes
    if rules_changed:
        segment.rules = normalise(changes["rules"])
    segment.save()
    audit(actor, "segment.update", None, f"changed segment {segment.slug}", fields=sorted(changes))
    if rules_changed:
        refresh_segment(segment)
    return segment


@transaction.atomic
def delete_segment(segment: Segment, *, actor: User | None = None) -> None:
    slug = segment.slug
    segment.delete()
    audit(actor, "segment.delete", None, f"deleted segment {slug}")


@dataclass
class RefreshResult:
    joined: int
    left: int
    size: int


@transaction.atomic
def refresh_segment(segment: Segment) -> RefreshResult:
    """Recompute who is in the segment; each person who joins or leaves gets a touchpoint."""
    from sincerely.insight.queries import segment_people

    now = timezone.now()
    matching = segment_people(segment)
    current = SegmentMember.objects.filter(segment=segment)
    joined_ids = list(
        matching.exclude(pk__in=current.values("person_id")).values_list("pk", flat=True)
    )
    left_ids = list(
        current.exclude(person_id__in=matching.values("pk")).values_list("person_id", flat=True)
    )
    for start in range(0, len(left_ids), CHUNK):
        current.filter(person_id__in=left_ids[start : start + CHUNK]).delete()
    SegmentMember.objects.bulk_create(
        [SegmentMember(segment=segment, person_id=pid, joined_at=now) for pid in joined_ids],
        batch_size=CHUNK,
    )
    properties = {"segment": segment.slug, "segment_name": segment.name}
    from sincerely.people.models import Person

    for kind, ids in (("segment_joined", joined_ids), ("segment_left", left_ids)):
        for start in range(0, len(ids), CHUNK):
            for person in Person.objects.filter(pk__in=ids[start : start + CHUNK]).only("pk"):
                record_touchpoint(person, kind, at=now, properties=properties)
    size = SegmentMember.objects.filter(segment=segment).count()
    Segment.objects.filter(pk=segment.pk).update(size=size, refreshed_at=now)
    segment.size, segment.refreshed_at = size, now
    return RefreshResult(joined=len(joined_ids), left=len(left_ids), size=size)


def refresh_due_segments(now: datetime | None = None) -> dict[str, RefreshResult]:
    """Refresh every segment whose schedule says it is due; returns what changed by slug."""
    now = now or timezone.now()
    done: dict[str, RefreshResult] = {}
    for segment in Segment.objects.filter(refresh_minutes__gt=0):
        due = segment.refreshed_at is None or (
            (now - segment.refreshed_at).total_seconds() >= segment.refresh_minutes * 60
        )
        if due:
            done[segment.slug] = refresh_segment(segment)
    return done


# --- value tiers -------------------------------------------------------------------------

HORIZON_DAYS = 365


def tier_for(r: int, f: int, m: int) -> str:
    """Name an RFM cell (scores 1-5, 5 best): the usual marketing reading of the cube."""
    if r >= 4 and f >= 4 and m >= 4:
        return ValueTier.CHAMPION
    if r >= 3 and f >= 4:
        return ValueTier.LOYAL
    if r >= 4 and f <= 2:
        return ValueTier.NEW
    if r <= 2 and f >= 3:
        return ValueTier.AT_RISK
    if r <= 2:
        return ValueTier.DORMANT
    return ValueTier.REGULAR


def _quintiles(values: np.ndarray, *, higher_is_better: bool) -> np.ndarray:
    """Scores 1-5 by rank; ties share the lower rank so equal behaviour scores equally."""
    if len(values) == 0:
        return np.zeros(0, dtype=np.int16)
    keyed = values if higher_is_better else -values
    order = np.argsort(keyed, kind="stable")
    ranks = np.empty(len(values), dtype=np.int64)
    sorted_vals = keyed[order]
    first_of_tie = np.searchsorted(sorted_vals, sorted_vals, side="left")
    ranks[order] = first_of_tie
    return (1 + (ranks * 5) // len(values)).astype(np.int16)


def predicted_value(recency_days: float, tenure_days: float, orders: int, monetary: float) -> float:
    """Expected spend over the next year: order rate × average order × chance still active.

    A deliberately simple heuristic (not BG/NBD): the rate is orders per day of tenure
    (at least 30 days), and the chance of being active decays with the time since the last
    order measured in the person's own typical gap between orders (twice the gap halves it).
    """
    if orders <= 0 or monetary <= 0:
        return 0.0
    tenure = max(tenure_days, 30.0)
    gap = tenure / orders
    alive = math.pow(0.5, recency_days / max(2 * gap, 30.0))
    return alive * (orders / tenure) * HORIZON_DAYS * (monetary / orders)


@transaction.atomic
def compute_value_scores(as_of: datetime | None = None) -> int:
    """Recompute RFM scores, tiers and predicted value for every buyer; returns how many.

    One aggregate query streams a row per buyer (chunked); the arrays held are one number
    per buyer, never per purchase line.
    """
    from sincerely.timeline.models import PurchaseLine

    as_of = as_of or timezone.now()
    rows = (
        PurchaseLine.objects.filter(at__lte=as_of)
        .values("person_id")
        .annotate(
            first=Min("at"),
            last=Max("at"),
            orders=Count("order_id", distinct=True, filter=Q(quantity__gt=0)),
            spend=Sum(F("quantity") * F("unit_price")),
        )
        .filter(orders__gt=0)
        .order_by()
    )
    ids: list[int] = []
    firsts: list[datetime] = []
    lasts: list[datetime] = []
    orders: list[int] = []
    spend: list[float] = []
    for row in rows.iterator(chunk_size=CHUNK):
        ids.append(row["person_id"])
        firsts.append(row["first"])
        lasts.append(row["last"])
        orders.append(row["orders"])
        spend.append(float(row["spend"] or 0))
    ValueScore.objects.all().delete()
    if not ids:
        return 0
    recency = np.array([(as_of - last).total_seconds() / 86400 for last in lasts])
    frequency = np.array(orders, dtype=float)
    monetary = np.array(spend)
    r_scores = _quintiles(recency, higher_is_better=False)
    f_scores = _quintiles(frequency, higher_is_better=True)
    m_scores = _quintiles(monetary, higher_is_better=True)
    now = timezone.now()
    batch: list[ValueScore] = []
    for i, person_id in enumerate(ids):
        r, f, m = int(r_scores[i]), int(f_scores[i]), int(m_scores[i])
        tenure = (as_of - firsts[i]).total_seconds() / 86400
        value = predicted_value(recency[i], tenure, orders[i], monetary[i])
        batch.append(
            ValueScore(
                person_id=person_id,
                recency_days=max(int(recency[i]), 0),
                frequency=orders[i],
                monetary=Decimal(f"{monetary[i]:.2f}"),
                r_score=r,
                f_score=f,
                m_score=m,
                tier=tier_for(r, f, m),
                predicted_value=Decimal(f"{max(value, 0.0):.2f}"),
                first_order_at=firsts[i],
                last_order_at=lasts[i],
                computed_at=now,
            )
        )
        if len(batch) >= CHUNK:
            ValueScore.objects.bulk_create(batch)
            batch = []
    ValueScore.objects.bulk_create(batch)
    aggregates.refresh_tiers()
    return len(ids)
