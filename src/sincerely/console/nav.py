"""The console's navigation: sections grouped by job, each shown to roles that may use it."""

from __future__ import annotations

from functools import lru_cache

from django.urls import NoReverseMatch, reverse

from sincerely.console.access import user_can

# (label, url name, capability). An entry whose url does not exist is not shown; apps may
# append their own sections here.
SECTIONS: list[tuple[str, str, str]] = [
    ("Dashboard", "console:home", "people.view"),
    ("People", "console:people", "people.view"),
    ("Lists", "console:lists", "lists.view"),
    ("Imports", "console:imports", "people.import"),
    ("Campaigns", "messaging:campaigns", "campaigns.manage"),
    ("Outbox", "messaging:outbox", "campaigns.manage"),
    ("Caught mail", "messaging:caught", "campaigns.manage"),
    # A role without the dashboard lands on its first section: the blog for an author.
    ("Blog", "conversations:posts", "posts.write"),
    ("Inbox", "conversations:inbox", "conversations.handle"),
    ("Unmatched mail", "messaging:inbound_unmatched", "conversations.handle"),
    ("Incidents", "conversations:incidents", "incidents.manage"),
    ("Segments", "insight:segments", "insight.view"),
    ("Value tiers", "insight:tiers", "insight.view"),
    ("Offers", "offers:catalogue", "insight.view"),
    ("Attribution", "timeline:attribution", "insight.view"),
]

# Which job each section belongs to; a section not named here goes under "More".
GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("", ("Dashboard",)),
    ("Audience", ("People", "Lists", "Imports", "Segments")),
    ("Messages", ("Campaigns", "Outbox", "Caught mail", "Inbox", "Unmatched mail")),
    ("Content", ("Blog", "Incidents")),
    ("Insight", ("Value tiers", "Offers", "Attribution")),
]


@lru_cache(maxsize=1)
def _section_urls() -> tuple[tuple[str, str, str], ...]:
    """(label, url, capability) for the sections whose url exists; the url map is fixed."""
    found = []
    for label, name, capability in SECTIONS:
        try:
            found.append((label, reverse(name), capability))
        except NoReverseMatch:
            continue
    return tuple(found)


def sections_for(user, current_path: str) -> list[dict]:
    """Every section this user may open, in order, marking the one the path is in."""
    home = reverse("console:home")
    return [
        {
            "label": label,
            "url": url,
            "active": current_path.startswith(url) and (url != home or current_path == url),
        }
        for label, url, capability in _section_urls()
        if user_can(user, capability)
    ]


def groups_for(user, current_path: str) -> list[dict]:
    """The sections by job (Audience, Messages, Content, Insight); empty groups are left out."""
    sections = sections_for(user, current_path)
    by_label = {s["label"]: s for s in sections}
    grouped, placed = [], set()
    for name, labels in GROUPS:
        items = [by_label[label] for label in labels if label in by_label]
        placed.update(item["label"] for item in items)
        if items:
            grouped.append({"label": name, "slug": name.lower(), "items": items})
    rest = [s for s in sections if s["label"] not in placed]
    if rest:
        grouped.append({"label": "More", "slug": "more", "items": rest})
    return grouped
