"""Readers' comments: submission, address confirmation, moderation, public replies."""

from __future__ import annotations

from datetime import timedelta
from email.utils import formataddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from sincerely.conversations import links, spam
from sincerely.conversations.models import (
    Comment,
    Conversation,
    Entry,
    Incident,
    Post,
)
from sincerely.conversations.rendering import render_comment
from sincerely.conversations.services.inbox import mark_answered
from sincerely.conversations.services.posts import forget_page
from sincerely.errors import DomainError, NotFound
from sincerely.people import services as people
from sincerely.people.models import Person, SourceKind
from sincerely.timeline.services import record_touchpoint

User = get_user_model()


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
    """The email with the signed link that proves the commenter reads this address.

    Queued in the outbox (delivered by the worker after this transaction commits), once
    per comment however often it is asked for.
    """
    from sincerely.messaging import system_mail

    url = links.confirm_url(comment)
    author = comment.post.author
    system_mail.enqueue(
        kind="comment_confirmation",
        key=system_mail.idempotency_key("comment-confirm", comment.pk),
        to=comment.email,
        subject=f"Confirm your comment on “{comment.post.title}”",
        text=(
            f"Hello {comment.name},\n\n"
            f"You (or someone using your address) commented on “{comment.post.title}”.\n"
            f"To publish it, confirm it is you:\n\n{url}\n\n"
            "If this was not you, ignore this email: nothing will be published and we will "
            "not write again.\n"
        ),
        sender=author,
        from_address=formataddr((author.get_full_name(), author.email))
        if author.email
        else settings.DEFAULT_FROM_EMAIL,
        why="Someone commented on our blog with this address and asked for the link.",
    )


@transaction.atomic
def confirm_comment(token: str) -> Comment:
    """The commenter clicked the emailed link: the comment goes to moderation or is filed."""
    comment = (
        Comment.objects.select_for_update()
        .filter(pk=links.read_confirm_token(token))
        .select_related("post")
        .first()
    )
    if comment is None or not links.confirms(token, comment):
        # Gone, or a different comment under a reused id: the link names what it confirms.
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
    forget_page(comment.post_id)


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
    mark_answered(conversation, now)
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
    from sincerely.messaging import system_mail

    post = reply.post
    url = links.absolute(post.get_absolute_url()) + f"#comment-{reply.pk}"
    unsubscribe = links.unsubscribe_url(subscriber)
    sender = post.author
    system_mail.enqueue(
        kind="reply_notice",
        key=system_mail.idempotency_key("reply-notice", reply.pk, subscriber.email),
        to=subscriber.email,
        person=subscriber.person,
        subject=f"{reply.name} answered you on “{post.title}”",
        text=(
            f"Hello {subscriber.name},\n\n{reply.name} answered your comment:\n\n"
            f"{reply.body}\n\nRead the thread: {url}\n\n"
            "You get this because you ticked “email me replies” when you commented.\n"
            f"Stop these emails with one click: {unsubscribe}\n"
        ),
        sender=sender,
        headers={
            # RFC 8058: mail clients may unsubscribe with one POST, no page to visit.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        why="You ticked “email me replies” when you commented.",
    )


def unsubscribe_from_replies(token: str) -> Comment:
    comment = Comment.objects.filter(pk=links.read_unsubscribe_token(token)).first()
    if comment is None or not links.unsubscribes(token, comment):
        raise NotFound("this comment is no longer here", field="token")
    Comment.objects.filter(email=comment.email, is_subscribed=True).update(is_subscribed=False)
    comment.is_subscribed = False
    return comment
