"""A small trained classifier beside the detector's rules, for claims phrased as no rule expects.

The rules in `detector_rules.py` were written from our own paraphrase families and find only
two thirds of the claims in text written blind to them; this model reads word and character
n-grams, so a new verb, tense or word order still looks like the claims it was trained on.
It learns from the paraphrase families under `training/` (one file per language, the guard
corpus format of bench/guard_corpus/README.md), is trained at first use in a second or two,
and is kept in memory. `claims.py` asks it only when no rule found a claim, and only keeps
its answer when the scope rules (quotations, conditionals, questions, negations, footers)
allow one in the sentence.
"""

from __future__ import annotations

import hashlib
import threading
from functools import lru_cache
from pathlib import Path

from sincerely.messaging.guard import families
from sincerely.messaging.guard.families import Row

TRAINING = Path(__file__).resolve().parent / "training"
LANGUAGES = ("en", "fr", "de", "es")
NONE = "none"

# The probability that a sentence makes some claim (1 - P(none)) above which the classifier
# reports one. Chosen on the tune families and our training families by cross-validation by
# family (bench/guard_classifier_eval.py --sweep), never on held-out rows: the lowest
# threshold whose cross-validated false positives added to the rules' stay at or under 1%
# (0.8% at 0.9, against 3.5% at 0.8), leaving room under the 3%.
THRESHOLD = 0.9

# Regularisation of the logistic regression (inverse strength), chosen with the threshold.
C = 10.0


def load_examples(language: str, folder: Path = TRAINING) -> list[Row]:
    """The sentences of one language's family file (named things are not used here)."""
    return families.load(language, folder)


def training_examples(folder: Path = TRAINING) -> list[Row]:
    return [example for language in LANGUAGES for example in load_examples(language, folder)]


class ClaimModel:
    """TF-IDF over word 1-2-grams and character 2-5-grams, then a multinomial logistic
    regression over the claim kinds and "none". Deterministic: liblinear-free solver, fixed
    random_state, and training text in file order."""

    def __init__(self, texts: list[str], labels: list[str], c: float = C) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion

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
        matrix = self.features.fit_transform([_prepare(t) for t in texts])
        self.model = LogisticRegression(C=c, max_iter=2000, random_state=0)
        self.model.fit(matrix, labels)
        self.classes: list[str] = list(self.model.classes_)
        self._none = self.classes.index(NONE)

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        """For each text: the most likely claim kind and the probability of any claim."""
        probabilities = self.model.predict_proba(
            self.features.transform([_prepare(t) for t in texts])
        )
        result = []
        for row in probabilities:
            ranked = sorted(
                (p, kind)
                for i, (kind, p) in enumerate(zip(self.classes, row, strict=True))
                if i != self._none
            )
            result.append((str(ranked[-1][1]), float(1.0 - row[self._none])))
        return result


def _prepare(text: str) -> str:
    # Digits say nothing about a claim ("since 2015" and "since 2019" are one feature).
    return "".join("0" if char.isdigit() else char for char in " ".join(text.split()))


_lock = threading.Lock()
_model: ClaimModel | None = None


def model() -> ClaimModel:
    """The model trained on the shipped training families, trained once per process."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                examples = training_examples()
                _model = ClaimModel([e.text for e in examples], [e.label for e in examples])
    return _model


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
