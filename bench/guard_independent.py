"""The claims detector on the independent corpus: text nobody tuning the rules has read.

    python -m bench guard        (prints these lines after the tuning corpus's)

`bench/guard_corpus/independent/` was written by someone who saw neither the detector nor
the tuning corpus (its SOURCE.md says who, when and how). It is never tuned on: only these
aggregates are printed, never a missed or flagged sentence, so the figures stay an
outsider's measurement. The targets are the issue's: recall ≥ 95%, false positives ≤ 3%.
"""

from __future__ import annotations

from bench.guard_corpus import HERE, LANGUAGES, load, score

FOLDER = HERE / "independent"
RECALL_TARGET = 0.95
FP_TARGET = 0.03


def rows() -> list:
    return [row for lang in LANGUAGES for row in load(lang, FOLDER)]


def independent() -> bool:
    met = True
    for lang in LANGUAGES:
        rows = load(lang, FOLDER)
        s = score(rows)
        claim_families = len({r.family for r in rows if r.label != "none"})
        innocent_families = len({r.family for r in rows if r.label == "none"})
        ok = s.recall >= RECALL_TARGET and s.fp_rate <= FP_TARGET
        met &= ok
        print(
            f"guard {lang} independent corpus (never tuned on): recall {s.recall:.1%} "
            f"({s.caught}/{s.claims} claims, {claim_families} families) | false positives "
            f"{s.fp_rate:.1%} ({s.flagged}/{s.innocents} innocents, {innocent_families} "
            f"families)  (target recall ≥ 95%, fp ≤ 3%: {'meets' if ok else 'BELOW'})  "
            f"[kind right {s.kind_right}/{s.caught}; named things found "
            f"{s.named_right}/{s.named_expected}]"
        )
    return met
