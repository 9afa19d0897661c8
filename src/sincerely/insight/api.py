"""API of insight under /api/v1/: segments (CRUD, preview, refresh, people) and value tiers."""

# No `from __future__ import annotations`: @paginate evaluates the view's annotations in
# ninja's own module, so they must be real objects, not strings.
from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Path, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import Field

from sincerely.api_auth import role
from sincerely.api_schemas import Int, SegmentSlug, StrictIn, text
from sincerely.errors import DomainError
from sincerely.insight import queries, services
from sincerely.insight.rules import describe

segments_router = Router(tags=["segments"])
tiers_router = Router(tags=["value tiers"])


Rules = Annotated[
    dict[str, Any],
    Field(description="`all`/`any`/`not` groups of conditions; see docs/insight.md"),
]
Minutes = Annotated[Int(ge=0, le=525_600), Field(description="0: refresh by hand only")]


class SegmentIn(StrictIn):
    slug: SegmentSlug
    name: text(200, required=True)
    rules: Rules
    description: text(2000) = ""
    refresh_minutes: Minutes = 60


class SegmentPatch(StrictIn):
    name: text(200, required=True) | None = None
    rules: Rules | None = None
    description: text(2000) | None = None
    refresh_minutes: Minutes | None = None


class PreviewIn(StrictIn):
    rules: Rules


class SegmentOut(Schema):
    slug: str
    name: str
    description: str
    rules: dict
    rules_in_words: str
    refresh_minutes: int
    size: int
    refreshed_at: datetime | None


class PreviewOut(Schema):
    count: int
    description: str
    rules: dict


class RefreshOut(Schema):
    joined: int
    left: int
    size: int


class MemberOut(Schema):
    id: int
    email: str
    display_name: str


class TierOut(Schema):
    tier: str
    label: str
    people: int
    spend: float
    predicted: float


def _out(segment) -> dict:
    return {
        "slug": segment.slug,
        "name": segment.name,
        "description": segment.description,
        "rules": segment.rules,
        "rules_in_words": describe(segment.rules),
        "refresh_minutes": segment.refresh_minutes,
        "size": segment.size,
        "refreshed_at": segment.refreshed_at,
    }


def _rules(value: Any) -> Any:
    if value is None:
        raise DomainError("is required", field="rules")
    return value


@segments_router.get("", response=list[SegmentOut], auth=role("insight.view"))
def list_segments(request: HttpRequest):
    return [_out(s) for s in queries.segments_with_sizes()]


@segments_router.post("", response={201: SegmentOut}, auth=role("insight.manage"))
def create_segment(request: HttpRequest, payload: SegmentIn):
    segment = services.create_segment(
        payload.slug,
        payload.name,
        _rules(payload.rules),
        description=payload.description,
        refresh_minutes=payload.refresh_minutes,
        actor=request.user,
    )
    return Status(201, _out(segment))


@segments_router.post("/preview", response=PreviewOut, auth=role("insight.view"))
def preview_segment(request: HttpRequest, payload: PreviewIn):
    """How many people the rules select now, without saving anything."""
    return queries.preview(_rules(payload.rules))


@segments_router.get("/{slug}", response=SegmentOut, auth=role("insight.view"))
def get_segment(request: HttpRequest, slug: Path[SegmentSlug]):
    return _out(services.get_segment(slug))


@segments_router.patch("/{slug}", response=SegmentOut, auth=role("insight.manage"))
def update_segment(request: HttpRequest, slug: Path[SegmentSlug], payload: SegmentPatch):
    # null means "leave as it is", as for every PATCH.
    changes = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    return _out(services.update_segment(services.get_segment(slug), actor=request.user, **changes))


@segments_router.delete("/{slug}", response={204: None}, auth=role("insight.manage"))
def delete_segment(request: HttpRequest, slug: Path[SegmentSlug]):
    services.delete_segment(services.get_segment(slug), actor=request.user)
    return Status(204, None)


@segments_router.post("/{slug}/refresh", response=RefreshOut, auth=role("insight.manage"))
def refresh_segment(request: HttpRequest, slug: Path[SegmentSlug]):
    return services.refresh_segment(services.get_segment(slug)).__dict__


@segments_router.get("/{slug}/people", response=list[MemberOut], auth=role("insight.view"))
@paginate(LimitOffsetPagination)
def segment_members(request: HttpRequest, slug: Path[SegmentSlug]):
    """Members as of the last refresh (POST …/refresh first for the live answer)."""
    return queries.members(services.get_segment(slug))


@tiers_router.get("", response=list[TierOut], auth=role("insight.view"))
def tier_distribution(request: HttpRequest):
    return queries.tier_distribution()


routers = [("/segments", segments_router), ("/tiers", tiers_router)]
