"""Signed links, written once: sign a payload for a URL, read it back, one error when it fails.

Every app that puts a signed token in a link (privacy centre, comments, offers, messages,
the tracker's `sid`) signs and reads it here, each with its own salt. A token that names a
row can also carry a fingerprint of that row's content (`fingerprint`), so a stale link can
never act on another row that happens to have the same id.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core import signing

from sincerely.errors import DomainError


class LinkError(DomainError):
    """The link is forged, malformed, expired, or names something that is no longer there."""


def sign(payload: dict, *, salt: str, compress: bool = False) -> str:
    return signing.dumps(payload, salt=salt, compress=compress)


def read(
    token: str,
    *,
    salt: str,
    max_age: int | None,
    keys: tuple[str, ...] = (),
    field: str = "token",
    expired: str = "this link has expired",
) -> dict:
    """The token's payload; LinkError naming `field` when it is forged, expired or lacks `keys`."""
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkError(expired, field=field) from None
    except signing.BadSignature:
        raise LinkError("this link is not valid", field=field) from None
    if not isinstance(payload, dict) or not set(keys) <= payload.keys():
        raise LinkError("this link is not valid", field=field)
    return payload


def fingerprint(*parts: object) -> str:
    """A short digest of what a token is about (its row's content), compared on reading."""
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def absolute(path: str) -> str:
    return settings.BASE_URL + path
