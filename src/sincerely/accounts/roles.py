"""Staff roles and what each may do: the one table every view, API call and command consults."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    MARKETER = "marketer"
    SALES = "sales"
    AUTHOR = "author"
    SUPPORT = "support"


ROLE_LABELS = {
    Role.ADMIN: "Administrator",
    Role.MARKETER: "Marketer",
    Role.SALES: "Salesperson",
    Role.AUTHOR: "Blog author",
    Role.SUPPORT: "Support",
}

# Capabilities are named "<subject>.<verb>". A role not listed for a capability lacks it.
CAPABILITIES: dict[str, frozenset[Role]] = {
    "people.view": frozenset({Role.ADMIN, Role.MARKETER, Role.SALES, Role.SUPPORT}),
    "people.edit": frozenset({Role.ADMIN, Role.MARKETER, Role.SALES, Role.SUPPORT}),
    "people.import": frozenset({Role.ADMIN, Role.MARKETER}),
    "people.merge": frozenset({Role.ADMIN, Role.MARKETER, Role.SUPPORT}),
    "people.erase": frozenset({Role.ADMIN, Role.SUPPORT}),
    "people.export": frozenset({Role.ADMIN, Role.SUPPORT}),
    "lists.view": frozenset({Role.ADMIN, Role.MARKETER, Role.SALES, Role.SUPPORT}),
    "lists.manage": frozenset({Role.ADMIN, Role.MARKETER}),
    "timeline.log": frozenset({Role.ADMIN, Role.MARKETER, Role.SALES, Role.SUPPORT}),
    "timeline.ingest": frozenset({Role.ADMIN, Role.MARKETER}),
    "campaigns.manage": frozenset({Role.ADMIN, Role.MARKETER}),
    "messages.send_one": frozenset({Role.ADMIN, Role.MARKETER, Role.SALES, Role.SUPPORT}),
    "posts.write": frozenset({Role.ADMIN, Role.AUTHOR}),
    "conversations.handle": frozenset({Role.ADMIN, Role.SUPPORT, Role.SALES, Role.AUTHOR}),
    "incidents.manage": frozenset({Role.ADMIN, Role.SUPPORT}),
    "insight.view": frozenset({Role.ADMIN, Role.MARKETER, Role.SALES}),
    "insight.manage": frozenset({Role.ADMIN, Role.MARKETER}),
    "staff.manage": frozenset({Role.ADMIN}),
}


def role_allows(role: str | None, capability: str) -> bool:
    if capability not in CAPABILITIES:
        raise KeyError(f"unknown capability {capability!r}")
    return role is not None and Role(role) in CAPABILITIES[capability]
