"""Read side of the timeline: a person's touchpoints page by page, and kinds to filter by."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.db.models import Count, DecimalField, F, Min, Q, Sum

from sincerely import registry
from sincerely.errors import DomainError
from sincerely.people import queries as people_queries
from sincerely.people.models import Consent, Person
from sincerely.timeline.models import PurchaseLine, Touchpoint

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


@dataclass
class OrderLine:
    product: str
    sku: str
    quantity: int
    amount: Decimal
    currency: str


@dataclass
class OrderView:
    """A purchase touchpoint as a person reads it: its lines, its total, bought or returned."""

    order_id: str
    lines: list[OrderLine]
    total: Decimal | None
    currency: str
    is_return: bool
    more_lines: int = 0


ORDER_LINES_SHOWN = 10


def purchase_views(items: list[Touchpoint]) -> dict[int, OrderView]:
    """{touchpoint id: OrderView} for the purchase touchpoints among `items` (one query).

    Lines come from PurchaseLine (product, quantity, amount); an order with only negative
    quantities, a negative total or a `returned` flag is a return, never "Bought".
    """
    purchases = [t for t in items if t.kind == "purchase" and t.person_id]
    keys = {(t.person_id, str((t.properties or {}).get("order_id", ""))) for t in purchases}
    keys = {k for k in keys if k[1]}
    lines: dict[tuple[int, str], list[OrderLine]] = {}
    if keys:
        rows = (
            PurchaseLine.objects.filter(
                person_id__in={pid for pid, _ in keys}, order_id__in={oid for _, oid in keys}
            )
            .select_related("product")
            .order_by("order_id", "id")
        )
        for line in rows:
            if (line.person_id, line.order_id) in keys:
                lines.setdefault((line.person_id, line.order_id), []).append(
                    OrderLine(
                        product=line.product.name,
                        sku=line.product.sku,
                        quantity=line.quantity,
                        amount=line.quantity * line.unit_price,
                        currency=line.currency,
                    )
                )
    views = {}
    for t in purchases:
        props = t.properties or {}
        order_id = str(props.get("order_id", ""))
        found = lines.get((t.person_id, order_id), [])
        if not found:
            found = [
                OrderLine(product=name, sku="", quantity=0, amount=Decimal("0"), currency="")
                for name in _item_names(props.get("items"))
            ]
        total = _money(props.get("total"))
        if total is None and found and any(line.quantity for line in found):
            total = sum((line.amount for line in found), Decimal("0"))
        quantities = [line.quantity for line in found if line.quantity]
        is_return = bool(props.get("returned")) or (total is not None and total < 0)
        is_return = is_return or (bool(quantities) and all(q < 0 for q in quantities))
        views[t.pk] = OrderView(
            order_id=order_id,
            lines=found[:ORDER_LINES_SHOWN],
            total=total,
            currency=str(props.get("currency", "") or (found[0].currency if found else "")),
            is_return=is_return,
            more_lines=max(len(found) - ORDER_LINES_SHOWN, 0),
        )
    return views


def attach_orders(items: list[Touchpoint]) -> list[Touchpoint]:
    """Give each purchase touchpoint an `order` (OrderView) for the page to render."""
    views = purchase_views(items)
    for t in items:
        t.order = views.get(t.pk)
    return items


def _item_names(items) -> list[str]:
    """Product names from an event's free-form `items` (strings or {"name"/"sku": …})."""
    if not isinstance(items, list):
        return []
    names = []
    for item in items[:50]:
        if isinstance(item, dict):
            name = item.get("name") or item.get("product_name") or item.get("sku")
            if name:
                names.append(str(name)[:200])
        elif isinstance(item, (str, int, float)):
            names.append(str(item)[:200])
    return names


def kinds_for(person: Person) -> list[str]:
    """Kinds to offer in the filter: the common ones plus custom kinds of recent touchpoints.

    Only the newest 1,000 are looked at: a DISTINCT over all of a busy person's rows took
    60 ms on PostgreSQL with 50,000 of them, more than the rest of the page.
    """
    recent = (
        Touchpoint.objects.filter(person=person)
        .order_by("-at")
        .values_list("kind", flat=True)[:1000]
    )
    own = set(recent)
    return COMMON_KINDS + sorted(own - set(COMMON_KINDS))


def _money(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _line_total() -> Sum:
    return Sum(
        F("quantity") * F("unit_price"), output_field=DecimalField(max_digits=16, decimal_places=2)
    )


def before_you_call(person: Person) -> dict:
    """What a salesperson reads before calling: where they came from, what they read,
    bought and said, what they agreed to, and who owns the relationship."""
    # Separate queries, not one UNION ALL of them: PostgreSQL plans every arm over every
    # month partition all the same (measured: 2.4 ms to plan the union of the three, 0.7-0.9
    # ms each alone), and the campaign query runs only when the first touch had no campaign.
    mine = Touchpoint.objects.filter(person=person)
    first_touch = mine.order_by("at", "id").first()
    if first_touch is None or "utm_campaign" in (first_touch.properties or {}):
        campaign_touch = first_touch
    else:
        campaign_touch = (
            mine.filter(properties__has_key="utm_campaign").order_by("at", "id").first()
        )
    pages = list(mine.filter(kind="page_view").order_by("-at", "-id")[:5])
    products = list(
        PurchaseLine.objects.filter(person=person)
        .values("product__sku", "product__name")
        .annotate(bought=Sum("quantity"), spend=_line_total())
        .order_by("-spend")[:10]
    )
    spend = list(
        PurchaseLine.objects.filter(person=person)
        .values("currency")
        .annotate(total=_line_total(), orders=Count("order_id", distinct=True))
        .order_by("currency")
    )
    # The person page has loaded these records already; this reuses them (no query).
    consents = [
        c
        for c in people_queries.consent_records(person)
        if c.is_current and c.status == Consent.Status.GRANTED
    ]
    return {
        "first_touch": first_touch,
        "campaign_touch": campaign_touch,
        "pages": pages,
        "products": products,
        "spend": spend,
        "open_conversations": registry.person_count("open_conversations", person),
        "consents": consents,
        "owner": person.owner,
    }


@dataclass
class CampaignRow:
    campaign: str
    visitors: int = 0
    people: int = 0
    purchases: int = 0
    revenue: Decimal = Decimal("0")
    sources: set[str] = field(default_factory=set)


def campaign_attribution(
    *, window_days: int = 30, since: datetime | None = None
) -> list[CampaignRow]:
    """Per UTM campaign: visitors who came with it, people among them, and the purchases
    and revenue of those people within `window_days` of their first touch with it
    (with `since`, only purchases from then on: the revenue of a period).

    A person who came through two campaigns counts for both (influence, not a split of
    credit), so the revenue column is not meant to be summed.
    """
    window = timedelta(days=window_days)
    rows: dict[str, CampaignRow] = {}
    first_touch: dict[tuple[str, int], datetime] = {}
    visitors: dict[str, set[str]] = {}
    touches = (
        Touchpoint.objects.filter(properties__has_key="utm_campaign")
        .values("properties__utm_campaign", "properties__utm_source", "visitor_id", "person_id")
        .annotate(first=Min("at"))
    )
    for touch in touches:
        campaign = str(touch["properties__utm_campaign"] or "")[:200]
        if not campaign or not (touch["visitor_id"] or touch["person_id"]):
            continue
        row = rows.setdefault(campaign, CampaignRow(campaign))
        if touch["properties__utm_source"]:
            row.sources.add(str(touch["properties__utm_source"])[:100])
        # A browser counts once by its visitor id; a person reached without one (an event
        # sent through the API) counts as a visitor of their own.
        who = touch["visitor_id"] or f"person:{touch['person_id']}"
        visitors.setdefault(campaign, set()).add(who)
        if touch["person_id"]:
            key = (campaign, touch["person_id"])
            if key not in first_touch or touch["first"] < first_touch[key]:
                first_touch[key] = touch["first"]
    for campaign, ids in visitors.items():
        rows[campaign].visitors = len(ids)
    people_by_campaign: dict[str, list[tuple[int, datetime]]] = {}
    for (campaign, person_id), at in first_touch.items():
        people_by_campaign.setdefault(campaign, []).append((person_id, at))
        rows[campaign].people += 1
    person_ids = {person_id for _, person_id in first_touch}
    purchases: dict[int, list[tuple[datetime, Decimal]]] = {}
    bought = Touchpoint.objects.filter(kind="purchase", person_id__in=person_ids)
    if since is not None:
        bought = bought.filter(at__gte=since)
    for person_id, at, properties in bought.values_list("person_id", "at", "properties"):
        total = _money((properties or {}).get("total", 0)) or Decimal("0")
        purchases.setdefault(person_id, []).append((at, total))
    for campaign, people in people_by_campaign.items():
        row = rows[campaign]
        for person_id, first in people:
            for at, total in purchases.get(person_id, []):
                if first <= at <= first + window:
                    row.purchases += 1
                    row.revenue += total
    return sorted(rows.values(), key=lambda r: (-r.revenue, -r.visitors, r.campaign))
