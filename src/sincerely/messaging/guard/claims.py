"""Sentences that claim a shared history, in English and French, and the evidence each needs.

A claim kind is accepted only inside `{% if evidence.<kind>(…) %}` of one of the evidence
kinds listed for it: "great meeting you" needs a logged meeting or an event attendance,
"you asked for" needs a recorded request, "your last order" needs a purchase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# claim kind → evidence kinds that may back it.
CLAIM_EVIDENCE: dict[str, frozenset[str]] = {
    "meeting": frozenset({"met", "attended"}),
    "attendance": frozenset({"attended"}),
    "conversation": frozenset({"met", "called", "attended"}),
    "call": frozenset({"called"}),
    "request": frozenset({"asked"}),
    "promise": frozenset({"met", "called", "asked", "attended"}),
    "interest": frozenset({"met", "called", "asked", "attended"}),
    "visit": frozenset({"visited", "attended"}),
    "purchase": frozenset({"bought"}),
}

EVIDENCE_KINDS = ("attended", "met", "called", "asked", "bought", "visited")

_GLAD = (
    r"(?:great|nice|good|lovely|wonderful|fantastic|brilliant|a pleasure|pleasure|glad|happy"
    r"|pleased|delighted|thrilled)"
)

_EN: dict[str, list[str]] = {
    "meeting": [
        rf"\b{_GLAD}\b[^.!?]{{0,30}}?\b(?:meeting|seeing|having met|to have met) (?:with )?you\b",
        rf"\b(?:it was|was) (?:so |really |very )?{_GLAD} to (?:meet|see|catch up with) you\b",
        r"\b(?:we|i) (?:finally )?met\b",
        r"\bmet (?:with )?you\b",
        r"\bour (?:last |recent |previous |brief |earlier )?(?:meeting|encounter|meetup)\b",
        r"\b(?:saw|seeing) you (?:at|in|during|on)\b",
        r"\bwhen we (?:met|saw each other)\b",
    ],
    "attendance": [
        r"\byou (?:attended|were at|joined us at|came to our|came along to)\b",
        r"\byour (?:attendance|participation) (?:at|in)\b",
        r"\bthanks? (?:you )?for (?:attending|joining us at|coming to)\b",
    ],
    "conversation": [
        r"\bas (?:we|i) (?:discussed|mentioned|talked about|agreed|said)\b",
        r"\bas discussed\b",
        r"\bour (?:last |recent |previous |earlier |great |lovely |brief )?"
        r"(?:conversation|chat|discussion|talk)\b",
        r"\b(?:we|i) (?:spoke|talked|chatted|discussed)\b",
        r"\b(?:talking|speaking|chatting) (?:to|with) you\b",
        r"\bfollowing up on (?:our|what we)\b",
    ],
    "call": [
        r"\b(?:our|your) (?:recent |last |earlier |previous |phone |quick )*call\b(?! to action)",
        r"\b(?:spoke|talked|chatted) on the phone\b",
        r"\b(?:when|after) (?:we|i) called\b",
        r"\b(?:i|we) called you\b",
    ],
    "request": [
        r"\byou (?:asked|requested|enquired|inquired|wanted to know|were asking)\b",
        r"\bas (?:you )?requested\b",
        r"\byour (?:recent |earlier )?(?:request|enquiry|inquiry)\b",
        r"\bthe (?:information|details|brochure|quote|samples?) you (?:wanted|were after)\b",
        r"\bas asked\b",
    ],
    "promise": [
        r"\bas promised\b",
        r"\b(?:i|we) promised\b",
        r"\bour promise to you\b",
        r"\bas agreed\b",
    ],
    "interest": [
        r"\byou (?:seemed|looked|were|sounded|appeared) (?:really |very |so |quite |particularly )?"
        r"(?:excited|interested|keen|enthusiastic|curious|intrigued)\b",
        r"\byou (?:showed|expressed|mentioned|told (?:me|us))\b",
        r"\byour (?:interest|enthusiasm) (?:in|for)\b",
    ],
    "visit": [
        r"\byou visited\b",
        r"\byour (?:recent |last |previous )visit\b",
        r"\b(?:during|after|thanks? (?:you )?for) your visit\b",
        r"\bthanks? (?:you )?for (?:stopping|dropping|coming) by\b",
        r"\byou (?:stopped|dropped|came) by\b",
        r"\byou (?:were )?(?:browsing|looking at) our\b",
    ],
    "purchase": [
        r"\byou (?:recently |just )?(?:bought|purchased|ordered)\b",
        r"\byour (?:recent |last |previous |latest )(?:purchase|order)\b",
        r"\byour (?:purchase|order) of\b",
        r"\bsince you (?:bought|purchased|ordered)\b",
        r"\bthanks? (?:you )?for (?:buying|your order|your purchase|purchasing|shopping)\b",
        r"\bbought from us\b",
    ],
}

_FR: dict[str, list[str]] = {
    "meeting": [
        r"\b(?:ravie?s?|heureux|heureuses?|contente?s?|enchantée?s?|plaisir)\b[^.!?]{0,30}?"
        r"\b(?:de |d')?(?:vous |t')avoir (?:rencontr|vue?s?\b|croisé)",
        r"\bc'était (?:un (?:vrai |grand )?plaisir|super|génial) de (?:vous|te) "
        r"(?:rencontrer|voir)\b",
        r"\bnotre (?:dernière |récente |brève )?rencontre\b",
        r"\bnous nous sommes (?:rencontrée?s|vue?s|croisée?s)\b",
        r"\b(?:je|nous) vous (?:ai|avons) (?:rencontré|vu|croisé)",
        r"\bvous avoir rencontré",
        r"\bnotre (?:dernier |récent )?(?:rendez-vous|entretien)\b",
        r"\blors de notre (?:rencontre|rendez-vous)\b",
    ],
    "attendance": [
        r"\bvous (?:avez participé|étiez (?:présente?s? )?(?:à|au|aux)|êtes venue?s? (?:à|au|aux))",
        r"\bvotre (?:participation|présence) (?:à|au|aux)\b",
        r"\bmerci (?:d'avoir|pour votre) (?:participé|participation|assisté|présence)",
    ],
    "conversation": [
        r"\bcomme (?:nous en avons |on en a |nous l'avons )?(?:discuté|parlé|évoqué|dit)\b",
        r"\bnotre (?:dernière |récente |précédente |belle )?(?:conversation|discussion)\b",
        r"\bnotre (?:dernier |récent |précédent )?échange\b",
        r"\bsuite à notre\b",
        r"\bnous avons (?:discuté|parlé|échangé)\b",
        r"\b(?:j'ai|nous avons) (?:eu le plaisir de )?(?:discuter|parler|échanger) avec vous\b",
    ],
    "call": [
        r"\bnotre (?:dernier |récent |précédent )?(?:appel|coup de fil|entretien téléphonique)\b",
        r"\bau téléphone\b",
        r"\b(?:je|nous) vous (?:ai|avons) (?:appelée?|téléphoné)\b",
    ],
    "request": [
        r"\bvous (?:avez|aviez|nous avez|m'avez) (?:demandé|sollicité)\b",
        r"\b(?:suite à|pour donner suite à|concernant) votre demande\b",
        r"\bvotre (?:récente |dernière )(?:demande|question)\b",
        r"\bcomme (?:vous l'avez )?demandé\b",
        r"\bà votre demande\b",
    ],
    "promise": [
        r"\bcomme promis\b",
        r"\b(?:je|nous) vous (?:l'|l’)?(?:avais|avions|ai|avons) promis\b",
        r"\bcomme convenu\b",
    ],
    "interest": [
        r"\bvous (?:sembliez|aviez l'air|étiez|paraissiez) (?:très |vraiment |si |tellement )?"
        r"(?:intéressée?s?|enthousiastes?|ravie?s?|curieu(?:x|se|ses)|emballée?s?)",
        r"\bvotre (?:intérêt|enthousiasme) pour\b",
        r"\bvous (?:m'|nous )?(?:avez|aviez) (?:dit|mentionné|parlé|confié)\b",
    ],
    "visit": [
        r"\bvotre (?:dernière |récente |précédente )visite\b",
        r"\b(?:lors de|après|merci pour|suite à) votre visite\b",
        r"\bvous (?:avez visité|êtes passée?s?)\b",
        r"\bmerci d'(?:être|etre) (?:passée?s?|venue?s?)\b",
    ],
    "purchase": [
        r"\bvous (?:avez|aviez) (?:récemment )?(?:acheté|commandé)\b",
        r"\bvotre (?:dernier |récent |précédent )achat\b",
        r"\bvotre (?:dernière |récente |précédente )commande\b",
        r"\bvotre (?:achat|commande) (?:de|du|des|d')",
        r"\bmerci pour votre (?:achat|commande)\b",
    ],
}

CLAIM_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern))
    for table in (_EN, _FR)
    for kind, patterns in table.items()
    for pattern in patterns
]


def normalise(text: str) -> str:
    """Case-fold and unify apostrophes and spaces, so one pattern covers the usual variants."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.casefold().split())


def claim_kinds(sentence: str) -> list[str]:
    """The claim kinds a sentence makes, in table order, each once."""
    text = normalise(sentence)
    found: list[str] = []
    for kind, pattern in CLAIM_PATTERNS:
        if kind not in found and pattern.search(text):
            found.append(kind)
    return found


EVIDENCE_KINDS = (*EVIDENCE_KINDS, "said", "prefers", "customer_since", "offered")


@dataclass(frozen=True)
class Claim:
    """One claim a sentence makes, with the specific things it names."""

    kind: str
    sentence: str
    language: str = "en"
    named: dict[str, str] = field(default_factory=dict)


def detect_claims(sentence: str) -> list[Claim]:
    return [Claim(kind, sentence) for kind in claim_kinds(sentence)]
