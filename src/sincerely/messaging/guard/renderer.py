"""The sandboxed renderer: Jinja2 with no blank values, no Python internals, and a ledger."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from sincerely.errors import DomainError
from sincerely.messaging.guard.claims import recipient_names
from sincerely.messaging.guard.evidence import (
    EXTRA_VARIABLES,
    Evidence,
    EvidenceIndex,
    Missing,
    MissingValue,
    PersonFacts,
    Sender,
    TemplateProblem,
)
from sincerely.messaging.guard.gate import message_parts, unbacked_claims
from sincerely.messaging.guard.ledger import Ledger
from sincerely.people.models import Fact, Person

BUILTIN_VARIABLES = ("person", "evidence", "sender")


class HeldBack(Exception):
    """This recipient cannot get this message; `reason` says why in a few plain words."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def fallback(value, default: str):
    """`{{ person.first_name | fallback("there") }}`: the author's words for a missing fact."""
    if isinstance(value, Missing) or value is None or value == "":
        if not str(default).strip():
            raise TemplateProblem("a fallback must be words, not an empty string")
        return default
    return value


def _finalize(value):
    # Every printed expression passes here: a missing or empty value never becomes a blank.
    if isinstance(value, Missing):
        raise MissingValue(value.name)
    if value is None:
        raise MissingValue("a value that is empty")
    return value


class GuardedEnvironment(SandboxedEnvironment):
    """Jinja's sandbox, plus: unknown names raise, missing facts refuse to print."""

    def __init__(self, *, autoescape: bool) -> None:
        super().__init__(
            undefined=StrictUndefined,
            autoescape=autoescape,
            finalize=_finalize,
            keep_trailing_newline=True,
        )
        self.filters["fallback"] = fallback
        # Jinja's own `default` only knows Undefined; authors reaching for it mean fallback.
        self.filters["default"] = self.filters["d"] = fallback


TEXT_ENV = GuardedEnvironment(autoescape=False)
HTML_ENV = GuardedEnvironment(autoescape=True)


def allowed_variables() -> set[str]:
    return {*BUILTIN_VARIABLES, *EXTRA_VARIABLES}


def parse_template(source: str, *, field: str) -> nodes.Template:
    """The template's syntax tree, or a DomainError naming the field and the line."""
    try:
        return TEXT_ENV.parse(source or "")
    except TemplateSyntaxError as exc:
        raise DomainError(f"template syntax: {exc.message}", field=field, line=exc.lineno) from None


@dataclass
class CompiledMessage:
    subject: object
    text: object
    html: object | None


@lru_cache(maxsize=64)
def compile_message(subject: str, text: str, html: str) -> CompiledMessage:
    """Compile once per campaign version; a syntax error names the field and the line."""
    compiled = {}
    for field, source, env in (
        ("subject", subject, TEXT_ENV),
        ("text", text, TEXT_ENV),
        ("html", html, HTML_ENV),
    ):
        if field == "html" and not source:
            compiled[field] = None
            continue
        try:
            compiled[field] = env.from_string(source or "")
        except TemplateSyntaxError as exc:
            raise DomainError(
                f"template syntax: {exc.message}", field=field, line=exc.lineno
            ) from None
    return CompiledMessage(**compiled)


@dataclass
class Rendered:
    subject: str
    text: str
    html: str
    ledger: list[dict]


def current_facts(person_ids: list[int]) -> dict[int, dict[str, Fact]]:
    """Current facts of many people in one query, for rendering a batch of recipients."""
    facts: dict[int, dict[str, Fact]] = {pid: {} for pid in person_ids}
    for fact in Fact.objects.filter(person_id__in=person_ids, is_current=True):
        facts[fact.person_id][fact.key] = fact
    return facts


def render_message(
    compiled: CompiledMessage,
    person: Person,
    *,
    sender,
    sender_name: str = "",
    facts: dict[str, Fact] | None = None,
    index: EvidenceIndex | None = None,
    footer: str = "",
) -> Rendered:
    """Render subject, text and HTML for one person, or raise HeldBack with the reason.

    The rendered result then passes the gate (guard/gate.py): every claim in what the
    person would read, `footer` (the plain-words reasons from list and segment names)
    and the sender's display name included, must be backed by their ledger.
    """
    if facts is None:
        facts = current_facts([person.pk])[person.pk]
    ledger = Ledger()
    context = {
        "person": PersonFacts(person, facts, ledger),
        "evidence": Evidence(person, facts, ledger, sender, index),
        "sender": Sender(sender, sender_name) if sender is not None else Missing("sender"),
    }
    for name, factory in EXTRA_VARIABLES.items():
        context[name] = factory(person, ledger)
    try:
        subject = " ".join(compiled.subject.render(context).split())
        text = compiled.text.render(context)
        html = compiled.html.render(context) if compiled.html is not None else ""
    except MissingValue as exc:
        raise HeldBack(f"no value for {exc.name} and no fallback") from None
    except UndefinedError as exc:
        raise HeldBack(f"template error: {exc.message}") from None
    except SecurityError as exc:
        raise HeldBack(f"template refused: reaching Python internals ({exc})") from None
    except TemplateProblem as exc:
        raise HeldBack(f"template error: {exc}") from None
    except (TemplateError, TypeError, ValueError, ArithmeticError) as exc:
        raise HeldBack(f"template error: {exc}") from None
    if not subject.strip():
        raise HeldBack("the subject would be empty")
    shown_name = sender_name or (
        (sender.get_full_name() or sender.get_username()) if sender is not None else ""
    )
    names = recipient_names(
        person.display_name,
        *(str(facts[key].value) for key in ("first_name", "last_name") if key in facts),
    )
    problems = unbacked_claims(
        message_parts(subject=subject, text=text, html=html, sender_name=shown_name, footer=footer),
        ledger.entries,
        names,
    )
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise HeldBack(f"{problems[0]}{more}")
    return Rendered(subject=subject, text=text, html=html, ledger=ledger.entries)
