"""Segment rules: validate the JSON and compile it to one ORM filter on Person.

A rule is a group or a condition:

    {"all": [rule, ...]}   every rule holds          {"any": [rule, ...]}  at least one
    {"not": rule}          the rule does not hold
    {"type": "fact", "key": "company", "op": "equals|contains|exists", "value": "Acme"}
    {"type": "consent", "purpose": "newsletter", "status": "granted|withdrawn"}
    {"type": "list", "list": "newsletter"}                      an active membership
    {"type": "touchpoint", "kind": "page_view", "url_path": "/pricing",
     "campaign": "spring-sale", "within_days": 14, "min_count": 1}
    {"type": "purchase", "category": "Garden", "sku": "", "within_days": 0, "min_count": 2}
    {"type": "tier", "tiers": ["champion", "loyal"]}

Every condition becomes `pk IN (SELECT person_id FROM … WHERE …)` or a correlated EXISTS
(see compile_rules for which and why), and groups combine them with AND/OR/NOT, so a
segment is one SQL statement whatever its shape. Conditions shaped like the per-person
aggregates (visited within N days, bought within N days, at least N orders) read those
instead of the event tables (_aggregate_rows).
Errors name the rule path (`rules.all[1].within_days`) so the builder and the API can point
at the faulty part.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from sincerely.errors import DomainError
from sincerely.insight.models import ValueScore, ValueTier
from sincerely.people.models import Consent, Fact, Membership, Person

CONDITION_TYPES = ("fact", "consent", "list", "touchpoint", "purchase", "tier")
FACT_OPS = ("equals", "contains", "exists")
MAX_DEPTH = 8
MAX_CONDITIONS = 50

# Allowed keys per condition type (anything else is a typo worth reporting).
FIELDS: dict[str, set[str]] = {
    "fact": {"key", "op", "value"},
    "consent": {"purpose", "status"},
    "list": {"list"},
    "touchpoint": {"kind", "url_path", "campaign", "within_days", "min_count"},
    "purchase": {"category", "sku", "within_days", "min_count"},
    "tier": {"tiers"},
}


def _text(node: dict, name: str, path: str, *, required: bool = True, limit: int = 200) -> str:
    value = node.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise DomainError("must be text", field=f"{path}.{name}")
    value = value.strip()
    if required and not value:
        raise DomainError("is required", field=f"{path}.{name}")
    if len(value) > limit:
        raise DomainError(f"is longer than {limit} characters", field=f"{path}.{name}")
    return value


def _whole(node: dict, name: str, path: str, *, default: int, low: int, high: int) -> int:
    value = node.get(name, default)
    if value in (None, ""):
        return default
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DomainError("must be a whole number", field=f"{path}.{name}")
    try:
        number = int(value)
    except ValueError:
        raise DomainError("must be a whole number", field=f"{path}.{name}") from None
    if not low <= number <= high:
        raise DomainError(f"must be between {low} and {high}", field=f"{path}.{name}")
    return number


def normalise(rules: Any, path: str = "rules", *, depth: int = 0, budget: list | None = None):
    """A validated, canonical copy of the rules; DomainError naming the path otherwise."""
    budget = budget if budget is not None else [0]
    if depth > MAX_DEPTH:
        raise DomainError(f"groups nest deeper than {MAX_DEPTH} levels", field=path)
    if not isinstance(rules, dict):
        raise DomainError("must be an object: a group (all/any/not) or a condition", field=path)
    groups = [k for k in ("all", "any", "not") if k in rules]
    if groups:
        if len(rules) != 1:
            raise DomainError("a group has exactly one of all, any or not", field=path)
        key = groups[0]
        if key == "not":
            return {"not": normalise(rules["not"], f"{path}.not", depth=depth + 1, budget=budget)}
        children = rules[key]
        if not isinstance(children, list) or not children:
            raise DomainError("must be a non-empty list of rules", field=f"{path}.{key}")
        return {
            key: [
                normalise(child, f"{path}.{key}[{i}]", depth=depth + 1, budget=budget)
                for i, child in enumerate(children)
            ]
        }
    budget[0] += 1
    if budget[0] > MAX_CONDITIONS:
        raise DomainError(f"more than {MAX_CONDITIONS} conditions", field=path)
    kind = rules.get("type")
    if kind not in CONDITION_TYPES:
        raise DomainError(
            f"type must be one of {', '.join(CONDITION_TYPES)} (or use all/any/not)",
            field=f"{path}.type",
        )
    unknown = sorted(set(rules) - FIELDS[kind] - {"type"})
    if unknown:
        raise DomainError(f"unknown field for a {kind} condition", field=f"{path}.{unknown[0]}")
    out: dict[str, Any] = {"type": kind}
    if kind == "fact":
        out["key"] = _text(rules, "key", path, limit=64)
        out["op"] = _text(rules, "op", path, required=False) or "equals"
        if out["op"] not in FACT_OPS:
            raise DomainError(f"op must be one of {', '.join(FACT_OPS)}", field=f"{path}.op")
        out["value"] = _text(rules, "value", path, required=out["op"] != "exists", limit=500)
    elif kind == "consent":
        out["purpose"] = _text(rules, "purpose", path, limit=50)
        out["status"] = _text(rules, "status", path, required=False) or "granted"
        if out["status"] not in (Consent.Status.GRANTED, Consent.Status.WITHDRAWN):
            raise DomainError("status must be granted or withdrawn", field=f"{path}.status")
    elif kind == "list":
        out["list"] = _text(rules, "list", path, limit=60)
    elif kind == "touchpoint":
        out["kind"] = _text(rules, "kind", path, limit=32)
        out["url_path"] = _text(rules, "url_path", path, required=False, limit=500)
        if out["url_path"] and not out["url_path"].startswith("/"):
            raise DomainError("must start with /", field=f"{path}.url_path")
        out["campaign"] = _text(rules, "campaign", path, required=False)
        out["within_days"] = _whole(rules, "within_days", path, default=0, low=0, high=36500)
        out["min_count"] = _whole(rules, "min_count", path, default=1, low=1, high=100000)
    elif kind == "purchase":
        out["category"] = _text(rules, "category", path, required=False, limit=100)
        out["sku"] = _text(rules, "sku", path, required=False, limit=64)
        out["within_days"] = _whole(rules, "within_days", path, default=0, low=0, high=36500)
        out["min_count"] = _whole(rules, "min_count", path, default=1, low=1, high=100000)
    elif kind == "tier":
        tiers = rules.get("tiers")
        if isinstance(tiers, str):
            tiers = [tiers]
        if not isinstance(tiers, list) or not tiers:
            raise DomainError("must list at least one tier", field=f"{path}.tiers")
        valid = set(ValueTier.values)
        for i, tier in enumerate(tiers):
            if not isinstance(tier, str) or tier not in valid:
                raise DomainError(
                    f"must be one of {', '.join(ValueTier.values)}", field=f"{path}.tiers[{i}]"
                )
        out["tiers"] = sorted(set(tiers))
    return out


def _since(days: int):
    return timezone.now() - timedelta(days=days)


def _campaign_filter(campaign: str) -> Q:
    """utm_campaign or campaign property equals the name.

    A plain-text LIKE on the stored JSON runs first when the name needs no JSON escaping:
    it discards most rows before any JSON is parsed (measured 3x faster on SQLite).
    """
    exact = Q(properties__utm_campaign=campaign) | Q(properties__campaign=campaign)
    if campaign.isascii() and campaign.isprintable() and not set(campaign) & {'"', "\\"}:
        return Q(_raw__contains=campaign) & exact
    return exact


def _subquery(rule: dict, *, correlated: bool = False) -> tuple[QuerySet, int, str]:
    """Rows that satisfy the condition, with the count they must reach and what to count."""
    from django.db.models import TextField
    from django.db.models.functions import Cast

    from sincerely.catalogue.models import Product
    from sincerely.timeline.models import PurchaseLine, Touchpoint

    kind = rule["type"]
    if kind == "fact":
        facts = Fact.objects.filter(key=rule["key"], is_current=True)
        if rule["op"] == "equals":
            facts = facts.filter(value__iexact=rule["value"])
        elif rule["op"] == "contains":
            facts = facts.filter(value__icontains=rule["value"])
        return facts, 1, "id"
    if kind == "consent":
        consents = Consent.objects.filter(
            purpose__slug=rule["purpose"], status=rule["status"], is_current=True
        )
        return consents, 1, "id"
    if kind == "list":
        members = Membership.objects.filter(audience_list__slug=rule["list"], left_at__isnull=True)
        return members, 1, "id"
    if kind == "touchpoint":
        # person IS NOT NULL: anonymous rows must not reach a NOT IN (NULL poisons it).
        touchpoints = Touchpoint.objects.filter(kind=rule["kind"], person__isnull=False)
        if rule["within_days"]:
            touchpoints = touchpoints.filter(at__gte=_since(rule["within_days"]))
        if rule["url_path"]:
            path = rule["url_path"]
            touchpoints = touchpoints.filter(
                Q(url=path)
                | Q(url__endswith=path)
                | Q(url__contains=path + "?")
                | Q(url__contains=path + "#")
            )
        if rule["campaign"]:
            touchpoints = touchpoints.alias(_raw=Cast("properties", TextField())).filter(
                _campaign_filter(rule["campaign"])
            )
        return touchpoints, rule["min_count"], "id"
    if kind == "purchase":
        lines = PurchaseLine.objects.filter(quantity__gt=0)
        products = Product.objects.all()
        if rule["category"]:
            products = products.filter(category__iexact=rule["category"])
        if rule["sku"]:
            products = products.filter(sku=rule["sku"])
        if correlated:
            # Probing one person's few lines: join each to its product by primary key.
            if rule["category"]:
                lines = lines.filter(product__category__iexact=rule["category"])
            if rule["sku"]:
                lines = lines.filter(product__sku=rule["sku"])
        elif rule["category"] or rule["sku"]:
            # Scanning everyone: a product-id list lets the database start from the few
            # matching products' lines through the product index.
            lines = lines.filter(product_id__in=products.values("id"))
        if rule["within_days"]:
            lines = lines.filter(at__gte=_since(rule["within_days"]))
        # "Bought at least twice" counts orders, not lines: two lines of one order are one purchase.
        return lines, rule["min_count"], "order_id"
    if kind == "tier":
        return ValueScore.objects.filter(tier__in=rule["tiers"]), 1, "person_id"
    raise DomainError("unknown condition", field="type")


def _aggregate_rows(rule: dict) -> QuerySet | None:
    """The per-person aggregate rows that answer the condition exactly, or None."""
    where = _aggregate_filter(rule)
    if where is None:
        return None
    from sincerely.timeline.models import PersonAggregate

    return PersonAggregate.objects.filter(where)


def _aggregate_filter(rule: dict) -> Q | None:
    """The condition as a filter on the per-person aggregates, when they answer it exactly.

    "Visited (a page view) in the last N days / ever" is `last_visit_at`; "bought in the
    last N days" is `last_purchase_at`; "bought in at least N orders" (no window) is
    `orders`. Each equals the scan over touchpoints or purchase lines by definition (see
    timeline/aggregates.py), and reads one row per person instead of millions of events.
    Anything narrower (a page, a campaign, a category, counts within a window) stays exact.
    """
    from sincerely.timeline.aggregates import VISIT

    kind = rule.get("type")
    if (
        kind == "touchpoint"
        and rule["kind"] == VISIT
        and not rule["url_path"]
        and not rule["campaign"]
        and rule["min_count"] == 1
    ):
        if rule["within_days"]:
            return Q(last_visit_at__gte=_since(rule["within_days"]))
        return Q(last_visit_at__isnull=False)
    if kind == "purchase" and not rule["category"] and not rule["sku"]:
        if not rule["within_days"]:
            return Q(orders__gte=rule["min_count"])
        if rule["min_count"] == 1:
            return Q(last_purchase_at__gte=_since(rule["within_days"]))
    return None


def _condition(rule: dict, *, correlated: bool) -> Q:
    aggregate = _aggregate_rows(rule) if rule["type"] in ("touchpoint", "purchase") else None
    if aggregate is not None:
        if correlated:
            return Q(Exists(aggregate.filter(person_id=OuterRef("pk"))))
        return Q(pk__in=aggregate.values("person_id"))
    if rule["type"] == "purchase" and (rule["category"] or rule["sku"]):
        # Product filters need the product table: as a per-person probe PostgreSQL re-scans
        # it for every probe (measured 0.6 s for 2,258 probes), while one uncorrelated list
        # of buyers is computed once on both engines (0.1 s for 200k lines).
        correlated = False
    rows, minimum, count_field = _subquery(rule, correlated=correlated)
    if minimum > 1:
        rows = (
            rows.values("person_id")
            .annotate(_n=Count(count_field, distinct=count_field != "id"))
            .filter(_n__gte=minimum)
        )
    if correlated:
        return Q(Exists(rows.filter(person_id=OuterRef("pk"))))
    return Q(pk__in=rows.values("person_id"))


def _driver_rank(rule: dict) -> int:
    """How likely a condition is to be selective: the best one drives an AND group."""
    if "not" in rule:
        return 9
    if "all" in rule or "any" in rule:
        return 5
    if rule["type"] in ("touchpoint", "purchase"):
        return 0 if rule["within_days"] else 3
    return 1


def compile_rules(rules: dict, *, correlated: bool = False) -> Q:
    """The Q that selects exactly the people the (normalised) rules describe.

    In an AND group one condition (the likely most selective: a touchpoint in a time window
    first) is an uncorrelated IN list that the database computes once; the others become
    correlated EXISTS probes run only for people who passed it, through the per-person
    indexes. On the benchmark segment (100k people, 2M touchpoints) SQLite went from 2.5 s
    (all IN lists) to 0.26 s; PostgreSQL plans both forms as semi/anti-joins either way.
    """
    if "all" in rules:
        children = rules["all"]
        # Conditions the aggregates answer are one filter on one row per person.
        shaped = [where for c in children if (where := _aggregate_filter(c)) is not None]
        if len(shaped) > 1:
            from sincerely.timeline.models import PersonAggregate

            rest = [c for c in children if _aggregate_filter(c) is None]
            combined = PersonAggregate.objects.filter(*shaped)
            q = (
                Q(Exists(combined.filter(person_id=OuterRef("pk"))))
                if correlated
                else Q(pk__in=combined.values("person_id"))
            )
            for child in rest:
                q &= compile_rules(child, correlated=True)
            return q
        driver = min(range(len(children)), key=lambda i: _driver_rank(children[i]))
        q = compile_rules(children[driver], correlated=correlated)
        for i, child in enumerate(children):
            if i != driver:
                q &= compile_rules(child, correlated=True)
        return q
    if "any" in rules:
        first, *rest = rules["any"]
        q = compile_rules(first, correlated=correlated)
        for child in rest:
            q |= compile_rules(child, correlated=correlated)
        return q
    if "not" in rules:
        return ~compile_rules(rules["not"], correlated=correlated)
    return _condition(rules, correlated=correlated)


def people_matching(rules: Any) -> QuerySet[Person]:
    """Validate and compile: one queryset, one SQL statement."""
    return Person.objects.filter(compile_rules(normalise(rules)))


def describe(rules: dict) -> str:
    """The rules in plain words, for the console and the campaign footer's explanation."""
    if "all" in rules:
        return " and ".join(_wrap(describe(c), c) for c in rules["all"])
    if "any" in rules:
        return " or ".join(_wrap(describe(c), c) for c in rules["any"])
    if "not" in rules:
        return f"not ({describe(rules['not'])})"
    kind = rules["type"]
    if kind == "fact":
        if rules["op"] == "exists":
            return f"has a {rules['key']}"
        verb = "is" if rules["op"] == "equals" else "contains"
        return f"{rules['key']} {verb} “{rules['value']}”"
    if kind == "consent":
        return f"consent to {rules['purpose']} {rules['status']}"
    if kind == "list":
        return f"on the list {rules['list']}"
    if kind == "touchpoint":
        text = f"{rules['kind']}"
        if rules["url_path"]:
            text += f" of {rules['url_path']}"
        if rules["campaign"]:
            text += f" from campaign {rules['campaign']}"
        if rules["min_count"] > 1:
            text += f" at least {rules['min_count']} times"
        if rules["within_days"]:
            text += f" in the last {rules['within_days']} days"
        return text
    if kind == "purchase":
        text = "bought"
        if rules["sku"]:
            text += f" {rules['sku']}"
        if rules["category"]:
            text += f" in category {rules['category']}"
        if rules["min_count"] > 1:
            text += f" at least {rules['min_count']} times"
        if rules["within_days"]:
            text += f" in the last {rules['within_days']} days"
        return text
    return "value tier " + " or ".join(rules["tiers"])


def _wrap(text: str, rule: dict) -> str:
    return f"({text})" if "all" in rule or "any" in rule else text
