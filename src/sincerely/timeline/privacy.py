"""The timeline's part of a person's data export: every touchpoint and purchase line."""

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
