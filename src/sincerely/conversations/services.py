"""Every state change of conversations: posts, comments and moderation, the inbox, incidents.

The inbound email path (messaging) calls `receive_email_reply`; the privacy centre calls
`receive_privacy_message`; the console, the API and the public blog call the rest.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from email.utils import formataddr, make_msgid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from sincerely.console.services import check_real_address
from sincerely.conversations import links, spam
from sincerely.conversations.models import (
    Comment,
    Conversation,
    Entry,
    Incident,
    IncidentNotice,
    IncidentUpdate,
    Post,
    PostImage,
    Tag,
)
from sincerely.conversations.rendering import plain_excerpt, render_comment, render_post
from sincerely.errors import DomainError, NotFound
from sincerely.people import services as people
from sincerely.people.models import AudienceList, Membership, Person, SourceKind
from sincerely.timeline.services import record_touchpoint

User = get_user_model()


def _thread_for(in_reply_to: str, references: list[str]) -> Conversation | None:
    ids = [i for i in [in_reply_to, *references] if i]
    if not ids:
        return None
    entry = (
        Entry.objects.select_related("conversation")
        .filter(message_id__in=ids)
        .order_by("-created_at")
        .first()
    )
    if entry:
        return entry.conversation
    return Conversation.objects.filter(thread_key__in=ids).order_by("-created_at").first()


@transaction.atomic
def receive_email_reply(
    *,
    person: Person | None,
    assigned_to,
    subject: str,
    text: str,
    message_id: str,
    in_reply_to: str = "",
    references: list[str] | None = None,
    from_name: str = "",
    from_email: str = "",
    received_at: datetime | None = None,
) -> Conversation:
    """Thread an email reply into its conversation (by In-Reply-To/References), or open one.

    The conversation is assigned to `assigned_to` (the staff member who sent the message
    being answered) when it has nobody yet, and reopens if it was closed or waiting.
    """
    if message_id and Entry.objects.filter(message_id=message_id).exists():
        return Entry.objects.get(message_id=message_id).conversation
    now = received_at or timezone.now()
    conversation = _thread_for(in_reply_to, references or [])
    if conversation is None:
        conversation = Conversation.objects.create(
            person=person,
            channel=Conversation.Channel.EMAIL,
            subject=subject[:300] or "(no subject)",
            assigned_to=assigned_to,
            thread_key=in_reply_to or message_id,
        )
        notice = IncidentNotice.objects.filter(message_id__in=[in_reply_to, *(references or [])])
        incident_id = notice.values_list("incident_id", flat=True).first()
        if incident_id:
            conversation.incident_id = incident_id
    elif conversation.assigned_to_id is None and assigned_to is not None:
        conversation.assigned_to = assigned_to
    conversation.status = Conversation.Status.OPEN
    conversation.last_activity_at = now
    conversation.waiting_since = conversation.waiting_since or now
    conversation.save()
    Entry.objects.create(
        conversation=conversation,
        direction=Entry.Direction.INBOUND,
        author_name=from_name[:200],
        author_email=from_email[:254],
        text=text,
        message_id=message_id[:300],
        in_reply_to=in_reply_to[:300],
        created_at=now,
    )
    if person is not None:
        record_touchpoint(
            person,
            "email_replied",
            at=now,
            properties={"conversation": conversation.pk, "subject": subject[:200]},
        )
    return conversation


@transaction.atomic
def receive_privacy_message(person: Person, text: str) -> Conversation:
    """The privacy centre's "write to us" form: a conversation for the person's owner."""
    text = (text or "").strip()
    if not text:
        raise DomainError("write a message first", field="text")
    if len(text) > 10_000:
        raise DomainError("keep it under 10,000 characters", field="text")
    now = timezone.now()
    conversation = Conversation.objects.create(
        person=person,
        channel=Conversation.Channel.PRIVACY,
        subject=f"Privacy centre: {text[:80]}",
        assigned_to=person.owner,
        waiting_since=now,
    )
    Entry.objects.create(
        conversation=conversation,
        direction=Entry.Direction.INBOUND,
        author_name=person.display_name[:200],
        author_email=person.email[:254],
        text=text,
        created_at=now,
    )
    record_touchpoint(
        person, "privacy_message", at=now, properties={"conversation": conversation.pk}
    )
    return conversation


# ---------------------------------------------------------------------------- posts

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


def _unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
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
    from sincerely.console.access import user_can

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
        slug=slug or _unique_slug(title),
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
    _forget_page(post.pk)
    if translation_of is not None:
        _forget_page(translation_of.pk)
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
    _forget_page(post.pk)
    if post.translation_of_id:
        _forget_page(post.translation_of_id)
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
    _forget_page(post.pk)
    return image


def update_author_profile(user, *, title: str, bio: str, photo: UploadedFile | None = None) -> None:
    """What readers see on /blog/authors/<username>/: title, bio and photo (PNG/JPEG/GIF/WebP)."""
    from sincerely.console.models import StaffProfile

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


# ---------------------------------------------------------------------------- comments


def _person_for_commenter(name: str, email: str, post: Post) -> Person | None:
    """The commenter's person record; created from what they told us when there is none."""
    person = people.find_person_by_email(email)
    if person is not None:
        return person
    if people.is_suppressed(email):
        return None
    first, _, last = name.partition(" ")
    facts = {"first_name": first}
    if last.strip():
        facts["last_name"] = last.strip()
    evidence = people.EvidenceInput(
        SourceKind.SELF_DECLARED, f"name and email given with a comment on /blog/{post.slug}/"
    )
    return people.create_person(email, facts, evidence)


def _thread_root(comment: Comment) -> Comment:
    while comment.parent_id:
        comment = comment.parent
    return comment


@transaction.atomic
def submit_comment(
    post: Post,
    *,
    name: str = "",
    email: str = "",
    body: str,
    parent_id: int | None = None,
    ip: str = "",
    reader_token: str = "",
    subscribe: bool = False,
) -> Comment:
    """A reader's comment. Unknown readers confirm their address by an emailed link first;
    a known person (signed reader link) goes straight to moderation."""
    from sincerely.conversations.queries import is_live

    if not is_live(post):
        raise NotFound("no such post", field="post")
    body = (body or "").strip()
    if not body:
        raise DomainError("write a comment first", field="body")
    if len(body) > 5000:
        raise DomainError("keep comments under 5,000 characters", field="body")
    person = None
    if reader_token:
        person = Person.objects.filter(pk=links.read_reader_token(reader_token)).first()
        if person is None:
            raise DomainError("this link is not valid", field="token")
        email = person.email
        name = name.strip() or person.display_name or "Reader"
    else:
        email = people.normalise_email(email or "")
        name = (name or "").strip()
        if not name:
            raise DomainError("tell us your name", field="name")
    if len(name) > 100:
        raise DomainError("keep the name under 100 characters", field="name")
    parent = None
    if parent_id:
        parent = Comment.objects.filter(
            pk=parent_id, post=post, status=Comment.Status.APPROVED
        ).first()
        if parent is None:
            raise DomainError("the comment you answer is not there", field="parent")
    sent_this_hour = spam.check_rate(ip or "unknown", email)
    forget_unconfirmed_comments()
    verdict = spam.score_comment(body, name=name, recent_from_sender=sent_this_hour)
    comment = Comment.objects.create(
        post=post,
        parent=parent,
        person=person,
        name=name,
        email=email,
        body=body,
        body_html=render_comment(body),
        status=Comment.Status.UNVERIFIED,
        spam_score=verdict.score,
        spam_reasons=verdict.reasons,
        ip_hash=spam.ip_hash(ip or "unknown"),
        is_subscribed=bool(subscribe),
    )
    if person is not None:
        _after_verification(comment)
    else:
        send_comment_confirmation(comment)
    return comment


def forget_unconfirmed_comments() -> int:
    """Comments whose address was never confirmed go once their link has expired."""
    from sincerely.conversations import conf

    cutoff = timezone.now() - timedelta(seconds=conf.COMMENT_LINK_MAX_AGE)
    deleted, _ = Comment.objects.filter(
        status=Comment.Status.UNVERIFIED, created_at__lt=cutoff
    ).delete()
    return deleted


def send_comment_confirmation(comment: Comment) -> None:
    """The email with the signed link that proves the commenter reads this address."""
    url = links.confirm_url(comment.pk)
    EmailMessage(
        subject=f"Confirm your comment on “{comment.post.title}”",
        body=(
            f"Hello {comment.name},\n\n"
            f"You (or someone using your address) commented on “{comment.post.title}”.\n"
            f"To publish it, confirm it is you:\n\n{url}\n\n"
            "If this was not you, ignore this email: nothing will be published and we will "
            "not write again.\n"
        ),
        from_email=formataddr((comment.post.author.get_full_name(), comment.post.author.email))
        if comment.post.author.email
        else settings.DEFAULT_FROM_EMAIL,
        to=[comment.email],
    ).send()


@transaction.atomic
def confirm_comment(token: str) -> Comment:
    """The commenter clicked the emailed link: the comment goes to moderation or is filed."""
    comment = (
        Comment.objects.select_for_update()
        .filter(pk=links.read_confirm_token(token))
        .select_related("post")
        .first()
    )
    if comment is None:
        raise NotFound("this comment is no longer here", field="token")
    if comment.status != Comment.Status.UNVERIFIED:
        return comment
    comment.person = _person_for_commenter(comment.name, comment.email, comment.post)
    _after_verification(comment)
    return comment


def _after_verification(comment: Comment) -> None:
    """Spam is filed away; a first comment is held; a known good commenter is published."""
    now = timezone.now()
    comment.verified_at = now
    from sincerely.conversations import conf

    has_history = Comment.objects.filter(
        email=comment.email, status=Comment.Status.APPROVED
    ).exists()
    if comment.spam_score >= conf.SPAM_THRESHOLD:
        comment.status = Comment.Status.SPAM
    elif has_history and comment.spam_score == 0:
        comment.status = Comment.Status.APPROVED
    else:
        comment.status = Comment.Status.HELD
    comment.save()
    if comment.status == Comment.Status.SPAM:
        return
    _file_in_inbox(comment)
    if comment.person_id:
        record_touchpoint(
            comment.person,
            "comment",
            at=comment.created_at,
            url=comment.post.get_absolute_url(),
            properties={"post": comment.post.title[:200], "comment": comment.pk},
        )
    if comment.status == Comment.Status.APPROVED:
        _comments_changed(comment)


def _file_in_inbox(comment: Comment) -> Conversation:
    """A comment thread is one conversation, assigned to the post's author."""
    root = _thread_root(comment)
    conversation = (
        Conversation.objects.filter(entries__comment=root).first()
        if root.pk != comment.pk
        else None
    )
    now = timezone.now()
    if conversation is None:
        conversation = Conversation.objects.create(
            person=comment.person,
            channel=Conversation.Channel.COMMENT,
            subject=f"Comment on “{comment.post.title}”"[:300],
            assigned_to=comment.post.author,
            post=comment.post,
            incident=Incident.objects.filter(post=comment.post).first(),
            waiting_since=now,
        )
    else:
        conversation.status = Conversation.Status.OPEN
        conversation.waiting_since = conversation.waiting_since or now
        conversation.last_activity_at = now
        conversation.save()
    Entry.objects.create(
        conversation=conversation,
        direction=Entry.Direction.INBOUND,
        author_name=comment.name,
        author_email=comment.email,
        text=comment.body,
        created_at=comment.created_at,
        comment=comment,
    )
    return conversation


def _comments_changed(comment: Comment) -> None:
    Post.objects.filter(pk=comment.post_id).update(comments_changed_at=timezone.now())
    _forget_page(comment.post_id)


def _forget_page(post_id: int) -> None:
    from sincerely.conversations.queries import forget_post_head

    for slug in Post.objects.filter(pk=post_id).values_list("slug", flat=True):
        forget_post_head(slug)


MODERATION = {
    "approve": Comment.Status.APPROVED,
    "reject": Comment.Status.REJECTED,
    "spam": Comment.Status.SPAM,
}


@transaction.atomic
def moderate_comment(comment: Comment, action: str, actor) -> Comment:
    """Staff approve, reject or mark spam; an approved reply tells the subscribers above it."""
    if action not in MODERATION:
        raise DomainError(f"action must be one of {', '.join(MODERATION)}", field="action")
    comment = Comment.objects.select_for_update().select_related("post").get(pk=comment.pk)
    if comment.status == Comment.Status.UNVERIFIED:
        raise DomainError("the commenter has not confirmed their address yet", field="action")
    was_public = comment.status == Comment.Status.APPROVED
    comment.status = MODERATION[action]
    comment.moderated_at = timezone.now()
    comment.moderated_by = actor
    comment.save()
    if action == "approve" and not was_public:
        notify_reply_subscribers(comment)
    if was_public or action == "approve":
        _comments_changed(comment)
    if action == "spam":
        entry = Entry.objects.filter(comment=comment).select_related("conversation").first()
        if entry is not None:
            entry.delete()
            if not entry.conversation.entries.exists():
                entry.conversation.delete()
    return comment


@transaction.atomic
def reply_as_comment(conversation: Conversation, text: str, actor) -> Comment:
    """Answer in public under the thread's last comment; marked as the author's when it is."""
    text = (text or "").strip()
    if not text:
        raise DomainError("write a reply first", field="text")
    if conversation.post_id is None:
        raise DomainError("only a comment thread can be answered in public", field="channel")
    last = (
        Comment.objects.filter(entry__conversation=conversation, status=Comment.Status.APPROVED)
        .order_by("-created_at", "-id")
        .first()
    )
    if last is None:
        raise DomainError("approve the comment before answering it in public", field="text")
    now = timezone.now()
    reply = Comment.objects.create(
        post=conversation.post,
        parent=last,
        staff_author=actor,
        name=actor.get_full_name() or actor.get_username(),
        email=actor.email,
        body=text,
        body_html=render_comment(text),
        status=Comment.Status.APPROVED,
        verified_at=now,
        moderated_at=now,
        moderated_by=actor,
        created_at=now,
    )
    Entry.objects.create(
        conversation=conversation,
        direction=Entry.Direction.OUTBOUND,
        author=actor,
        author_name=reply.name,
        author_email=actor.email,
        text=text,
        created_at=now,
        comment=reply,
    )
    _answered(conversation, now)
    if conversation.person_id:
        record_touchpoint(
            conversation.person,
            "comment_reply",
            at=now,
            url=conversation.post.get_absolute_url(),
            properties={"post": conversation.post.title[:200], "comment": reply.pk},
            recorded_by=actor,
        )
    _comments_changed(reply)
    notify_reply_subscribers(reply)
    return reply


def notify_reply_subscribers(reply: Comment) -> int:
    """Email each subscribed commenter above this reply (not its own writer), once each."""
    sent, seen = 0, {reply.email}
    node = reply.parent
    while node is not None:
        if node.is_subscribed and node.email and node.email not in seen:
            seen.add(node.email)
            if not people.is_suppressed(node.email):
                _send_reply_notice(node, reply)
                sent += 1
        node = node.parent
    return sent


def _send_reply_notice(subscriber: Comment, reply: Comment) -> None:
    post = reply.post
    url = links.absolute(post.get_absolute_url()) + f"#comment-{reply.pk}"
    unsubscribe = links.unsubscribe_url(subscriber.pk)
    sender = post.author
    EmailMessage(
        subject=f"{reply.name} answered you on “{post.title}”",
        body=(
            f"Hello {subscriber.name},\n\n{reply.name} answered your comment:\n\n"
            f"{reply.body}\n\nRead the thread: {url}\n\n"
            "You get this because you ticked “email me replies” when you commented.\n"
            f"Stop these emails with one click: {unsubscribe}\n"
        ),
        from_email=formataddr((sender.get_full_name() or sender.username, sender.email)),
        to=[subscriber.email],
        headers={
            # RFC 8058: mail clients may unsubscribe with one POST, no page to visit.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()


def unsubscribe_from_replies(token: str) -> Comment:
    comment = Comment.objects.filter(pk=links.read_unsubscribe_token(token)).first()
    if comment is None:
        raise NotFound("this comment is no longer here", field="token")
    Comment.objects.filter(email=comment.email, is_subscribed=True).update(is_subscribed=False)
    comment.is_subscribed = False
    return comment


# ---------------------------------------------------------------------------- the inbox


def _answered(conversation: Conversation, at: datetime) -> None:
    conversation.first_reply_at = conversation.first_reply_at or at
    conversation.waiting_since = None
    conversation.last_activity_at = at
    conversation.status = Conversation.Status.WAITING
    conversation.save()


def assign_conversation(conversation: Conversation, username: str, actor) -> Conversation:
    if username:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise NotFound(f"no staff user '{username}'", field="assigned_to")
        from sincerely.console.access import user_can

        if not user_can(user, "conversations.handle"):
            raise DomainError(f"'{username}' cannot handle conversations", field="assigned_to")
    else:
        user = None
    conversation.assigned_to = user
    conversation.save(update_fields=["assigned_to"])
    return conversation


def set_conversation_status(conversation: Conversation, status: str, actor) -> Conversation:
    if status not in Conversation.Status.values:
        raise DomainError(
            f"status must be one of {', '.join(Conversation.Status.values)}", field="status"
        )
    conversation.status = status
    if status == Conversation.Status.CLOSED:
        conversation.waiting_since = None
    conversation.save(update_fields=["status", "waiting_since"])
    return conversation


def _privacy_line(person: Person) -> str:
    """The footer line with the person's privacy-centre link."""
    from sincerely.privacy.links import privacy_url

    return f"See, correct or take away what we hold about you: {privacy_url(person)}\n"


def _sender(actor) -> str:
    if not actor.email:
        raise DomainError("your account has no email address to reply from", field="from")
    check_real_address(actor.email)
    return formataddr((actor.get_full_name() or actor.get_username(), actor.email))


@transaction.atomic
def reply_by_email(conversation: Conversation, text: str, actor) -> Entry:
    """Answer by email from the staff member's own address, threaded under their last message."""
    text = (text or "").strip()
    if not text:
        raise DomainError("write a reply first", field="text")
    inbound = conversation.entries.filter(direction=Entry.Direction.INBOUND).order_by(
        "-created_at", "-id"
    )
    last = inbound.first()
    to = (conversation.person.email if conversation.person_id else "") or (
        last.author_email if last else ""
    )
    if not to:
        raise DomainError("there is no address to answer", field="to")
    if people.is_suppressed(to):
        raise DomainError("this address asked for no more mail", field="to")
    sender = _sender(actor)
    domain = actor.email.rsplit("@", 1)[1]
    message_id = make_msgid(domain=domain)
    headers = {"Message-ID": message_id}
    chain = [e for e in conversation.entries.values_list("message_id", flat=True) if e]
    if last and last.message_id:
        # RFC 5322 §3.6.4: In-Reply-To names the message answered, References the thread.
        headers["In-Reply-To"] = last.message_id
        headers["References"] = " ".join(chain[-20:])
    subject = conversation.subject
    if not subject.lower().startswith("re:"):
        subject = f"Re: {subject}"
    footer = ""
    if conversation.person_id:
        footer = "\n\n--\nYou wrote to us and this is my answer.\n" + _privacy_line(
            conversation.person
        )
    EmailMessage(
        subject=subject,
        body=text + footer,
        from_email=sender,
        to=[to],
        headers=headers,
    ).send()
    now = timezone.now()
    entry = Entry.objects.create(
        conversation=conversation,
        direction=Entry.Direction.OUTBOUND,
        author=actor,
        author_name=actor.get_full_name() or actor.get_username(),
        author_email=actor.email,
        text=text,
        message_id=message_id,
        in_reply_to=headers.get("In-Reply-To", ""),
        created_at=now,
    )
    _answered(conversation, now)
    if conversation.person_id:
        record_touchpoint(
            conversation.person,
            "email_reply_sent",
            at=now,
            properties={"conversation": conversation.pk, "message_id": message_id},
            recorded_by=actor,
        )
    return entry


def add_note(conversation: Conversation, text: str, actor) -> Entry:
    text = (text or "").strip()
    if not text:
        raise DomainError("write a note first", field="text")
    return Entry.objects.create(
        conversation=conversation,
        direction=Entry.Direction.NOTE,
        author=actor,
        author_name=actor.get_full_name() or actor.get_username(),
        text=text,
        created_at=timezone.now(),
    )


# ---------------------------------------------------------------------------- incidents


@transaction.atomic
def open_incident(
    *,
    title: str,
    body: str,
    spokesperson,
    severity: str,
    status: str = IncidentUpdate.Status.INVESTIGATING,
    update: str = "",
    actor=None,
) -> Incident:
    """Crisis mode: publish a pinned post in the spokesperson's name with its first update."""
    if severity not in Incident.Severity.values:
        raise DomainError(
            f"severity must be one of {', '.join(Incident.Severity.values)}", field="severity"
        )
    if isinstance(spokesperson, str):
        spokesperson = User.objects.filter(username=spokesperson, is_active=True).first()
        if spokesperson is None:
            raise NotFound("choose a spokesperson", field="spokesperson")
    if not spokesperson.email:
        raise DomainError("the spokesperson needs a real email address", field="spokesperson")
    check_real_address(spokesperson.email)
    post = Post.objects.create(
        title=(title or "").strip()[:200] or _missing("title"),
        slug=_unique_slug(title),
        body=body or "",
        body_html=render_post(body),
        excerpt=plain_excerpt(body)[:400],
        author=spokesperson,
        status=Post.Status.PUBLISHED,
        publish_at=timezone.now(),
        is_pinned=True,
    )
    incident = Incident.objects.create(post=post, spokesperson=spokesperson, severity=severity)
    first_update = (update or "").strip() or "We are looking into it."
    add_incident_update(incident, status, first_update, actor or spokesperson)
    return incident


def _missing(field: str):
    raise DomainError(f"{field} is required", field=field)


@transaction.atomic
def add_incident_update(incident: Incident, status: str, text: str, actor) -> IncidentUpdate:
    """A dated status update; `resolved` closes the incident (banner off, post unpinned)."""
    if status not in IncidentUpdate.Status.values:
        raise DomainError(
            f"status must be one of {', '.join(IncidentUpdate.Status.values)}", field="status"
        )
    text = (text or "").strip()
    # "None" is what a template prints for a missing value: it must never reach the public post.
    if not text or text.lower() in {"none", "null", "undefined"}:
        raise DomainError("say what changed", field="text")
    update = IncidentUpdate.objects.create(incident=incident, status=status, text=text, by=actor)
    Post.objects.filter(pk=incident.post_id).update(updated_at=update.at)
    _forget_page(incident.post_id)
    from sincerely.conversations.templatetags.blog_tags import BANNER_CACHE_KEY

    cache.delete(BANNER_CACHE_KEY)
    if status == IncidentUpdate.Status.RESOLVED:
        incident.resolved_at = update.at
        incident.save(update_fields=["resolved_at"])
        Post.objects.filter(pk=incident.post_id).update(is_pinned=False)
    elif incident.resolved_at is not None:
        incident.resolved_at = None
        incident.save(update_fields=["resolved_at"])
        Post.objects.filter(pk=incident.post_id).update(is_pinned=True)
    return update


def covered_members(audience_list: AudienceList):
    """Members whose list membership is active and whose consent covers the list's purpose."""
    return (
        Membership.objects.filter(
            audience_list=audience_list,
            left_at__isnull=True,
            person__consents__purpose=audience_list.purpose,
            person__consents__is_current=True,
            person__consents__status="granted",
        )
        .select_related("person")
        .order_by("person_id")
    )


def notify_incident(incident: Incident, audience_list: AudienceList, actor) -> dict:
    """Tell the affected people on a list, each once, from the spokesperson, with a reply path.

    Returns {"sent": n, "skipped": {reason: n}}.
    """
    from sincerely.console.access import ensure_can

    if actor is not None:
        ensure_can(actor, "incidents.manage")
    sent, skipped = 0, {}
    already = set(incident.notices.values_list("person_id", flat=True))
    for membership in covered_members(audience_list):
        person = membership.person
        reason = None
        if person.pk in already:
            reason = "already told"
        elif not person.email:
            reason = "no email address"
        elif people.is_suppressed(person.email):
            reason = "asked for no mail"
        if reason:
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        why = (
            f"You are on our list “{audience_list.name}” ({membership.reason}), "
            f"for {audience_list.purpose.name.lower()}, and this incident may affect you."
        )
        send_incident_notice(incident, person, why)
        sent += 1
    people.audit(
        actor, "incident.notify", None, f"told {sent} people about incident #{incident.pk}"
    )
    return {"sent": sent, "skipped": skipped}


def _literal(text: str) -> str:
    """Text placed in a guarded template as it is (titles and updates are not templates)."""
    return "{% raw %}" + text.replace("{%", "{ %").replace("%}", "% }") + "{% endraw %}"


def send_incident_notice(incident: Incident, person: Person, why: str) -> IncidentNotice:
    """The one place an incident email is built; it goes out through the honesty guard.

    A one-to-one message from the spokesperson (From is them, replies reach them), queued
    in the messaging outbox with its evidence ledger and the footer that says why and
    links to the privacy centre. Replies thread to the incident through its Message-ID.
    """
    from sincerely.messaging.services import send_one

    spokesperson = incident.spokesperson
    post_url = links.absolute(incident.post.get_absolute_url())
    ask_url = f"{post_url}?as={links.reader_token(person.pk)}#comment-form"
    latest = incident.updates.first()
    status_line = f"{latest.get_status_display()}: {latest.text}\n\n" if latest else ""
    name = spokesperson.get_full_name() or spokesperson.username
    text = 'Hello {{ person.first_name | fallback("there") }},\n\n' + _literal(
        f"{incident.post.title}\n\n{status_line}"
        f"We keep the full story and every update here: {post_url}\n\n"
        f"Questions? Answer this email and it reaches me, {name} — "
        f"or ask in public: {ask_url}\n"
    )
    message = send_one(
        person,
        sender=spokesperson,
        subject=_literal(f"[{incident.get_severity_display()}] {incident.post.title}"),
        text=text,
        idempotency_key=f"incident:{incident.pk}:{person.pk}",
        why=why,
    )
    return IncidentNotice.objects.create(
        incident=incident, person=person, message_id=message.message_id, reason=why[:500]
    )


# ---------------------------------------------------------------------------- people hooks


def move_conversations(survivor: Person, duplicate: Person) -> dict:
    return {
        "conversations": Conversation.objects.filter(person=duplicate).update(person=survivor),
        "comments": Comment.objects.filter(person=duplicate).update(person=survivor),
        "incident_notices": IncidentNotice.objects.filter(person=duplicate)
        .exclude(incident__notices__person=survivor)
        .update(person=survivor),
    }
