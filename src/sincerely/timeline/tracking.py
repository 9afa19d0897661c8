"""The public collect endpoint's rules: origin allow-list, rate limit, IP truncation, and
turning what the tracking snippet sends into touchpoints (pure parsing, no database).

The endpoint is CSRF-exempt by necessity (other sites post to it), so it trusts nothing:
the body is size-limited, the origin must be on SINCERELY_TRACKING_ORIGINS, each IP
address gets a budget of requests per minute, and only browser-safe kinds are accepted.
"""

from __future__ import annotations

import fnmatch
import ipaddress
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import orjson
from django.conf import settings
from django.core.cache import cache

MAX_BODY = 65_536
MAX_EVENTS = 50
MAX_AGE = timedelta(hours=1)
VISITOR_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
KIND_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
CAMPAIGN_PARAMS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
CLICK_IDS = {"gclid": "google", "fbclid": "meta", "msclkid": "microsoft"}
# Query parameters that carry what a person typed (a GET form) or a credential: dropped
# from every URL we store, by the snippet and again here.
PRIVATE_PARAMS = re.compile(
    r"^(e-?mail|mail|name|first_?name|last_?name|full_?name|phone|tel|mobile|password|pass"
    r"|passwd|token|sid|address|street|zip|postcode|q|query|search|message|comment)$",
    re.IGNORECASE,
)
# Kinds only staff, the API or imports may record: a web page cannot claim a purchase, an
# attendance or a request (the honesty guard, rule 3a). What the tracker may record is
# never evidence of shared history anyway (see TouchpointTrust); these are not even stored.
RESERVED_KINDS = {
    "purchase",
    "meeting",
    "call",
    "note",
    "ad_click",
    "comment",
    "event_attendance",
    "request",
    "reply",
    "offer_feedback",
}


def truncate_ip(raw: str) -> str:
    """The network, not the host: /24 for IPv4 and /48 for IPv6 ("" when unparseable)."""
    try:
        address = ipaddress.ip_address((raw or "").strip())
    except ValueError:
        return ""
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address)


def allowed_origins() -> list[str]:
    base = urlsplit(settings.BASE_URL)
    return [f"{base.scheme}://{base.netloc}", *settings.TRACKING_ORIGINS]


def origin_allowed(origin: str, allowed: list[str] | None = None) -> bool:
    """Exact origins, or a `*.` wildcard for subdomains (`https://*.example.com`)."""
    origin = (origin or "").strip().rstrip("/").lower()
    if not origin or origin == "null":
        return False
    for pattern in allowed if allowed is not None else allowed_origins():
        pattern = pattern.lower()
        if origin == pattern or ("*" in pattern and fnmatch.fnmatchcase(origin, pattern)):
            return True
    return False


def request_origin(meta: dict) -> str:
    """The Origin header, or the origin of the Referer when a browser sent no Origin."""
    origin = meta.get("HTTP_ORIGIN", "")
    if origin:
        return origin
    referer = urlsplit(meta.get("HTTP_REFERER", ""))
    return f"{referer.scheme}://{referer.netloc}" if referer.scheme and referer.netloc else ""


def over_rate_limit(ip: str) -> bool:
    """A fixed one-minute window per IP address in the cache (per process with the default
    local-memory cache; configure a shared cache to make it global)."""
    key = f"sincerely:collect:{ip}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=60)
        count = 1
    return count > settings.TRACKING_RATE_LIMIT


def privacy_signal(meta: dict) -> bool:
    """Do Not Track or Global Privacy Control: record nothing."""
    return meta.get("HTTP_DNT") == "1" or meta.get("HTTP_SEC_GPC") == "1"


def clean_url(raw: Any) -> str:
    if not isinstance(raw, str) or not raw or len(raw) > 4000 or "\x00" in raw:
        return ""
    try:
        parts = urlsplit(raw.strip())
    except ValueError:
        return ""
    if parts.scheme not in {"http", "https"}:
        return ""
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if not PRIVATE_PARAMS.match(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), ""))[:2000]


def _text(value: Any, limit: int) -> str:
    return value.replace("\x00", "")[:limit] if isinstance(value, str) else ""


@dataclass
class WebEvent:
    kind: str
    at: datetime
    url: str = ""
    properties: dict = field(default_factory=dict)


@dataclass
class Beacon:
    """One request from the snippet: a visitor, their events, and any identification."""

    visitor_id: str
    events: list[WebEvent] = field(default_factory=list)
    identify_email: str = ""
    identify_sid: str = ""


class BadBeacon(ValueError):
    pass


def parse_beacon(body: bytes, *, now: datetime, ip: str) -> Beacon:
    """Parse what /t.js sent; events it may not send are dropped, never stored."""
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise BadBeacon("not JSON") from None
    if not isinstance(payload, dict):
        raise BadBeacon("not an object")
    visitor = payload.get("visitor")
    if not isinstance(visitor, str) or not VISITOR_RE.match(visitor):
        raise BadBeacon("no valid visitor id")
    events = payload.get("events")
    if not isinstance(events, list) or len(events) > MAX_EVENTS:
        raise BadBeacon("events must be a list of at most 50")
    beacon = Beacon(visitor_id=visitor)
    for raw in events:
        if not isinstance(raw, dict):
            continue
        kind = raw.get("kind")
        if not isinstance(kind, str) or not KIND_RE.match(kind):
            continue
        if kind == "identify":
            beacon.identify_email = _text(raw.get("email"), 254).strip() or beacon.identify_email
            beacon.identify_sid = _text(raw.get("sid"), 500).strip() or beacon.identify_sid
            continue
        if kind in RESERVED_KINDS or kind.startswith("email"):
            continue
        age = raw.get("age")
        age_ms = age if isinstance(age, int) and not isinstance(age, bool) else 0
        at = now - min(max(timedelta(milliseconds=max(age_ms, 0)), timedelta(0)), MAX_AGE)
        url = clean_url(raw.get("url"))
        properties: dict = {}
        if kind == "page_view":
            properties = _page_properties(raw, url)
        elif kind == "form_submit":
            # The form's name and where it posts, never what was typed into it.
            properties = {
                "form": _text(raw.get("form"), 100),
                "action": clean_url(raw.get("action")),
            }
        else:
            custom = raw.get("properties")
            if isinstance(custom, dict) and len(orjson.dumps(custom)) <= 4096:
                properties = {
                    k[:64]: v
                    for k, v in custom.items()
                    if isinstance(v, str | int | float | bool)
                    and "\x00" not in k
                    and not PRIVATE_PARAMS.match(k)
                }
                properties = {
                    k: _text(v, 500) if isinstance(v, str) else v for k, v in properties.items()
                }
        if ip:
            properties["ip"] = ip
        beacon.events.append(WebEvent(kind=kind, at=at, url=url, properties=properties))
        click = _ad_click(properties, url, at)
        if click is not None:
            beacon.events.append(click)
    return beacon


def _page_properties(raw: dict, url: str) -> dict:
    properties: dict = {}
    title = _text(raw.get("title"), 300)
    if title:
        properties["title"] = title
    referrer = clean_url(raw.get("referrer"))
    if referrer:
        properties["referrer"] = referrer
    query = dict(parse_qsl(urlsplit(url).query)) if url else {}
    for name in (*CAMPAIGN_PARAMS, *CLICK_IDS):
        value = _text(query.get(name, ""), 200)
        if value:
            properties[name] = value
    return properties


def _ad_click(properties: dict, url: str, at: datetime) -> WebEvent | None:
    """A landing with an ad network's click id is also an ad response on the timeline."""
    for param, network in CLICK_IDS.items():
        if properties.get(param):
            click = {"network": network, "click_id": properties[param]}
            click.update({k: properties[k] for k in CAMPAIGN_PARAMS if k in properties})
            if "ip" in properties:
                click["ip"] = properties["ip"]
            return WebEvent(kind="ad_click", at=at, url=url, properties=click)
    return None
