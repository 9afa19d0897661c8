"""The console's navigation: the sections apps register (sincerely/registry.py), grouped by job
and shown to the roles that may use them."""

from __future__ import annotations

from functools import lru_cache

from django.urls import NoReverseMatch, reverse

from sincerely import registry
from sincerely.accounts.access import user_can

# The jobs, in the order the navigation shows them. Each app names its section's job when it
# registers it (registry.add_nav_section(..., group=...)); a section without one stands alone
# at the top, like the dashboard, and a job not named here follows these, in the order met.
GROUPS: tuple[str, ...] = ("", "Audience", "Messages", "Content", "Insight")


@lru_cache(maxsize=1)
def _section_urls() -> tuple[tuple[str, str, str, str], ...]:
    """(label, url, capability, group) for the sections whose url exists; the url map is fixed.

    An entry whose url does not exist is not shown."""
    found = []
    for section in registry.nav_sections():
        try:
            url = reverse(section.url_name)
        except NoReverseMatch:
            continue
        found.append((section.label, url, section.capability, section.group))
    return tuple(found)


def _visible(user, current_path: str) -> list[tuple[str, dict]]:
    home = reverse("console:home")
    return [
        (
            group,
            {
                "label": label,
                "url": url,
                "active": current_path.startswith(url) and (url != home or current_path == url),
            },
        )
        for label, url, capability, group in _section_urls()
        if user_can(user, capability)
    ]


def sections_for(user, current_path: str) -> list[dict]:
    """Every section this user may open, in order, marking the one the path is in."""
    return [section for _group, section in _visible(user, current_path)]


def groups_for(user, current_path: str) -> list[dict]:
    """The sections by job (Audience, Messages, Content, Insight); empty groups are left out."""
    by_group: dict[str, list[dict]] = {}
    for group, section in _visible(user, current_path):
        by_group.setdefault(group, []).append(section)
    names = [name for name in GROUPS if name in by_group]
    names += [name for name in by_group if name not in GROUPS]
    return [{"label": name, "slug": name.lower(), "items": by_group[name]} for name in names]
