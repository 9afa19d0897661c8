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
from sincerely.messaging.guard.claims import CLAIM_EVIDENCE, EVIDENCE_KINDS, claim_kinds
from sincerely.messaging.guard.renderer import allowed_variables, parse_template

# A guard level is a disjunction of conjunctions: the evidence kinds guaranteed by each
# alternative way the `if` test can be true. `a and b` → [{a, b}]; `a or b` → [{a}, {b}].
Alternatives = tuple[frozenset[str], ...]
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


def _evidence_call(node: nodes.Node, aliases: dict[str, str]) -> str | None:
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
        target = node.node
        if (
            isinstance(target.node, nodes.Name)
            and target.node.name == "evidence"
            and target.attr in EVIDENCE_KINDS
        ):
            return target.attr
    if isinstance(node, nodes.Name) and node.name in aliases:
        return aliases[node.name]
    return None


def _alternatives(test: nodes.Node, aliases: dict[str, str]) -> Alternatives:
    kind = _evidence_call(test, aliases)
    if kind:
        return (frozenset({kind}),)
    if isinstance(test, nodes.And):
        left, right = _alternatives(test.left, aliases), _alternatives(test.right, aliases)
        return tuple(a | b for a in left for b in right)
    if isinstance(test, nodes.Or):
        return _alternatives(test.left, aliases) + _alternatives(test.right, aliases)
    return NOTHING


def _is_backed(claim: str, guards: tuple[Alternatives, ...]) -> bool:
    accepted = CLAIM_EVIDENCE[claim]
    return any(all(alt & accepted for alt in level) for level in guards)


class _Walker:
    def __init__(self, field: str, is_html: bool) -> None:
        self.field = field
        self.is_html = is_html
        self.segments: list[_Segment] = []
        self.findings: list[Finding] = []
        self.aliases: dict[str, str] = {}

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

    def walk(self, body: list[nodes.Node], guards: tuple[Alternatives, ...]) -> None:
        for node in body:
            if isinstance(node, nodes.Output):
                for child in node.nodes:
                    if isinstance(child, nodes.TemplateData):
                        self.text(child.data, child.lineno, guards)
                    else:
                        self.text(PLACEHOLDER, child.lineno, guards)
                continue
            if isinstance(node, nodes.If):
                level = _alternatives(node.test, self.aliases)
                self.walk(node.body, (*guards, level))
                for elif_node in node.elif_:
                    self.walk([elif_node], guards)
                self.walk(node.else_, guards)
                continue
            if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
                kind = _evidence_call(node.node, self.aliases)
                if kind:
                    self.aliases[node.target.name] = kind
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
        for claim in claim_kinds(sentence):
            if not _is_backed(claim, guards):
                needed = " or ".join(f"evidence.{k}(…)" for k in sorted(CLAIM_EVIDENCE[claim]))
                walker.findings.append(
                    Finding(
                        field,
                        line,
                        sentence,
                        claim,
                        f"unguarded {claim} claim; put it inside {{% if {needed} %}}",
                    )
                )
    return sorted(walker.findings, key=lambda f: (f.line, f.kind))


def lint_message(subject: str, text: str, html: str = "") -> list[Finding]:
    """Findings for a whole message: subject, text body and HTML body."""
    findings = lint_template(subject, field="subject")
    findings += lint_template(text, field="text")
    if html:
        findings += lint_template(html, field="html", is_html=True)
    return findings
