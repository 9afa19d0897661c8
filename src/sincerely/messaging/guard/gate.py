"""The render-time gate: every claim a rendered message makes must be backed by this
recipient's own trusted evidence, recorded in the message's ledger.

The linter reads what an author wrote; this reads what a recipient would get. It runs on
the subject, the text, the HTML's visible text with its alt and title attributes, the
sender's display name and the footer's reasons, after Unicode and HTML normalisation, so
a claim assembled from filters, macros, fallbacks, fact values, offer reasons, list or
segment names, or hidden behind zero-width characters and look-alike letters is seen as
the reader sees it. A claim passes only when the ledger holds evidence of a kind that
backs it (see claims.CLAIM_EVIDENCE) and of exactly what the sentence names: "at Web
Summit" needs attendance of Web Summit, "since 2015" a first order in or before 2015.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sincerely.messaging.guard.claims import Claim, detect_claims
from sincerely.messaging.guard.evidence import (
    ATTENDANCE_FACT,
    PREFERENCE_FACTS,
    name_words,
    names_match,
)
from sincerely.messaging.guard.normalise import normalise_text, sentences, visible_text

# Ledger evidence kinds written under other names.
_LEDGER_KIND = {"offer": "offered", "last_purchase": "bought"}
# Words that name nothing in particular: "at the conference" is generic, not a name.
GENERIC_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "our",
        "your",
        "my",
        "their",
        "this",
        "that",
        "last",
        "recent",
        "event",
        "events",
        "conference",
        "show",
        "fair",
        "stand",
        "booth",
        "meeting",
        "meetup",
        "summit",
        "day",
        "week",
        "month",
        "year",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "notre",
        "votre",
        "nos",
        "vos",
        "der",
        "die",
        "das",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "unser",
        "unsere",
        "ihr",
        "ihre",
        "el",
        "los",
        "las",
        "un",
        "una",
        "nuestro",
        "nuestra",
        "su",
        "sus",
        "en",
        "at",
        "in",
        "au",
        "à",
        "im",
        "am",
        # Possessives and pronouns in other cases.
        "unseren",
        "unserem",
        "unserer",
        "ihrem",
        "ihren",
        "ihrer",
        "deinem",
        "deinen",
        "nuestros",
        "nuestras",
        "tu",
        "tus",
        "ton",
        "ta",
        "tes",
        "me",
        "te",
        # "conference", "fair", "show", "event", "meeting" in the other languages: "auf
        # der Messe" names no more than "at the fair" (a webinar or a workshop is a kind
        # of occasion of its own, which the evidence must be of).
        "evenement",
        "salon",
        "congres",
        "rencontre",
        "foire",
        "konferenz",
        "messe",
        "fachmesse",
        "kongress",
        "veranstaltung",
        "treffen",
        "conferencia",
        "feria",
        "congreso",
        "evento",
        "encuentro",
        # "new" names nothing: "your new shoes" are the shoes the evidence is of.
        "new",
        "neu",
        "neue",
        "neuen",
        "neuer",
        "neues",
        "nouveau",
        "nouvel",
        "nouvelle",
        "nouveaux",
        "nouvelles",
        "nuevo",
        "nueva",
        "nuevos",
        "nuevas",
        # Places and occasions that are not names: "at our store", "beim Mittagessen".
        "store",
        "shop",
        "office",
        "showroom",
        "branch",
        "lunch",
        "dinner",
        "breakfast",
        "coffee",
        "magasin",
        "boutique",
        "bureau",
        "agence",
        "dejeuner",
        "diner",
        "cafe",
        "laden",
        "geschaft",
        "filiale",
        "buro",
        "mittagessen",
        "abendessen",
        "fruhstuck",
        "kaffee",
        "tag",
        "tienda",
        "oficina",
        "sucursal",
        "almuerzo",
        "cena",
        # The exchange itself is not its topic: "lors de notre échange", "unser Gespräch".
        "chat",
        "call",
        "conversation",
        "discussion",
        "talk",
        "echange",
        "entretien",
        "appel",
        "gesprach",
        "telefonat",
        "austausch",
        "anruf",
        "conversacion",
        "charla",
        "llamada",
        "reunion",
        # Months belong to the date, checked as a date; currencies name no thing.
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "januar",
        "februar",
        "marz",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "euro",
        "euros",
        "eur",
        "dollar",
        "dollars",
        "usd",
        "pound",
        "pounds",
        "gbp",
        "franc",
        "francs",
        "chf",
    ]
)


def naming_words(value: str) -> list[str]:
    """The words of a named thing that name something in particular: no article, generic
    noun or bare number ("in 30 days" names nothing an evidence record could be of)."""
    return [w for w in name_words(value) if w not in GENERIC_WORDS and not w.isdigit()]


_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
# What each kind of evidence can speak to: "you seemed excited about our analytics module"
# backed by an attendance must name that event, but an attendance cannot name a topic.
NAMES_EVIDENCE_CAN_BACK: dict[str, frozenset[str]] = {
    "attended": frozenset({"event", "place", "date"}),
    "met": frozenset({"event", "place", "date"}),
    "called": frozenset({"date"}),
    "asked": frozenset({"topic", "product", "date"}),
    "said": frozenset({"topic", "product", "date"}),
    "prefers": frozenset({"topic", "product"}),
    "bought": frozenset({"product", "date"}),
    "customer_since": frozenset({"date"}),
    "offered": frozenset({"product"}),
    "visited": frozenset({"topic", "product", "place", "date"}),
}


@dataclass(frozen=True)
class Unbacked:
    """One claim in the rendered message that this recipient's evidence does not back."""

    part: str
    sentence: str
    kind: str
    reason: str

    def __str__(self) -> str:
        return f"{self.reason} in the {self.part}: “{self.sentence[:160]}”"


@lru_cache(maxsize=65_536)
def _claims(sentence: str, names: tuple[str, ...]) -> tuple[Claim, ...]:
    # Most sentences are the same for every recipient of a campaign: detect once.
    return tuple(detect_claims(sentence, names))


def claims_in(text: str, names: tuple[str, ...] = ()) -> list[Claim]:
    """Every claim in a piece of already visible text (normalised and split here);
    `names` are the recipient's (claims.recipient_names)."""
    found: list[Claim] = []
    for sentence in sentences(normalise_text(text)):
        found.extend(_claims(sentence, tuple(name for name in names if name in sentence)))
    return found


def _evidence_kind(entry: dict) -> str | None:
    if entry.get("type") == "evidence":
        kind = entry.get("kind", "")
        return _LEDGER_KIND.get(kind, kind)
    if entry.get("type") == "fact" and entry.get("trust", "verified") == "verified":
        if entry.get("key") == ATTENDANCE_FACT:
            return "attended"
        if entry.get("key") in PREFERENCE_FACTS:
            return "prefers"
    return None


def _entry_text(entry: dict) -> str:
    return " ".join(
        str(entry.get(k) or "") for k in ("name", "summary", "argument", "value", "source_ref")
    )


def _specific(value: str) -> bool:
    return bool(naming_words(value))


def _entry_year(entry: dict) -> int | None:
    stamp = str(entry.get("at") or entry.get("recorded_at") or "")
    return int(stamp[:4]) if stamp[:4].isdigit() else None


def _matches(claim: Claim, entry: dict) -> str:
    """Empty when the entry backs everything the claim names, else what does not match."""
    text = _entry_text(entry)
    relevant = NAMES_EVIDENCE_CAN_BACK.get(_evidence_kind(entry) or "", frozenset())
    for what, value in claim.named.items():
        if what not in relevant:
            continue
        if what == "date":
            for year in map(int, _YEAR.findall(value)):
                entry_year = _entry_year(entry)
                in_text = str(year) in text
                if claim.kind == "tenure":
                    if not (in_text or (entry_year is not None and entry_year <= year)):
                        return f"says {year} but the first recorded order is later"
                elif not (in_text or entry_year == year):
                    return f"says {year} but the evidence is from another year"
            continue
        if not _specific(value):
            continue
        words = naming_words(value)
        # A topic is read loosely from the sentence ("nach unseren Preisen gefragt"): one of
        # its words in the evidence ties them. Events, places and products match whole.
        if what == "topic":
            backed = any(names_match(word, text) for word in words)
        else:
            backed = names_match(" ".join(words), text)
        if not backed:
            return f"names “{value}” but the evidence is of “{entry.get('name') or text.strip()}”"
    return ""


def _backing(claim: Claim, ledger: list[dict]) -> tuple[dict | None, str]:
    accepted = claim.evidence_kinds
    mismatch = ""
    for entry in ledger:
        if _evidence_kind(entry) not in accepted:
            continue
        problem = _matches(claim, entry)
        if not problem:
            return entry, ""
        mismatch = mismatch or problem
    return None, mismatch


def message_parts(
    *, subject: str, text: str, html: str = "", sender_name: str = "", footer: str = ""
) -> dict[str, str]:
    """What a recipient reads, by part, as plain visible text."""
    parts = {"subject": subject, "text": text}
    if html:
        parts["HTML"] = visible_text(html)
    if sender_name:
        parts["sender name"] = sender_name
    if footer:
        parts["footer"] = footer
    return parts


def unbacked_claims(
    parts: dict[str, str], ledger: list[dict], names: tuple[str, ...] = ()
) -> list[Unbacked]:
    """Claims not backed by the ledger; the backed ones are added to the ledger as claims.
    `names` are the recipient's own (claims.recipient_names)."""
    problems: list[Unbacked] = []
    backed: list[dict] = []
    for part, content in parts.items():
        for claim in claims_in(content, names):
            entry, mismatch = _backing(claim, ledger)
            if entry is not None:
                backed.append(
                    {
                        "type": "claim",
                        "part": part,
                        "sentence": claim.sentence[:300],
                        "kind": claim.kind,
                        "backed_by": {
                            k: entry.get(k) for k in ("type", "kind", "key", "id", "record")
                        },
                    }
                )
                continue
            needs = " or ".join(f"evidence.{k}" for k in sorted(claim.evidence_kinds))
            reason = (
                f"{claim.kind} claim {mismatch}"
                if mismatch
                else f"{claim.kind} claim without this person's evidence ({needs})"
            )
            problems.append(Unbacked(part, claim.sentence, claim.kind, reason))
    if not problems:
        ledger.extend(backed)
    return problems
