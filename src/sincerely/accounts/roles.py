"""Staff roles and what each may do: the one table every view, API call and command consults."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    MARKETER = "marketer"
    SALES = "sales"
    AUTHOR = "author"
    SUPPORT = "support"
    EDITOR = "editor"


ROLE_LABELS = {
    Role.ADMIN: "Administrator",
    Role.MARKETER: "Marketer",
    Role.SALES: "Salesperson",
    Role.AUTHOR: "Blog author",
    Role.SUPPORT: "Support",
    Role.EDITOR: "Blog editor",
}

# Capabilities are named "<subject>.<verb>". A role not listed for a capability lacks it.
# README.md's role table is this table (tests/console/test_roles.py checks both ways), and
# CAPABILITY_LABELS says in words what each row allows.
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
    "posts.write": frozenset({Role.ADMIN, Role.AUTHOR, Role.EDITOR}),
    "posts.edit_any": frozenset({Role.ADMIN, Role.EDITOR}),
    "conversations.handle": frozenset(
        {Role.ADMIN, Role.SUPPORT, Role.SALES, Role.AUTHOR, Role.EDITOR}
    ),
    "conversations.all": frozenset({Role.ADMIN, Role.SUPPORT, Role.SALES}),
    "incidents.manage": frozenset({Role.ADMIN, Role.SUPPORT}),
    "insight.view": frozenset({Role.ADMIN, Role.MARKETER, Role.SALES}),
    "insight.manage": frozenset({Role.ADMIN, Role.MARKETER}),
    "staff.manage": frozenset({Role.ADMIN}),
}

CAPABILITY_LABELS: dict[str, str] = {
    "people.view": "see people, their facts, consents, lists, messages and audit trail",
    "people.edit": "create people, record facts and consents, set the owner",
    "people.import": "import people from CSV",
    "people.merge": "merge duplicate people",
    "people.erase": "erase a person",
    "people.export": "download a person's JSON (recorded in their audit trail)",
    "lists.view": "see lists and their members",
    "lists.manage": "create lists, add and remove members",
    "timeline.log": "log calls, meetings and notes",
    "timeline.ingest": "send events to `POST /api/v1/events`",
    "campaigns.manage": (
        "write, preview and send campaigns (email and printed); outbox and caught mail"
    ),
    "messages.send_one": "send one-to-one messages",
    "posts.write": "write, schedule and publish one's own blog posts",
    "posts.edit_any": "edit anyone's post, publish as another author",
    "conversations.handle": "the inbox: read, answer and moderate conversations about own posts",
    "conversations.all": "every conversation (email replies, privacy messages, all posts)",
    "incidents.manage": "open incidents, post updates, notify lists",
    "insight.view": "segments, value tiers, offers, attribution",
    "insight.manage": "create, change and refresh segments; offer settings",
    "staff.manage": "Django admin",
}


def role_allows(role: str | None, capability: str) -> bool:
    if capability not in CAPABILITIES:
        raise KeyError(f"unknown capability {capability!r}")
    return role is not None and Role(role) in CAPABILITIES[capability]


def role_table_markdown() -> str:
    """README.md's role table, made from CAPABILITIES (the README must match it exactly)."""
    columns = ["anonymous", *(r.value for r in Role)]
    lines = [
        "| capability | allows | " + " | ".join(columns) + " |",
        "| --- | --- | " + " | ".join("---" for _ in columns) + " |",
    ]
    for capability, roles in CAPABILITIES.items():
        cells = ["–"] + ["✓" if role in roles else "–" for role in Role]
        lines.append(
            f"| `{capability}` | {CAPABILITY_LABELS[capability]} | " + " | ".join(cells) + " |"
        )
    return "\n".join(lines)
