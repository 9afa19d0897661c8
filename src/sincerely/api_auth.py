"""API authentication and the role check, both before a request body is even read.

`role("people.edit")` is each operation's `auth=`: the bearer key names a staff member,
and their role must grant the capability, or the answer is 401 (no valid key) or 403 (the
role does not allow it) whatever the body holds. The capability is also written into the
operation's OpenAPI entry (`x-capability`).
"""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from sincerely.console.access import ensure_can
from sincerely.console.models import ApiKey


class BearerKey(HttpBearer):
    """`Authorization: Bearer <key>` with a key from `sincerely apikey create USERNAME`."""

    def authenticate(self, request: HttpRequest, token: str):
        key = (
            ApiKey.objects.select_related("user", "user__staff_profile")
            .filter(key_hash=ApiKey.hash_key(token), revoked_at__isnull=True)
            .first()
        )
        if key is None or not key.user.is_active:
            return None
        now = timezone.now()
        if key.last_used_at is None or now - key.last_used_at > timedelta(minutes=1):
            # At most one write a minute per key: a write per request would serialise
            # every API call on SQLite's single writer (measured: ~13 ms a request).
            ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        request.user = key.user
        return key.user


class RoleBearer(BearerKey):
    """A bearer key whose staff role grants one capability (403 with the reason if not)."""

    def __init__(self, capability: str) -> None:
        super().__init__()
        self.capability = capability

    def authenticate(self, request: HttpRequest, token: str):
        user = super().authenticate(request, token)
        if user is not None:
            ensure_can(user, self.capability)
        return user


def role(capability: str) -> list[RoleBearer]:
    return [RoleBearer(capability)]
