"""The console's navigation: the sections apps register (sincerely/registry.py), per role."""

from __future__ import annotations

from functools import lru_cache

from django.urls import NoReverseMatch, reverse

from sincerely import registry
from sincerely.accounts.access import user_can


@lru_cache(maxsize=1)
def _section_urls() -> tuple[tuple[str, str, str], ...]:
    """(label, url, capability) for the sections whose url exists; the url map is fixed.

    An entry whose url does not exist is not shown."""
    found = []
    for section in registry.nav_sections():
        try:
            found.append((section.label, reverse(section.url_name), section.capability))
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
