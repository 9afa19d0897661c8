"""Literals a detector pattern cannot match without: a sentence with none of them skips it.

The literals are read off the compiled pattern's parse tree, never written by hand, so the
prefilter is lossless by construction: every match of the pattern contains one of its
pattern's literals as a substring (tests/messaging/test_claims.py checks it on the corpus
and on generated text). A pattern with no such literal (it matches some text made only of
letter classes) gets `None` and is always run.
"""

from __future__ import annotations

import re
from itertools import product
from re import _constants as sre  # type: ignore[attr-defined]  # sre internals, stable in 3.11+
from re import _parser as sre_parse  # type: ignore[attr-defined]

# Beyond this many spelled-out strings a part of a pattern is treated as open-ended.
_LIMIT = 64
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which is in every match of `pattern`, or None when no such set is known."""
    if pattern.flags & re.IGNORECASE:
        return None
    found = _required(sre_parse.parse(pattern.pattern, pattern.flags))
    if not found:
        return None
    # A literal holding a shorter one adds nothing: the shorter one is there too.
    kept: list[str] = []
    for literal in sorted(found, key=len):
        if not any(shorter in literal for shorter in kept):
            kept.append(literal)
    return frozenset(kept)


def _exact(items) -> set[str] | None:
    """Every string a sequence of parse nodes can consume, when there are few of them."""
    result = {""}
    for node in items:
        strings = _exact_node(node)
        if strings is None:
            return None
        result = {a + b for a, b in product(result, strings)}
        if len(result) > _LIMIT:
            return None
    return result


def _exact_node(node) -> set[str] | None:
    op, arg = node
    if op is sre.LITERAL:
        return {chr(arg)}
    if op in _ZERO_WIDTH:
        return {""}
    if op is sre.IN:
        if all(kind is sre.LITERAL for kind, _ in arg):
            return {chr(code) for _, code in arg}
        return None
    if op is sre.BRANCH:
        result: set[str] = set()
        for alternative in arg[1]:
            strings = _exact(alternative)
            if strings is None:
                return None
            result |= strings
        return result if len(result) <= _LIMIT else None
    if op is sre.SUBPATTERN:
        return None if arg[1] & re.IGNORECASE else _exact(arg[3])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = arg
        if high > 2:
            return None
        once = _exact(body)
        if once is None:
            return None
        strings: set[str] = set()
        for count in range(low, high + 1):
            strings |= {"".join(parts) for parts in product(once, repeat=count)}
        return strings if len(strings) <= _LIMIT else None
    return None


def _score(strings: set[str]) -> tuple[int, int]:
    return (min(len(s) for s in strings), -len(strings))


def _required(items) -> set[str] | None:
    """The best required set of a sequence: the consumed text of any one part, or of a run of
    consecutive spelled-out parts, is a substring of the whole match."""
    candidates: list[set[str]] = []
    run: set[str] = {""}
    for node in items:
        strings = _exact_node(node)
        if strings is not None:
            joined = {a + b for a, b in product(run, strings)}
            if len(joined) <= _LIMIT:
                run = joined
                continue
            candidates.append(run)
            run = strings
            continue
        candidates.append(run)
        run = {""}
        inner = _required_node(node)
        if inner:
            candidates.append(inner)
    candidates.append(run)
    usable = [c for c in candidates if c and "" not in c]
    return max(usable, key=_score) if usable else None


def _required_node(node) -> set[str] | None:
    op, arg = node
    if op is sre.BRANCH:
        result: set[str] = set()
        for alternative in arg[1]:
            inner = _required(alternative)
            if not inner:
                return None
            result |= inner
        return result
    if op is sre.SUBPATTERN:
        return None if arg[1] & re.IGNORECASE else _required(arg[3])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
        return _required(arg[2])
    return None


class KindFilter:
    """One pass over a sentence that tells which claim kinds' patterns could match in it.

    Every literal of every kind of a language goes in one trie-shaped regex, tried at every
    position inside a look-ahead (so literals that overlap are all seen). At one position
    the longest literal wins and every other literal there is a prefix of it, so each
    literal stands for the kinds of all its prefixes. Measured on the guard corpus: about
    5 µs per sentence, and under one kind's pattern left to run on average instead of 14.
    """

    def __init__(self, patterns: list[tuple[str, re.Pattern[str]]]) -> None:
        owners: dict[str, set[str]] = {}
        self.always: frozenset[str] = frozenset()
        for kind, pattern in patterns:
            literals = required_literals(pattern)
            if literals is None:
                self.always |= {kind}
                continue
            for literal in literals:
                owners.setdefault(literal, set()).add(kind)
        self.kinds_of = {
            literal: frozenset().union(
                *(owners.get(literal[:end], ()) for end in range(1, len(literal) + 1))
            )
            for literal in owners
        }
        self.finder = re.compile(f"(?=({_trie_regex(owners)}))") if owners else None

    def possible_kinds(self, view: str) -> frozenset[str]:
        """The kinds whose pattern may match `view`; the others cannot."""
        found = set(self.always)
        if self.finder is not None:
            for match in self.finder.finditer(view):
                found |= self.kinds_of[match.group(1)]
        return frozenset(found)


def _trie_regex(strings) -> str:
    """A regex matching exactly `strings`, shaped as a trie so the engine branches once per
    character instead of trying hundreds of alternatives (20x faster than a flat list)."""
    trie: dict = {}
    for string in strings:
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends_here else f"(?:{'|'.join(branches)})"
    return body + ("?" if ends_here else "")
