"""Public blog pages: index, post with comments, authors, tags, images, signed reader links."""

from __future__ import annotations

import hashlib
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sincerely.accounts.access import user_can
from sincerely.conversations import links, queries
from sincerely.conversations.models import Comment, Incident, PostImage, Tag
from sincerely.conversations.services import comments as comment_services
from sincerely.conversations.services import posts as post_services
from sincerely.errors import DomainError
from sincerely.ratelimit import client_ip

User = get_user_model()


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and the benchmark: the app answers, nothing else is touched."""
    return HttpResponse("ok\n", content_type="text/plain")


def index(request: HttpRequest) -> HttpResponse:
    posts = queries.blog_index()[:30]
    return render(request, "conversations/index.html", {"posts": posts})


def tag(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    posts = queries.blog_index(tag=slug)[:30]
    return render(request, "conversations/index.html", {"posts": posts, "tag": tag})


def author(request: HttpRequest, username: str) -> HttpResponse:
    person = get_object_or_404(
        User.objects.select_related("staff_profile"), username=username, is_active=True
    )
    if not user_can(person, "posts.write"):
        raise Http404("no such author")
    posts = queries.live_posts().filter(author=person)[:50]
    return render(request, "conversations/author.html", {"author": person, "posts": posts})


def author_photo(request: HttpRequest, username: str) -> HttpResponse:
    profile = get_object_or_404(
        User.objects.select_related("staff_profile"), username=username
    ).staff_profile
    if not profile.photo:
        raise Http404("no photo")
    return _image_response(profile.photo, None)


def image(request: HttpRequest, image_id: int, name: str) -> HttpResponse:
    img = get_object_or_404(PostImage.objects.select_related("post"), pk=image_id)
    if not queries.is_live(img.post) and not user_can(request.user, "posts.write"):
        raise Http404("no such image")
    return _image_response(img.file, img.content_type)


def _image_response(file, content_type: str | None) -> HttpResponse:
    head = file.open("rb").read(16)
    file.seek(0)
    if content_type is None:
        content_type = next(
            (t for sig, t in post_services.IMAGE_SIGNATURES.items() if head.startswith(sig)), None
        )
        if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            content_type = "image/webp"
    if content_type is None:
        raise Http404("not an image")
    response = FileResponse(file, content_type=content_type)
    # An uploaded file is only ever an image here: no scripts, no framing, no sniffing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _preferred_version(request: HttpRequest, versions: list) -> object | None:
    available = {v.language: v for v in versions}
    for code, _q in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        code = code.lower()
        if code in available:
            return available[code]
        if code.split("-")[0] in available:
            return available[code.split("-")[0]]
    return None


# Whole post pages are cached for anonymous readers, keyed by the post's and its comments'
# change times (queries.post_head) and the banner; an author's profile edit shows within a
# minute. The CSRF token is the one per-reader part: it is put in at response time.
CSRF_PLACEHOLDER = "@@csrf-token-placeholder@@"


def _is_cacheable(request: HttpRequest) -> bool:
    """Anonymous readers with nothing personal to show: no session, no flash message."""
    per_reader = (settings.SESSION_COOKIE_NAME, "messages")
    return (
        request.method == "GET"
        and set(request.GET) <= {"lang"}
        and not any(name in request.COOKIES for name in per_reader)
    )


def _cached_post(request: HttpRequest, slug: str) -> HttpResponse | None:
    head = queries.post_head(slug)
    if head is None:
        raise Http404("no such post")
    if head["has_translations"] and "lang" not in request.GET:
        return None  # the reader's language decides: the full path negotiates
    from django.core.cache import cache

    from sincerely.conversations.templatetags.blog_tags import incident_banner

    banner = incident_banner()["banner"]
    key = "blog:page:{}:{}:{}:{}".format(
        head["pk"],
        head["updated_at"].timestamp(),
        head["comments_changed_at"].timestamp(),
        hashlib.sha1(repr(sorted(banner.items())).encode(), usedforsecurity=False).hexdigest()[:12]
        if banner
        else 0,
    )
    parts = cache.get(key)
    if parts is None:
        rendered = post(request, slug, csrf_placeholder=True)
        if rendered.status_code != 200:
            return rendered
        # Kept as bytes around the token's place: no per-request search or encoding.
        parts = rendered.content.split(CSRF_PLACEHOLDER.encode())
        cache.set(key, parts, 60)
    response = HttpResponse(get_token(request).encode().join(parts))
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def post(
    request: HttpRequest,
    slug: str,
    form: dict | None = None,
    status: int = 200,
    *,
    csrf_placeholder: bool = False,
):
    if form is None and not csrf_placeholder and _is_cacheable(request):
        cached = _cached_post(request, slug)
        if cached is not None:
            return cached
    item = queries.live_post(slug)
    if item is None:
        raise Http404("no such post")
    head = queries.post_head(slug) or {}
    versions = queries.versions_of(item, has_translations=head.get("has_translations", True))
    if "lang" not in request.GET and item.translation_of_id is None and len(versions) > 1:
        # The reader's language wins on the original's address; ?lang= keeps a choice.
        preferred = _preferred_version(request, versions)
        if preferred is not None and preferred.pk != item.pk:
            response = redirect(preferred.get_absolute_url())
            patch_vary_headers(response, ["Accept-Language"])
            return response
    reader_token = request.POST.get("as") or request.GET.get("as", "")
    known_reader = None
    if reader_token:
        try:
            from sincerely.people.models import Person

            known_reader = Person.objects.filter(pk=links.read_reader_token(reader_token)).first()
        except DomainError:
            reader_token = ""
    try:
        incident = item.incident
    except Incident.DoesNotExist:
        incident = None
    context = {
        "post": item,
        "versions": versions,
        "incident": incident,
        "updates": incident.updates.select_related("by").all() if incident else [],
        # Called by the template only when the cached comment fragment is stale.
        "comments": partial(queries.approved_comments, item),
        # Counted only when the cached comment fragment is stale.
        "comment_count": item.comments.filter(status=Comment.Status.APPROVED).count,
        "reader_token": reader_token,
        "known_reader": known_reader,
        "reply_to": _reply_to(item, request.GET.get("reply_to")),
        "form": form or {},
        "og_image": item.images.order_by("id").first(),
    }
    if csrf_placeholder:
        context["csrf_token"] = CSRF_PLACEHOLDER
    response = render(request, "conversations/post.html", context, status=status)
    patch_vary_headers(response, ["Accept-Language"])
    return response


def _reply_to(item, raw: str | None) -> Comment | None:
    if not raw or not raw.isdigit():
        return None
    return Comment.objects.filter(pk=int(raw), post=item, status=Comment.Status.APPROVED).first()


@require_POST
def comment(request: HttpRequest, slug: str) -> HttpResponse:
    item = queries.live_post(slug)
    if item is None:
        raise Http404("no such post")
    data = request.POST
    parent = data.get("parent", "")
    try:
        created = comment_services.submit_comment(
            item,
            name=data.get("name", ""),
            email=data.get("email", ""),
            body=data.get("body", ""),
            parent_id=int(parent) if parent.isdigit() else None,
            ip=client_ip(request),
            reader_token=data.get("as", ""),
            subscribe=data.get("subscribe") == "on",
        )
    except DomainError as error:
        form = {k: data.get(k, "") for k in ("name", "email", "body", "parent", "subscribe")}
        form["error"] = error.reason
        form["error_field"] = error.field
        return post(request, slug, form=form, status=422)
    if created.status == Comment.Status.UNVERIFIED:
        note = (
            f"Thank you. We sent a link to {created.email}: open it to confirm your comment. "
            "It is published once confirmed and reviewed."
        )
    elif created.status == Comment.Status.APPROVED:
        note = "Thank you, your comment is published."
    else:
        note = "Thank you. Your comment is waiting for review and will appear once approved."
    messages.success(request, note)
    return redirect(item.get_absolute_url() + "?lang=" + item.language + "#comments")


def confirm_comment(request: HttpRequest, token: str) -> HttpResponse:
    # Confirmation through GET: the link is single-purpose and idempotent, a re-click
    # (or a mail scanner's prefetch) only confirms again what was already confirmed.
    try:
        confirmed = comment_services.confirm_comment(token)
    except DomainError as error:
        return render(
            request,
            "conversations/notice.html",
            {"title": "Link not valid", "text": error.reason},
            status=400,
        )
    if confirmed.status == Comment.Status.APPROVED:
        text = "Your address is confirmed and your comment is published."
    elif confirmed.status in (Comment.Status.HELD, Comment.Status.UNVERIFIED):
        text = (
            "Your address is confirmed. Your comment waits for a person to review it; "
            "it appears on the post once approved."
        )
    else:
        text = "Your address is confirmed."
    return render(
        request,
        "conversations/notice.html",
        {"title": "Comment confirmed", "text": text, "post": confirmed.post},
    )


@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """RFC 8058 one-click: a POST (from the page's one button or the mail client) does it.

    Exempt from CSRF on purpose: a mail client posts without our cookie (RFC 8058 §3.1),
    and the signed token in the path is what authorises the request.
    """
    try:
        links.read_unsubscribe_token(token)
        if request.method == "POST":
            comment_services.unsubscribe_from_replies(token)
            return render(
                request,
                "conversations/notice.html",
                {"title": "Unsubscribed", "text": "You will get no more reply emails from us."},
            )
    except DomainError as error:
        return render(
            request,
            "conversations/notice.html",
            {"title": "Link not valid", "text": error.reason},
            status=400,
        )
    return render(request, "conversations/unsubscribe.html", {"token": token})
