"""The recommendation model: item-item co-occurrence blended with ALS and trending popularity.

Pure numpy/scipy, no database: the training job (services.train_recommendations) and the
offline evaluation (evaluation.py) feed it the same interaction arrays, so what we measure
is what we ship.

Why this blend: on sparse retail baskets (the UCI Online Retail sample has ~8 lines per
customer) a latent-factor model alone under-fits, plain popularity ignores the person, and
item-item co-occurrence ("people who bought Y also bought this") is precise but short. The
three are scaled to [0, 1] globally and summed with weights tuned on a validation split cut
from the training period only (never on the test period), see `tune_weights`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

# implicit warns when OpenBLAS runs its own thread pool beside implicit's; the library
# advises one BLAS thread (implicit/utils.py check_blas_config).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

DAY = 86400.0


@dataclass
class Interactions:
    """Events as parallel arrays: who (row index), what (column index), when, how many."""

    users: np.ndarray
    items: np.ndarray
    times: np.ndarray
    quantities: np.ndarray
    n_users: int
    n_items: int

    def matrix(self, *, now: float, half_life_days: float | None) -> sparse.csr_matrix:
        """A users × items matrix of recency-weighted event counts (duplicates summed)."""
        if half_life_days:
            weights = np.power(0.5, (now - self.times) / (half_life_days * DAY))
        else:
            weights = np.ones(len(self.users))
        return sparse.csr_matrix(
            (weights.astype(np.float32), (self.users, self.items)),
            shape=(self.n_users, self.n_items),
        )

    def counts(self) -> sparse.csr_matrix:
        return sparse.csr_matrix(
            (np.ones(len(self.users), dtype=np.float32), (self.users, self.items)),
            shape=(self.n_users, self.n_items),
        )


@dataclass
class BlendParams:
    """Defaults are what `tune_weights` chose on the Online Retail sample's validation split."""

    w_cooc: float = 0.8
    w_als: float = 0.1
    w_pop: float = 0.1
    half_life_days: float = 365.0
    trend_days: float = 30.0
    shrink: float = 5.0
    factors: int = 48
    iterations: int = 12
    regularization: float = 0.05
    alpha: float = 10.0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class BlendModel:
    """A trained blend: item-item similarity, ALS factors and a trending-popularity vector."""

    params: BlendParams
    similarity: sparse.csr_matrix
    popularity: np.ndarray
    user_factors: np.ndarray | None
    item_factors: np.ndarray | None
    history: sparse.csr_matrix
    consumable: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def components(self, users: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Co-occurrence, ALS and popularity scores, each in [0, 1], for a chunk of users."""
        hist = self.history[users]
        cooc = np.asarray((hist @ self.similarity).todense(), dtype=np.float32)
        # The sum over a person's history grows with its length; dividing by the history
        # weight keeps scores comparable between people, so one threshold fits everyone.
        norms = np.asarray(hist.sum(axis=1), dtype=np.float32).reshape(-1, 1)
        cooc = cooc / np.maximum(norms, 1e-6)
        if self.user_factors is not None and self.item_factors is not None:
            als = np.clip(self.user_factors[users] @ self.item_factors.T, 0.0, 1.0)
        else:
            als = np.zeros_like(cooc)
        pop = np.broadcast_to(self.popularity, cooc.shape)
        return cooc, als, pop

    def score(self, users: np.ndarray) -> np.ndarray:
        p = self.params
        cooc, als, pop = self.components(users)
        return p.w_cooc * cooc + p.w_als * als + p.w_pop * pop

    def owned_mask(self, users: np.ndarray) -> sparse.csr_matrix:
        """Items each user already has (consumables excepted): never offered again."""
        hist = (self.history[users] > 0).astype(np.float32)
        if self.consumable.any():
            hist = hist.multiply(~self.consumable[np.newaxis, :]).tocsr()
        return hist

    def top_n(
        self, users: np.ndarray, n: int, *, exclude: sparse.csr_matrix | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Indices and scores of each user's n best items not already owned (or excluded)."""
        scores = self.score(users)
        blocked = self.owned_mask(users)
        if exclude is not None:
            blocked = blocked + exclude
        rows, cols = blocked.nonzero()
        scores[rows, cols] = -np.inf
        n = min(n, scores.shape[1])
        part = np.argpartition(-scores, n - 1, axis=1)[:, :n]
        part_scores = np.take_along_axis(scores, part, axis=1)
        order = np.argsort(-part_scores, axis=1)
        return np.take_along_axis(part, order, axis=1), np.take_along_axis(
            part_scores, order, axis=1
        )


def cooccurrence_similarity(binary: sparse.csr_matrix, shrink: float) -> sparse.csr_matrix:
    """Item-item cosine similarity on who-bought-what, shrunk towards 0 for rare pairs."""
    binary = binary.astype(np.float32)
    co = (binary.T @ binary).tocsr()
    co.setdiag(0)
    co.eliminate_zeros()
    item_counts = np.asarray(binary.sum(axis=0)).ravel()
    norms = np.sqrt(np.maximum(item_counts, 1.0))
    co = co.tocoo()
    data = co.data / (norms[co.row] * norms[co.col]) * (co.data / (co.data + shrink))
    return sparse.csr_matrix((data.astype(np.float32), (co.row, co.col)), shape=co.shape)


def trending_popularity(events: Interactions, *, now: float, trend_days: float) -> np.ndarray:
    """Distinct buyers per item, weighted by how recent the purchase is, scaled to [0, 1]."""
    weights = np.power(0.5, (now - events.times) / (trend_days * DAY))
    pop = np.bincount(events.items, weights=weights, minlength=events.n_items).astype(np.float32)
    top = pop.max() if len(pop) else 0.0
    return pop / top if top > 0 else pop


def fit_blend(
    events: Interactions,
    params: BlendParams,
    *,
    now: float | None = None,
    consumable: np.ndarray | None = None,
    seed: int = 7,
) -> BlendModel:
    from threadpoolctl import threadpool_limits

    now = float(events.times.max()) if now is None else now
    history = events.matrix(now=now, half_life_days=params.half_life_days)
    binary = (events.counts() > 0).astype(np.float32).tocsr()
    similarity = cooccurrence_similarity(binary, params.shrink)
    popularity = trending_popularity(events, now=now, trend_days=params.trend_days)
    user_factors = item_factors = None
    if params.w_als > 0 and events.n_users > 1 and events.n_items > 1:
        from implicit.als import AlternatingLeastSquares

        with threadpool_limits(1, "blas"):
            model = AlternatingLeastSquares(
                factors=params.factors,
                iterations=params.iterations,
                regularization=params.regularization,
                alpha=params.alpha,
                random_state=seed,
            )
            model.fit(binary, show_progress=False)
        user_factors = np.asarray(model.user_factors)
        item_factors = np.asarray(model.item_factors)
    return BlendModel(
        params=params,
        similarity=similarity,
        popularity=popularity,
        user_factors=user_factors,
        item_factors=item_factors,
        history=history,
        consumable=consumable if consumable is not None else np.zeros(events.n_items, bool),
    )
