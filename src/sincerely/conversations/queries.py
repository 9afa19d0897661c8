"""Read side of conversations: what the blog, the feeds, the inbox and the incident page show."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from sincerely.conversations import conf
from sincerely.conversations.models import (
    Comment,
    Conversation,
    Entry,
    Incident,
    Post,
)

LIVE = [Post.Status.PUBLISHED, Post.Status.SCHEDULED]


def live_posts() -> QuerySet[Post]:
    """Posts readers can see: published, or scheduled for a time that has come."""
    return (
        Post.objects.filter(status__in=LIVE, publish_at__lte=timezone.now())
        .select_related("author", "author__staff_profile")
        .prefetch_related("tags")
    )


def is_live(post: Post) -> bool:
    return post.status in LIVE and post.publish_at is not None and post.publish_at <= timezone.now()


def blog_index(*, tag: str = "", author: str = "") -> QuerySet[Post]:
    posts = live_posts().filter(translation_of__isnull=True)
    if tag:
        posts = posts.filter(tags__slug=tag)
    if author:
        posts = posts.filter(author__username=author)
    return posts


def live_post(slug: str) -> Post | None:
    return (
        live_posts()
        .select_related(
            "translation_of",
            "translation_of__author",
            "translated_by",
            "incident",
            "incident__spokesperson",
        )
        .filter(slug=slug)
        .first()
    )


def _head_key(slug: str) -> str:
    return f"blog:head:{slug}"


def post_head(slug: str) -> dict | None:
    """What decides whether a cached post page is still right, itself cached briefly.

    Every change to a post or its comments forgets it at once in this process; other web
    processes see the change within conf.PAGE_CACHE_SECONDS (a shared cache makes it
    immediate everywhere).
    """
    key = _head_key(slug)
    head = cache.get(key)
    if head is None:
        row = (
            Post.objects.filter(slug=slug, status__in=LIVE, publish_at__lte=timezone.now())
            .values("pk", "updated_at", "comments_changed_at")
            .first()
        )
        if row is not None:
            row["has_translations"] = Post.objects.filter(translation_of_id=row["pk"]).exists()
        head = row or {}
        cache.set(key, head, conf.PAGE_CACHE_SECONDS)
    return head or None


def forget_post_head(slug: str) -> None:
    cache.delete(_head_key(slug))


def versions_of(post: Post, *, has_translations: bool = True) -> list[Post]:
    """The original and every live translation, the original first."""
    original = post.translation_of or post
    if not has_translations and original is post:
        return [post]
    return [original, *live_posts().filter(translation_of=original).order_by("language")]


def approved_comments(post: Post) -> list[Comment]:
    """The approved comments as a tree: each top-level comment with `.children` filled in."""
    rows = list(
        Comment.objects.filter(post=post, status=Comment.Status.APPROVED)
        .only("id", "parent_id", "name", "body_html", "created_at", "staff_author_id", "post_id")
        .order_by("created_at", "id")
    )
    by_id = {c.pk: c for c in rows}
    roots = []
    for c in rows:
        c.children = []
        c.is_author_reply = c.staff_author_id is not None and c.staff_author_id == post.author_id
        c.is_staff_reply = c.staff_author_id is not None
    for c in rows:
        parent = by_id.get(c.parent_id)
        (parent.children if parent else roots).append(c)
    return roots


def open_incident() -> Incident | None:
    return (
        Incident.objects.filter(resolved_at__isnull=True)
        .select_related("post")
        .order_by("-opened_at")
        .first()
    )


# ---------------------------------------------------------------------------- the inbox


def overdue_before() -> timezone.datetime:
    return timezone.now() - timedelta(hours=conf.INBOX_OVERDUE_HOURS)


def inbox(user, *, view: str = "", status: str = "", channel: str = "") -> QuerySet[Conversation]:
    conversations = Conversation.objects.select_related("person", "assigned_to", "post")
    if view == "mine":
        conversations = conversations.filter(assigned_to=user)
    elif view == "unassigned":
        conversations = conversations.filter(assigned_to__isnull=True)
    elif view == "overdue":
        conversations = conversations.filter(
            status=Conversation.Status.OPEN, waiting_since__lt=overdue_before()
        )
    if status in Conversation.Status.values:
        conversations = conversations.filter(status=status)
    elif not status and view != "overdue":
        conversations = conversations.exclude(status=Conversation.Status.CLOSED)
    if channel in Conversation.Channel.values:
        conversations = conversations.filter(channel=channel)
    return conversations.annotate(
        held=Count("entries", filter=Q(entries__comment__status=Comment.Status.HELD))
    ).order_by("-last_activity_at")


def conversation_detail(pk: int) -> Conversation | None:
    return (
        Conversation.objects.select_related("person", "assigned_to", "post", "incident")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=Entry.objects.select_related("comment", "author").order_by(
                    "created_at", "id"
                ),
            )
        )
        .filter(pk=pk)
        .first()
    )


def held_comments() -> QuerySet[Comment]:
    return Comment.objects.filter(status=Comment.Status.HELD).select_related("post")


def spam_comments() -> QuerySet[Comment]:
    return Comment.objects.filter(status=Comment.Status.SPAM).select_related("post")


def person_conversations(person) -> QuerySet[Conversation]:
    return Conversation.objects.filter(person=person).select_related("assigned_to")


# ---------------------------------------------------------------------------- incidents


@dataclass
class ReplyTimes:
    answered: int
    waiting: int
    median_minutes: float | None
    slowest_minutes: float | None


def reply_times(incident: Incident) -> ReplyTimes:
    """Time from a question (comment or email reply) to the first named reply, in minutes."""
    conversations = Conversation.objects.filter(
        Q(incident=incident) | Q(post=incident.post)
    ).distinct()
    minutes = []
    waiting = 0
    for created, first_reply in conversations.values_list("created_at", "first_reply_at"):
        if first_reply is None:
            waiting += 1
        else:
            minutes.append(max(0.0, (first_reply - created).total_seconds() / 60))
    return ReplyTimes(
        answered=len(minutes),
        waiting=waiting,
        median_minutes=statistics.median(minutes) if minutes else None,
        slowest_minutes=max(minutes) if minutes else None,
    )


def incidents() -> QuerySet[Incident]:
    return Incident.objects.select_related("post", "spokesperson").prefetch_related("updates")


def people_to_notify(incident: Incident, audience_list) -> int:
    """How many on the list an incident notice would reach: covered members not yet told.

    Suppressed addresses are counted here and skipped at sending, with the count reported.
    """
    from sincerely.people.coverage import mailable

    told = incident.notices.values("person_id")
    covered = mailable(audience_list.pk, audience_list.purpose_id)
    return covered.exclude(pk__in=told).distinct().count()


def comments_by_address(email: str) -> int:
    return Comment.objects.filter(email=email).count() if email else 0
