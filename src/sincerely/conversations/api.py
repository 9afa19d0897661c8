"""The posts API (like Ghost's admin API): create, list, read and change posts by bearer key."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from sincerely.api_auth import role
from sincerely.api_schemas import DateTime, Int, Language, StrictIn, Username, text
from sincerely.conversations import access, queries
from sincerely.conversations.models import Post
from sincerely.conversations.services import posts as post_services
from sincerely.errors import NotFound

router = Router(tags=["posts"])


PostStatus = Literal[tuple(Post.Status.values)]  # type: ignore[valid-type]
Title = text(200, required=True)
PostBody = text(150_000)
# A tag must slugify to something (letters or digits); at most 60 characters are kept.
Tag = Annotated[str, Field(max_length=60, pattern=r"^[^\x00]*[A-Za-z0-9][^\x00]*$")]
Tags = Annotated[list[Tag], Field(max_length=20)]
PostSlug = Annotated[str, Field(pattern=r"^([a-z0-9]+(-[a-z0-9]+)*)?$", max_length=200)]


class PostIn(StrictIn):
    title: Title
    body: PostBody = ""
    author: Username = Field(description="username; another author's needs posts.edit_any")
    status: PostStatus = "draft"
    publish_at: DateTime | None = None
    tags: Tags = []
    excerpt: text(400) = ""
    language: Language = "en"
    slug: PostSlug = ""
    translation_of: Int(ge=1) | None = None


class PostPatch(StrictIn):
    title: Title | None = None
    body: PostBody | None = None
    author: Username | None = None
    status: PostStatus | None = None
    publish_at: DateTime | None = None
    tags: Tags | None = None
    excerpt: text(400) | None = None
    language: Language | None = None


class PostOut(Schema):
    id: int
    title: str
    slug: str
    url: str
    body: str
    html: str
    excerpt: str
    author: str
    author_name: str
    status: str
    is_live: bool
    publish_at: datetime | None
    tags: list[str]
    language: str
    translation_of: int | None
    updated_at: datetime


def _out(post: Post) -> dict:
    return {
        "id": post.pk,
        "title": post.title,
        "slug": post.slug,
        "url": post.get_absolute_url(),
        "body": post.body,
        "html": post.body_html,
        "excerpt": post.excerpt,
        "author": post.author.username,
        "author_name": post.author.get_full_name() or post.author.username,
        "status": post.status,
        "is_live": queries.is_live(post),
        "publish_at": post.publish_at,
        "tags": [t.name for t in post.tags.all()],
        "language": post.language,
        "translation_of": post.translation_of_id,
        "updated_at": post.updated_at,
    }


def _get(post_id: int, *, field: str = "id") -> Post:
    post = Post.objects.select_related("author").filter(pk=post_id).first()
    if post is None:
        raise NotFound(f"no post {post_id}", field=field)
    return post


class PostFilter(Schema):
    status: Literal[("", *Post.Status.values)] = ""  # type: ignore[valid-type]
    author: Annotated[str, Field(pattern=r"^[\w.@+-]{0,150}$")] = ""
    limit: int = Field(50, ge=1, le=200)


@router.post("", response={201: PostOut}, auth=role("posts.write"))
def create_post(request: HttpRequest, payload: PostIn):
    access.ensure_can_write_as(request.user, payload.author)
    original = (
        _get(payload.translation_of, field="translation_of") if payload.translation_of else None
    )
    post = post_services.create_post(
        author=payload.author,
        title=payload.title,
        body=payload.body,
        status=payload.status,
        publish_at=payload.publish_at,
        tags=payload.tags,
        excerpt=payload.excerpt,
        language=payload.language,
        translation_of=original,
        translated_by=payload.author if original else None,
        slug=payload.slug,
    )
    return Status(201, _out(post))


@router.get("", response=list[PostOut], auth=role("posts.write"))
def list_posts(request: HttpRequest, filters: Query[PostFilter]):
    status, author, limit = filters.status, filters.author, filters.limit
    posts = Post.objects.select_related("author").prefetch_related("tags").order_by("-id")
    if status:
        posts = posts.filter(status=status)
    if author:
        posts = posts.filter(author__username=author)
    return [_out(p) for p in posts[: max(1, min(limit, 200))]]


@router.get("/{int:post_id}", response=PostOut, auth=role("posts.write"))
def get_post(request: HttpRequest, post_id: int):
    return _out(_get(post_id))


@router.patch("/{int:post_id}", response=PostOut, auth=role("posts.write"))
def patch_post(request: HttpRequest, post_id: int, payload: PostPatch):
    post = _get(post_id)
    access.ensure_can_edit_post(request.user, post)
    # null means "leave as it is", except for publish_at, where it clears the schedule.
    changes = {
        k: v
        for k, v in payload.dict(exclude_unset=True).items()
        if v is not None or k == "publish_at"
    }
    if "author" in changes:
        access.ensure_can_write_as(request.user, changes["author"])
    post = post_services.update_post(post, **changes)
    return _out(post)


routers = [("/posts", router)]
