"""The guard corpus: paraphrase families of claims and close innocents, with a fixed split.

See README.md beside this file for the format and the tune / held-out rule.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "fr", "de", "es")


@dataclass(frozen=True)
class Row:
    id: str
    family: str
    language: str
    label: str  # a claim kind, or "none"
    text: str
    named: dict[str, str] = field(default_factory=dict)
    also: tuple[str, ...] = ()  # further claim kinds the same sentence makes

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.label, *self.also)

    @property
    def held_out(self) -> bool:
        return is_held_out(self.family)


def is_held_out(family: str) -> bool:
    """Fixed before tuning: about a third of the families, chosen by a hash of the family id."""
    return int(hashlib.sha256(family.encode()).hexdigest()[:8], 16) % 3 == 0


def _named(spec: str) -> dict[str, str]:
    spec = spec.strip()
    if not spec or spec == "-":
        return {}
    pairs = (part.split("=", 1) for part in spec.split(";") if part.strip())
    return {key.strip(): value.strip() for key, value in pairs}


def load(language: str, folder: Path = HERE) -> list[Row]:
    rows: list[Row] = []
    family = label = ""
    default: dict[str, str] = {}
    count = 0
    path = folder / f"{language}.txt"
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or (line.startswith("#") and not line.startswith("##")):
            continue
        if line.startswith("## "):
            parts = line[3:].split(maxsplit=2)
            if len(parts) < 2:
                raise ValueError(f"{path.name}:{number}: a family needs an id and a label")
            family, label = parts[0], parts[1]
            default = _named(parts[2]) if len(parts) == 3 else {}
            count = 0
            continue
        if not family:
            raise ValueError(f"{path.name}:{number}: a sentence before any family header")
        text, _, override = line.partition(" | ")
        count += 1
        parts = [part.strip() for part in override.split(";") if part.strip()]
        also = tuple(p[1:] for p in parts if p.startswith("+"))
        spec = ";".join(p for p in parts if not p.startswith("+"))
        named = _named(spec) if spec else dict(default)
        row = Row(f"{family}-{count}", family, language, label, text.strip(), named, also)
        rows.append(row)
    return rows


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
