"""The claims classifier measured honestly, in aggregates only.
(`python -m bench.guard_classifier_eval [--sweep]`)

1. Threshold: cross-validation by family (GroupKFold) on the tune families and our training
   families; each sentence is scored by a model that never saw its family. Prints recall and
   false positives of the combined detector for a range of thresholds and C values.
2. Held-out families of bench/guard_corpus: a model trained on the training families plus
   the tune families; recall, false positives and kind accuracy per language for the rules
   alone, the classifier alone (with its scope vetoes) and both.
3. Leave-family-out on the training families (5 folds by family), the same three figures:
   the closest we have to phrasing never seen.
4. Cost per sentence of the classifier (uncached).

Never reads the independent corpus, and prints no held-out sentence.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from bench.guard_corpus import LANGUAGES, load_all
from sincerely.messaging.guard import claims as claims_module
from sincerely.messaging.guard import classifier, encoder
from sincerely.messaging.guard.normalise import normalise_text


@dataclass
class Item:
    text: str  # normalised, flattened
    language: str
    label: str
    kinds: frozenset[str]
    group: str  # family id, with its source
    rules: tuple[str, ...] = ()  # kinds the rules find
    scope: str | None = None  # language the classifier may claim in, None when vetoed
    future: bool = False


def _items(rows) -> list[Item]:
    items = []
    for row in rows:
        flat = " ".join(normalise_text(row.text).split())
        kinds = set(getattr(row, "kinds", (row.label,)))
        if "said" in kinds:
            kinds.add("interest")
        item = Item(flat, row.language, row.label, frozenset(kinds), row.family)
        item.rules = tuple(k for k, *_ in claims_module._detect(flat, learned=False))
        item.scope = claims_module.classifier_scope(flat)
        item.future = item.scope is not None and claims_module._is_future(flat, item.scope)
        items.append(item)
    return items


def _training_items() -> list[Item]:
    return _items(classifier.training_examples())


def _combined(item: Item, kind: str, p: float, threshold: float, use_rules: bool = True):
    """The kinds the combined detector reports for an item, given the model's answer."""
    if use_rules and item.rules:
        return item.rules
    if item.scope is None or p < threshold:
        return ()
    if kind in {"meeting", "attendance", "visit", "call", "conversation"} and item.future:
        return ()
    return (kind,)


@dataclass
class Tally:
    claims: int = 0
    caught: int = 0
    kind_right: int = 0
    innocents: int = 0
    flagged: int = 0

    def add(self, item: Item, found) -> None:
        if item.label == "none":
            self.innocents += 1
            self.flagged += bool(found)
        else:
            self.claims += 1
            self.caught += bool(found)
            self.kind_right += bool(set(found) & item.kinds)

    def line(self) -> str:
        recall = self.caught / self.claims if self.claims else 1.0
        fp = self.flagged / self.innocents if self.innocents else 0.0
        kind = self.kind_right / self.caught if self.caught else 0.0
        return (
            f"recall {recall:6.1%} ({self.caught}/{self.claims})  FP {fp:5.1%} "
            f"({self.flagged}/{self.innocents})  kind {kind:6.1%}"
        )


_vectors: dict[str, np.ndarray] = {}


def _embeddings(items: list[Item]) -> np.ndarray:
    """The encoder's vectors of the items: the shipped ones of the training sentences,
    the rest embedded once per run."""
    if not _vectors:
        texts = [classifier.flatten(e.text) for e in classifier.training_examples()]
        _vectors.update(zip(texts, encoder.training_embeddings(texts), strict=True))
    missing = list(dict.fromkeys(i.text for i in items if i.text not in _vectors))
    _vectors.update(zip(missing, encoder.embed(missing), strict=True))
    return np.array([_vectors[i.text] for i in items])


def _fit(items: list[Item], c: float) -> classifier.ClaimModel:
    return classifier.ClaimModel(
        [i.text for i in items], [i.label for i in items], c=c, embeddings=_embeddings(items)
    )


def _out_of_fold(items: list[Item], extra: list[Item], c: float, folds: int = 5):
    """Each item's (kind, P(claim)) from a model that never saw its family; `extra` is
    always in training."""
    from sklearn.model_selection import GroupKFold

    answers: list[tuple[str, float]] = [("", 0.0)] * len(items)
    groups = [i.group for i in items]
    for train, test in GroupKFold(n_splits=folds).split(items, groups=groups):
        model = _fit([items[i] for i in train] + extra, c)
        for index, answer in zip(test, model.predict([items[i].text for i in test]), strict=True):
            answers[index] = answer
    return answers


def _report(title: str, items: list[Item], answers, threshold: float) -> None:
    print(title)
    by_lang: dict[str, list[Tally]] = defaultdict(lambda: [Tally(), Tally(), Tally()])
    for item, (kind, p) in zip(items, answers, strict=True):
        rules_only, model_only, both = by_lang[item.language]
        rules_only.add(item, item.rules)
        model_only.add(item, _combined(item, kind, p, threshold, use_rules=False))
        both.add(item, _combined(item, kind, p, threshold))
    for language in LANGUAGES:
        if language not in by_lang:
            continue
        for name, tally in zip(("rules", "classifier", "combined"), by_lang[language], strict=True):
            print(f"  {language} {name:<10} {tally.line()}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sweep", action="store_true", help="threshold and C by CV on tune")
    args = parser.parse_args()
    rows = load_all()
    tune = _items([r for r in rows if not r.held_out])
    held = _items([r for r in rows if r.held_out])
    training = _training_items()
    threshold = classifier.THRESHOLD
    print(f"training sentences: {len(training)}, tune: {len(tune)}, held-out: {len(held)}")

    if args.sweep:
        pool = tune + training
        innocents = [i for i in pool if i.label == "none" and not i.rules]
        for c in (3.0, 10.0):
            answers = _out_of_fold(pool, [], c)
            for t in (0.8, 0.85, 0.9, 0.93, 0.95, 0.97):
                total = Tally()
                by_lang: dict[str, Tally] = defaultdict(Tally)
                added = 0
                for item, (kind, p) in zip(pool, answers, strict=True):
                    found = _combined(item, kind, p, t)
                    total.add(item, found)
                    by_lang[item.language].add(item, found)
                    added += bool(item.label == "none" and found and not item.rules)
                print(
                    f"CV tune+training C={c:<5} t={t:.2f}  {total.line()}  "
                    f"added FP {added / len(innocents):5.1%}"
                )
                for language in LANGUAGES:
                    print(f"    {language}  {by_lang[language].line()}")

    model = _fit(training + tune, classifier.C)
    _report(
        f"held-out families (model: training + tune, threshold {threshold})",
        held,
        model.predict([i.text for i in held]),
        threshold,
    )
    _report(
        "training families, leave-family-out (5 folds; tune families always in training)",
        training,
        _out_of_fold(training, tune, classifier.C),
        threshold,
    )

    start = time.perf_counter()
    shipped = _fit(training, classifier.C)
    print(f"training the shipped model: {time.perf_counter() - start:.2f} s")
    texts = [i.text for i in held]
    start = time.perf_counter()
    for text in texts:
        shipped.predict([text])
    per = (time.perf_counter() - start) / len(texts) * 1e6
    print(f"classifier cost per sentence (uncached, one at a time): {per:.0f} µs")


if __name__ == "__main__":
    main()
