"""The posts API (like Ghost's admin API): create, list, read and change posts by bearer key."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status

from sincerely.accounts.access import ensure_can
from sincerely.conversations import queries
from sincerely.conversations.models import Post
from sincerely.conversations.services import posts as post_services
from sincerely.errors import NotFound

router = Router(tags=["posts"])


class PostIn(Schema):
    title: str
    body: str = ""
    author: str
    status: str = "draft"
    publish_at: datetime | None = None
    tags: list[str] = []
    excerpt: str = ""
    language: str = "en"
    slug: str = ""
    translation_of: int | None = None


class PostPatch(Schema):
    title: str | None = None
    body: str | None = None
    author: str | None = None
    status: str | None = None
    publish_at: datetime | None = None
    tags: list[str] | None = None
    excerpt: str | None = None
    language: str | None = None


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


def _get(post_id: int) -> Post:
    post = Post.objects.select_related("author").filter(pk=post_id).first()
    if post is None:
        raise NotFound(f"no post {post_id}", field="id")
    return post


@router.post("", response={201: PostOut})
def create_post(request: HttpRequest, payload: PostIn):
    ensure_can(request.user, "posts.write")
    original = _get(payload.translation_of) if payload.translation_of else None
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


@router.get("", response=list[PostOut])
def list_posts(request: HttpRequest, status: str = "", author: str = "", limit: int = 50):
    ensure_can(request.user, "posts.write")
    posts = Post.objects.select_related("author").prefetch_related("tags").order_by("-id")
    if status:
        posts = posts.filter(status=status)
    if author:
        posts = posts.filter(author__username=author)
    return [_out(p) for p in posts[: max(1, min(limit, 200))]]


@router.get("/{post_id}", response=PostOut)
def get_post(request: HttpRequest, post_id: int):
    ensure_can(request.user, "posts.write")
    return _out(_get(post_id))


@router.patch("/{post_id}", response=PostOut)
def patch_post(request: HttpRequest, post_id: int, payload: PostPatch):
    ensure_can(request.user, "posts.write")
    changes = payload.dict(exclude_unset=True)
    post = post_services.update_post(_get(post_id), **changes)
    return _out(post)


routers = [("/posts", router)]
