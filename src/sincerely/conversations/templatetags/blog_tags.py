"""Template helpers of the blog: the site-wide incident banner and staff display names."""

from __future__ import annotations

from django import template
from django.core.cache import cache

from sincerely.conversations import queries

register = template.Library()

BANNER_CACHE_KEY = "conversations:incident-banner"
# A banner appears or goes within this many seconds on every web process.
BANNER_CACHE_SECONDS = 10


@register.inclusion_tag("conversations/banner_partial.html")
def incident_banner() -> dict:
    """The open incident, if any, for the banner on every public page."""
    banner = cache.get(BANNER_CACHE_KEY)
    if banner is None:
        incident = queries.open_incident()
        banner = (
            {
                "title": incident.post.title,
                "url": incident.post.get_absolute_url(),
                "severity": incident.severity,
                "status": (
                    incident.updates.first().get_status_display()
                    if incident.updates.exists()
                    else ""
                ),
            }
            if incident
            else {}
        )
        cache.set(BANNER_CACHE_KEY, banner, BANNER_CACHE_SECONDS)
    return {"banner": banner}


@register.filter
def staff_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
