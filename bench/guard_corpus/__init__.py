"""The guard corpus: paraphrase families of claims and close innocents, with a fixed split.

See README.md beside this file for the format and the tune / held-out rule.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sincerely.messaging.guard import families

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "fr", "de", "es")
__all__ = ["HERE", "LANGUAGES", "Row", "Score", "is_held_out", "load", "load_all", "score"]


def is_held_out(family: str) -> bool:
    """Fixed before tuning: about a third of the families, chosen by a hash of the family id."""
    return int(hashlib.sha256(family.encode()).hexdigest()[:8], 16) % 3 == 0


@dataclass(frozen=True)
class Row(families.Row):
    """A corpus sentence, which knows which side of the tune / held-out split it is on."""

    @property
    def held_out(self) -> bool:
        return is_held_out(self.family)


def load(language: str, folder: Path = HERE) -> list[Row]:
    return families.load(language, folder, Row)


def load_all() -> list[Row]:
    return [row for language in LANGUAGES for row in load(language)]


@dataclass
class Score:
    """Recall on claims and false-positive rate on innocents, for one slice of the corpus."""

    claims: int = 0
    caught: int = 0
    innocents: int = 0
    flagged: int = 0
    kind_right: int = 0
    named_expected: int = 0
    named_right: int = 0
    misses: list[Row] = field(default_factory=list)
    false_alarms: list[tuple[Row, list[str]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.claims if self.claims else 1.0

    @property
    def fp_rate(self) -> float:
        return self.flagged / self.innocents if self.innocents else 0.0


def _same_name(expected: str, found: str | None) -> bool:
    if not found:
        return False

    def strip(value: str) -> str:
        words = value.lower().split()
        articles = {"the", "la", "le", "l'", "les", "die", "der", "das", "den", "el", "los", "las"}
        return " ".join(w for w in words if w not in articles)

    a, b = strip(expected), strip(found)
    return a == b or a in b or b in a


def score(rows: list[Row]) -> Score:
    """Run the detector on rows: a claim row is caught when any claim is found in it."""
    from sincerely.messaging.guard.claims import detect_claims

    result = Score()
    for row in rows:
        claims = detect_claims(row.text)
        if row.label == "none":
            result.innocents += 1
            if claims:
                result.flagged += 1
                result.false_alarms.append((row, [c.kind for c in claims]))
            continue
        result.claims += 1
        if not claims:
            result.misses.append(row)
            continue
        result.caught += 1
        # "interest" is the shown (not spoken) form of "said".
        kinds = set(row.kinds) | ({"interest"} if "said" in row.kinds else set())
        result.kind_right += any(kinds & {c.kind, *c.alternatives} for c in claims)
        named: dict[str, str] = {}
        for claim in claims:
            named.update({k: v for k, v in claim.named.items() if k not in named})
        for key, value in row.named.items():
            result.named_expected += 1
            result.named_right += _same_name(value, named.get(key))
    return result
