"""Signed, expiring links that open a person's privacy centre without an account."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from sincerely.errors import DomainError
from sincerely.people.models import Person

SALT = "sincerely.privacy-centre"


def privacy_token(person: Person, *, message_id: int | None = None) -> str:
    payload = {"p": person.pk}
    if message_id is not None:
        payload["m"] = message_id
    return signing.dumps(payload, salt=SALT, compress=True)


def privacy_url(person: Person, *, message_id: int | None = None) -> str:
    token = privacy_token(person, message_id=message_id)
    return settings.BASE_URL + reverse("privacy:centre", args=[token])


def read_token(token: str) -> dict:
    """The token's payload; raises DomainError when it is forged or expired."""
    try:
        return signing.loads(token, salt=SALT, max_age=settings.PRIVACY_LINK_MAX_AGE)
    except signing.SignatureExpired:
        raise DomainError("this link has expired; ask for a new one below", field="token") from None
    except signing.BadSignature:
        raise DomainError("this link is not valid", field="token") from None
