"""Short signed personal links printed on each piece (`/p/<token>/`), typed by hand or scanned.

A printed link has to be short enough to type from paper, so it is the piece id in
base 36 and 12 characters of an HMAC-SHA256 of it (60 bits: guessing one valid link
takes about 10^18 tries, and the answer page is rate limited), not a full Django
signed payload. Expiry is the piece's age (`SINCERELY_PRINT_LINK_MAX_AGE`).
"""

from __future__ import annotations

import base64

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "sincerely.postal.piece-link"
PREVIEW_TOKEN = "preview"  # noqa: S105 - a path word, not a secret
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(number: int) -> str:
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = _DIGITS[rest] + out
        if not number:
            return out


def _signature(ident: str) -> str:
    digest = salted_hmac(SALT, ident, algorithm="sha256").digest()
    return base64.b32encode(digest[:10]).decode().lower()[:12]


def piece_token(piece_id: int) -> str:
    ident = _base36(piece_id)
    return f"{ident}-{_signature(ident)}"


def read_piece_token(token: str) -> int | None:
    """The piece id of a valid token, or None for a forged or mistyped one."""
    ident, _, signature = (token or "").strip().lower().partition("-")
    if not ident or not signature or len(ident) > 12:
        return None
    if any(ch not in _DIGITS for ch in ident):
        return None
    if not constant_time_compare(signature, _signature(ident)):
        return None
    return int(ident, 36)


def piece_url(piece_id: int | None) -> str:
    """The absolute personal URL of a piece; a preview (no piece yet) shows a dummy link."""
    token = piece_token(piece_id) if piece_id is not None else PREVIEW_TOKEN
    return settings.BASE_URL + reverse("postal:answer", args=[token])
