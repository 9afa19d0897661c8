"""Console pages of conversations: the blog editor, the inbox, moderation and incidents."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from sincerely.accounts.access import requires, user_can
from sincerely.charts import Bar, bar_chart
from sincerely.conversations import access, conf, queries
from sincerely.conversations.models import Comment, Conversation, Incident, IncidentUpdate, Post
from sincerely.conversations.rendering import render_post
from sincerely.conversations.services import comments as comment_services
from sincerely.conversations.services import inbox as inbox_services
from sincerely.conversations.services import incidents as incident_services
from sincerely.conversations.services import posts as post_services
from sincerely.errors import DomainError
from sincerely.people.models import AudienceList
from sincerely.tables import sorted_page

User = get_user_model()


def _parse_when(raw: str) -> datetime | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise DomainError("use a date and time like 2026-05-01T09:00", field="publish_at") from None
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _authors():
    return [u for u in User.objects.filter(is_active=True).select_related("staff_profile")
            if user_can(u, "posts.write")]  # fmt: skip


# ---------------------------------------------------------------------------- posts


@requires("posts.write")
def posts(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            post_services.update_author_profile(
                request.user,
                title=request.POST.get("title", ""),
                bio=request.POST.get("bio", ""),
                photo=request.FILES.get("photo"),
            )
            messages.success(request, "Your author profile is saved.")
        except DomainError as error:
            messages.error(request, str(error))
        return redirect("conversations:posts")
    table = sorted_page(
        request,
        Post.objects.select_related("author").prefetch_related("tags"),
        {
            "title": "title",
            "author": "author__username",
            "status": "status",
            "publish": "publish_at",
            "updated": "updated_at",
        },
        "-updated",
    )
    profile = getattr(request.user, "staff_profile", None)
    return render(request, "conversations/posts.html", {**table, "profile": profile})


def _post_form_action(request: HttpRequest, post: Post | None) -> tuple[str, datetime | None]:
    action = request.POST.get("action", "draft")
    when = _parse_when(request.POST.get("publish_at", ""))
    if action == "publish":
        return Post.Status.PUBLISHED, None
    if action == "schedule":
        return Post.Status.SCHEDULED, when
    return Post.Status.DRAFT, when


@requires("posts.write")
def post_new(request: HttpRequest) -> HttpResponse:
    translation_of = None
    if request.GET.get("translate") or request.POST.get("translation_of"):
        raw = request.GET.get("translate") or request.POST.get("translation_of")
        translation_of = Post.objects.filter(pk=raw if str(raw).isdigit() else 0).first()
    if request.method == "POST":
        data = request.POST
        if not access.can_write_as(request.user, data.get("author", "")):
            raise PermissionDenied("Your role may publish only under your own name.")
        try:
            status, when = _post_form_action(request, None)
            created = post_services.create_post(
                author=data.get("author") or request.user,
                title=data.get("title", ""),
                body=data.get("body", ""),
                status=status,
                publish_at=when,
                tags=data.get("tags", ""),
                language=data.get("language", "en"),
                translation_of=translation_of,
                translated_by=request.user if translation_of else None,
            )
        except DomainError as error:
            messages.error(request, str(error))
            return render(
                request,
                "conversations/post_edit.html",
                {"form": data, "authors": _authors(), "translation_of": translation_of},
                status=422,
            )
        messages.success(request, f"Saved “{created.title}” ({created.get_status_display()}).")
        return redirect("conversations:post_edit", created.pk)
    form = {"author": request.user.username, "language": "en"}
    if translation_of:
        form.update(title=translation_of.title, body=translation_of.body, language="")
    return render(
        request,
        "conversations/post_edit.html",
        {"form": form, "authors": _authors(), "translation_of": translation_of},
    )


@requires("posts.write")
def post_edit(request: HttpRequest, post_id: int) -> HttpResponse:
    item = get_object_or_404(Post.objects.select_related("author"), pk=post_id)
    if not access.can_edit_post(request.user, item):
        raise PermissionDenied("Your role may edit only your own posts.")
    if request.method == "POST":
        data = request.POST
        if not access.can_write_as(request.user, data.get("author", "")):
            raise PermissionDenied("Your role may publish only under your own name.")
        try:
            status, when = _post_form_action(request, item)
            post_services.update_post(
                item,
                title=data.get("title", ""),
                body=data.get("body", ""),
                author=data.get("author") or item.author,
                tags=data.get("tags", ""),
                language=data.get("language", item.language),
                status=status,
                publish_at=when,
            )
        except DomainError as error:
            messages.error(request, str(error))
            return render(
                request,
                "conversations/post_edit.html",
                {"form": data, "post": item, "authors": _authors(), "preview": item.body_html},
                status=422,
            )
        messages.success(request, f"Saved “{item.title}” ({item.get_status_display()}).")
        return redirect("conversations:post_edit", item.pk)
    form = {
        "title": item.title,
        "body": item.body,
        "author": item.author.username,
        "tags": ", ".join(t.name for t in item.tags.all()),
        "language": item.language,
        "publish_at": timezone.localtime(item.publish_at).strftime("%Y-%m-%dT%H:%M")
        if item.publish_at
        else "",
    }
    return render(
        request,
        "conversations/post_edit.html",
        {
            "form": form,
            "post": item,
            "authors": _authors(),
            "preview": item.body_html,
            "images": item.images.all(),
            "is_live": queries.is_live(item),
        },
    )


@requires("posts.write")
@require_POST
def post_preview(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "conversations/preview_partial.html",
        {"preview": render_post(request.POST.get("body", ""))},
    )


@requires("posts.write")
@require_POST
def post_image(request: HttpRequest, post_id: int) -> HttpResponse:
    item = get_object_or_404(Post, pk=post_id)
    if not access.can_edit_post(request.user, item):
        raise PermissionDenied("Your role may edit only your own posts.")
    upload = request.FILES.get("image")
    try:
        if upload is None:
            raise DomainError("choose an image file", field="image")
        img = post_services.attach_image(
            item, upload, alt=request.POST.get("alt", ""), actor=request.user
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        name = img.file.name.rsplit("/", 1)[-1]
        snippet = f"![{img.alt}](/blog/images/{img.pk}/{name})"
        messages.success(request, f"Attached; paste {snippet} into the text.")
    return redirect("conversations:post_edit", item.pk)


# ---------------------------------------------------------------------------- the inbox


def _clock(conversation: Conversation, now: datetime) -> dict:
    """What the time-to-first-reply clock shows for one conversation."""
    if conversation.first_reply_at:
        minutes = (conversation.first_reply_at - conversation.created_at).total_seconds() / 60
        return {"label": f"first reply after {_duration(minutes)}", "overdue": False}
    if conversation.waiting_since and conversation.status == Conversation.Status.OPEN:
        minutes = (now - conversation.waiting_since).total_seconds() / 60
        overdue = minutes > conf.INBOX_OVERDUE_HOURS * 60
        return {"label": f"waiting {_duration(minutes)}", "overdue": overdue}
    return {"label": "—", "overdue": False}


def _duration(minutes: float) -> str:
    if minutes < 60:
        return f"{int(minutes)} min"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f} h"
    return f"{minutes / 1440:.1f} days"


@requires("conversations.handle")
def inbox(request: HttpRequest) -> HttpResponse:
    view = request.GET.get("view", "")
    status = request.GET.get("status", "")
    channel = request.GET.get("channel", "")
    now = timezone.now()
    table = sorted_page(
        request,
        access.visible_conversations(
            request.user,
            queries.inbox(request.user, view=view, status=status, channel=channel),
        ),
        {
            "subject": "subject",
            "person": "person__display_name",
            "channel": "channel",
            "assigned": "assigned_to__username",
            "status": "status",
            "activity": "last_activity_at",
            "waiting": "waiting_since",
        },
        "-activity",
    )
    for row in table["page"]:
        row.clock = _clock(row, now)
    context = {
        **table,
        "conversations": table["page"],
        "view": view,
        "status": status,
        "channel": channel,
        "held": access.visible_comments(request.user, queries.held_comments())[:100],
        "spam": access.visible_comments(request.user, queries.spam_comments())[:50]
        if view == "spam"
        else [],
        "overdue_hours": conf.INBOX_OVERDUE_HOURS,
        "statuses": Conversation.Status.choices,
        "channels": Conversation.Channel.choices,
    }
    if request.htmx:
        return render(request, "conversations/inbox_partial.html", context)
    return render(request, "conversations/inbox.html", context)


@requires("conversations.handle")
def conversation(request: HttpRequest, conversation_id: int) -> HttpResponse:
    item = queries.conversation_detail(conversation_id)
    if item is None:
        raise Http404("no such conversation")
    if not access.can_see_conversation(request.user, item):
        raise PermissionDenied("This conversation is not about one of your posts.")
    item.clock = _clock(item, timezone.now())
    staff = [u for u in User.objects.filter(is_active=True).order_by("username")
             if user_can(u, "conversations.handle")]  # fmt: skip
    return render(
        request,
        "conversations/conversation.html",
        {"c": item, "staff": staff, "statuses": Conversation.Status.choices},
    )


@requires("conversations.handle")
@require_POST
def conversation_act(request: HttpRequest, conversation_id: int, action: str) -> HttpResponse:
    item = get_object_or_404(Conversation.objects.select_related("post"), pk=conversation_id)
    if not access.can_see_conversation(request.user, item):
        raise PermissionDenied("This conversation is not about one of your posts.")
    data = request.POST
    if action == "reply" and request.htmx:
        return _reply_in_place(request, item)
    try:
        if action == "reply":
            messages.success(request, _reply(request, item))
        elif action == "assign":
            inbox_services.assign_conversation(item, data.get("assigned_to", ""), request.user)
            messages.success(request, "Assigned.")
        elif action == "status":
            inbox_services.set_conversation_status(item, data.get("status", ""), request.user)
            messages.success(request, "Status changed.")
        elif action == "note":
            inbox_services.add_note(item, data.get("text", ""), request.user)
        else:
            raise Http404("no such action")
    except DomainError as error:
        messages.error(request, str(error))
    return redirect("conversations:conversation", item.pk)


def _reply(request: HttpRequest, item: Conversation) -> str:
    if request.POST.get("channel") == "comment":
        comment_services.reply_as_comment(item, request.POST.get("text", ""), request.user)
        return "Your reply is published under the post."
    inbox_services.reply_by_email(item, request.POST.get("text", ""), request.user)
    return "Your reply is sent from your own address."


def _reply_in_place(request: HttpRequest, item: Conversation) -> HttpResponse:
    """htmx: answer and swap the thread in place, with the outcome announced."""
    draft = ""
    try:
        notice, kind = _reply(request, item), "success"
    except DomainError as error:
        notice, kind, draft = str(error), "error", request.POST.get("text", "")
    return render(
        request,
        "conversations/thread_partial.html",
        {
            "c": queries.conversation_detail(item.pk),
            "notice": notice,
            "notice_kind": kind,
            "draft": draft,
        },
    )


@requires("conversations.handle")
@require_POST
def moderate(request: HttpRequest, comment_id: int) -> HttpResponse:
    item = get_object_or_404(Comment.objects.select_related("post"), pk=comment_id)
    if not access.can_moderate(request.user, item):
        raise PermissionDenied("This comment is not under one of your posts.")
    if request.POST.get("action") == "spam" and request.POST.get("confirm") != "yes":
        return render(
            request, "console/confirm.html", {"confirm": _spam_confirmation(request, item)}
        )
    try:
        item = comment_services.moderate_comment(item, request.POST.get("action", ""), request.user)
        messages.success(request, f"Comment by {item.name}: {item.get_status_display()}.")
    except DomainError as error:
        messages.error(request, str(error))
    target = request.POST.get("next", "")
    if target.startswith("/console/"):
        return redirect(target)
    return redirect("conversations:inbox")


# ---------------------------------------------------------------------------- incidents


@requires("incidents.manage")
def incidents(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        data = request.POST
        try:
            created = incident_services.open_incident(
                title=data.get("title", ""),
                body=data.get("body", ""),
                spokesperson=data.get("spokesperson", ""),
                severity=data.get("severity", ""),
                status=data.get("status", IncidentUpdate.Status.INVESTIGATING),
                update=data.get("update", ""),
                actor=request.user,
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Incident opened: the post is pinned and the banner is on.")
            return redirect("conversations:incident", created.pk)
    staff = User.objects.filter(is_active=True).exclude(email="").order_by("username")
    return render(
        request,
        "conversations/incidents.html",
        {
            "incidents": queries.incidents(),
            "staff": staff,
            "severities": Incident.Severity.choices,
            "statuses": IncidentUpdate.Status.choices,
            "form": request.POST,
            # Read by name: `form.update` in a template is QueryDict.update(), rendered "None".
            "first_update": request.POST.get("update", ""),
        },
    )


@requires("incidents.manage")
def incident(request: HttpRequest, incident_id: int) -> HttpResponse:
    item = get_object_or_404(queries.incidents(), pk=incident_id)
    times = queries.reply_times(item)
    chart = bar_chart(
        [
            Bar("median", round(times.median_minutes or 0, 1)),
            Bar("slowest", round(times.slowest_minutes or 0, 1)),
        ],
        title="Minutes to a named reply",
    )
    return render(
        request,
        "conversations/incident.html",
        {
            "incident": item,
            "times": times,
            "chart": chart,
            "statuses": IncidentUpdate.Status.choices,
            "lists": AudienceList.objects.select_related("purpose"),
            "notices": item.notices.count(),
            "questions": Conversation.objects.filter(incident=item)
            .select_related("person", "assigned_to")
            .order_by("-last_activity_at")[:100],
        },
    )


def _notify_confirmation(item: Incident, audience: AudienceList) -> dict:
    count = queries.people_to_notify(item, audience)
    return {
        "title": f"Tell the list “{audience.name}” about “{item.post.title}”?",
        "count": count,
        "count_label": "will get an email about this incident",
        "what": f"Each one gets one email from {item.spokesperson.email} with a link to the post "
        "and a reply path. People already told, and addresses that asked for no mail, are "
        "skipped.",
        "details": [],
        "action": reverse("conversations:incident_act", args=[item.pk, "notify"]),
        "fields": {"list": audience.slug},
        "button": f"Email {count} {'person' if count == 1 else 'people'}",
        "cancel": reverse("conversations:incident", args=[item.pk]),
        "danger": False,
    }


def _spam_confirmation(request: HttpRequest, comment: Comment) -> dict:
    others = queries.comments_by_address(comment.email) - 1
    return {
        "title": f"Mark the comment by {comment.name} as spam?",
        "count": 1,
        "count_label": f"is affected: {comment.name} <{comment.email}>",
        "what": "The comment is hidden from the blog and removed from the inbox. "
        + (
            f"Their {others} other comment{'s' if others != 1 else ''} stay as they are."
            if others > 0
            else "They have no other comments."
        ),
        "details": [f"On “{comment.post.title}”: {comment.body[:200]}"],
        "action": reverse("conversations:moderate", args=[comment.pk]),
        "fields": {"action": "spam", "next": request.POST.get("next", "")},
        "button": "Mark as spam",
        "cancel": request.POST.get("next", "") or reverse("conversations:inbox"),
        "danger": True,
    }


@requires("incidents.manage")
@require_POST
def incident_act(request: HttpRequest, incident_id: int, action: str) -> HttpResponse:
    item = get_object_or_404(Incident, pk=incident_id)
    data = request.POST
    try:
        if action == "update":
            incident_services.add_incident_update(
                item, data.get("status", ""), data.get("text", ""), request.user
            )
            messages.success(request, "Update published.")
        elif action == "notify":
            audience = AudienceList.objects.filter(slug=data.get("list", "")).first()
            if audience is None:
                raise DomainError("choose a list", field="list")
            if data.get("confirm") != "yes":
                return render(
                    request,
                    "console/confirm.html",
                    {"confirm": _notify_confirmation(item, audience)},
                )
            result = incident_services.notify_incident(item, audience, request.user)
            skipped = ", ".join(f"{n} {why}" for why, n in result["skipped"].items()) or "none"
            messages.success(request, f"Told {result['sent']} people (skipped: {skipped}).")
        else:
            raise Http404("no such action")
    except DomainError as error:
        messages.error(request, str(error))
    return redirect("conversations:incident", item.pk)
