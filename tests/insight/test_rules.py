"""Segment rules select exactly the people a marketer means, in one SQL query."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given, settings
from hypothesis import strategies as st

from sincerely.errors import DomainError
from sincerely.insight.rules import describe, normalise, people_matching

pytestmark = pytest.mark.django_db


def names(rules) -> set[str]:
    return {p.email.split("@")[0] for p in people_matching(rules)}


def test_viewed_pricing_in_the_last_14_days(crowd):
    rule = {"type": "touchpoint", "kind": "page_view", "url_path": "/pricing", "within_days": 14}
    assert names(rule) == {"anna", "cleo"}


def test_answered_campaign_matches_utm_or_campaign_property(crowd):
    rule = {"type": "touchpoint", "kind": "page_view", "campaign": "spring-sale"}
    assert names(rule) == {"cleo", "eve"}


def test_bought_in_category_at_least_twice_counts_orders(crowd):
    rule = {"type": "purchase", "category": "garden", "min_count": 2}
    # Bob bought two garden lines in ONE order: that is one purchase, not two.
    assert names(rule) == {"anna"}


def test_facts_consents_and_lists(crowd):
    assert names({"type": "fact", "key": "company", "value": "acme"}) == {"anna"}
    assert names({"type": "fact", "key": "company", "op": "contains", "value": "acme"}) == {
        "anna",
        "cleo",
    }
    assert names({"type": "fact", "key": "company", "op": "exists"}) == {"anna", "bob", "cleo"}
    assert names({"type": "consent", "purpose": "newsletter"}) == {"anna", "cleo", "eve"}
    assert names({"type": "list", "list": "newsletter"}) == {"anna", "eve"}


def test_and_or_not_groups_in_one_query(crowd):
    rules = {
        "all": [
            {"type": "consent", "purpose": "newsletter"},
            {
                "any": [
                    {
                        "type": "touchpoint",
                        "kind": "page_view",
                        "url_path": "/pricing",
                        "within_days": 14,
                    },
                    {"type": "purchase", "category": "Garden", "min_count": 2},
                ]
            },
            {"not": {"type": "list", "list": "newsletter"}},
        ]
    }
    with CaptureQueriesContext(connection) as queries:
        result = names(rules)
    assert result == {"cleo"}
    assert len(queries.captured_queries) == 1


def test_not_ignores_anonymous_touchpoints(crowd):
    from sincerely.timeline.services import record_touchpoint

    record_touchpoint(None, "page_view", url="/pricing", visitor_id="v1")
    rule = {"not": {"type": "touchpoint", "kind": "page_view", "url_path": "/pricing"}}
    assert names(rule) == {"dan", "eve"}


@pytest.mark.parametrize(
    ("rules", "field"),
    [
        ({"all": [{"type": "fact"}]}, "rules.all[0].key"),
        (
            {"any": [{"type": "touchpoint", "kind": "page_view", "within_days": "soon"}]},
            "rules.any[0].within_days",
        ),
        ({"all": [{"type": "nope"}]}, "rules.all[0].type"),
        ({"all": []}, "rules.all"),
        ({"not": {"type": "tier", "tiers": ["gold"]}}, "rules.not.tiers[0]"),
        ({"all": [{"type": "list", "list": "x", "colour": "red"}]}, "rules.all[0].colour"),
        ({"type": "touchpoint", "kind": "page_view", "url_path": "pricing"}, "rules.url_path"),
        ([1, 2], "rules"),
        ({"type": "tier", "tiers": [[]]}, "rules.tiers[0]"),
    ],
)
def test_errors_name_the_rule_path(rules, field):
    with pytest.raises(DomainError) as caught:
        normalise(rules)
    assert caught.value.field == field


def test_describe_reads_like_the_marketer_wrote_it():
    rules = normalise(
        {
            "all": [
                {
                    "type": "touchpoint",
                    "kind": "page_view",
                    "url_path": "/pricing",
                    "within_days": 14,
                },
                {"not": {"type": "purchase", "category": "Garden", "min_count": 2}},
            ]
        }
    )
    assert describe(rules) == (
        "page_view of /pricing in the last 14 days and "
        "not (bought in category Garden at least 2 times)"
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
conditions = st.fixed_dictionaries(
    {"type": st.sampled_from(["fact", "consent", "list", "touchpoint", "purchase", "tier", "x"])},
    optional={
        "key": json_values,
        "value": json_values,
        "op": st.sampled_from(["equals", "exists", "?"]),
        "purpose": json_values,
        "list": json_values,
        "kind": json_values,
        "url_path": json_values,
        "within_days": json_values,
        "min_count": json_values,
        "tiers": json_values,
        "category": json_values,
    },
)
trees = st.recursive(
    conditions | json_values,
    lambda inner: (
        st.builds(lambda k, v: {k: v}, st.sampled_from(["all", "any"]), st.lists(inner, max_size=3))
        | st.builds(lambda v: {"not": v}, inner)
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(trees)
def test_any_json_is_either_valid_rules_or_an_error_naming_a_path(rules):
    try:
        normalised = normalise(rules)
    except DomainError as exc:
        assert exc.field.startswith("rules")
        return
    assert normalise(normalised) == normalised
    describe(normalised)
    people_matching(normalised).count()
