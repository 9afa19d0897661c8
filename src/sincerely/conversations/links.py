"""Signed links readers get by email: confirm a comment, comment as a known person, unsubscribe."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from sincerely.conversations import conf
from sincerely.errors import DomainError

CONFIRM_SALT = "sincerely.comment-confirm"
READER_SALT = "sincerely.known-reader"
UNSUBSCRIBE_SALT = "sincerely.comment-unsubscribe"


def _load(token: str, salt: str, max_age: int | None) -> dict:
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise DomainError("this link has expired", field="token") from None
    except signing.BadSignature:
        raise DomainError("this link is not valid", field="token") from None


def absolute(path: str) -> str:
    return settings.BASE_URL + path


def confirm_url(comment_id: int) -> str:
    token = signing.dumps({"c": comment_id}, salt=CONFIRM_SALT)
    return absolute(reverse("conversations:confirm_comment", args=[token]))


def read_confirm_token(token: str) -> int:
    return int(_load(token, CONFIRM_SALT, conf.COMMENT_LINK_MAX_AGE)["c"])


def reader_token(person_id: int) -> str:
    """Lets a known person comment without confirming their address again."""
    return signing.dumps({"p": person_id}, salt=READER_SALT)


def read_reader_token(token: str) -> int:
    return int(_load(token, READER_SALT, conf.COMMENT_LINK_MAX_AGE)["p"])


def unsubscribe_url(comment_id: int) -> str:
    # No expiry: an unsubscribe link must keep working for as long as we send mail.
    token = signing.dumps({"c": comment_id}, salt=UNSUBSCRIBE_SALT)
    return absolute(reverse("conversations:unsubscribe", args=[token]))


def read_unsubscribe_token(token: str) -> int:
    return int(_load(token, UNSUBSCRIBE_SALT, None)["c"])
