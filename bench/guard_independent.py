"""The claims detector on the independent corpus: text nobody tuning the rules has read.

    python -m bench guard        (prints these lines after the tuning corpus's)

`bench/guard_corpus/independent/` was written by someone who saw neither the detector nor
the tuning corpus (its SOURCE.md says who, when and how). It is never tuned on: only these
aggregates are printed, never a missed or flagged sentence, so the figures stay an
outsider's measurement. The targets are the issue's: recall ≥ 95%, false positives ≤ 3%.
"""

from __future__ import annotations

from bench.guard_corpus import HERE, LANGUAGES, load

FOLDER = HERE / "independent"


def rows() -> list:
    return [row for lang in LANGUAGES for row in load(lang, FOLDER)]


def independent() -> bool:
    from bench.bench_guard import quality_line

    met = True
    for lang in LANGUAGES:
        ok, line = quality_line(lang, "independent corpus (never tuned on)", load(lang, FOLDER))
        met &= ok
        print(line)
    return met
