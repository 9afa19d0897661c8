"""The timeline's part in a person's data: their export, and what a merge or erasure does."""

from __future__ import annotations

from sincerely.people.models import Person
from sincerely.timeline.models import PurchaseLine, Touchpoint


def export_timeline(person: Person) -> dict:
    touchpoints = Touchpoint.objects.filter(person=person).order_by("at", "id")
    lines = PurchaseLine.objects.filter(person=person).select_related("product").order_by("at")
    return {
        "timeline": [
            {
                "kind": t.kind,
                "at": t.at.isoformat(),
                "url": t.url,
                "web_visitor_id": t.visitor_id,
                "details": t.properties,
            }
            for t in touchpoints.iterator(chunk_size=2000)
        ],
        "purchases": [
            {
                "order": line.order_id,
                "at": line.at.isoformat(),
                "sku": line.product.sku,
                "product": line.product.name,
                "quantity": line.quantity,
                "unit_price": str(line.unit_price),
                "currency": line.currency,
            }
            for line in lines.iterator(chunk_size=2000)
        ],
    }


def merge_timeline(survivor: Person, duplicate: Person) -> dict:
    """Merge hook: the duplicate's touchpoints and purchases become the survivor's."""
    return {
        "touchpoints": Touchpoint.objects.filter(person=duplicate).update(person=survivor),
        "purchase_lines": PurchaseLine.objects.filter(person=duplicate).update(person=survivor),
    }


def erase_visits(person: Person, emails: list[str], visitor_ids: list[str]) -> None:
    """Erasure hook: page views from before the visitor was identified go too (the rest of
    the person's timeline goes with them by cascade)."""
    if visitor_ids:
        Touchpoint.objects.filter(visitor_id__in=visitor_ids).delete()
