"""Which links in a message may become signed click redirects: only http(s) URLs the
template's author wrote, never a value a person typed (a name, a company, a comment).

A campaign keeps its author's source (the campaign and its translations), so a URL is
signed only when it appears literally there. A one-to-one message keeps only its rendered
text and its evidence ledger, so there a URL is signed only when no recorded value that
went into the message overlaps it. Every other URL stays as written, untracked: a person's
own value is never laundered through our domain's signature.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sincerely.messaging.models import Campaign, CampaignTranslation, Message

_URL = re.compile(r"https?://[^\s<>\"')]+", re.I)
MIN_VALUE = 4  # shorter values ("Al", "42") are too common inside any URL to mean anything


def _urls(source: str) -> set[str]:
    found = set(_URL.findall(source or ""))
    return found | {url.replace("&amp;", "&") for url in found}


def _campaign_sources(campaign: Campaign, language: str) -> list[str]:
    sources = [campaign.text, campaign.html]
    if language and language != campaign.language:
        translation = CampaignTranslation.objects.filter(
            campaign_id=campaign.pk, language=language
        ).first()
        if translation is not None:
            sources += [translation.text, translation.html]
    return sources


def _values(ledger) -> list[str]:
    values: list[str] = []
    for entry in ledger or []:
        if isinstance(entry, dict):
            values += [v for v in entry.values() if isinstance(v, str) and len(v) >= MIN_VALUE]
    return values


def signable(message: Message) -> Callable[[str], bool]:
    """The rule, once per message: may this URL (as found in the message) be signed?"""
    if message.campaign_id:
        authored: set[str] = set()
        for source in _campaign_sources(message.campaign, message.language):
            authored |= _urls(source)
        return lambda url: url.lower().startswith(("http://", "https://")) and url in authored
    values = _values(message.ledger)
    return lambda url: (
        url.lower().startswith(("http://", "https://"))
        and not any(value in url or url in value for value in values)
    )
