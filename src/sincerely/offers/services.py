"""Actions of offers: train recommendations into Offer rows, and record "not for me"."""

from __future__ import annotations

import logging
import time
from array import array
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from scipy import sparse

from sincerely.catalogue.models import Product
from sincerely.errors import DomainError
from sincerely.offers.models import Offer, OfferRejection, TrainingRun
from sincerely.offers.recommender import DAY, BlendModel, BlendParams, Interactions, fit_blend
from sincerely.people.models import Person
from sincerely.timeline.services import record_touchpoint

log = logging.getLogger(__name__)

STREAM_CHUNK = 20000
# Views say less than purchases: a product page view counts this much of a purchase.
VIEW_WEIGHT = 0.3
VIEW_HALF_LIFE_DAYS = 7.0
RECENT_VIEW_DAYS = 30
# Touchpoint kinds that name a product (properties.sku) someone looked at.
VIEW_KINDS = ("product_view", "page_view")


def min_score() -> float:
    """The relevance threshold: below it nothing is offered, whatever the rank.

    Scores run from 0 to 1 (weights sum to 1). At 0.08, measured on the Online Retail
    sample, a product carried by popularity alone must be within 80 % of the top trending
    one, and people get 6.8 offers on average instead of a padded 10.
    """
    return float(getattr(settings, "OFFER_MIN_SCORE", 0.08))


def offers_per_person() -> int:
    return int(getattr(settings, "OFFERS_PER_PERSON", 10))


@dataclass
class Catalogue:
    ids: np.ndarray
    skus: list[str]
    names: list[str]
    categories: list[str]
    offerable: np.ndarray
    consumable: np.ndarray
    column: dict[int, int]


def _catalogue() -> Catalogue:
    rows = list(
        Product.objects.order_by("pk").values_list(
            "pk", "sku", "name", "category", "active", "in_stock", "is_consumable"
        )
    )
    return Catalogue(
        ids=np.array([r[0] for r in rows], dtype=np.int64),
        skus=[r[1] for r in rows],
        names=[r[2] for r in rows],
        categories=[r[3] for r in rows],
        offerable=np.array([bool(r[4] and r[5]) for r in rows], dtype=bool),
        consumable=np.array([bool(r[6]) for r in rows], dtype=bool),
        column={r[0]: i for i, r in enumerate(rows)},
    )


@dataclass
class _Stream:
    persons: array
    columns: array
    times: array
    weights: array


def _stream_events(catalogue: Catalogue) -> _Stream:
    """Purchases and product views as compact arrays, read from the database in chunks.

    Memory is a few bytes per event (typed arrays), never a model instance per row. Views of
    a product the person rejected are left out, so "not for me" also teaches the model.
    """
    from sincerely.timeline.models import PurchaseLine, Touchpoint

    out = _Stream(array("q"), array("q"), array("d"), array("f"))
    lines = PurchaseLine.objects.filter(quantity__gt=0).values_list("person_id", "product_id", "at")
    for person_id, product_id, at in lines.iterator(chunk_size=STREAM_CHUNK):
        out.persons.append(person_id)
        out.columns.append(catalogue.column[product_id])
        out.times.append(at.timestamp())
        out.weights.append(1.0)
    sku_column = {sku: i for i, sku in enumerate(catalogue.skus)}
    rejected = set(OfferRejection.objects.values_list("person_id", "product_id"))
    views = Touchpoint.objects.filter(
        kind__in=VIEW_KINDS, person__isnull=False, properties__has_key="sku"
    ).values_list("person_id", "properties__sku", "at")
    for person_id, sku, at in views.iterator(chunk_size=STREAM_CHUNK):
        col = sku_column.get(str(sku))
        if col is None or (person_id, int(catalogue.ids[col])) in rejected:
            continue
        out.persons.append(person_id)
        out.columns.append(col)
        out.times.append(at.timestamp())
        out.weights.append(VIEW_WEIGHT)
    return out


def _rejection_mask(person_ids: np.ndarray, catalogue: Catalogue) -> sparse.csr_matrix:
    """Row per person in the chunk: 1 where they rejected the item or its whole category."""
    row_of = {int(pid): r for r, pid in enumerate(person_ids)}
    by_category: dict[str, list[int]] = {}
    for col, category in enumerate(catalogue.categories):
        if category:
            by_category.setdefault(category, []).append(col)
    rows: list[int] = []
    cols: list[int] = []
    for person_id, product_id, scope, category in OfferRejection.objects.filter(
        person_id__in=[int(p) for p in person_ids]
    ).values_list("person_id", "product_id", "scope", "category"):
        r = row_of[person_id]
        if product_id in catalogue.column:
            rows.append(r)
            cols.append(catalogue.column[product_id])
        if scope == OfferRejection.Scope.CATEGORY and category:
            for col in by_category.get(category, []):
                rows.append(r)
                cols.append(col)
    return sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(len(person_ids), len(catalogue.ids)),
    )


def _recent_views(
    stream: _Stream, rows: np.ndarray, now: float, n_rows: int, n_items: int
) -> sparse.csr_matrix:
    """Score of "you looked at it recently" per (person, item): 0.3 halving every 7 days."""
    weights = np.frombuffer(stream.weights, dtype=np.float32)
    times = np.frombuffer(stream.times, dtype=np.float64)
    is_view = (weights < 1.0) & (times >= now - RECENT_VIEW_DAYS * DAY)
    cols = np.frombuffer(stream.columns, dtype=np.int64)
    scores = VIEW_WEIGHT * np.power(0.5, (now - times[is_view]) / (VIEW_HALF_LIFE_DAYS * DAY))
    matrix = sparse.csr_matrix(
        (scores.astype(np.float32), (rows[is_view], cols[is_view])), shape=(n_rows, n_items)
    )
    # Several views of one item add up, but never beyond one fresh view's weight.
    matrix.data = np.minimum(matrix.data, VIEW_WEIGHT)
    return matrix


@dataclass
class TrainingResult:
    run: TrainingRun
    model: BlendModel | None


def train_recommendations(
    *, params: BlendParams | None = None, now: datetime | None = None
) -> TrainingResult:
    """Train on every purchase and product view, then replace each person's Offer rows.

    Business rules applied here, so every reader of Offer can trust them: nothing the
    person owns (unless consumable), nothing they rejected (item or category), nothing
    inactive or out of stock, nothing under the relevance threshold — and no padding: a
    person with nothing above it keeps no offers.
    """
    started = time.perf_counter()
    written_at = timezone.now()
    moment = now or written_at
    run = TrainingRun.objects.create(started_at=written_at, params={})
    params = params or BlendParams()
    catalogue = _catalogue()
    stream = _stream_events(catalogue)
    person_of_event = np.frombuffer(stream.persons, dtype=np.int64)
    if len(person_of_event) == 0 or len(catalogue.ids) == 0:
        with transaction.atomic():
            Offer.objects.all().delete()
        run.finished_at = timezone.now()
        run.seconds = time.perf_counter() - started
        run.save()
        return TrainingResult(run, None)
    person_ids, rows = np.unique(person_of_event, return_inverse=True)
    events = Interactions(
        users=rows.astype(np.int32),
        items=np.frombuffer(stream.columns, dtype=np.int64).astype(np.int32),
        times=np.frombuffer(stream.times, dtype=np.float64),
        quantities=np.frombuffer(stream.weights, dtype=np.float32),
        n_users=len(person_ids),
        n_items=len(catalogue.ids),
    )
    now_ts = moment.timestamp()
    model = fit_blend(events, params, now=now_ts, consumable=catalogue.consumable)
    # Views enter the history with their lower weight (fit_blend counts events equally).
    model.history = sparse.csr_matrix(
        (
            events.quantities
            * np.power(0.5, (now_ts - events.times) / (params.half_life_days * DAY)),
            (events.users, events.items),
        ),
        shape=(events.n_users, events.n_items),
    )
    purchases_only = events.quantities >= 1.0
    owned = sparse.csr_matrix(
        (
            np.ones(int(purchases_only.sum()), dtype=np.float32),
            (events.users[purchases_only], events.items[purchases_only]),
        ),
        shape=(events.n_users, events.n_items),
    )
    views = _recent_views(stream, events.users, now_ts, events.n_users, events.n_items)
    del stream
    offers, people_with_offers = _write_offers(
        model, owned, views, person_ids, catalogue, written_at
    )
    run.finished_at = timezone.now()
    run.seconds = time.perf_counter() - started
    run.events = len(events.users)
    run.people = len(person_ids)
    run.products = len(catalogue.ids)
    run.offers = offers
    run.people_with_offers = people_with_offers
    run.params = {**params.as_dict(), "min_score": min_score()}
    run.save()
    return TrainingResult(run, model)


def _write_offers(
    model: BlendModel,
    owned: sparse.csr_matrix,
    views: sparse.csr_matrix,
    person_ids: np.ndarray,
    catalogue: Catalogue,
    moment: datetime,
) -> tuple[int, int]:
    p = model.params
    n_items = len(catalogue.ids)
    top_n = offers_per_person()
    threshold = min_score()
    # Scores are dense per chunk of people: bound the chunk so it stays ~8 MB of floats.
    chunk = max(16, min(2000, 2_000_000 // max(n_items, 1)))
    not_offerable = ~catalogue.offerable
    item_norms = None
    if model.item_factors is not None:
        item_norms = model.item_factors / np.maximum(
            np.linalg.norm(model.item_factors, axis=1, keepdims=True), 1e-9
        )
    total = with_offers = 0
    for start in range(0, len(person_ids), chunk):
        users = np.arange(start, min(start + chunk, len(person_ids)))
        cooc, als, pop = model.components(users)
        parts = np.stack([p.w_cooc * cooc, p.w_als * als, p.w_pop * pop, views[users].toarray()])
        scores = np.maximum(parts[:3].sum(axis=0), parts[3])
        blocked = _rejection_mask(person_ids[users], catalogue)
        owned_chunk = owned[users]
        if catalogue.consumable.any():
            owned_chunk = owned_chunk.multiply(~catalogue.consumable[np.newaxis, :]).tocsr()
        blocked = (blocked + owned_chunk).tocsr()
        r, c = blocked.nonzero()
        scores[r, c] = -np.inf
        scores[:, not_offerable] = -np.inf
        scores[scores < threshold] = -np.inf
        k = min(top_n, n_items)
        part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        part_scores = np.take_along_axis(scores, part, axis=1)
        order = np.argsort(-part_scores, axis=1)
        best = np.take_along_axis(part, order, axis=1)
        best_scores = np.take_along_axis(part_scores, order, axis=1)
        batch: list[Offer] = []
        for row, user in enumerate(users):
            valid = np.isfinite(best_scores[row])
            if not valid.any():
                continue
            items = best[row][valid]
            hist = model.history[user]
            reasons = _reasons(model, parts[:, row, :], hist, items, item_norms, catalogue)
            for rank, (item, (source, text, because)) in enumerate(
                zip(items.tolist(), reasons, strict=True), start=1
            ):
                batch.append(
                    Offer(
                        person_id=int(person_ids[user]),
                        product_id=int(catalogue.ids[item]),
                        rank=rank,
                        score=float(best_scores[row][rank - 1]),
                        source=source,
                        reason=text[:300],
                        because_of_id=int(catalogue.ids[because]) if because is not None else None,
                        created_at=moment,
                    )
                )
            with_offers += 1
        with transaction.atomic():
            Offer.objects.filter(person_id__in=[int(x) for x in person_ids[users]]).delete()
            Offer.objects.bulk_create(batch, batch_size=5000)
        total += len(batch)
    # People who dropped out of the training data (or the catalogue) keep no stale offers.
    with transaction.atomic():
        Offer.objects.filter(created_at__lt=moment).delete()
    return total, with_offers


def _reasons(
    model: BlendModel,
    parts: np.ndarray,
    hist: sparse.csr_matrix,
    items: np.ndarray,
    item_norms: np.ndarray | None,
    catalogue: Catalogue,
) -> list[tuple[str, str, int | None]]:
    """For each offered item: which signal carried it and, in words, why.

    The co-occurrence and factor similarities between the person's history and the offered
    items are computed once per person as a small (history × offers) block.
    """
    hist_items = hist.indices
    hist_weights = hist.data
    cooc_block = factor_block = None
    if len(hist_items):
        cooc_block = (
            np.asarray(model.similarity[hist_items][:, items].todense()) * hist_weights[:, None]
        )
        if item_norms is not None:
            factor_block = item_norms[hist_items] @ item_norms[items].T
    out = []
    for col, item in enumerate(items.tolist()):
        source = int(np.argmax(parts[:, item]))
        if source == 0 and cooc_block is not None:
            because = int(hist_items[int(np.argmax(cooc_block[:, col]))])
            out.append(
                (
                    Offer.Source.BOUGHT_TOGETHER,
                    f"popular with people who bought {catalogue.names[because]}",
                    because,
                )
            )
        elif source == 1 and factor_block is not None:
            because = int(hist_items[int(np.argmax(factor_block[:, col]))])
            out.append(
                (
                    Offer.Source.SIMILAR_TASTE,
                    f"because you bought {catalogue.names[because]}",
                    because,
                )
            )
        elif source == 3:
            out.append((Offer.Source.RECENTLY_VIEWED, "you looked at it recently", None))
        else:
            out.append((Offer.Source.POPULAR, "popular with our customers at the moment", None))
    return out


@transaction.atomic
def reject_offer(
    person: Person, product: Product, *, whole_category: bool = False, via: str
) -> OfferRejection:
    """Record "not for me": the item (or its category) is gone for this person from now on.

    It is a touchpoint, it removes the matching offers at once, and the next training
    leaves the person's views of the item out.
    """
    if whole_category and not product.category:
        raise DomainError("this product has no category", field="category")
    scope = OfferRejection.Scope.CATEGORY if whole_category else OfferRejection.Scope.ITEM
    existing = OfferRejection.objects.filter(person=person, product=product, scope=scope).first()
    rejection = existing or OfferRejection.objects.create(
        person=person,
        product=product,
        scope=scope,
        category=product.category if whole_category else "",
        at=timezone.now(),
        via=via[:40],
    )
    if existing is None:
        record_touchpoint(
            person,
            "offer_rejected",
            properties={
                "sku": product.sku,
                "product": product.name,
                "category": product.category,
                "scope": scope,
                "via": via,
            },
        )
    removed = Offer.objects.filter(person=person, product=product)
    if whole_category:
        removed = Offer.objects.filter(person=person, product__category=product.category)
    removed.delete()
    return rejection
