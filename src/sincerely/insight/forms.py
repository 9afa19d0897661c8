"""The console rule builder's form: rows of conditions ⇄ segment rules JSON."""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson

from sincerely.errors import DomainError

MAX_ROWS = 20
ROW_FIELDS = ("type", "negate", "subject", "op", "value", "campaign", "days", "count")


@dataclass
class Builder:
    """What the builder shows: the match mode, the rows, or the advanced JSON."""

    match: str = "all"
    rows: list[dict] = field(default_factory=list)
    rules_json: str = ""

    @property
    def is_advanced(self) -> bool:
        return bool(self.rules_json.strip())


def blank_row() -> dict:
    return dict.fromkeys(ROW_FIELDS, "")


def builder_from_post(data, *, extra_row: bool = False) -> Builder:
    try:
        count = min(int(data.get("rows", "1") or 1), MAX_ROWS)
    except ValueError:
        count = 1
    rows = [
        {name: (data.get(f"c{i}_{name}") or "").strip() for name in ROW_FIELDS}
        for i in range(count)
    ]
    if extra_row and len(rows) < MAX_ROWS:
        rows.append(blank_row())
    return Builder(
        match="any" if data.get("match") == "any" else "all",
        rows=rows or [blank_row()],
        rules_json=data.get("rules_json", "") or "",
    )


def _row_rule(row: dict) -> dict:
    kind, subject = row["type"], row["subject"]
    if kind == "fact":
        rule = {"type": "fact", "key": subject, "op": row["op"] or "equals", "value": row["value"]}
    elif kind == "consent":
        status = row["op"] if row["op"] in ("granted", "withdrawn") else "granted"
        rule = {"type": "consent", "purpose": subject, "status": status}
    elif kind == "list":
        rule = {"type": "list", "list": subject}
    elif kind == "touchpoint":
        rule = {
            "type": "touchpoint",
            "kind": subject,
            "url_path": row["value"],
            "campaign": row["campaign"],
            "within_days": row["days"] or 0,
            "min_count": row["count"] or 1,
        }
    elif kind == "purchase":
        rule = {
            "type": "purchase",
            "category": subject,
            "sku": row["value"],
            "within_days": row["days"] or 0,
            "min_count": row["count"] or 1,
        }
    elif kind == "tier":
        rule = {"type": "tier", "tiers": [t.strip() for t in subject.split(",") if t.strip()]}
    else:
        rule = {"type": kind}
    return {"not": rule} if row["negate"] else rule


def rules_from_builder(builder: Builder) -> dict:
    """The rules the builder describes (not yet validated: rules.normalise does that)."""
    if builder.is_advanced:
        try:
            return orjson.loads(builder.rules_json)
        except orjson.JSONDecodeError as exc:
            raise DomainError(f"is not valid JSON ({exc})", field="rules_json") from None
    rules = [_row_rule(row) for row in builder.rows if row["type"]]
    if not rules:
        raise DomainError("add at least one condition", field="rules")
    return {builder.match: rules}


def builder_from_rules(rules: dict) -> Builder:
    """Rows when the rules are one flat group (with NOTs); the JSON otherwise."""
    key = "all" if "all" in rules else "any" if "any" in rules else None
    if key is None:
        return Builder(
            rows=[blank_row()], rules_json=orjson.dumps(rules, option=orjson.OPT_INDENT_2).decode()
        )
    rows = []
    for child in rules[key]:
        negate = "not" in child
        rule = child["not"] if negate else child
        if "type" not in rule:
            return Builder(
                rows=[blank_row()],
                rules_json=orjson.dumps(rules, option=orjson.OPT_INDENT_2).decode(),
            )
        row = blank_row()
        row["type"] = rule["type"]
        row["negate"] = "on" if negate else ""
        kind = rule["type"]
        if kind == "fact":
            row.update(subject=rule["key"], op=rule["op"], value=rule["value"])
        elif kind == "consent":
            row.update(subject=rule["purpose"], op=rule["status"])
        elif kind == "list":
            row.update(subject=rule["list"])
        elif kind == "touchpoint":
            row.update(
                subject=rule["kind"],
                value=rule["url_path"],
                campaign=rule["campaign"],
                days=str(rule["within_days"] or ""),
                count=str(rule["min_count"]),
            )
        elif kind == "purchase":
            row.update(
                subject=rule["category"],
                value=rule["sku"],
                days=str(rule["within_days"] or ""),
                count=str(rule["min_count"]),
            )
        elif kind == "tier":
            row.update(subject=", ".join(rule["tiers"]))
        rows.append(row)
    return Builder(match=key, rows=rows)
