"""Spam scoring and rate limits for reader comments: plain rules, each reason recorded."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache

from sincerely.conversations import conf
from sincerely.errors import DomainError
from sincerely.people.addresses import canonical_email

LINK_RE = re.compile(r"https?://|www\.|\]\(", re.IGNORECASE)
# Phrases that in practice only appear in comment spam.
KNOWN_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bviagra\b|\bcialis\b",
        r"\bcasino\b|\bpoker\b|\bbetting\b",
        r"\bcrypto(currency)?\b.*\b(profit|invest|earn)",
        r"\b(buy|order) (now|cheap|online)\b",
        r"\bseo (services|agency|backlinks?)\b|\bbacklinks?\b",
        r"\bwork from home\b.*\$\d+",
        r"\bloans?\b.*\b(fast|instant|approved)\b",
        r"\bclick here\b",
    )
]


@dataclass
class SpamVerdict:
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, points: float, reason: str) -> None:
        self.score += points
        self.reasons.append(reason)


def score_comment(body: str, *, name: str = "", recent_from_sender: int = 0) -> SpamVerdict:
    """Points for links, known spam phrases, shouting and a burst of comments from one sender."""
    verdict = SpamVerdict()
    links = len(LINK_RE.findall(body))
    if links:
        verdict.add(min(links, 4) * 1.5, f"{links} link(s)")
    if LINK_RE.search(name):
        verdict.add(3, "a link in the name")
    for pattern in KNOWN_PATTERNS:
        if pattern.search(body) or pattern.search(name):
            verdict.add(3, f"known spam phrase ({pattern.pattern.split('|')[0]})")
    letters = [c for c in body if c.isalpha()]
    if len(letters) > 20 and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        verdict.add(1, "mostly capitals")
    if recent_from_sender >= 3:
        verdict.add(recent_from_sender - 2, f"{recent_from_sender} comments within the hour")
    return verdict


def ip_hash(ip: str) -> str:
    # Only a keyed hash of the address is kept: enough to count, not enough to locate anyone.
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()


def _hit(key: str, limit: int, field_name: str, what: str) -> int:
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)
        count = 1
    if count > limit:
        raise DomainError(
            f"too many comments from this {what} in the last hour; please try again later",
            field=field_name,
        )
    return count


def check_rate(ip: str, email: str) -> int:
    """Count one comment against the per-IP and per-email hourly limits; the email's count."""
    _hit(f"comments:ip:{ip_hash(ip)}", conf.COMMENTS_PER_IP_PER_HOUR, "ip", "network address")
    email_key = hashlib.sha256(canonical_email(email).encode()).hexdigest()
    return _hit(f"comments:email:{email_key}", conf.COMMENTS_PER_EMAIL_PER_HOUR, "email", "address")
