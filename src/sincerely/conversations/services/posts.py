"""Blog posts: writing, tags, images, publishing, and authors' profiles."""

from __future__ import annotations

import re
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from sincerely.conversations.models import (
    Post,
    PostImage,
    Tag,
)
from sincerely.conversations.rendering import plain_excerpt, render_post
from sincerely.errors import DomainError, NotFound

User = get_user_model()


TAG_SPLIT = re.compile(r"\s*,\s*")
IMAGE_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
}
MAX_IMAGE_BYTES = 5 * 1024 * 1024


# First path segments under /blog/ that belong to other pages.
RESERVED_SLUGS = {"authors", "tags", "comments", "images", "rss-xml", "atom-xml"}


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:200] or "post"
    if base in RESERVED_SLUGS:
        base = f"{base}-post"
    slug, n = base, 2
    while Post.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _author(username_or_user, *, field: str = "author") -> User:
    if isinstance(username_or_user, User):
        user = username_or_user
    else:
        user = User.objects.filter(username=username_or_user or "", is_active=True).first()
        if user is None:
            raise NotFound(f"no staff user '{username_or_user}'", field=field)
    from sincerely.accounts.access import user_can

    if not user_can(user, "posts.write"):
        raise DomainError(f"'{user.username}' is not an author", field=field)
    return user


def set_tags(post: Post, tags: str | list[str]) -> None:
    names = TAG_SPLIT.split(tags.strip()) if isinstance(tags, str) else tags
    objs = []
    for name in dict.fromkeys(n.strip()[:60] for n in names if n and n.strip()):
        slug = slugify(name)[:60]
        if not slug:
            raise DomainError(f"'{name}' cannot be a tag", field="tags")
        tag = Tag.objects.filter(slug=slug).first() or Tag.objects.create(name=name, slug=slug)
        objs.append(tag)
    post.tags.set(objs)


def _check_status(status: str, publish_at: datetime | None) -> tuple[str, datetime | None]:
    if status not in Post.Status.values:
        raise DomainError(f"status must be one of {', '.join(Post.Status.values)}", field="status")
    now = timezone.now()
    if status == Post.Status.SCHEDULED:
        if publish_at is None:
            raise DomainError("a scheduled post needs a publish time", field="publish_at")
        if publish_at <= now:
            status = Post.Status.PUBLISHED
    elif status == Post.Status.PUBLISHED:
        publish_at = publish_at if publish_at and publish_at <= now else now
    return status, publish_at


@transaction.atomic
def create_post(
    *,
    author,
    title: str,
    body: str = "",
    status: str = Post.Status.DRAFT,
    publish_at: datetime | None = None,
    tags: str | list[str] = "",
    excerpt: str = "",
    language: str = "en",
    translation_of: Post | None = None,
    translated_by=None,
    slug: str = "",
) -> Post:
    """Create a post by a named author: a draft, scheduled for `publish_at`, or published now."""
    author = _author(author)
    title = (title or "").strip()
    if not title:
        raise DomainError("a post needs a title", field="title")
    if len(title) > 200:
        raise DomainError("keep the title under 200 characters", field="title")
    status, publish_at = _check_status(status, publish_at)
    language = (language or "en").strip().lower()[:10]
    if translation_of is not None:
        if translation_of.translation_of_id:
            translation_of = translation_of.translation_of
        if (
            language == translation_of.language
            or translation_of.translations.filter(language=language).exists()
        ):
            raise DomainError(f"this post already exists in '{language}'", field="language")
        translated_by = _author(translated_by or author, field="translated_by")
    if slug:
        slug = slugify(slug)[:220]
        if slug in RESERVED_SLUGS:
            raise DomainError(f"'{slug}' is reserved for another page", field="slug")
        if Post.objects.filter(slug=slug).exists():
            raise DomainError("another post already has this address", field="slug")
    post = Post.objects.create(
        title=title,
        slug=slug or unique_slug(title),
        body=body or "",
        body_html=render_post(body),
        excerpt=(excerpt or plain_excerpt(body))[:400],
        author=author,
        status=status,
        publish_at=publish_at,
        language=language,
        translation_of=translation_of,
        translated_by=translated_by if translation_of is not None else None,
    )
    if tags:
        set_tags(post, tags)
    forget_page(post.pk)
    if translation_of is not None:
        forget_page(translation_of.pk)
    return post


@transaction.atomic
def update_post(post: Post, **changes) -> Post:
    """Change a post's text, tags, author or status; the HTML is re-rendered from the Markdown."""
    if "title" in changes:
        title = (changes["title"] or "").strip()
        if not title:
            raise DomainError("a post needs a title", field="title")
        post.title = title[:200]
    if "body" in changes:
        post.body = changes["body"] or ""
        post.body_html = render_post(post.body)
        if "excerpt" not in changes:
            post.excerpt = plain_excerpt(post.body)[:400]
    if "excerpt" in changes:
        post.excerpt = (changes["excerpt"] or plain_excerpt(post.body))[:400]
    if "author" in changes:
        post.author = _author(changes["author"])
    if "status" in changes or "publish_at" in changes:
        post.status, post.publish_at = _check_status(
            changes.get("status", post.status), changes.get("publish_at", post.publish_at)
        )
    if "language" in changes:
        post.language = (changes["language"] or "en").strip().lower()[:10]
    post.save()
    if "tags" in changes:
        set_tags(post, changes["tags"] or [])
    forget_page(post.pk)
    if post.translation_of_id:
        forget_page(post.translation_of_id)
    return post


def publish_post(post: Post) -> Post:
    return update_post(post, status=Post.Status.PUBLISHED, publish_at=None)


def attach_image(post: Post, upload: UploadedFile, *, alt: str = "", actor=None) -> PostImage:
    """Store an uploaded PNG, JPEG or GIF; the type comes from its bytes, not its name."""
    if upload.size and upload.size > MAX_IMAGE_BYTES:
        raise DomainError("images must be under 5 MB", field="image")
    head = upload.read(16)
    upload.seek(0)
    content_type = next((t for sig, t in IMAGE_SIGNATURES.items() if head.startswith(sig)), None)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        content_type = "image/webp"
    if content_type is None:
        raise DomainError("only PNG, JPEG, GIF or WebP images can be attached", field="image")
    extension = content_type.split("/")[1]
    upload.name = f"{slugify(post.slug)[:40] or 'image'}.{extension}"
    image = PostImage.objects.create(
        post=post, file=upload, content_type=content_type, alt=alt[:200], uploaded_by=actor
    )
    Post.objects.filter(pk=post.pk).update(updated_at=timezone.now())
    forget_page(post.pk)
    return image


def update_author_profile(user, *, title: str, bio: str, photo: UploadedFile | None = None) -> None:
    """What readers see on /blog/authors/<username>/: title, bio and photo (PNG/JPEG/GIF/WebP)."""
    from sincerely.accounts.models import StaffProfile

    profile = StaffProfile.objects.filter(user=user).first()
    if profile is None:
        raise DomainError("only staff have an author profile", field="user")
    if len(title or "") > 120:
        raise DomainError("keep the title under 120 characters", field="title")
    profile.title = (title or "").strip()
    profile.bio = (bio or "").strip()[:5000]
    if photo is not None:
        if photo.size and photo.size > MAX_IMAGE_BYTES:
            raise DomainError("photos must be under 5 MB", field="photo")
        head = photo.read(16)
        photo.seek(0)
        known = any(head.startswith(sig) for sig in IMAGE_SIGNATURES) or (
            head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        )
        if not known:
            raise DomainError("the photo must be a PNG, JPEG, GIF or WebP image", field="photo")
        profile.photo.save(f"{user.get_username()}-photo", photo, save=False)
    profile.save()


def forget_page(post_id: int) -> None:
    from sincerely.conversations.queries import forget_post_head

    for slug in Post.objects.filter(pk=post_id).values_list("slug", flat=True):
        forget_post_head(slug)
