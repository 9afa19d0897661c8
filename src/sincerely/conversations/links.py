"""Signed links readers get by email: confirm a comment, comment as a known person, unsubscribe.

A comment's links carry a fingerprint of what they are about (the comment's id, address
and text for confirming; its id and address for unsubscribing), so a stale link never acts
on another comment that came to have the same id (a database restored or rebuilt).
"""

from __future__ import annotations

from django.urls import reverse

from sincerely import links
from sincerely.conversations import conf
from sincerely.conversations.models import Comment

CONFIRM_SALT = "sincerely.comment-confirm"
READER_SALT = "sincerely.known-reader"
UNSUBSCRIBE_SALT = "sincerely.comment-unsubscribe"

absolute = links.absolute


def _confirm_print(comment: Comment) -> str:
    return links.fingerprint(comment.pk, comment.email, comment.body)


def confirm_url(comment: Comment) -> str:
    token = links.sign({"c": comment.pk, "h": _confirm_print(comment)}, salt=CONFIRM_SALT)
    return absolute(reverse("conversations:confirm_comment", args=[token]))


def read_confirm_token(token: str) -> int:
    payload = links.read(
        token, salt=CONFIRM_SALT, max_age=conf.COMMENT_LINK_MAX_AGE, keys=("c", "h")
    )
    return int(payload["c"])


def confirms(token: str, comment: Comment) -> bool:
    """Whether this (already read) confirmation token was made for exactly this comment."""
    payload = links.read(token, salt=CONFIRM_SALT, max_age=conf.COMMENT_LINK_MAX_AGE)
    return payload.get("h") == _confirm_print(comment)


def reader_token(person_id: int) -> str:
    """Lets a known person comment without confirming their address again.

    Person ids are never reused (AUTOINCREMENT on SQLite, a sequence on PostgreSQL; see
    sincerely/db.py), so the id alone names the person.
    """
    return links.sign({"p": person_id}, salt=READER_SALT)


def read_reader_token(token: str) -> int:
    return int(
        links.read(token, salt=READER_SALT, max_age=conf.COMMENT_LINK_MAX_AGE, keys=("p",))["p"]
    )


def _unsubscribe_print(comment: Comment) -> str:
    return links.fingerprint(comment.pk, comment.email)


def unsubscribe_url(comment: Comment) -> str:
    # No expiry: an unsubscribe link must keep working for as long as we send mail.
    token = links.sign({"c": comment.pk, "h": _unsubscribe_print(comment)}, salt=UNSUBSCRIBE_SALT)
    return absolute(reverse("conversations:unsubscribe", args=[token]))


def read_unsubscribe_token(token: str) -> int:
    return int(links.read(token, salt=UNSUBSCRIBE_SALT, max_age=None, keys=("c",))["c"])


def unsubscribes(token: str, comment: Comment) -> bool:
    """Whether the token was made for this comment's address. Links mailed before tokens
    carried a fingerprint have none; they keep working, as unsubscribe links must."""
    payload = links.read(token, salt=UNSUBSCRIBE_SALT, max_age=None)
    return "h" not in payload or payload["h"] == _unsubscribe_print(comment)
