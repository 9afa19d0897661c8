"""Role checks for views, the API and commands: one function decides, three callers ask."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from sincerely.accounts.roles import role_allows
from sincerely.errors import Forbidden


def staff_role(user) -> str | None:
    if not getattr(user, "is_authenticated", False):
        return None
    if user.is_superuser:
        return "admin"
    profile = getattr(user, "staff_profile", None)
    return profile.role if profile else None


def user_can(user, capability: str) -> bool:
    return role_allows(staff_role(user), capability)


def ensure_can(user, capability: str) -> None:
    """Raise a domain Forbidden (a 403 in the API) when the user's role lacks it."""
    if not user_can(user, capability):
        role = staff_role(user) or "no staff role"
        raise Forbidden(f"your role ({role}) does not allow {capability}")


def requires(capability: str) -> Callable:
    """View decorator: sign-in first, then the role must grant the capability."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user_can(request.user, capability):
                raise PermissionDenied(f"Your role does not allow {capability}.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
