"""API authentication and the role check, both before a request body is even read.

`role("people.edit")` is each operation's `auth=`: the bearer key names a staff member,
and their role must grant the capability, or the answer is 401 (no valid key) or 403 (the
role does not allow it) whatever the body holds. The capability is also written into the
operation's OpenAPI entry (`x-capability`).
"""

from __future__ import annotations

from datetime import timedelta

import orjson
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from sincerely.accounts.access import ensure_can
from sincerely.accounts.models import ApiKey
from sincerely.api_schemas import NUL_REASON
from sincerely.errors import DomainError


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


def nul_path(value, path: str = "") -> str | None:
    """The dotted path of the first string (or key) holding a NUL character, if any."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else str(key)
            if "\x00" in str(key):
                return inner
            found = nul_path(item, inner)
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = nul_path(item, f"{path}[{index}]")
            if found is not None:
                return found
    return None


def refuse_nul(request: HttpRequest) -> None:
    """A 422 naming the field when a JSON body holds NUL (PostgreSQL text cannot store it)."""
    if b"\\u0000" not in request.body:
        return
    try:
        body = orjson.loads(request.body)
    except orjson.JSONDecodeError:
        return  # not JSON: the parser answers 400
    field = nul_path(body)
    if field is not None:
        raise DomainError(NUL_REASON, field=field)


class RoleBearer(BearerKey):
    """A bearer key whose staff role grants one capability (403 with the reason if not).

    Then, before the body is validated, NUL anywhere in it is refused naming the field
    (unless the view reads its body itself, as the event batch does, reporting per event).
    """

    def __init__(self, capability: str, *, own_body: bool = False) -> None:
        super().__init__()
        self.capability = capability
        self.own_body = own_body

    def authenticate(self, request: HttpRequest, token: str):
        user = super().authenticate(request, token)
        if user is not None:
            ensure_can(user, self.capability)
            if not self.own_body:
                refuse_nul(request)
        return user


def role(capability: str, *, own_body: bool = False) -> list[RoleBearer]:
    return [RoleBearer(capability, own_body=own_body)]
