"""Fixed-window rate limits on public endpoints, counted in the shared (database) cache."""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(scope: str, subject: str, *, limit: int, window: int) -> bool:
    """Count one hit for `subject` in `scope`; False once `limit` hits fall in one window."""
    bucket = int(time.time() // window)
    digest = hashlib.sha256(f"{scope}:{subject}".encode()).hexdigest()[:32]
    key = f"rl:{digest}:{bucket}"
    if cache.add(key, 1, timeout=window + 5):
        return True
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window + 5)
        return True
    return count <= limit
