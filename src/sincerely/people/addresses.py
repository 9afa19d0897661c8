"""One canonical form of an email address, so a mailbox is one mailbox however it is spelt.

The canonical form: surrounding whitespace stripped, Unicode NFC, the whole address
lower-cased (matching has always been case-insensitive here, local part included), and the
domain IDNA-encoded to its ASCII A-label under UTS 46 (`bücher.example` and
`BÜCHER.example` become `xn--bcher-kva.example`). Identities, Person.email, suppression
hashes, imports, the API, comment forms, rate-limit keys and privacy-link requests all go
through `canonical_email`.

Suppressions keep only a SHA-256, so rows written before this form existed cannot be
rewritten: a lookup checks the hash of the canonical form and the hash of the form the
old code stored (lower-cased, domain as Unicode), see `suppression_hashes`.
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

import idna


@lru_cache(maxsize=4096)
def _domain(domain: str) -> str:
    """The A-label form of a domain; one that IDNA refuses is kept lower-cased as typed (the
    syntax check that follows reports it), so this function never fails. A campaign's
    addresses share a few domains: each is encoded once, not once per message."""
    domain = domain.rstrip(".")
    try:
        return idna.encode(domain, uts46=True, transitional=False).decode("ascii").lower()
    except (idna.IDNAError, UnicodeError, ValueError):
        return domain.lower()


def canonical_email(raw: str) -> str:
    """The one form of an address that everything stores, hashes and compares."""
    text = unicodedata.normalize("NFC", (raw or "").strip())
    local, at, domain = text.rpartition("@")
    if not at:
        return text.lower()
    return f"{local.lower()}@{_domain(domain)}"


def unicode_form(canonical: str) -> str:
    """The same address with its domain as Unicode (U-label), for people to read."""
    local, at, domain = canonical.rpartition("@")
    if not at:
        return canonical
    try:
        return f"{local}@{idna.decode(domain)}"
    except (idna.IDNAError, UnicodeError, ValueError):
        return canonical


def email_hash(raw: str) -> str:
    """What a suppression row stores: SHA-256 of the canonical form."""
    return hashlib.sha256(canonical_email(raw).encode()).hexdigest()


def suppression_hashes(raw: str) -> list[str]:
    """Every hash under which this mailbox may be suppressed: the canonical one first, then
    the one code before the canonical form stored (`strip().lower()`, so a Unicode domain
    stayed Unicode). Hashes only, so old rows cannot be migrated; they are found this way."""
    canonical = canonical_email(raw)
    forms = [canonical, unicode_form(canonical), (raw or "").strip().lower()]
    hashes: list[str] = []
    for form in forms:
        digest = hashlib.sha256(form.encode()).hexdigest()
        if digest not in hashes:
            hashes.append(digest)
    return hashes
