"""Segment errors in the console's plain words: "Condition 2, In the last (days): …".

The API keeps the rule path (`rules.all[1].within_days`) in `field`; a person editing the
builder sees the labels of the form in front of them instead.
"""

from __future__ import annotations

import re

from sincerely.errors import DomainError
from sincerely.insight.forms import Builder

# The builder's own labels for each rule field.
LABELS = {
    "type": "Condition",
    "key": "Subject (fact key)",
    "purpose": "Subject (consent purpose)",
    "list": "Subject (list slug)",
    "kind": "Subject (touchpoint kind)",
    "category": "Subject (purchase category)",
    "tiers": "Subject (value tiers)",
    "op": "Test",
    "status": "Test",
    "value": "Value",
    "url_path": "Value / path",
    "sku": "Value / SKU",
    "campaign": "Campaign",
    "within_days": "In the last (days)",
    "min_count": "At least (times)",
    "slug": "Slug",
    "name": "Name",
    "description": "Description",
    "refresh_minutes": "Refresh every (minutes)",
    "rules_json": "Rules JSON",
    "rules": "Conditions",
}
_ROW = re.compile(r"^rules\.(?:all|any)\[(\d+)\](?:\.not)?(?:\.(\w+))?(?:\[\d+\])?$")


def plain_error(error: DomainError, builder: Builder | None = None) -> str:
    """The error as a sentence naming the condition row and the label of its field."""
    field = error.field or ""
    if field in LABELS:
        return f"{LABELS[field]}: {error.reason}"
    match = _ROW.match(field)
    if match and builder is not None and not builder.is_advanced:
        # Blank rows are skipped when rules are built: map back to the row the person sees.
        filled = [n for n, row in enumerate(builder.rows, start=1) if row["type"]]
        index = int(match.group(1))
        row = filled[index] if index < len(filled) else index + 1
        label = LABELS.get(match.group(2) or "", "")
        return f"Condition {row}{', ' + label if label else ''}: {error.reason}"
    if field.startswith("rules"):
        return f"In the rules JSON, at {field.removeprefix('rules').lstrip('.') or 'the top'}: " + (
            error.reason
        )
    return error.reason
