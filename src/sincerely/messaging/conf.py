"""Messaging's configuration, read from Django settings first and the environment second.

Tests override with Django's `settings` fixture; deployments set SINCERELY_* variables.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from sincerely.settings import env, env_flag


def _setting(name: str, default: str = "") -> str:
    value = getattr(settings, f"SINCERELY_{name}", None)
    return str(value) if value is not None else env(name, default)


def reply_domain() -> str:
    """Where per-message reply addresses live (`reply+TOKEN@domain`); MX it to `inbound`."""
    return _setting("REPLY_DOMAIN") or (urlsplit(settings.BASE_URL).hostname or "localhost")


def smtp_url() -> str:
    return _setting("SMTP_URL", settings.SMTP_URL)


def email_backend() -> str:
    """An ESP through django-anymail (e.g. anymail.backends.postmark.EmailBackend), or SMTP."""
    return _setting("EMAIL_BACKEND", "")


def inbound_secret() -> str:
    return _setting("INBOUND_SECRET", "")


def track_opens() -> bool:
    value = getattr(settings, "SINCERELY_TRACK_OPENS", None)
    return bool(value) if value is not None else env_flag("TRACK_OPENS")


def lease_seconds() -> int:
    """How long a claim on an outbox row lasts before another worker may take it over."""
    return int(_setting("SEND_LEASE_SECONDS", "120"))


def max_attempts() -> int:
    return int(_setting("SEND_MAX_ATTEMPTS", "8"))


def batch_size() -> int:
    return int(_setting("SEND_BATCH", "50"))


def dkim() -> tuple[bytes, bytes, bytes] | None:
    """(selector, domain, private key PEM) when all three DKIM settings are given."""
    key_file = _setting("DKIM_KEY_FILE")
    selector = _setting("DKIM_SELECTOR")
    domain = _setting("DKIM_DOMAIN")
    if not (key_file and selector and domain):
        return None
    return selector.encode(), domain.encode(), _read_key(key_file)


@cache
def _read_key(path: str) -> bytes:
    return Path(path).read_bytes()


def parallel_senders() -> int:
    """How many delivery jobs a campaign starts (one per worker you run is right)."""
    return max(1, int(_setting("SEND_PARALLEL", "1")))
