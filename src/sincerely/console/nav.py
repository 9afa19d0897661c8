"""The console's navigation: each app adds its sections here, shown to roles that may use them."""

from __future__ import annotations

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
    ("Incidents", "conversations:incidents", "incidents.manage"),
    ("Segments", "insight:segments", "insight.view"),
    ("Value tiers", "insight:tiers", "insight.view"),
    ("Offers", "offers:catalogue", "insight.view"),
    ("Attribution", "timeline:attribution", "insight.view"),
]


def sections_for(user, current_path: str) -> list[dict]:
    items = []
    for label, name, capability in SECTIONS:
        if not user_can(user, capability):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        active = current_path.startswith(url) and (
            url != reverse("console:home") or current_path == url
        )
        items.append({"label": label, "url": url, "active": active})
    return items
