"""Read side of the timeline: a person's touchpoints page by page, and kinds to filter by."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from sincerely.errors import DomainError
from sincerely.people.models import Person
from sincerely.timeline.models import Touchpoint

DEFAULT_PAGE = 50
MAX_PAGE = 500
# Kinds offered in the filter even before a person has any of them.
COMMON_KINDS = [
    "page_view",
    "ad_click",
    "form_submit",
    "email_sent",
    "email_opened",
    "email_clicked",
    "email_replied",
    "comment",
    "purchase",
    "meeting",
    "call",
    "note",
]


@dataclass
class TimelinePage:
    items: list[Touchpoint]
    next_cursor: str | None


def encode_cursor(touchpoint: Touchpoint) -> str:
    raw = f"{touchpoint.at.isoformat()}|{touchpoint.pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        at_text, pk_text = base64.urlsafe_b64decode(padded.encode()).decode().split("|")
        at = datetime.fromisoformat(at_text)
        pk = int(pk_text)
    except (ValueError, UnicodeDecodeError):
        raise DomainError("this cursor is not one we gave out", field="before") from None
    if at.tzinfo is None:
        raise DomainError("this cursor is not one we gave out", field="before")
    return at, pk


def timeline_page(
    person: Person | int,
    *,
    kinds: list[str] | None = None,
    before: str = "",
    limit: int = DEFAULT_PAGE,
) -> TimelinePage:
    """Touchpoints newest first; `before` is the cursor of the previous page's last item.

    Keyset paging on (at, id) walks the (person, at) index, so page 1,000 costs what
    page one does.
    """
    if not 1 <= limit <= MAX_PAGE:
        raise DomainError(f"limit must be between 1 and {MAX_PAGE}", field="limit")
    person_id = person if isinstance(person, int) else person.pk
    rows = Touchpoint.objects.filter(person_id=person_id)
    kinds = [k for k in (kinds or []) if k]
    if kinds:
        rows = rows.filter(kind__in=kinds)
    if before:
        at, pk = decode_cursor(before)
        rows = rows.filter(Q(at__lt=at) | Q(at=at, pk__lt=pk))
    items = list(
        rows.select_related("recorded_by")
        .only(
            "id",
            "person_id",
            "visitor_id",
            "kind",
            "at",
            "url",
            "properties",
            "recorded_by__username",
            "recorded_by__first_name",
            "recorded_by__last_name",
        )
        .order_by("-at", "-id")[: limit + 1]
    )
    next_cursor = encode_cursor(items[limit - 1]) if len(items) > limit else None
    return TimelinePage(items=items[:limit], next_cursor=next_cursor)


def kinds_for(person: Person) -> list[str]:
    """Kinds to offer in the filter: the common ones plus any custom kind this person has."""
    own = set(
        Touchpoint.objects.filter(person=person).values_list("kind", flat=True).distinct()[:50]
    )
    return COMMON_KINDS + sorted(own - set(COMMON_KINDS))
