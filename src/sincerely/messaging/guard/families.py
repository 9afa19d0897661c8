"""Paraphrase-family files: the classifier's training sentences (`training/`) and the
bench's guard corpus share this format (described in bench/guard_corpus/README.md).

    ## <family id> <label> [key=value; key=value]
    One sentence per line.
    A sentence whose named things differ from the family's. | key=value
    A sentence that makes a second claim too. | +said; place=Lisbon
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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


def _named(spec: str) -> dict[str, str]:
    spec = spec.strip()
    if not spec or spec == "-":
        return {}
    pairs = (part.split("=", 1) for part in spec.split(";") if part.strip())
    return {key.strip(): value.strip() for key, value in pairs}


def load(language: str, folder: Path, row: type[Row] = Row) -> list[Row]:
    """Every sentence of `folder/<language>.txt` (as `row`, a Row subclass if given); an
    error names the file and line."""
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
        rows.append(row(f"{family}-{count}", family, language, label, text.strip(), named, also))
    return rows
