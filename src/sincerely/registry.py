"""What apps plug into each other, in one place: each app registers in its AppConfig.ready().

A lower layer never imports a higher one (docs/ARCHITECTURE.md). Where a lower layer must
reach code above it (people merging a person whose messages messaging owns, messaging
handing an inbound reply to conversations, the console shell showing every app's panel),
the higher app registers a function here and the lower one calls what is registered.
This module imports no app: it only holds callables and names.

Registering the same thing twice (ready() runs again in some test set-ups) changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Panel:
    """A section of a page another app owns: a template and the function giving its context."""

    template: str
    build: Callable[..., dict | None]
    order: int = 100


@dataclass(frozen=True)
class NavSection:
    """An entry of the console's navigation, shown to roles with `capability`."""

    label: str
    url_name: str
    capability: str
    order: int = 100
    group: str = ""


# person, survivor/duplicate → {what: count moved}
MergeHook = Callable[[Any, Any], dict]
# person, its email addresses, its web visitor ids; runs before the person row is deleted.
ErasureHook = Callable[[Any, list[str], list[str]], None]
# person → {section: data} for the privacy export
ExportSection = Callable[[Any], dict]

_merges: list[MergeHook] = []
_erasures: list[ErasureHook] = []
_exports: list[ExportSection] = []
_person_panels: list[Panel] = []
_privacy_panels: list[Panel] = []
_nav: list[NavSection] = []
_report_sections: dict[str, list[Panel]] = {}
_inbound_reply: list[Callable[..., Any]] = []
_importers: dict[str, Callable[..., Any]] = {}
_person_counts: dict[str, Callable[[Any], int]] = {}
# Template variables beyond the built-in ones: name → factory(person, ledger). The guard's
# renderer and linter read this dict (messaging/guard/evidence.EXTRA_VARIABLES is it).
TEMPLATE_VARIABLES: dict[str, Callable[[Any, Any], object]] = {}


def _add(items: list, item) -> None:
    if item not in items:
        items.append(item)


# ---------------------------------------------------------------------------- people


def add_merge(hook: MergeHook) -> None:
    """Called when two people are merged, to move the app's rows to the survivor."""
    _add(_merges, hook)


def merges() -> list[MergeHook]:
    return list(_merges)


def add_erasure(hook: ErasureHook) -> None:
    """Called when a person is erased, for rows that do not go with them by cascade."""
    _add(_erasures, hook)


def erasures() -> list[ErasureHook]:
    return list(_erasures)


def add_export(section: ExportSection) -> None:
    """Adds a section to the person's privacy export (the JSON download)."""
    _add(_exports, section)


def exports() -> list[ExportSection]:
    return list(_exports)


def add_importer(kind: str, run: Callable[..., Any]) -> None:
    """A file import another app offers through `sincerely import KIND` (e.g. purchases)."""
    _importers[kind] = run


def importer(kind: str) -> Callable[..., Any]:
    return _importers[kind]


def add_person_count(name: str, count: Callable[[Any], int]) -> None:
    """A figure about a person another app knows (e.g. open conversations), by name."""
    _person_counts[name] = count


def person_count(name: str, person: Any) -> int | None:
    """The registered figure for this person; None when no installed app provides it."""
    count = _person_counts.get(name)
    return None if count is None else count(person)


# ---------------------------------------------------------------------------- pages


def add_person_panel(template: str, build: Callable, *, order: int = 100) -> None:
    """A panel on the console's person page; build(request, person) -> context or None."""
    if all(p.build is not build for p in _person_panels):
        _person_panels.append(Panel(template, build, order))


def person_panels() -> list[Panel]:
    return sorted(_person_panels, key=lambda p: p.order)


def add_privacy_panel(template: str, build: Callable, *, order: int = 100) -> None:
    """A panel in the privacy centre; build(request, person, payload) -> context or None."""
    if all(p.build is not build for p in _privacy_panels):
        _privacy_panels.append(Panel(template, build, order))


def privacy_panels() -> list[Panel]:
    return sorted(_privacy_panels, key=lambda p: p.order)


def add_nav_section(
    label: str, url_name: str, capability: str, *, order: int = 100, group: str = ""
) -> None:
    """A console navigation entry; `group` is the job it sits under (console/nav.GROUPS:
    Audience, Messages, Content, Insight), none for an entry standing alone like the dashboard."""
    if all(s.url_name != url_name for s in _nav):
        _nav.append(NavSection(label, url_name, capability, order, group))


def nav_sections() -> list[NavSection]:
    return sorted(_nav, key=lambda s: s.order)


# ---------------------------------------------------------------------------- messages


def add_template_variable(name: str, factory: Callable[[Any, Any], object]) -> None:
    TEMPLATE_VARIABLES[name] = factory


def set_inbound_reply_handler(handler: Callable[..., Any]) -> None:
    """The one app that takes a person's email reply (conversations threads it)."""
    _inbound_reply[:] = [handler]


def inbound_reply(**reply: Any) -> Any:
    """Hand a matched inbound reply to the app that takes it; None when no app does."""
    if not _inbound_reply:
        return None
    return _inbound_reply[0](**reply)


def add_report_section(report: str, template: str, build: Callable, *, order: int = 100) -> None:
    """A section another app adds to a report page (e.g. printed mail on "attribution");
    build(request) -> context."""
    sections = _report_sections.setdefault(report, [])
    if all(p.build is not build for p in sections):
        sections.append(Panel(template, build, order))


def report_sections(report: str) -> list[Panel]:
    return sorted(_report_sections.get(report, []), key=lambda p: p.order)
