"""`sincerely recommend evaluate`: real retail data, the four models, and clear CSV errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from sincerely.errors import DomainError
from sincerely.offers.evaluation import read_events

RETAIL = (
    Path(__file__).resolve().parents[2]
    / "../shared/data/online-retail-sample/online_retail_sample.csv"
)
MODELS = {"ours", "popularity", "implicit_als", "implicit_bpr"}
METRICS = {"precision@10", "recall@10", "ndcg@10", "coverage", "train_seconds"}


def run(*args) -> str:
    out = io.StringIO()
    call_command("recommend", *args, stdout=out)
    return out.getvalue()


@pytest.mark.skipif(not RETAIL.exists(), reason="the shared retail sample is not present")
def test_on_real_retail_data_ours_beats_the_best_baseline_by_10_percent():
    report = json.loads(
        run("evaluate", "--data", str(RETAIL), "--format", "online-retail", "--json")
    )
    assert set(report) == MODELS
    assert all(set(report[m]) == METRICS for m in MODELS)
    best = max(report[m]["ndcg@10"] for m in MODELS - {"ours"})
    assert report["ours"]["ndcg@10"] >= 1.10 * best
    assert 0 < report["ours"]["coverage"] <= 1


def test_generic_csv_with_iso_and_epoch_timestamps(tmp_path):
    lines = ["person_id,item_id,timestamp,quantity,price"]
    for p in range(40):
        for day, item in enumerate(f"item{(p + k) % 8}" for k in range(6)):
            stamp = f"2024-01-{day + 1:02d}T10:00:00Z" if p % 2 else str(1704103200 + day * 86400)
            lines.append(f"p{p},{item},{stamp},1,2.50")
    data = tmp_path / "events.csv"
    data.write_text("\n".join(lines) + "\n")
    text = run("evaluate", "--data", str(data))
    assert "ours" in text and "implicit_bpr" in text and "NDCG" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("person,item,timestamp\n", "field 'person_id': missing column person_id"),
        ("person_id,item_id,timestamp\np1,a,yesterday\n", "line 2, field 'timestamp'"),
        (
            "person_id,item_id,timestamp,quantity\np1,a,2024-01-01,\np1,b,2024-01-02,lots\n",
            "line 3, field 'quantity': 'lots' is not a number",
        ),
        ("person_id,item_id,timestamp\np1,a\n", "line 2, field 'timestamp': has 2 columns"),
        ("", "the file is empty"),
    ],
)
def test_bad_csv_names_line_and_column(tmp_path, content, message):
    data = tmp_path / "bad.csv"
    data.write_text(content)
    with pytest.raises(CommandError) as caught:
        run("evaluate", "--data", str(data))
    assert message in str(caught.value)
    assert caught.value.returncode == 2


def test_missing_file():
    with pytest.raises(CommandError, match="no such file"):
        run("evaluate", "--data", "/nonexistent.csv")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from('pi,0123456789-:TZ.\n"x '), max_size=200))
def test_any_text_parses_or_fails_with_a_location(body):
    try:
        read_events(io.StringIO("person_id,item_id,timestamp\n" + body))
    except DomainError as exc:
        assert exc.field and exc.line is not None
