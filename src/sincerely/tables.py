"""Big lists in the console pages: server-side sorting by `?sort=` and pages of 50 with totals."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import HttpRequest

PER_PAGE = 50


def sorted_page(
    request: HttpRequest,
    rows: QuerySet,
    sorts: dict[str, str | tuple[str, ...]],
    default: str,
    *,
    per_page: int = PER_PAGE,
) -> dict:
    """{"page", "sort", "params"}: the page asked for, sorted by a known column.

    `sorts` maps a column key to its field(s); `?sort=key` ascends, `?sort=-key` descends;
    anything else falls back to `default`. The primary key breaks ties so pages are stable.
    """
    asked = request.GET.get("sort", "") or default
    key = asked.lstrip("-")
    if key not in sorts:
        asked, key = default, default.lstrip("-")
    descending = asked.startswith("-")
    fields = sorts[key]
    fields = (fields,) if isinstance(fields, str) else fields
    order = [
        F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True)
        for name in fields
    ]
    order.append("-pk" if descending else "pk")
    page = Paginator(rows.order_by(*order), per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("sort", None)
    return {"page": page, "sort": ("-" if descending else "") + key, "params": params.urlencode()}
