"""Offline evaluation of recommendations: read purchase history, split by time, score models.

`sincerely recommend evaluate --data FILE` runs this. The split is global and time-ordered:
the first 80 % of the period (by event time) trains, and each person's purchases after the
cut are the test, keeping only items the person had not bought before (every model, like
the live offers, never re-offers what a person owns) and items known at training time.
"""

from __future__ import annotations

import csv
import math
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from scipy import sparse

from sincerely.errors import DomainError
from sincerely.offers.recommender import BlendParams, Interactions, fit_blend

K = 10
REQUIRED = ("person_id", "item_id", "timestamp")
ONLINE_RETAIL = ("InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "CustomerID")


@dataclass
class Dataset:
    """Parsed events with their external ids; rows dropped are counted by reason."""

    person_ids: list[str]
    item_ids: list[str]
    events: Interactions
    dropped: dict[str, int]


def parse_timestamp(raw: str, *, line: int, column: str = "timestamp") -> float:
    """ISO 8601 (naive means UTC) or epoch seconds; anything else names line and column."""
    text = raw.strip()
    if not text:
        raise DomainError("is empty; expected ISO 8601 or epoch seconds", field=column, line=line)
    try:
        return float(text)
    except ValueError:
        pass
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            # The original UCI workbook writes dates as month/day/year hour:minute.
            parsed = datetime.strptime(text, "%m/%d/%Y %H:%M")
        except ValueError:
            raise DomainError(
                f"{text[:40]!r} is neither ISO 8601 nor epoch seconds", field=column, line=line
            ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def _number(raw: str, *, line: int, column: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise DomainError(f"{raw[:40]!r} is not a number", field=column, line=line) from None
    if not math.isfinite(value):
        raise DomainError(f"{raw[:40]!r} is not a finite number", field=column, line=line)
    return value


def read_events(stream: Iterable[str], *, fmt: str = "events") -> Dataset:
    """Read the CSV: `events` (person_id,item_id,timestamp[,quantity][,price]) or `online-retail`.

    Online Retail rows are mapped CustomerID→person_id, StockCode→item_id,
    InvoiceDate→timestamp; cancellations (InvoiceNo starting with C), returns (quantity ≤ 0)
    and rows without a customer are dropped and counted.
    """
    reader = csv.reader(stream)
    try:
        header = [h.strip().lstrip("\ufeff") for h in next(reader)]
    except StopIteration:
        raise DomainError("the file is empty", field="header", line=1) from None
    except csv.Error as exc:
        raise DomainError(f"not a CSV file ({exc})", field="header", line=1) from None
    if fmt == "online-retail":
        wanted = ONLINE_RETAIL
        mapping = {
            "person_id": "CustomerID",
            "item_id": "StockCode",
            "timestamp": "InvoiceDate",
            "quantity": "Quantity",
        }
    elif fmt == "events":
        wanted = REQUIRED
        mapping = {c: c for c in ("person_id", "item_id", "timestamp", "quantity", "price")}
    else:
        raise DomainError("use 'events' or 'online-retail'", field="format")
    missing = [c for c in wanted if c not in header]
    if missing:
        raise DomainError(f"missing column {missing[0]}", field=missing[0], line=1)
    index = {name: header.index(col) for name, col in mapping.items() if col in header}
    invoice_col = header.index("InvoiceNo") if fmt == "online-retail" else None

    person_index: dict[str, int] = {}
    item_index: dict[str, int] = {}
    users: list[int] = []
    items: list[int] = []
    times: list[float] = []
    quantities: list[float] = []
    dropped = {"cancellation": 0, "return_or_zero_quantity": 0, "no_person": 0}
    line = 1
    try:
        for line, row in enumerate(reader, start=2):
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) < len(header):
                raise DomainError(
                    f"has {len(row)} columns, the header has {len(header)}",
                    field=header[len(row)],
                    line=line,
                )
            if invoice_col is not None and row[invoice_col].strip().upper().startswith("C"):
                dropped["cancellation"] += 1
                continue
            person = row[index["person_id"]].strip()
            if fmt == "online-retail" and person.endswith(".0"):
                person = person[:-2]
            if not person:
                if fmt == "online-retail":
                    dropped["no_person"] += 1
                    continue
                raise DomainError("is empty", field="person_id", line=line)
            item = row[index["item_id"]].strip()
            if not item:
                raise DomainError("is empty", field="item_id", line=line)
            quantity = 1.0
            if "quantity" in index and row[index["quantity"]].strip():
                quantity = _number(
                    row[index["quantity"]], line=line, column=header[index["quantity"]]
                )
            if quantity <= 0:
                dropped["return_or_zero_quantity"] += 1
                continue
            if "price" in index and row[index["price"]].strip():
                _number(row[index["price"]], line=line, column="price")
            at = parse_timestamp(
                row[index["timestamp"]], line=line, column=header[index["timestamp"]]
            )
            users.append(person_index.setdefault(person, len(person_index)))
            items.append(item_index.setdefault(item, len(item_index)))
            times.append(at)
            quantities.append(quantity)
    except csv.Error as exc:
        raise DomainError(f"unreadable CSV ({exc})", field="row", line=line) from None
    if not users:
        raise DomainError("no usable rows", field="person_id", line=line)
    events = Interactions(
        users=np.asarray(users, dtype=np.int32),
        items=np.asarray(items, dtype=np.int32),
        times=np.asarray(times, dtype=np.float64),
        quantities=np.asarray(quantities, dtype=np.float32),
        n_users=len(person_index),
        n_items=len(item_index),
    )
    return Dataset(list(person_index), list(item_index), events, dropped)


def read_events_file(path: str | Path, *, fmt: str = "events") -> Dataset:
    data = Path(path)
    if not data.is_file():
        raise DomainError(f"no such file: {path}", field="data")
    with data.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        return read_events(handle, fmt=fmt)


@dataclass
class Split:
    train: Interactions
    test: dict[int, set[int]]
    cutoff: float


def _subset(events: Interactions, mask: np.ndarray) -> Interactions:
    return Interactions(
        users=events.users[mask],
        items=events.items[mask],
        times=events.times[mask],
        quantities=events.quantities[mask],
        n_users=events.n_users,
        n_items=events.n_items,
    )


def time_split(events: Interactions, train_share: float = 0.8) -> Split:
    """Train on events before the cut; test on each person's new items after it."""
    cutoff = float(np.quantile(events.times, train_share))
    before = events.times < cutoff
    train = _subset(events, before)
    known_users = np.zeros(events.n_users, dtype=bool)
    known_users[train.users] = True
    known_items = np.zeros(events.n_items, dtype=bool)
    known_items[train.items] = True
    owned = set(zip(train.users.tolist(), train.items.tolist(), strict=True))
    test: dict[int, set[int]] = {}
    after = ~before
    for u, i in zip(events.users[after].tolist(), events.items[after].tolist(), strict=True):
        if known_users[u] and known_items[i] and (u, i) not in owned:
            test.setdefault(u, set()).add(i)
    return Split(train=train, test=test, cutoff=cutoff)


def metrics(recommended: np.ndarray, users: np.ndarray, test: dict[int, set[int]], n_items: int):
    """precision@K, recall@K, NDCG@K averaged over test users; coverage of the catalogue."""
    discounts = 1.0 / np.log2(np.arange(2, K + 2))
    precision = recall = ndcg = 0.0
    for row, user in zip(recommended, users.tolist(), strict=True):
        relevant = test[user]
        hits = np.array([item in relevant for item in row[:K]], dtype=float)
        precision += hits.sum() / K
        recall += hits.sum() / len(relevant)
        ideal = discounts[: min(len(relevant), K)].sum()
        ndcg += float((hits * discounts[: len(hits)]).sum() / ideal)
    count = max(len(users), 1)
    covered = len(np.unique(recommended[recommended >= 0])) if recommended.size else 0
    return {
        "precision@10": precision / count,
        "recall@10": recall / count,
        "ndcg@10": ndcg / count,
        "coverage": covered / max(n_items, 1),
    }


def _owned(train: Interactions) -> sparse.csr_matrix:
    return (train.counts() > 0).astype(np.float32).tocsr()


def _mask_top(scores: np.ndarray, owned: sparse.csr_matrix) -> np.ndarray:
    scores = scores.copy()
    rows, cols = owned.nonzero()
    scores[rows, cols] = -np.inf
    k = min(K, scores.shape[1])
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    part_scores = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-part_scores, axis=1)
    top = np.take_along_axis(part, order, axis=1)
    return np.where(np.isfinite(np.take_along_axis(part_scores, order, axis=1)), top, -1)


def evaluate_popularity(split: Split, users: np.ndarray) -> tuple[np.ndarray, float]:
    started = time.perf_counter()
    owned = _owned(split.train)
    popularity = np.asarray(owned.sum(axis=0)).ravel()
    seconds = time.perf_counter() - started
    scores = np.broadcast_to(popularity, (len(users), len(popularity))).astype(np.float64)
    return _mask_top(scores, owned[users]), seconds


def evaluate_implicit(split: Split, users: np.ndarray, kind: str) -> tuple[np.ndarray, float]:
    """The `implicit` library with its default hyper-parameters on the raw count matrix."""
    from threadpoolctl import threadpool_limits

    if kind == "als":
        from implicit.als import AlternatingLeastSquares as Model
    else:
        from implicit.bpr import BayesianPersonalizedRanking as Model
    counts = split.train.counts().tocsr()
    with threadpool_limits(1, "blas"):
        model = Model(random_state=7)
        started = time.perf_counter()
        model.fit(counts, show_progress=False)
        seconds = time.perf_counter() - started
        ids, _scores = model.recommend(
            users, counts[users], N=min(K, counts.shape[1]), filter_already_liked_items=True
        )
    return np.asarray(ids), seconds


def _ours_top(model, users: np.ndarray) -> np.ndarray:
    ids, scores = model.top_n(users, K)
    return np.where(np.isfinite(scores), ids, -1)


def tune_weights(train: Interactions, base: BlendParams) -> BlendParams:
    """Choose blend weights and recency on a validation split cut from the training period."""
    inner = time_split(train, 0.8)
    users = np.asarray(sorted(inner.test), dtype=np.int32)
    if len(users) < 20:
        return base
    best, best_ndcg = base, -1.0
    model = None
    for half_life in (30.0, 90.0, 365.0):
        for trend in (30.0, 90.0):
            params = BlendParams(
                **{**base.as_dict(), "half_life_days": half_life, "trend_days": trend}
            )
            model = fit_blend(inner.train, params, now=inner.cutoff)
            for w_cooc, w_als, w_pop in (
                (0.6, 0.1, 0.3),
                (0.5, 0.2, 0.3),
                (0.4, 0.2, 0.4),
                (0.7, 0.0, 0.3),
                (0.3, 0.3, 0.4),
                (0.5, 0.0, 0.5),
                (0.8, 0.1, 0.1),
                (0.2, 0.2, 0.6),
            ):
                model.params = BlendParams(
                    **{**params.as_dict(), "w_cooc": w_cooc, "w_als": w_als, "w_pop": w_pop}
                )
                ndcg = metrics(_ours_top(model, users), users, inner.test, train.n_items)["ndcg@10"]
                if ndcg > best_ndcg:
                    best, best_ndcg = model.params, ndcg
    return best


def evaluate_ours(split: Split, users: np.ndarray) -> tuple[np.ndarray, float, BlendParams]:
    started = time.perf_counter()
    params = tune_weights(split.train, BlendParams())
    model = fit_blend(split.train, params, now=split.cutoff)
    seconds = time.perf_counter() - started
    return _ours_top(model, users), seconds, params


def evaluate(dataset: Dataset) -> dict:
    """Every model on the same split, keyed by model name, plus a description of the split."""
    split = time_split(dataset.events)
    users = np.asarray(sorted(split.test), dtype=np.int32)
    if len(users) == 0:
        raise DomainError(
            "no person has purchases both before and after the time cut", field="data"
        )
    n_items = dataset.events.n_items
    report: dict = {}
    ours, seconds, params = evaluate_ours(split, users)
    report["ours"] = {**metrics(ours, users, split.test, n_items), "train_seconds": seconds}
    top, seconds = evaluate_popularity(split, users)
    report["popularity"] = {**metrics(top, users, split.test, n_items), "train_seconds": seconds}
    for kind in ("als", "bpr"):
        top, seconds = evaluate_implicit(split, users, kind)
        report[f"implicit_{kind}"] = {
            **metrics(top, users, split.test, n_items),
            "train_seconds": seconds,
        }
    report["_split"] = {
        "events": int(len(dataset.events.users)),
        "train_events": int(len(split.train.users)),
        "people": dataset.events.n_users,
        "items": n_items,
        "test_people": int(len(users)),
        "cutoff": datetime.fromtimestamp(split.cutoff, tz=UTC).isoformat(),
        "dropped": dataset.dropped,
        "ours_params": params.as_dict(),
    }
    return report
