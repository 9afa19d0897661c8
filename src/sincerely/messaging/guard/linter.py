"""The claims linter: every sentence claiming a shared history must sit under matching evidence.

The template is parsed with Jinja's own parser; the linter walks the syntax tree, tracks
which `{% if evidence.<kind>(…) %}` blocks enclose each piece of text, splits the text
into sentences and checks each claim against the evidence table in `claims.py`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from jinja2 import nodes

from sincerely.errors import DomainError
from sincerely.messaging.guard.claims import EVIDENCE_KINDS, Claim, detect_claims
from sincerely.messaging.guard.evidence import name_words, names_match
from sincerely.messaging.guard.gate import NAMES_EVIDENCE_CAN_BACK, naming_words
from sincerely.messaging.guard.renderer import allowed_variables, parse_template

# A guard level is a disjunction of conjunctions: the evidence kinds guaranteed by each
# alternative way the `if` test can be true. `a and b` → [{a, b}]; `a or b` → [{a}, {b}].
Alternatives = tuple[frozenset[tuple[str, str]], ...]
NOTHING: Alternatives = (frozenset(),)

PLACEHOLDER = "X"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n\s*\n")
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|br|div|li|h[1-6]|tr|td|table|ul|ol)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Finding:
    """One problem: an unguarded claim (kind = claim kind) or an unsafe/unknown name."""

    field: str
    line: int
    sentence: str
    kind: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.field}:{self.line}: [{self.kind}] {self.message}: {self.sentence}"


class UnguardedClaims(DomainError):
    """Raised when a campaign with findings is sent; carries every finding."""

    status_code = 422

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        first = findings[0]
        super().__init__(
            f"{len(findings)} finding(s); first: {first.message}: “{first.sentence}”",
            field=first.field,
            line=first.line,
        )

    def as_dict(self) -> dict:
        return {**super().as_dict(), "findings": [f.as_dict() for f in self.findings]}


@dataclass
class _Segment:
    text: str
    line: int
    guards: tuple[Alternatives, ...]


# A guard is an evidence kind with the literal name it was asked about ("" when none or
# not a literal): `evidence.attended("Web Summit")` -> ("attended", "Web Summit").
Guard = tuple[str, str]


def _evidence_call(node: nodes.Node, aliases: dict[str, Guard]) -> Guard | None:
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
        target = node.node
        if (
            isinstance(target.node, nodes.Name)
            and target.node.name == "evidence"
            and target.attr in EVIDENCE_KINDS
        ):
            first = node.args[0] if node.args else None
            literal = first.value if isinstance(first, nodes.Const) else ""
            return (target.attr, literal if isinstance(literal, str) else str(literal))
    if isinstance(node, nodes.Name) and node.name in aliases:
        return aliases[node.name]
    return None


def _offers_loop(node: nodes.Node) -> bool:
    """`{% for offer in offers.top(n) %}`: the body speaks of offers chosen for this person."""
    return (
        isinstance(node, nodes.For)
        and isinstance(node.iter, nodes.Call)
        and isinstance(node.iter.node, nodes.Getattr)
        and isinstance(node.iter.node.node, nodes.Name)
        and node.iter.node.node.name == "offers"
    )


def _alternatives(test: nodes.Node, aliases: dict[str, Guard]) -> Alternatives:
    guard = _evidence_call(test, aliases)
    if guard:
        return (frozenset({guard}),)
    if isinstance(test, nodes.And):
        left, right = _alternatives(test.left, aliases), _alternatives(test.right, aliases)
        return tuple(a | b for a in left for b in right)
    if isinstance(test, nodes.Or):
        return _alternatives(test.left, aliases) + _alternatives(test.right, aliases)
    return NOTHING


def _guard_backs(claim: Claim, guard: tuple[str, str]) -> bool:
    kind, literal = guard
    if kind not in claim.evidence_kinds:
        return False
    if not literal:
        return True  # no name, or a name from data: the render-time gate decides
    # "at Web Summit" under evidence.attended("VivaTech") is the wrong evidence.
    relevant = NAMES_EVIDENCE_CAN_BACK.get(kind, frozenset())
    for what, value in claim.named.items():
        if what == "date" or what not in relevant or PLACEHOLDER.casefold() in name_words(value):
            continue  # a printed value: only the render-time gate can compare it
        words = " ".join(naming_words(value))
        if words and not (names_match(words, literal) or names_match(literal, value)):
            return False
    return True


def _is_backed(claim: Claim, guards: tuple[Alternatives, ...]) -> bool:
    return any(
        all(any(_guard_backs(claim, guard) for guard in alt) for alt in level) for level in guards
    )


class _Walker:
    def __init__(self, field: str, is_html: bool) -> None:
        self.field = field
        self.is_html = is_html
        self.segments: list[_Segment] = []
        self.findings: list[Finding] = []
        self.aliases: dict[str, Guard] = {}
        self.rebound: set[str] = set()

    def text(self, data: str, line: int, guards: tuple[Alternatives, ...]) -> None:
        if self.is_html:
            data = _ANY_TAG.sub(" ", _BLOCK_TAG.sub("\n\n", data))
        self.segments.append(_Segment(data, line, guards))

    def check_names(self, node: nodes.Node) -> None:
        for getattr_node in node.find_all((nodes.Getattr, nodes.Getitem)):
            attr = getattr(getattr_node, "attr", None)
            if attr is None and isinstance(getattr_node.arg, nodes.Const):
                attr = str(getattr_node.arg.value)
            if attr and attr.startswith("_"):
                self.findings.append(
                    Finding(
                        self.field,
                        getattr_node.lineno,
                        f".{attr}",
                        "internals",
                        "templates may not reach Python internals",
                    )
                )

    def check_bindings(self, tree: nodes.Template) -> None:
        """No template may rebind the names the guard relies on, and an alias of an
        evidence call stays one only if nothing else is ever assigned to it."""
        protected = allowed_variables()
        assigned: dict[str, list[nodes.Node]] = {}
        for name in tree.find_all(nodes.Name):
            if name.ctx in ("store", "param"):
                if name.name in protected:
                    self.findings.append(
                        Finding(
                            self.field,
                            name.lineno,
                            name.name,
                            "rebinding",
                            f"templates may not rebind or shadow '{name.name}'",
                        )
                    )
                assigned.setdefault(name.name, []).append(name)
        for node in tree.find_all(nodes.Assign):
            if isinstance(node.target, nodes.Name):
                guard = _evidence_call(node.node, {})
                if guard and len(assigned.get(node.target.name, [])) == 1:
                    self.aliases[node.target.name] = guard

    def constants(self, node: nodes.Node) -> str:
        """The literal words an expression can print: `"we " ~ "met"`, a fallback text, a
        macro argument. The gate reads the real result; this is the editor's early warning."""
        try:
            value = node.as_const()
        except Exception:  # noqa: BLE001 - not constant: collect its literal pieces instead
            value = None
        if isinstance(value, str):
            return value
        pieces = [
            c.value
            for c in node.find_all(nodes.Const)
            if isinstance(c.value, str) and len(c.value.split()) > 1
        ]
        return " ".join(pieces) if pieces else PLACEHOLDER

    def walk(self, body: list[nodes.Node], guards: tuple[Alternatives, ...]) -> None:
        for node in body:
            if isinstance(node, nodes.Output):
                for child in node.nodes:
                    if isinstance(child, nodes.TemplateData):
                        self.text(child.data, child.lineno, guards)
                    else:
                        self.text(self.constants(child), child.lineno, guards)
                continue
            if isinstance(node, nodes.If):
                level = _alternatives(node.test, self.aliases)
                self.walk(node.body, (*guards, level))
                for elif_node in node.elif_:
                    self.walk([elif_node], guards)
                self.walk(node.else_, guards)
                continue
            if _offers_loop(node):
                self.walk(node.body, (*guards, (frozenset({("offered", "")}),)))
                self.walk(node.else_, guards)
                continue
            if isinstance(node, nodes.Assign | nodes.CallBlock | nodes.FilterBlock):
                # `{% set x = "we met" %}` prints later: its words are read where it is set.
                words = self.constants(getattr(node, "node", None) or getattr(node, "call", node))
                if words != PLACEHOLDER:
                    self.text("\n\n" + words + "\n\n", node.lineno, guards)
            for attr in ("body", "else_"):
                children = getattr(node, attr, None)
                if isinstance(children, list):
                    self.walk(children, guards)

    def sentences(self) -> list[tuple[str, int, tuple[Alternatives, ...]]]:
        """Sentences of each run of text under the same guards, with their starting line."""
        runs: list[list[_Segment]] = []
        for seg in self.segments:
            if runs and runs[-1][-1].guards == seg.guards:
                runs[-1].append(seg)
            else:
                runs.append([seg])
        found = []
        for run in runs:
            text, lines = "", []
            for seg in run:
                line = seg.line
                for ch in seg.text:
                    text += ch
                    lines.append(line)
                    if ch == "\n":
                        line += 1
            start = 0
            for match in [*_SENTENCE_END.finditer(text), None]:
                end = match.start() if match else len(text)
                chunk = text[start:end]
                stripped = chunk.strip()
                if stripped:
                    offset = start + (len(chunk) - len(chunk.lstrip()))
                    found.append((" ".join(stripped.split()), lines[offset], run[0].guards))
                if match:
                    start = match.end()
        return found


def lint_template(source: str, *, field: str = "template", is_html: bool = False) -> list[Finding]:
    """Findings for one template; a syntax error is raised as a DomainError naming the line."""
    tree = parse_template(source, field=field)
    walker = _Walker(field, is_html)
    walker.check_names(tree)
    walker.check_bindings(tree)
    allowed = allowed_variables()
    from jinja2 import meta

    for name in sorted(meta.find_undeclared_variables(tree) - allowed):
        line = next(
            (n.lineno for n in tree.find_all(nodes.Name) if n.name == name and n.ctx == "load"), 1
        )
        walker.findings.append(
            Finding(
                field,
                line,
                name,
                "unknown_variable",
                f"unknown variable '{name}'; templates may use {', '.join(sorted(allowed))}",
            )
        )
    walker.walk(tree.body, ())
    for sentence, line, guards in walker.sentences():
        for claim in detect_claims(sentence):
            if not _is_backed(claim, guards):
                walker.findings.append(
                    Finding(field, line, sentence, claim.kind, explain(claim, guards))
                )
    return sorted(walker.findings, key=lambda f: (f.line, f.kind))


def explain(claim: Claim, guards: tuple[Alternatives, ...]) -> str:
    """The finding in plain words: what the sentence claims and which evidence allows it."""
    needed = " or ".join(
        f"evidence.{k}({_example_argument(k, claim)})" for k in sorted(claim.evidence_kinds)
    )
    named = ", ".join(f"{what} “{value}”" for what, value in claim.named.items())
    wrong = [
        f"evidence.{kind}(“{literal}”)"
        for level in guards
        for alt in level
        for kind, literal in alt
        if literal and kind in claim.evidence_kinds
    ]
    text = f"unguarded {claim.kind} claim"
    if named:
        text += f" naming {named}"
    if wrong:
        text += f"; {', '.join(wrong)} is evidence of something else"
    return f"{text}; put it inside {{% if {needed} %}} so only people with that record get it"


def _example_argument(kind: str, claim: Claim) -> str:
    wants = {
        "attended": ("event", "place"),
        "bought": ("product",),
        "asked": ("topic",),
        "said": ("topic",),
        "prefers": ("topic", "product"),
        "visited": ("place",),
        "offered": ("product",),
        "customer_since": ("date",),
    }.get(kind, ())
    for what in wants:
        if what in claim.named:
            return f'"{claim.named[what]}"'
    return "…" if wants else ""


def lint_message(subject: str, text: str, html: str = "") -> list[Finding]:
    """Findings for a whole message: subject, text body and HTML body."""
    findings = lint_template(subject, field="subject")
    findings += lint_template(text, field="text")
    if html:
        findings += lint_template(html, field="html", is_html=True)
    return findings
