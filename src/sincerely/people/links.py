"""Signed, expiring links that open a person's privacy centre without an account."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.urls import get_script_prefix, reverse

from sincerely import links
from sincerely.people.models import Person

SALT = "sincerely.privacy-centre"


def privacy_token(person: Person, *, message_id: int | None = None) -> str:
    payload = {"p": person.pk}
    if message_id is not None:
        payload["m"] = message_id
    # Uncompressed: zlib never shortens two ids, and every message signs one of these.
    return links.sign(payload, salt=SALT)


def privacy_url(person: Person, *, message_id: int | None = None) -> str:
    return token_url("privacy:centre", privacy_token(person, message_id=message_id))


_MARKER = "SINCERELYTOKEN"


@cache
def _around_token(view_name: str, script_prefix: str) -> tuple[str, str]:
    path = reverse(view_name, args=[_MARKER])
    before, _, after = path.partition(_MARKER)
    return before, after


def token_url(view_name: str, token: str) -> str:
    """The absolute URL of a view that takes one signed token, e.g. a message's links.

    The same as BASE_URL + reverse(view_name, args=[token]), without resolving the URL
    pattern again for every one of a campaign's messages (profiled: it was a tenth of a
    send's time).
    """
    before, after = _around_token(view_name, get_script_prefix())
    return f"{settings.BASE_URL}{before}{token}{after}"


def read_token(token: str) -> dict:
    """The token's payload; raises LinkError (a DomainError) when it is forged or expired.

    The person id alone names the person: Person ids are never reused (sincerely/db.py).
    """
    return links.read(
        token,
        salt=SALT,
        max_age=settings.PRIVACY_LINK_MAX_AGE,
        keys=("p",),
        expired="this link has expired; ask for a new one below",
    )
