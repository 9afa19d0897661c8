"""Property tests: the event batch parser and the beacon parser take anything and never
crash, account for every event, and only ever let through what the rules allow."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sincerely.errors import DomainError
from sincerely.timeline.events import FUTURE_SLACK, KIND_RE, MAX_EVENTS, load_batch, parse_events
from sincerely.timeline.tracking import (
    PRIVATE_PARAMS,
    RESERVED_KINDS,
    BadBeacon,
    parse_beacon,
)

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
kinds = st.sampled_from(
    ["page_view", "purchase", "note", "x", "Bad Kind", "", "a" * 40, "ad.click"]
)
times = st.sampled_from(
    [
        "2024-03-02T10:15:00Z",
        "2024-03-02 10:15",
        "yesterday",
        "2999-01-01T00:00:00Z",
        "1969-12-31",
        "2025-06-01T12:00:00+02:00",
        "",
    ]
) | st.text(max_size=30)
people = st.fixed_dictionaries(
    {},
    optional={
        "email": st.sampled_from(["a@example.com", "nope", ""]) | st.text(max_size=20),
        "id": st.integers(-5, 2**64) | st.text(max_size=5),
    },
)
plausible_events = st.fixed_dictionaries(
    {"kind": kinds},
    optional={
        "id": st.text(max_size=120) | st.integers() | st.booleans(),
        "at": times,
        "person": people | json_values,
        "visitor": st.sampled_from(["visitor-0001", "short", "bad visitor id!"])
        | st.text(max_size=70),
        "url": st.text(max_size=50) | st.integers(),
        "properties": st.dictionaries(st.text(max_size=8), json_values, max_size=4) | json_values,
        "extra": json_values,
    },
)
events = st.lists(plausible_events | json_values, max_size=30)


@settings(max_examples=300, deadline=None)
@given(events)
def test_every_event_is_either_kept_or_reported_once(batch):
    good, errors = parse_events(batch, now=NOW)
    indexes = sorted([e.index for e in good] + [e.index for e in errors])
    assert indexes == list(range(len(batch)))
    for event in good:
        assert KIND_RE.match(event.kind)
        assert event.at.tzinfo is not None and event.at <= NOW + FUTURE_SLACK
        assert event.person_id or event.email or event.visitor_id
        assert not (event.person_id and event.email)
        assert isinstance(event.properties, dict)
        assert event.client_id is None or 0 < len(event.client_id) <= 100
    for error in errors:
        assert error.reason


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | json_values.map(orjson.dumps))
def test_a_batch_body_is_a_list_or_a_domain_error(body):
    try:
        batch = load_batch(body)
    except DomainError as exc:
        assert exc.field == "events"
    else:
        assert isinstance(batch, list) and len(batch) <= MAX_EVENTS


def test_the_size_limit_is_exact():
    assert len(load_batch(orjson.dumps({"events": [{}] * MAX_EVENTS}))) == MAX_EVENTS
    with pytest.raises(DomainError):
        load_batch(orjson.dumps({"events": [{}] * (MAX_EVENTS + 1)}))


beacon_events = st.fixed_dictionaries(
    {"kind": kinds | st.sampled_from(["identify", "form_submit", "email_opened", "signup"])},
    optional={
        "url": st.sampled_from(
            [
                "https://s.example/a?utm_campaign=x&email=a@b.c&name=Walt",
                "javascript:alert(1)",
                "ftp://x",
                "https://s.example/?gclid=1",
                "https://s.example/\x00?gclid=%00x",
                "https://s.example/?utm_campaign=a%00b",
            ]
        )
        | st.text(max_size=30)
        | st.text(max_size=30).map(lambda t: "https://s.example/?utm_source=" + t),
        "title": json_values,
        "referrer": json_values,
        "age": json_values,
        "email": json_values,
        "sid": json_values,
        "form": json_values,
        "action": json_values,
        "properties": json_values,
    },
)


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "visitor": st.sampled_from(["0123456789abcdef", "x"]) | st.text(max_size=10),
            "events": st.lists(beacon_events | json_values, max_size=12) | json_values,
        }
    ).map(orjson.dumps)
    | st.binary(max_size=100)
)
def test_a_beacon_never_smuggles_reserved_kinds_or_private_params(body):
    try:
        beacon = parse_beacon(body, now=NOW, ip="203.0.113.0")
    except BadBeacon:
        return
    for event in beacon.events:
        assert event.kind not in RESERVED_KINDS or event.kind == "ad_click"
        assert not event.kind.startswith("email") and event.kind != "identify"
        assert event.url == "" or event.url.startswith(("http://", "https://"))
        assert "email=" not in event.url and "name=" not in event.url
        assert not any(PRIVATE_PARAMS.match(str(k)) for k in event.properties)
        assert (NOW - event.at).total_seconds() <= 3600
        # PostgreSQL text and jsonb cannot hold NUL: nothing may reach the database with one.
        assert "\x00" not in event.url and b"\\u0000" not in orjson.dumps(event.properties)


csv_cells = st.sampled_from(
    [
        "A1",
        "ana@example.com",
        "nobody@example.com",
        "MUG-1",
        "Blue mug",
        "2",
        "-1",
        "0",
        "4.50",
        "-3",
        "abc",
        "GBP",
        "gbp",
        "EURO",
        "2024-03-02",
        "2999-01-01",
        "",
        '"',
        "\xff",
    ]
) | st.text(max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(csv_cells, min_size=0, max_size=10), max_size=12),
    st.booleans(),
)
@pytest.mark.django_db
def test_a_purchase_file_is_refused_whole_or_every_row_is_accounted_for(rows, with_header):
    import csv
    import io

    from sincerely.errors import ImportRejected
    from sincerely.people.models import Identity
    from sincerely.timeline.imports import import_purchases
    from tests.factories import make_person

    if not Identity.objects.filter(value="ana@example.com").exists():
        make_person("ana@example.com")
    out = io.StringIO()
    writer = csv.writer(out)
    if with_header:
        writer.writerow(
            ["order_id", "email", "sku", "product_name", "quantity", "unit_price", "currency", "at"]
        )
    writer.writerows(rows)
    try:
        report = import_purchases(
            io.BytesIO(out.getvalue().encode("utf-8", "surrogatepass")),
            filename="p.csv",
            source="property test",
            dry_run=True,
        )
    except ImportRejected as exc:
        assert exc.reason
        return
    assert report.lines_created + len(report.rejected) == report.rows_total
    assert all(issue.line >= 2 and issue.reason for issue in report.issues)
