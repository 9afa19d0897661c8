"""Text as a reader sees it: one normal form for the guard, visible HTML text, and sentences.

Every disguise that leaves the words looking the same to a person (zero-width characters,
soft hyphens, bidi controls, Cyrillic or Greek look-alike letters, HTML entities, an empty
`<span>` inside a word, a `<br>` in mid-sentence) is undone here, so the claims detector
sees the words a reader reads.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser

from confusable_homoglyphs import confusables

# Characters that print nothing but are not in category Cf (which is removed wholesale):
# the combining grapheme joiner, variation selectors and the Hangul fillers.
_INVISIBLE_EXTRA = {0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, *range(0xFE00, 0xFE10)}

# Scripts whose letters are look-alikes of Latin ones (Unicode confusables data, as shipped
# by confusable-homoglyphs): Greek, Cyrillic, Armenian, Cherokee, Coptic and small capitals.
_LOOKALIKE_RANGES = (
    (0x0370, 0x0530),
    (0x0530, 0x0590),
    (0x13A0, 0x1400),
    (0x1D00, 0x1D80),
    (0x2C80, 0x2D00),
    (0xA640, 0xA6A0),
)

_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "`": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2039": '"',
    "\u203a": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2043": "-",
    "\r\n": "\n",
    "\r": "\n",
    "\t": " ",
    "\v": "\n",
    "\f": "\n",
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\u0085": "\n",
}
_UNIFY = re.compile("|".join(re.escape(k) for k in sorted(_QUOTES, key=len, reverse=True)))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SPACES = re.compile(r"[^\S\n]+")
_WORD = re.compile(r"[^\W\d_]+")


def _build_lookalikes() -> dict[str, str]:
    """Non-Latin letters that look like one Latin letter, from Unicode's confusables data."""
    table: dict[str, str] = {}
    for start, end in _LOOKALIKE_RANGES:
        for code in range(start, end):
            char = chr(code)
            if not char.isalpha():
                continue
            found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin"])
            for entry in found or ():
                for glyph in entry["homoglyphs"]:
                    target = glyph["c"]
                    if len(target) == 1 and target.isascii() and target.isalpha():
                        table[char] = target
                        break
                if char in table:
                    break
    return table


LOOKALIKES: dict[str, str] = _build_lookalikes()
_LOOKALIKE_TRANS = str.maketrans(LOOKALIKES)
_ANY_LOOKALIKE = re.compile("[" + "".join(re.escape(char) for char in LOOKALIKES) + "]")


def _is_latin(char: str) -> bool:
    return char.isascii() or "LATIN" in unicodedata.name(char, "")


def _map_lookalikes(text: str) -> str:
    """Map look-alike letters to Latin inside words that are Latin or disguised as Latin.

    A word is rewritten when it mixes Latin letters with look-alikes, or when every letter
    is a look-alike and the text around it is mostly Latin ("уоu" in an English sentence);
    genuine Greek or Cyrillic words keep their letters.
    """
    if text.isascii() or not _ANY_LOOKALIKE.search(text):
        return text
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if _is_latin(c))
    mostly_latin = latin * 2 > len(letters)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if not any(c in LOOKALIKES for c in word):
            return word
        has_latin = any(_is_latin(c) for c in word)
        all_lookalike = all(_is_latin(c) or c in LOOKALIKES for c in word)
        if all_lookalike and (has_latin or mostly_latin):
            return word.translate(_LOOKALIKE_TRANS)
        return word

    return _WORD.sub(fix, text)


def _is_invisible(code: int) -> bool:
    return unicodedata.category(chr(code)) == "Cf" or code in _INVISIBLE_EXTRA


# Format characters (category Cf) live in the first two planes and in plane 14 (tags); one
# character class of them all strips a text in one pass of the regex engine.
_INVISIBLE = re.compile(
    "["
    + "".join(
        re.escape(chr(code))
        for code in (*range(0x20000), *range(0xE0000, 0xE1000))
        if _is_invisible(code)
    )
    + "]+"
)


def _strip_invisible(text: str) -> str:
    return text if text.isascii() else _INVISIBLE.sub("", text)


def _unescape(text: str) -> str:
    # Repeatedly, so "&amp;#8203;" (an entity encoded twice) is decoded to the end.
    for _ in range(10):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def _normalise_once(text: str) -> str:
    text = _unescape(text)
    text = unicodedata.normalize("NFKC", text)
    text = _strip_invisible(text)
    text = _map_lookalikes(text)
    text = _UNIFY.sub(lambda m: _QUOTES[m.group(0)], text)
    return _SPACES.sub(" ", text)


# Caches keep short texts only (sentences, subjects, names): whole personalised bodies differ
# per recipient and would only fill memory.
CACHED_LENGTH = 2000


def normalise_text(text: str) -> str:
    """One form for what looks the same: NFKC, entities decoded, invisibles removed, look-alikes
    mapped to Latin, quotes/dashes/spaces unified. Case is kept; newlines are kept.

    Idempotent: the steps repeat until nothing changes (a step can uncover work for another,
    as NFKC turning fullwidth "＆ａｍｐ；" into an entity).
    """
    return _normalise_cached(text) if len(text) <= CACHED_LENGTH else _normalise(text)


def _normalise(text: str) -> str:
    for _ in range(8):
        result = _normalise_once(text)
        if result == text:
            break
        text = result
    return text


_normalise_cached = lru_cache(maxsize=16384)(_normalise)


# HTML: what a reader sees.

# Every tag not listed here is inline (span, a, b, i, em, strong, u, font, small, mark, sub,
# sup, …): its text joins its neighbours without a space, as a browser shows it.
_BLOCK = _words(
    "address article aside blockquote body button caption center dd details dialog dir div dl "
    "dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main "
    "menu nav ol option p pre section summary table tbody td tfoot th thead tr ul"
)
_DROPPED = frozenset({"script", "style", "head", "template", "title", "noembed", "object"})
_ATTRIBUTES = ("alt", "title", "aria-label")


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.attributes: list[str] = []
        self.dropped = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in _ATTRIBUTES and value and value.strip():
                self.attributes.append(value)
        if tag in _DROPPED:
            self.dropped += 1
        elif tag == "br":
            self.parts.append(" ")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <img/>, <hr/>: no end tag follows, so nothing is dropped until it.
        for name, value in attrs:
            if name in _ATTRIBUTES and value and value.strip():
                self.attributes.append(value)
        if tag == "br":
            self.parts.append(" ")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropped = max(0, self.dropped - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.dropped:
            # Whitespace in HTML source (newlines included) shows as one space.
            self.parts.append(re.sub(r"\s+", " ", data))


def visible_text(html_text: str) -> str:
    """The text a reader of an HTML body sees, normalised, then each alt/title/aria-label
    value as a paragraph of its own. Inline tags join without a space, `<br>` is a space,
    block tags end a paragraph; script, style, head and comments are dropped."""
    parser = _VisibleText()
    parser.feed(html_text)
    parser.close()
    body = "".join(parser.parts)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body)]
    paragraphs += [" ".join(value.split()) for value in parser.attributes]
    return normalise_text("\n\n".join(p for p in paragraphs if p))


# Sentences.


_ABBREVIATIONS = _words(
    """
    dr mr mrs ms mx prof st sr sra srta sres dña dra jr sen rev hon gen col capt lt sgt
    mme mlle mm me mgr pr
    hr hrn fr frl dipl ing
    e.g i.e etc vs cf approx ca no nr nos tel fax p.ex ex env resp
    z.b u.a d.h bzw evtl ggf usw vgl inkl zzgl bspw s.o s.u u.s.w o.ä str
    ud uds vd vds av avda pág núm tfno aprox
    inc ltd co corp dept est fig vol ed
    jan feb mar apr jun jul aug sep sept oct nov dec
    janv févr avr juil sept déc
    """
)
_MONTHS = _words(
    """
    january february march april may june july august september october november december
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    januar jänner februar märz april mai juni juli august september oktober november dezember
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre
    diciembre
    """
)
# German words before an ordinal number ("Ihr 20. Aufenthalt bei uns").
_ORDINAL_BEFORE = _words(
    """
    ihr ihre ihren ihrem ihres dein deine deinen deinem unser unsere unseren unserem der die
    das den dem zum zur am im vom beim seit dieser diese diesen diesem
    """
)
_BOUNDARY = re.compile(r"([.!?]+|\.\.\.|…)([\"')\]]*)\s+")
_TOKEN_BEFORE = re.compile(r"(\S+)$")


def _ends_sentence(before: str, mark: str, after: str) -> bool:
    if mark != ".":
        return True
    token_match = _TOKEN_BEFORE.search(before)
    token = token_match.group(1).lower().lstrip("(\"'") if token_match else ""
    if token in _ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "J. Smith", "M. Dupont"
    if "." in token and re.fullmatch(r"(?:\w\.)+\w", token):
        return False  # "z.B", "e.g", "S.A"
    next_word = after.split(maxsplit=1)[0].lower().strip("\"'(") if after.strip() else ""
    if token.isdigit() and next_word.rstrip(".,") in _MONTHS:
        return False  # a German date: "am 3. März"
    words = before.split()
    if token.isdigit() and len(words) > 1 and words[-2].lower() in _ORDINAL_BEFORE:
        return False  # a German ordinal: "Ihr 20. Aufenthalt", "zum 5. Geburtstag"
    first = after.lstrip("\"'( ")[:1]
    # A lower-case start continues the sentence ("ca. two weeks", "approx. ten").
    return not (first and first.islower())


# The longest quotation kept whole: a stray quotation mark must not join a paragraph.
QUOTATION_LIMIT = 400
_ATTRIBUTION = re.compile(r"\s*[-–—]+\s*[A-ZÀ-ÖØ-Þ]")


def _inside_quotation(flat: str, start: int, match: re.Match[str]) -> bool:
    """Whether a sentence end falls inside a quotation that closes later in the paragraph:
    "« J'ai tout de suite été convaincu. » - Marc" is one testimonial with its source."""
    if '"' in match.group(2) or flat.count('"', start, match.start()) % 2 == 0:
        return False
    closing = flat.find('"', match.end())
    opening = flat.rfind('"', start, match.start())
    return closing != -1 and closing - opening <= QUOTATION_LIMIT


def _attribution_follows(flat: str, match: re.Match[str]) -> bool:
    """A closing quotation followed by a dash and a name: '"…else." - Hughes & Co.'."""
    quoted = '"' in match.group(2) or flat[match.end() : match.end() + 1] == '"'
    rest = flat[match.end() + (1 if flat[match.end() : match.end() + 1] == '"' else 0) :]
    return quoted and bool(_ATTRIBUTION.match(rest))


def _split(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for paragraph in re.split(r"\n\s*\n", normalise_text(text)):
        flat = " ".join(paragraph.split())
        start = 0
        for match in _BOUNDARY.finditer(flat):
            mark = "." if set(match.group(1)) == {"."} and len(match.group(1)) == 1 else "!"
            before = flat[max(start, match.start() - 40) : match.start()]
            if _inside_quotation(flat, start, match) or _attribution_follows(flat, match):
                continue  # a testimonial stays one sentence with the words that give its source
            if _ends_sentence(before, mark, flat[match.end() : match.end() + 40]):
                piece = flat[start : match.end()].strip()
                if piece:
                    found.append(piece)
                start = match.end()
        rest = flat[start:].strip()
        if rest:
            found.append(rest)
    return tuple(found)


def sentences(text: str) -> list[str]:
    """The normalised sentences of a text: split after . ! ? … and at blank lines, not after
    abbreviations ("Dr.", "M.", "z.B.", "e.g.", "Sr."), initials or a German date's day
    ("am 3. März"); decimals never split. Whitespace inside a sentence is collapsed."""
    return list(_split_cached(text) if len(text) <= CACHED_LENGTH else _split(text))


_split_cached = lru_cache(maxsize=16384)(_split)
