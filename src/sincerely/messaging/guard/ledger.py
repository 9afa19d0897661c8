"""The evidence ledger: every personal statement a message makes and the record behind it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Ledger:
    """Entries are JSON-ready dicts; the same record used twice is listed once."""

    entries: list[dict] = field(default_factory=list)
    _seen: set[tuple] = field(default_factory=set, repr=False)

    def add(self, entry: dict) -> None:
        identity = (entry.get("type"), entry.get("kind") or entry.get("key"), entry.get("id"))
        if identity in self._seen:
            return
        self._seen.add(identity)
        self.entries.append(entry)

    def add_fact(self, fact) -> None:
        self.add(
            {
                "type": "fact",
                "id": fact.pk,
                "key": fact.key,
                "value": fact.value,
                "source": fact.source_kind,
                "source_ref": fact.source_ref,
                "recorded_at": fact.recorded_at.isoformat(),
                "trust": getattr(fact, "trust", "verified"),
            }
        )

    def add_evidence(self, kind: str, argument: str, record: dict) -> None:
        self.add({"type": "evidence", "kind": kind, "argument": argument, **record})
