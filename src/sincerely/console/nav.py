"""The console's navigation: each app adds its sections here, shown to roles that may use them."""

from __future__ import annotations

from functools import lru_cache

from django.urls import NoReverseMatch, reverse

from sincerely.console.access import user_can

# (label, url name, capability). An entry whose url does not exist is not shown.
SECTIONS: list[tuple[str, str, str]] = [
    ("Dashboard", "console:home", "people.view"),
    ("People", "console:people", "people.view"),
    ("Lists", "console:lists", "lists.view"),
    ("Imports", "console:imports", "people.import"),
    ("Campaigns", "messaging:campaigns", "campaigns.manage"),
    ("Outbox", "messaging:outbox", "campaigns.manage"),
    ("Blog", "conversations:posts", "posts.write"),
    ("Inbox", "conversations:inbox", "conversations.handle"),
    ("Unmatched mail", "messaging:inbound_unmatched", "conversations.all"),
    ("Incidents", "conversations:incidents", "incidents.manage"),
    ("Segments", "insight:segments", "insight.view"),
    ("Value tiers", "insight:tiers", "insight.view"),
    ("Offers", "offers:catalogue", "insight.view"),
    ("Attribution", "timeline:attribution", "insight.view"),
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
