"""Sentences claiming a shared history with the reader (EN, FR, DE, ES) and the evidence each needs.

A claim kind is accepted only inside `{% if evidence.<kind>(…) %}` of one of the evidence
kinds listed for it: "great meeting you" needs a logged meeting or an event attendance,
"you asked for" needs a recorded request, "your last order" needs a purchase. The rules
themselves live in `detector_rules.py`; this module applies them with the scope rules
(quotations, conditionals, yes/no questions, negations, future plans, "many of you")
documented in docs/messaging.md, and names the specific things a claim mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from sincerely.messaging.guard import classifier
from sincerely.messaging.guard import detector_rules as rules
from sincerely.messaging.guard.normalise import normalise_text

EVIDENCE_KINDS: tuple[str, ...] = (
    "attended",
    "met",
    "called",
    "asked",
    "said",
    "prefers",
    "bought",
    "visited",
    "customer_since",
    "offered",
)

# claim kind → evidence kinds that may back it.
CLAIM_EVIDENCE: dict[str, frozenset[str]] = {
    "meeting": frozenset({"met", "attended"}),
    "attendance": frozenset({"attended"}),
    # A question the person asked us is a conversation they started ("as I told you" answers
    # it), like a meeting, a call, a talk at our event or something they told us.
    "conversation": frozenset({"met", "called", "attended", "said", "asked"}),
    "call": frozenset({"called"}),
    "visit": frozenset({"visited", "attended", "met"}),
    "request": frozenset({"asked"}),
    "promise": frozenset({"met", "called", "asked", "said"}),
    "said": frozenset({"said", "met", "called", "asked"}),
    # Beyond the 13 kinds of the issue: interest the person showed ("you seemed really
    # excited about…"), seen at a meeting or an event, or heard on a call.
    "interest": frozenset({"met", "called", "asked", "attended", "said"}),
    "preference": frozenset({"prefers", "said", "asked"}),
    "purchase": frozenset({"bought"}),
    "behaviour": frozenset({"visited"}),
    "tenure": frozenset({"customer_since", "bought"}),
    "selection": frozenset({"offered"}),
}

LANGUAGES = ("en", "fr", "de", "es")


@dataclass(frozen=True)
class Claim:
    """One claim a sentence makes: its kind, the sentence as given, its language, and the
    specific things it names (keys among event, place, product, topic, date)."""

    kind: str
    sentence: str
    language: str
    named: dict[str, str] = field(default_factory=dict, hash=False, compare=True)
    # Other kinds read in the same words ("tu nous as écrit que…" is a request and what the
    # person said): one claim, which evidence of any of its kinds backs.
    alternatives: tuple[str, ...] = ()

    @property
    def evidence_kinds(self) -> frozenset[str]:
        """The evidence kinds that may back this claim."""
        kinds = CLAIM_EVIDENCE[self.kind]
        for other in self.alternatives:
            kinds = kinds | CLAIM_EVIDENCE[other]
        return kinds


def detect_claims(sentence: str, names: tuple[str, ...] = ()) -> list[Claim]:
    """The claims a sentence makes, in table order, each kind once. Raw input is normalised.

    `names` are the recipient's own names (`recipient_names`): the classifier reads them as
    one stand-in name, so that a sentence that differs only by the name it greets ("Anna,
    we put together a few ideas for you") is embedded once for a whole campaign, not once
    per recipient (about 20 ms each). The rules read the sentence as written."""
    text = normalise_text(sentence)
    present = tuple(name for name in names if name in text)
    return [
        Claim(kind, sentence, language, dict(named), alternatives)
        for kind, language, named, alternatives in _detect_any(text, present)
    ]


STAND_IN_NAME = "Alex"
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+)*")


def recipient_names(*values: str) -> tuple[str, ...]:
    """The words of a person's names that read as names (capitalised, then lower-case
    letters: "Anna", "Müller", "Jean-Luc"), longest first, for `detect_claims`."""
    words = {word for value in values for word in value.split() if _NAME_WORD.fullmatch(word)}
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


def _stand_in(flat: str, names: tuple[str, ...]) -> str:
    """The sentence with the recipient's names as whole words replaced by STAND_IN_NAME."""
    if not names:
        return flat
    pattern = r"(?<![\w'’-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w'’-])"
    return re.sub(pattern, STAND_IN_NAME, flat)


def claim_kinds(sentence: str) -> list[str]:
    """The claim kinds a sentence makes, in table order, each once (one per claim: a kind
    read in the same words as an earlier one is that claim's alternative)."""
    return [kind for kind, _, _, _ in _detect_any(normalise_text(sentence), ())]


def guess_language(text: str) -> str:
    """The language of a sentence by its function words (English when nothing tells)."""
    scores = _language_scores(_lower(text))
    best = max(scores.values())
    return next(lang for lang in LANGUAGES if scores[lang] == best) if best else "en"


def warm() -> None:
    """Load what detection builds on first use: the classifier (trained or read from its
    cache) and each language's prefilter (about 0.25 s a language). A worker calls this at
    start, so a campaign's first messages do not pay for it."""
    classifier.model()
    for lang in LANGUAGES:
        rules.prefilter_for(lang)


def _lower(text: str) -> str:
    # str.lower keeps the length (casefold would turn ß into ss and shift every span).
    return text.lower()


def _language_scores(lowered: str) -> dict[str, int]:
    """Function words of each language, plus letters and elisions only one of them uses."""
    words = rules.WORD.findall(lowered)
    scores = {lang: sum(1 for w in words if w in rules.STOPWORDS[lang]) for lang in LANGUAGES}
    for lang, cue in rules.LANGUAGE_CUES.items():
        scores[lang] += len(cue.findall(lowered))
    return scores


def _view(flat: str, lang: str) -> str:
    """The lower-cased text the patterns of `lang` read."""
    return _german_view(flat) if lang == "de" else _lower(flat)


def _german_view(text: str) -> str:
    """Lower-case German text, keeping the polite Sie apart from she/they: a lower-case
    sie/ihnen/ihre… in mid-sentence is the third person and is marked so no rule reads it
    as "you"."""
    marked = rules.DE_THIRD_PERSON.sub(lambda m: m.group(0) + "_3p", text)
    return marked.lower()


_Detected = tuple[tuple[str, str, tuple[tuple[str, str], ...], tuple[str, ...]], ...]


def _detect_any(text: str, names: tuple[str, ...]) -> _Detected:
    # Sentences are cached (recipients share them); a very long run of text is not.
    return _detect_cached(text, names=names) if len(text) <= 2000 else _detect(text, names=names)


def _detect(
    text: str, prefilter: bool = True, learned: bool = True, names: tuple[str, ...] = ()
) -> _Detected:
    """The claims in `text`; `prefilter=False` runs every pattern (the prefilter's test),
    `learned=False` the rules alone, without the classifier, which reads `names` (the
    recipient's, found in the text) as a stand-in name."""
    flat = " ".join(text.split())
    if not flat:
        return ()
    lowered = _lower(flat)
    scores = _language_scores(lowered)
    best = max(scores.values())
    ranked = sorted(LANGUAGES, key=lambda lang: -scores[lang])
    candidates = [lang for lang in ranked if scores[lang] == best] if best else list(LANGUAGES)
    # A close second language is tried too when the first finds nothing (short sentences
    # share function words: "de", "que", "la").
    runner_up = [lang for lang in ranked if lang not in candidates and best - 1 <= scores[lang]]
    found: dict[str, tuple[str, int, int]] = {}
    for lang in candidates + runner_up:
        if lang in runner_up and found:
            break
        view = _german_view(flat) if lang == "de" else lowered
        quoted = _attributed_quotes(view, lang)
        if '"' in view:
            # Quotation marks used for emphasis hide nothing: match without them, keeping
            # attributed quotations (testimonials) out of the check.
            keep = [i for i, char in enumerate(view) if char != '"']
            quoted = [(bisect_left(keep, s), bisect_left(keep, e)) for s, e in quoted]
            view = "".join(view[i] for i in keep)
        possible = rules.prefilter_for(lang).possible_kinds(view) if prefilter else None
        if possible is not None and not possible - found.keys():
            continue
        scope = _Scope(view, lang, quoted)
        for kind, pattern in rules.PATTERNS[lang]:
            if kind in found or (possible is not None and kind not in possible):
                continue
            for match in pattern.finditer(view):
                if scope.allows(kind, match.start(), match.end()):
                    found[kind] = (lang, match.start(), match.end())
                    break
    if not found and learned:
        learned_claim = _learned_claim(_stand_in(flat, names))
        if learned_claim:
            found[learned_claim[0]] = (learned_claim[1], 0, len(flat))
    # One claim per stretch of words: kinds whose matches overlap are one claim read two
    # ways, and evidence of either kind backs it; words apart are claims of their own.
    claims: list[tuple[str, str, dict[str, str], list[str], list[tuple[int, int]]]] = []
    for kind in CLAIM_EVIDENCE:
        if kind not in found:
            continue
        lang, start, end = found[kind]
        named = _named(flat, lang, kind, start, end)
        if kind == "promise":
            exchange = next(
                (c for c in claims if c[1] == lang and _locates(lowered, start, end, c)), None
            )
            if exchange is not None:
                # "Como quedamos en nuestra conversación", "as agreed on our call": what was
                # agreed is part of the exchange it names. A conversation's evidence backs
                # the agreement too; a call or a meeting keeps the promise a claim of its own,
                # so that only evidence of both backs the sentence (a call, not a meeting,
                # backs "wie am Telefon vereinbart").
                if CLAIM_EVIDENCE[exchange[0]] >= CLAIM_EVIDENCE[kind]:
                    for what, value in named.items():
                        exchange[2].setdefault(what, value)
                else:
                    claims.append((kind, lang, named, [], [(start, end)]))
                continue
        if kind == "interest":
            occasion = next((c for c in claims if c[1] == lang and _liked(lowered, start, c)), None)
            if occasion is not None:
                # "Nous espérons que votre visite de l'atelier vous a plu": what was liked is
                # the visit itself, one claim, which the visit's evidence backs.
                continue
        same = next((c for c in claims if c[1] == lang and _one_claim(kind, start, end, c)), None)
        if same is None:
            claims.append((kind, lang, named, [], [(start, end)]))
            continue
        same[3].append(kind)
        same[4].append((start, end))
        for what, value in named.items():
            same[2].setdefault(what, value)
    for kind, lang, named, others, spans in claims:
        kinds = {kind, *others}
        if "visit" not in kinds and kinds & AT_OUR_PLACE and _at_our_premises(lowered, lang, spans):
            others.append("visit")
        if kind == "purchase" and "request" not in others:
            material = _ordered_material(lowered, *_claim_clauses(lowered, spans))
            if material:
                others.append("request")
                named.setdefault("product", flat[material[0] : material[1]])
        # A complaint or a suggestion received is something the person told us as well as
        # asked; interest noticed may have been seen anywhere, on our site or in person.
        if kind == "request" and "said" not in others and rules.COMPLAINT[lang].search(lowered):
            others.append("said")
        noticed = kind == "behaviour" and rules.INTEREST_NOTICED[lang].search(lowered)
        if noticed and "interest" not in others:
            others.append("interest")
    found_kinds = {claim[0] for claim in claims}
    return tuple(
        (
            _told_how(kind, lang, lowered, others, found_kinds),
            lang,
            tuple(sorted(named.items())),
            tuple(others),
        )
        for kind, lang, named, others, _ in claims
    )


def _told_how(kind: str, lang: str, lowered: str, others: list[str], kinds: set[str]) -> str:
    """The kind a claim is, from how the sentence says it happened. Glad words or thanks
    for someone's time read as a meeting; said on the phone they are a call ("Merci de
    m'avoir accordé quelques minutes au téléphone"), said of a talk with nothing in person
    they are a conversation ("Es war schön, mit Ihnen ins Gespräch zu kommen"), which the
    evidence of a meeting backs too."""
    if kind != "meeting" or others or rules.IN_PERSON[lang].search(lowered):
        return kind
    if "call" not in kinds and rules.ON_THE_PHONE[lang].search(lowered):
        return "call"
    if "conversation" not in kinds and rules.TALKED[lang].search(lowered):
        return "conversation"
    return kind


# Seen or welcomed at our own premises, the person visited us: "It was lovely to see you at
# our Leeds showroom" is a meeting and a visit, and evidence of either backs it.
AT_OUR_PLACE = frozenset({"meeting", "attendance"})


def _at_our_premises(lowered: str, lang: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the claim's words, up to the end of the clause they end in, place it at our
    premises ("in unserem Laden", "at our Leeds showroom")."""
    start = min(s for s, _ in spans)
    end = _claim_clauses(lowered, spans)[1]
    return bool(rules.OUR_PREMISES[lang].search(lowered, start, end))


def _ordered_material(lowered: str, start: int, end: int) -> tuple[int, int] | None:
    """Where lowered[start:end] orders something people ask for rather than buy ("ordered our
    catalogue", "unseren Katalog bestellt"), the span of that thing; None otherwise."""
    if not rules.ORDERING.search(lowered, start, end):
        return None
    for match in rules.FREE_MATERIAL.finditer(lowered, start, end):
        before = lowered[: match.start()].split()
        while before and before[-1] in rules.DETERMINERS:
            before.pop()
        if not before or before[-1] not in rules.NOT_ORDERED_AFTER:
            return match.start(), match.end()
    return None


def _claim_clauses(lowered: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """From the start of the clause a claim's words begin in to the end of the clause they
    end in: "dass Sie unseren Katalog bestellt haben" for the match "Sie … bestellt"."""
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    before = [m.end() for m in _CLAUSE_END.finditer(lowered, 0, start)]
    after = _CLAUSE_END.search(lowered, end)
    return (before[-1] if before else 0), (after.start() if after else len(lowered))


# Claims that happen somewhere: the place a trip went to is where they took place ("We hope
# you enjoyed your trip to our Lyon workshop").
WHERE_KINDS = frozenset({"meeting", "attendance", "visit"})


# Exchanges an agreement or a promise may be placed in: "as agreed on our call".
EXCHANGE_KINDS = frozenset({"meeting", "conversation", "call"})
# Between "as agreed" and the exchange it names: at most a preposition.
_LOCATING_GAP = re.compile(
    r"\s*(?:in|on|during|at|over|en|lors de|pendant|au cours de|durant|dans|au|à|bei|im|am|"
    r"beim|in|während|auf|durante|por)?\s*"
)


def _locates(lowered: str, start: int, end: int, claim: tuple) -> bool:
    """Whether the promise at start..end is placed in `claim`'s exchange: their words overlap
    ("wie am Telefon vereinbart") or the exchange follows it ("as agreed on our call")."""
    kinds, spans = [claim[0], *claim[3]], claim[4]
    for kind, (s, e) in zip(kinds, spans, strict=False):
        if kind not in EXCHANGE_KINDS:
            continue
        if s < end and start < e:
            return True
        if s >= end and _LOCATING_GAP.fullmatch(lowered, end, s):
            return True
    return False


# An occasion, then the words that say it was liked: "votre visite (de l'atelier) vous a
# plu". Between them, at most the occasion's own complement ("de l'atelier", "au salon").
_OCCASION_KINDS = WHERE_KINDS | EXCHANGE_KINDS
_OCCASION_COMPLEMENT = re.compile(
    r"\s*(?:(?:de|du|des|d'|à|au|aux|chez|a|al|del|en|of|to|at)\s*(?:la |le |l'|les |notre "
    r"|nos |votre |vos |el |los |las |nuestra |nuestro |our |the )?[\w'-]+(?: [\w'-]+)?)?\s*"
)


def _liked(lowered: str, start: int, claim: tuple) -> bool:
    """Whether the interest at `start` says that `claim`'s occasion was liked: it follows the
    occasion with nothing but the occasion's complement between."""
    kinds, spans = [claim[0], *claim[3]], claim[4]
    return any(
        kind in _OCCASION_KINDS and e <= start and _OCCASION_COMPLEMENT.fullmatch(lowered, e, start)
        for kind, (_, e) in zip(kinds, spans, strict=False)
    )


# What a person wanted, liked or was keen on, told to us: "you told me you wanted more
# recipes" is one claim, what the person said, not a said claim and a request apart.
REPORTED = frozenset({"request", "preference", "interest"})


def _one_claim(kind: str, start: int, end: int, claim: tuple) -> bool:
    """Whether a match of `kind` at start..end is the same claim as `claim`: the words
    overlap, or one is the content of the other's reported speech (it follows a said-verb)."""
    kinds, spans = [claim[0], *claim[3]], claim[4]
    if any(s < end and start < e for s, e in spans):
        return True
    said = [s for k, (s, _) in zip(kinds, spans, strict=True) if k == "said"]
    if kind in REPORTED and any(s < start for s in said):
        return True
    return kind == "said" and any(
        k in REPORTED and start < s for k, (s, _) in zip(kinds, spans, strict=True)
    )


LEARNED_MIN_WORDS = 5


def _learned_claim(flat: str) -> tuple[str, str] | None:
    """The claim kind and language the classifier finds where no rule did, when the scope
    rules leave room for a claim in the sentence. A heading or a fragment of fewer than
    five words ("For you", "Our catalogue for you") is left to the rules: it says too
    little for the model to tell a claim from a label."""
    if len(rules.WORD.findall(flat)) < LEARNED_MIN_WORDS:
        return None
    lang, vetoes = _vetoes(flat)
    kind = None
    said = flat  # the words the claim is read in
    if not vetoes:
        kind = classifier.claim_kind(flat)
    elif (
        vetoes == {"negation"}
        and (found := classifier.claim_kind(flat))
        and _negatable(found, flat, lang)
    ):
        kind = found  # "You haven't logged in for a month" still says what we saw them do
    elif (
        vetoes <= QUESTION_VETOES
        and (kind := classifier.claim_kind(flat)) in PRESUPPOSED_KINDS
        and (
            rules.YOUR_THING[lang].search(view := _view(flat, lang))
            or rules.ORDERED_THING[lang].search(view)
        )
        # "Have you ordered your sample yet?" asks about the ordering; "Bist du mit deinem
        # neuen Rennrad schon gefahren?" about riding what is new
        and (rules.PRESUPPOSED[lang].search(view) or not rules.ASKS_IF_DONE[lang].search(view))
    ):
        pass  # "Did your parcel arrive safely?" asks about what the person bought
    elif (
        vetoes <= QUESTION_VETOES
        and (kind := classifier.claim_kind(flat, OCCASION_THRESHOLD)) is not None
        and (occasion := rules.PRESUPPOSED_OCCASION[lang].search(view := _view(flat, lang)))
        # "already" asks about something else when the occasion is what came before it:
        # "Haben Sie sich nach Ihrem Besuch schon für eine Front entschieden?"
        and (
            rules.AFTER_OCCASION[lang].match(occasion.group(0))
            or not rules.ASKS_IF_DONE[lang].search(view)
        )
    ):
        # "Did you get home safely after our meeting?" takes the meeting for granted. The
        # occasion named after a preposition is half the evidence already: the classifier
        # need only lean to a claim.
        pass
    else:
        # A statement may come before what vetoed the sentence: "You added the lamp to
        # your basket but didn't check out", "Sie haben die Preisseite besucht – Fragen?"
        head = _statement_before_veto(flat, lang, vetoes)
        kind = classifier.claim_kind(head) if head and not _vetoes(head)[1] else None
        said = head or flat
        if kind is None and head and vetoes == {"question"} and not _vetoes(head)[1]:
            # A closing yes/no question takes back only itself, yet the statement cut from it
            # may read too short to the classifier ("Vous vous êtes arrêté à l'étape du
            # paiement, un souci technique ?"): the whole sentence is read instead, when the
            # statement alone already leans to the same kind.
            whole = classifier.claim_kind(flat)
            if whole is not None and classifier.classify(head)[0] == whole:
                kind = whole
        if kind is None and vetoes == {"negation"}:
            # The negation may sit in a later clause of its own, after a head too short to
            # read alone: "D'après vos dires, le chauffage ne fonctionne plus", "Bei unserem
            # Telefonat – nichts Neues". The whole sentence is read when the head leans to
            # the same kind.
            short = _statement_before_veto(flat, lang, vetoes, min_words=2)
            whole = classifier.claim_kind(flat) if short else None
            if short and whole is not None and classifier.classify(short)[0] == whole:
                kind, said = whole, short
        if kind is None and vetoes == {"negation", "question"}:
            # A record told in the negative before a closing question: "You haven't opened
            # our emails in a while, do you still want them?"
            # As above, the whole sentence is read when the statement alone leans to its kind.
            stem = _before_closing_question(flat, lang)
            if stem and _vetoes(stem)[1] == {"negation"}:
                whole = classifier.claim_kind(flat)
                leaning = whole if classifier.classify(stem)[0] == whole else None
                found = classifier.claim_kind(stem) or leaning
                if found and _negatable(found, stem, lang):
                    kind, said = found, stem
    # Only the statement is told in its time: a plan in the closing question ("…, on se
    # refait ça bientôt ?") does not make the lunch before it a plan; nor does a plan in a
    # clause of its own take back a memory told in another.
    if kind is not None and kind in rules.TIME_BOUND_KINDS and _is_future(said, lang):
        kind = _remembered_clause(said, lang)
    if kind is None:
        return None
    if kind == "promise" and rules.PUBLISHED[lang].search(_lower(flat)):
        return None  # promised to every reader: "As promised in our last newsletter"
    if kind == "meeting" and _says_hello(_view(flat, lang), lang):
        return None  # "Nice to meet you: we are a small coffee roaster" says hello
    if kind == "selection" and rules.SUITS_YOU[lang].search(_view(flat, lang)):
        return None  # "Alors notre plateau est fait pour vous": for a kind of reader
    if kind == "attendance" and rules.PART_OF_COMMUNITY.search(_lower(flat)):
        return None  # belonging to a community, not attending: "Teil unserer Community"
    head = _TWO_COMMAS.match(_lower(flat)) if lang == "es" else None
    if head and rules.ES_NAMED_SUBJECT.match(head.group(0)):
        return None  # someone else's story: "Lucía, de Rosario, nos contó que…"
    return kind, lang


# A question tagged on after a dash: "…vorgemerkt – passt Ihnen das?"
_TAG_QUESTION = re.compile(r" [–—-] [^–—]*\?\s*$")
# A sentence's opening up to its second comma: "Lucía, de Rosario, ".
_TWO_COMMAS = re.compile(r"[^,]*,[^,]*,\s*")


def _negatable(kind: str, flat: str, lang: str) -> bool:
    """Whether a claim of `kind` read in a sentence whose only veto is a negation stands: a
    record of what the person did or has, or a taste (not our not knowing one)."""
    if kind == "preference":
        return not rules.NOT_KNOWN[lang].search(_view(flat, lang))
    return kind in NEGATABLE_KINDS


def _before_closing_question(flat: str, lang: str) -> str | None:
    """The words before a sentence's closing question part, when five or more."""
    view = _lower(flat)
    starts = [m.start() for m in rules.PART_BREAK[lang].finditer(view)]
    if not starts or not view.rstrip().endswith("?"):
        return None
    head = flat[: starts[-1]].rstrip(" ,;:–—-¿")
    return head if len(rules.WORD.findall(head)) >= LEARNED_MIN_WORDS else None


_CLAUSE_SPLIT = re.compile(r"[,;:()]|\s[-–—]\s")


def _remembered_clause(flat: str, lang: str) -> str | None:
    """The claim of a clause of its own that tells a memory, in a sentence that also makes
    a plan: "Fue un placer verte en Cádiz, ojalá nos veamos pronto", "Since you came to the
    tasting on Friday, you'll get first pick". A plan anywhere in the sentence used to take
    the memory back with it. Clauses that plan, or that a scope rule vetoes, claim nothing."""
    for clause in _CLAUSE_SPLIT.split(flat):
        clause = clause.strip()
        if (
            clause == flat
            or len(rules.WORD.findall(clause)) < LEARNED_MIN_WORDS
            or _is_future(clause, lang)
            or _vetoes(clause)[1]
        ):
            continue
        if kind := classifier.claim_kind(clause):
            return kind
    return None


# Claims about what the person's record shows: negated, they still say we looked ("you
# have not ordered since May", "Du hast die App seit Tagen nicht geöffnet"). A negated
# meeting or call ("we have not met yet") claims no shared history.
RECORD_KINDS = frozenset({"behaviour", "purchase", "tenure"})
# …and a taste told in the negative is still one remembered: "Da Sie keinen Fisch essen".
NEGATABLE_KINDS = RECORD_KINDS | {"preference"}
# A yes/no question about something the person has takes for granted that they have it.
PRESUPPOSED_KINDS = frozenset({"purchase"})
QUESTION_VETOES = frozenset({"question", "opens as a question"})
# The probability of a claim from which a yes/no question that names its occasion after a
# preposition ("…after our meeting?", "Hat Ihnen die Führung … gefallen?") takes it for
# granted. Questions about the occasion itself ("Would you like a tour of our brewery?",
# "Haben Sie Interesse an einer Führung?") read 0.01-0.2.
OCCASION_THRESHOLD = 0.5


def classifier_scope(flat: str) -> str | None:
    """The language of a sentence when the scope rules allow a claim anywhere in it, None when
    they veto the whole sentence. The classifier does not say where its claim is, so every
    veto of `_Scope` is read over the whole sentence: an attributed quotation, a footer, a
    conditional, "many of you", a negation, or a question that is not a wh-question."""
    lang, vetoes = _vetoes(flat)
    return None if vetoes else lang


def _vetoes(flat: str) -> tuple[str, set[str]]:
    """The sentence's language, and what in it keeps the classifier from reading it whole."""
    lowered = _lower(flat)
    scores = _language_scores(lowered)
    best = max(scores.values())
    lang = next(lang for lang in LANGUAGES if scores[lang] == best) if best else "en"
    view = _german_view(flat) if lang == "de" else lowered
    found = {
        "quotation": bool(_attributed_quotes(view, lang)),
        "footer": bool(rules.FOOTER[lang].search(view)),
        "conditional": bool(rules.CONDITIONAL[lang].search(view)),
        "collective": bool(rules.COLLECTIVE[lang].search(view)),
        "negation": rules.negated(lang, view),
        "question": view.rstrip().endswith("?") and not rules.WH_WORD[lang].search(view),
        "opens as a question": bool(rules.QUESTION_OPENING[lang].match(view)),
    }
    vetoes = {name for name, hit in found.items() if hit}
    if vetoes == {"opens as a question"}:
        vetoes = set()  # a statement after all ("Did you know? …" ends elsewhere)
    if rules.REMEMBER_OPENING[lang].match(view):
        vetoes -= QUESTION_VETOES  # "Do you remember our chat…?" takes the chat for granted
    return lang, vetoes


def _statement_before_veto(
    flat: str, lang: str, vetoes: set[str], min_words: int = LEARNED_MIN_WORDS
) -> str | None:
    """The stretch of a sentence before its first negated or conditional part or its
    closing yes/no question, when that stretch is a statement of `min_words` words or more
    (five unless asked); None otherwise.

    A negation or a question only takes back its own part of the sentence, and a condition
    only what it governs: "Thanks for stopping by our stand, and if you have questions,
    just reply" still thanks for the visit, while "If you stopped by our stand, thanks"
    leaves nothing before it. What scopes over all of it (many of you, an attributed
    quotation, a footer) or a sentence that opens as a question leaves nothing to read.
    """
    if not vetoes <= {"negation", "question", "conditional"}:
        return None
    view = _lower(flat)  # the same length as `flat`, so its offsets cut `flat` too
    parts = [m.start() for m in rules.PART_BREAK[lang].finditer(view)]
    cut = None
    for start, end in zip([0, *parts], [*parts, len(view)], strict=True):
        part = view[start:end]
        if (
            rules.negated(lang, view, start, end)
            or rules.CONDITIONAL[lang].search(part)
            or ("question" in vetoes and end == len(view))
        ):
            cut = start
            break
    if not cut:
        return None
    head = flat[:cut].rstrip(" ,;:–—-¿")
    return head if len(rules.WORD.findall(head)) >= min_words else None


def _is_future(flat: str, lang: str) -> bool:
    """A plan, not a memory: "Looking forward to meeting you", "Wir sehen uns bald"."""
    view = _german_view(flat) if lang == "de" else _lower(flat)
    return bool(_future_before(view, view, lang) or rules.FUTURE_AFTER[lang].search(view))


def _future_before(before: str, clause: str, lang: str) -> bool:
    """Whether the words before a claim put it in the future ("Looking forward to meeting
    you"), leaving out a recollection to come ("you'll remember") and, in a clause that
    thanks, the modal that softens it ("We would like to thank you for attending")."""
    text = rules.RECALL[lang].sub(" ", before)
    if rules.THANKING[lang].search(clause):
        text = rules.THANKING_MODAL[lang].sub(" ", text)
    return bool(rules.FUTURE_BEFORE[lang].search(text))


# A number right before the words of a tenure claim counts the customers it speaks of.
_COUNTED = re.compile(r"\d\s*(?:\+\s*)?(?:[^\W\d_]+\s+)?$")


def _says_hello(view: str, lang: str) -> bool:
    """Whether a sentence opens with a first hello that goes on to introduce us ("Nice to
    meet you: we are a small coffee roaster"), a greeting and not a meeting remembered.
    "Great meeting you: we're sending the slides" remembers one."""
    hello = rules.FIRST_HELLO[lang].match(view)
    return bool(hello and rules.INTRODUCES_US[lang].match(view, hello.end()))


# What may come before a sentence's first words: a greeting of up to three words.
_OPENING = re.compile(rules.GREETING)


class _Scope:
    """Where in a sentence a match does not assert anything about this recipient."""

    def __init__(self, view: str, lang: str, quoted: list[tuple[int, int]]) -> None:
        self.view = view
        self.lang = lang
        self.quoted = quoted
        self.clauses = [(m.start(), m.end()) for m in rules.CLAUSE.finditer(view)]
        self.is_question = view.rstrip().endswith("?")
        self.is_footer = bool(rules.FOOTER[lang].search(view))

    def _clause(self, start: int) -> tuple[int, int]:
        for begin, end in self.clauses:
            if begin <= start < end:
                return begin, end
        return 0, len(self.view)

    def allows(self, kind: str, start: int, end: int) -> bool:
        if self.is_footer or any(
            q_start <= start and end <= q_end for q_start, q_end in self.quoted
        ):
            return False
        c_start, c_end = self._clause(start)
        before = self.view[c_start:start]
        clause = self.view[c_start:c_end]
        lang = self.lang
        # A record told in a relative clause stays a record under a condition: "Si el abrigo
        # que te llevaste te queda grande…" takes the coat for granted.
        recorded = rules.RECORDED_RELATIVE[lang].search(self.view, start, end)
        if not recorded and any(
            m.start() < start for m in rules.CONDITIONAL[lang].finditer(clause, 0, end - c_start)
        ):
            return False
        if not recorded and self._under_opening_condition(start):
            return False
        elliptic = rules.ELLIPTIC_CONDITION.get(lang)
        if elliptic and any(m.end() <= start for m in elliptic.finditer(self.view, 0, start)):
            return False
        if rules.COLLECTIVE[lang].search(clause) or (
            rules.RELATIVE_CLAUSE_START.match(clause)
            and rules.COLLECTIVE[lang].search(self.view[max(0, c_start - 25) : c_end])
        ):
            return False
        if kind == "purchase" and rules.FREE_OFFER[lang].match(self.view, end):
            return False  # the terms of any order: "Ihre Bestellung ist versandkostenfrei"
        # A dislike is a taste too ("Da Sie kein scharfes Essen mögen"): for a preference only
        # a negation before the claim takes it back ("We don't know what you like").
        negation_end = start if kind == "preference" else end
        if rules.negated(lang, self.view, max(c_start, start - 30), negation_end):
            return False
        if kind == "meeting" and _says_hello(self.view, lang):
            return False  # "Nice to meet you: we are a small roaster" says hello
        if kind == "tenure" and _COUNTED.search(before):
            return False  # "Über 10.000 zufriedene Kunden seit 2010": a count of customers
        if kind in ("attendance", "tenure") and rules.TERMS_FOR_ANY[lang].match(self.view, end):
            return False  # "Votre participation au sondage est anonyme": terms for anyone
        if (
            kind in ("preference", "behaviour")
            and rules.SAVE_PROMPT[lang].match(self.view, c_start)
            and not clause.rstrip().endswith("?")
        ):
            return False  # "Enregistrez vos biens préférés dans vos favoris": for every reader
        # A claim told in the past keeps its past after a modal: "We'd love your feedback
        # on the workshop you attended" asks about an event the person went to.
        told_in_past = rules.PAST_IN_MATCH[lang].search(self.view[start:end])
        if (
            lang == "de"
            and kind in rules.TIME_BOUND_KINDS
            and not told_in_past
            and rules.DE_WISH.search(self.view, 0, start)
        ):
            return False
        # A plan in a later part of the clause is that part's own: "…hat Ihnen gefallen und
        # Sie kommen bald wieder", "Thanks for visiting our stand, and see you soon".
        after_end = c_end
        if later := rules.PART_BREAK[lang].search(self.view, end, c_end):
            after_end = later.start()
        if kind in rules.TIME_BOUND_KINDS and (
            (_future_before(before, clause, lang) and not told_in_past)
            or rules.FUTURE_AFTER[lang].search(self.view, start, max(after_end, end))
        ):
            return False
        if (
            lang == "es"
            # what our team made for the person is ours to claim whoever made it
            and kind != "selection"
            and rules.ES_USTED_VERB.match(rules.ES_CLITIC.sub("", self.view[start:end]))
            and not rules.ES_TIME_PHRASE.match(before)
            and (
                rules.ES_THIRD_PERSON_SUBJECT.match(before)
                or rules.ES_THIRD_PERSON_NEAR.search(before)
            )
        ):
            return False
        if lang == "es" and self._named_third_person(start, end):
            return False
        if self._testimonial_appositive(kind, start, c_start, c_end):
            return False
        if kind in READER_KINDS and rules.READERSHIP[lang].match(self.view, end, c_end):
            return False  # "Thanks for joining us for this issue": reading this very mail
        if kind == "selection" and (
            rules.SUITS_YOU[lang].search(self.view)
            or rules.MODAL_BEFORE[lang].search(self.view[max(c_start, start - 25) : start])
            or (lang == "de" and rules.PASSIVE_MODAL_AFTER_DE.match(self.view[end:c_end]))
            or rules.GENERIC_ALTERNATIVE[lang].search(self.view)
        ):
            return False  # "can be tailored to your needs", "…, whether you run a café or…"
        if kind in ("said", "request") and (
            rules.IN_ADVANCE[lang].search(clause)
            or rules.WOULD_AFTER[lang].search(clause, end - c_start)
        ):
            return False  # feedback asked for: "Thanks in advance for your feedback"
        if (
            lang == "de"
            and kind in ("meeting", "call", "conversation")
            and rules.DE_WITH_OTHERS.match(self.view[start:end])
        ):
            return False  # "Wir haben uns mit Landwirten … getroffen"
        if clause.rstrip().endswith(":") and any(
            q_start >= c_end and not self.view[c_end:q_start].strip() for q_start, _ in self.quoted
        ):
            # The words that hand over to a testimonial: "Una clienta nos escribió: «…»".
            return False
        if (
            kind == "preference"
            and lang in rules.IMPERATIVE
            and rules.IMPERATIVE[lang].match(before)
            and not clause.rstrip().endswith("?")
        ):
            return False
        if kind == "request" and rules.ASK_US_IMPERATIVE[lang].match(before):
            return False  # "Envoyez-nous votre demande de devis": a request still to make
        offers = rules.FIRST_ORDER_OFFER[lang]
        if kind == "purchase" and any(
            m.end() > start for m in offers.finditer(self.view, max(c_start, start - 25), end)
        ):
            return False
        if kind == "preference" and (
            rules.CHOOSE_BEFORE[lang].search(self.view[max(c_start, start - 30) : start])
            or (
                clause.rstrip().endswith("?")
                and rules.PREFERENCE_ASKED[lang].search(self.view[c_start:start])
            )
        ):
            return False
        if kind == "promise" and rules.PUBLISHED[lang].search(clause):
            return False  # promised to every reader: "As promised in our last newsletter"
        if kind == "attendance" and rules.PART_OF_COMMUNITY.search(clause):
            return False  # "Thank you for being part of our community": belonging
        if (
            lang == "es"
            and rules.ES_CLITIC.match(self.view[start:end])
            and rules.ES_USTED_VERB.match(rules.ES_CLITIC.sub("", self.view[start:end]))
            and rules.ES_SUBJECT_AFTER.match(self.view[end:c_end])
        ):
            return False  # "Ayer nos visitó un grupo de estudiantes": someone else
        if kind in ("call", "conversation", "meeting") and rules.WITH_THIRD_PARTY[lang].match(
            self.view[end : end + 30]
        ):
            return False
        if (
            kind == "selection"
            and not before.strip(" ¿¡")
            and clause.rstrip().endswith("?")
            and not _TAG_QUESTION.search(clause)
        ):
            # A teaser ("Made for you?", "¿Hecho para ti?") asks, it reserves nothing; a
            # question tagged on after a dash asks about something else ("Für Sie haben wir
            # einen Termin vorgemerkt – passt Ihnen das?").
            return False
        if clause.rstrip().endswith("?") or (
            self.is_question and c_end >= len(self.view.rstrip()) - 1
        ):
            # A yes/no question about the event itself asks, it does not assert: "Did you
            # attend?", "Vous étiez au salon ?", "Haben Sie … besucht?". A wh-question keeps
            # its presupposition ("How was your visit?"), and so does a claim that is not
            # what is asked ("Enjoying the new headphones?", "…the shoes you viewed?").
            # German asks with the verb first, which may be the match's own first word
            # ("Haben Sie sich … angesehen?"); Spanish opens the question with "¿", which
            # ends the clause before ("¿Nos visitaste…?", "Hola, ¿ya has descargado…?").
            head = self.view[c_start:end] if lang == "de" else before
            asks = (
                rules.QUESTION_AUX[lang].search(head)
                or (lang == "es" and self.view[:c_start].rstrip().endswith("¿"))
                or (
                    not before.strip(" ¿¡")
                    and rules.SUBJECT_START[lang].match(self.view[start:end])
                )
            )
            relative = rules.RELATIVE_START.match(clause) or rules.RELATIVE_START.match(
                self.view[start:end]
            )
            # "Still thinking about the boots?" presupposes the looking it asks about.
            lingers = (
                (kind == "behaviour" and rules.STILL[lang].search(clause))
                or rules.PRESUPPOSED[lang].search(self.view[start:end])
                # "Did you get home safely after the tasting?" asks about the way home
                or (kind == "attendance" and rules.HOME_SAFELY[lang].search(self.view[start:end]))
                # "¿Ya estrenaste la bici que te llevaste?" asks about the bike, not the buying
                or rules.RECORDED_RELATIVE[lang].search(self.view, start, end)
                or rules.AS_TOLD[lang].search(self.view, max(c_start, start - 12), end)
                # "¿Te quedaste con dudas después de ver el vídeo?": what came before
                or rules.AFTER_OCCASION[lang].match(self.view, start)
            )
            remembers = rules.REMEMBER_OPENING[lang].match(self.view)
            if (
                asks
                and not relative
                and not lingers
                and not remembers
                and not rules.WH_WORD[lang].search(clause)
            ):
                return False
        return True

    def _under_opening_condition(self, start: int) -> bool:
        """Whether a claim sits in the clause that answers a condition the sentence opens
        with: "Si pasaste por nuestra tienda este finde, ya viste la nueva vitrina", "If
        you came to our stand, you met Anna". The condition governs its own clause and the
        next one, up to a semicolon."""
        opening = _OPENING.match(self.view)
        condition = rules.CONDITIONAL[self.lang].search(self.view, 0, start)
        if condition is None or condition.start() > (opening.end() if opening else 0):
            return False
        between = self.view[condition.end() : start]
        # Thanks are given whatever the condition: "If you have questions, thanks again for
        # visiting our stand" still thanks for the visit.
        answer = between.rsplit(",", 1)[-1]
        return (
            ";" not in between
            and between.count(",") <= 1
            and not rules.THANKING[self.lang].search(answer + self.view[start : start + 40])
        )

    def _named_third_person(self, start: int, end: int) -> bool:
        """A Spanish usted verb whose subject is someone named before it: "Marta, clienta de
        Valencia, nos explicó…", "Laura, que compró su primera casa con nosotros, …"."""
        words = self.view[start:end]
        relative = words.startswith("que ")
        verb = re.sub(r"^(?:que |me |nos )+", "", words)
        if not rules.ES_USTED_VERB.match(verb):
            return False
        head = self.view[:start]
        if relative:
            return bool(rules.ES_NAME_BEFORE_RELATIVE.match(head))
        return bool(rules.ES_NAMED_SUBJECT.match(head))

    def _testimonial_appositive(self, kind: str, start: int, c_start: int, c_end: int) -> bool:
        """A tenure told of a third party between commas, beside the words that give them the
        floor: "Ben, a customer since 2019, says: …", "Selon Marc, client depuis 2012, « … »"."""
        if kind != "tenure" or not rules.APPOSITIVE_LEAD.fullmatch(self.view, c_start, start):
            return False
        head = self.view[:c_start].rstrip()
        if not head.endswith(",") or not self.view[c_start:c_end].rstrip().endswith(","):
            return False
        previous = head[:-1].rsplit(",", 1)[-1]
        return bool(
            rules.SAY_WORD[self.lang].search(previous)
            or rules.SAY_START[self.lang].match(self.view, c_end)
            or any(
                q_start >= c_end and not self.view[c_end:q_start].strip()
                for q_start, _ in self.quoted
            )
        )


# Kinds that reading this mail could be mistaken for: joining us, being with us, having
# the reader with us ("Thanks for joining us for this issue of the digest").
READER_KINDS = frozenset({"attendance", "meeting", "visit"})


def _attributed_quotes(view: str, lang: str) -> list[tuple[int, int]]:
    """Quotations that are someone else's words: attributed ("…" - a customer; "…", says
    Maria; One customer wrote: "…"). An unattributed pair of quotes is only emphasis."""
    spans = []
    for quote in rules.QUOTE.finditer(view):
        after = view[quote.end() : quote.end() + 60]
        before = view[max(0, quote.start() - 60) : quote.start()]
        if rules.ATTRIBUTION_AFTER[lang].match(after) or rules.TESTIMONY_AFTER[lang].match(after):
            # The attribution describes the speaker, not the reader ("…", says Ana, a
            # customer since 2019): it belongs to the quotation, up to the clause's end.
            end = _ATTRIBUTION_END.search(view, quote.end())
            spans.append((quote.start(), end.start() if end else len(view)))
        elif rules.ATTRIBUTION_BEFORE[lang].search(before) and not rules.RECIPIENT_SAID[
            lang
        ].search(before):
            # The recipient's own words ("Vous nous aviez écrit : « … »") are what the person
            # said: a claim, not someone else's testimonial.
            spans.append((quote.start(), quote.end()))
    return spans


_ATTRIBUTION_END = re.compile(r"[.!?;](?:\s|$)")


# Named things.


def _span_text(flat: str, match: re.Match[str], group: int | str = 1) -> str:
    return flat[match.start(group) : match.end(group)].strip(" ,.;:!?\"'")


_CLAUSE_END = re.compile(r"[,;:!?()]")
# "the prices we talked about", "die Preise, über die wir gesprochen haben", "los precios de
# los que hablamos": after the preposition comes a relative clause, not the topic; and
# "merci d'avoir pris le temps de me parler" an infinitive with its object pronoun.
_RELATIVE_START = re.compile(
    r"(?:(?:die|den|der|das|denen|dem|los|las|el|la|lo|les|the|which) )?"
    r"(?:wir|ihr|ich|du|sie|que|quien|quienes|cual|cuales|which|what|we|you|i|nous|vous|"
    r"je|tu|quoi|lequel|laquelle|lesquels|lesquelles|welche[mnrs]?)\b"
    r"|(?:me|te|se|lui|leur) (?=[a-zà-ÿ]+(?:er|ir|re)\b)|[mts]'"
)


def _named(flat: str, lang: str, kind: str, start: int, end: int) -> dict[str, str]:
    named: dict[str, str] = {}
    lowered = _lower(flat)
    date = rules.DATE[lang].search(lowered)
    if date:
        named["date"] = _span_text(flat, date, 0)
    for match in rules.NAME_AFTER_PREPOSITION[lang].finditer(flat):
        name = match.group("name").strip()
        preposition = match.group("prep").lower()
        if _in_invitation(lowered, lang, end, match.start()):
            continue
        if kind not in WHERE_KINDS and rules.TRIP_BEFORE.search(lowered, 0, match.start()):
            # "excited about the trip to Lapland": the trip is what they were keen on, its
            # destination no event or place where they showed it.
            continue
        if lang == "de":
            # Every German noun is capitalised: a name stops at a pronoun ("am Stand Ihre
            # Visitenkarte"), and "im" (in dem) + one noun is somewhere generic ("im
            # Warenkorb", "im Publikum"), never a city ("in Leipzig").
            name = rules.DE_NAME_STOP.split(name, maxsplit=1)[0].strip()
            name = rules.DE_IDIOM_HEAD.sub("", name)
            if not name or (
                preposition == "im"
                and " " not in name
                and not rules.EVENT_WORD.search(name.lower())
            ):
                continue
        if (
            name.lower() in rules.NOT_NAMES
            or rules.DATE[lang].fullmatch(name.lower())
            or not any(char.isalpha() for char in name)  # a number: "um 10 Uhr", "15 %"
        ):
            continue
        key = "event"
        if rules.EVENT_WORD.search(name.lower()):
            key = "event"
        elif preposition in rules.PLACE_PREPOSITIONS[lang] and " " not in name:
            key = "place"
        named.setdefault(key, name)
    place = rules.PLACE_BEFORE_VENUE.search(flat)
    if place:
        value = place.group(1) or place.group(2)
        if value.lower() not in rules.NOT_NAMES:
            named.setdefault("place", value)
    if kind in ("request", "conversation", "said", "call"):
        # The topic is what the claim's own words are about: from the claim to the end of
        # its clause ("Like we talked about, pricing is flexible for schools" names none).
        clause_end = _CLAUSE_END.search(lowered, end)
        topic = rules.TOPIC[lang].search(
            lowered, start, clause_end.start() + 1 if clause_end else len(lowered)
        )
        value = _span_text(flat, topic).strip(" -–—") if topic else ""
        if (
            topic
            and value
            and not _RELATIVE_START.match(lowered, topic.start(1))
            and not rules.CHANNEL_TOPIC.match(value)
        ):
            named.setdefault("topic", value)
    if kind in ("purchase", "behaviour", "preference", "request"):
        for pattern in rules.PRODUCT[lang]:
            product = pattern.search(lowered)
            if product:
                value = _span_text(flat, product)
                if value and value.lower() not in rules.NOT_NAMES:
                    named.setdefault("product", value)
                break
    return named


def _in_invitation(lowered: str, lang: str, claim_end: int, at: int) -> bool:
    """Whether `at` lies in a clause after the claim's that invites the reader to
    something to come ("…, deshalb laden wir Sie zur Fortsetzung ein")."""
    if at <= claim_end:
        return False
    bounds = [m.end() for m in _CLAUSE_END.finditer(lowered, claim_end, at)]
    if not bounds:
        return False
    clause_end = _CLAUSE_END.search(lowered, at)
    clause = lowered[bounds[-1] : clause_end.start() if clause_end else len(lowered)]
    return bool(rules.INVITATION[lang].search(clause))


_detect_cached = lru_cache(maxsize=65536)(_detect)
