"""Template context for staff pages: the signed-in user's role and capabilities."""

from __future__ import annotations

from django.http import HttpRequest

from sincerely.accounts.access import staff_role
from sincerely.accounts.roles import CAPABILITIES, role_allows


def staff(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    role = staff_role(user)
    if role is None:
        return {"staff_role": None, "can": {}, "nav": [], "nav_groups": []}
    from sincerely.console.nav import groups_for, sections_for

    return {
        "staff_role": role,
        "nav": sections_for(user, request.path),
        "nav_groups": groups_for(user, request.path),
        "can": {cap.replace(".", "_"): role_allows(role, cap) for cap in CAPABILITIES},
    }
