"""Who may touch which post and conversation: the per-object half of the role table.

The capability table says what a role may do at all; these rules narrow it to objects. An
author writes and publishes only as themself and edits only their own posts (`posts.edit_any`
lifts that: editor, admin); an inbox without `conversations.all` holds only the threads about
the reader's own posts.
"""

from __future__ import annotations

from django.db.models import QuerySet

from sincerely.accounts.access import ensure_can, user_can
from sincerely.conversations.models import Comment, Conversation, Post
from sincerely.errors import Forbidden


def _username(author) -> str:
    return author if isinstance(author, str) else author.get_username()


def ensure_can_write_as(user, author, *, field: str = "author") -> None:
    """Refuse (403) writing under someone else's name without `posts.edit_any`."""
    ensure_can(user, "posts.write")
    if not can_write_as(user, author):
        raise Forbidden("your role may publish only under your own name", field=field)


def can_edit_post(user, post: Post) -> bool:
    if not user_can(user, "posts.write"):
        return False
    return post.author_id == user.pk or user_can(user, "posts.edit_any")


def ensure_can_edit_post(user, post: Post) -> None:
    ensure_can(user, "posts.write")
    if not can_edit_post(user, post):
        raise Forbidden("your role may edit only your own posts", field="id")


def visible_conversations(user, conversations: QuerySet[Conversation]) -> QuerySet[Conversation]:
    """Narrow an inbox query to what the user may read."""
    if user_can(user, "conversations.all"):
        return conversations
    if not user_can(user, "conversations.handle"):
        return conversations.none()
    return conversations.filter(post__author=user)


def visible_comments(user, comments: QuerySet[Comment]) -> QuerySet[Comment]:
    if user_can(user, "conversations.all"):
        return comments
    if not user_can(user, "conversations.handle"):
        return comments.none()
    return comments.filter(post__author=user)


def can_see_conversation(user, conversation: Conversation) -> bool:
    if user_can(user, "conversations.all"):
        return True
    return (
        user_can(user, "conversations.handle")
        and conversation.post_id is not None
        and conversation.post.author_id == user.pk
    )


def can_moderate(user, comment: Comment) -> bool:
    if user_can(user, "conversations.all"):
        return True
    return user_can(user, "conversations.handle") and comment.post.author_id == user.pk


def can_write_as(user, author) -> bool:
    """May the user name `author` (a username or user; empty means themself) as the author?"""
    if not author or _username(author) == user.get_username():
        return user_can(user, "posts.write")
    return user_can(user, "posts.edit_any")
