"""Fixed-window rate limits on public endpoints, counted in the shared (database) cache, and
the one answer to "which address is this client" that rate limits, sign-in throttling, the
tracker and comments all use."""

from __future__ import annotations

import hashlib
import ipaddress
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(cidrs: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in cidrs)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    return address.ipv4_mapped or address if address.version == 6 else address


def _trusted(address, networks: tuple[Network, ...]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """The client's address. X-Forwarded-For counts only when the TCP peer is one of
    SINCERELY_TRUSTED_PROXIES; then the right-most hop that is not a trusted proxy is the
    client (hops to its left were written by the client and prove nothing). Otherwise the
    peer itself: a header a client sends is never believed."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    peer = _address(remote)
    if not networks or not _trusted(peer, networks):
        # No usable peer (a test client, a unix socket): "", which every caller and
        # django-axes's address column accept; such requests share one bucket.
        return str(peer) if peer is not None else ""
    hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # a proxy we trust never writes this: it came from the client's side
        if not _trusted(address, networks):
            return str(address)
        peer = address
    return str(peer)


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
