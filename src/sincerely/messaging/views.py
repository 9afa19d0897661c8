"""Console pages for campaigns, the outbox and caught mail, and the public mail endpoints."""

from __future__ import annotations

import hmac
import logging
from email import message_from_bytes, policy
from email.utils import parseaddr

from django.contrib import messages as flash
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sincerely import links
from sincerely.accounts.access import requires, user_can
from sincerely.charts import Bar, bar_chart
from sincerely.errors import DomainError
from sincerely.messaging import conf, inbound, mime, queries, services
from sincerely.messaging.guard.linter import UnguardedClaims, lint_message
from sincerely.messaging.guard.renderer import HeldBack
from sincerely.messaging.models import Campaign, CaughtMail, InboundMail, Message
from sincerely.people.addresses import canonical_email
from sincerely.people.models import AudienceList, Person
from sincerely.people.services import find_person_by_email
from sincerely.tables import sorted_page

log = logging.getLogger(__name__)

EXAMPLE_TEXT = """Hi {{ person.first_name | fallback("there") }},

{% if evidence.attended("Web Summit") %}It was great meeting you at Web Summit.
{% endif %}Here is what is new this month.

{{ sender.name }}
"""


def _staff():
    return get_user_model().objects.filter(is_active=True).exclude(email="").order_by("username")


@requires("campaigns.manage")
def campaigns(request: HttpRequest) -> HttpResponse:
    table = sorted_page(
        request,
        Campaign.objects.select_related("audience_list", "sender"),
        {
            "name": "name",
            "list": "audience_list__name",
            "status": "status",
            "created": "created_at",
        },
        "-created",
    )
    return render(request, "messaging/campaigns.html", table)


def _form_fields(request: HttpRequest) -> dict:
    return {
        name: request.POST.get(name, "")
        for name in (
            "name",
            "list",
            "segment",
            "sender",
            "sender_name",
            "subject",
            "text",
            "html",
            "language",
        )
    }


@requires("campaigns.manage")
def campaign_new(request: HttpRequest) -> HttpResponse:
    form = {"text": EXAMPLE_TEXT, "sender": request.user.get_username(), "language": "en"}
    error = None
    if request.method == "POST":
        form = _form_fields(request)
        try:
            campaign, _ = services.create_campaign(
                name=form["name"],
                list_slug=form["list"],
                sender=form["sender"],
                sender_name=form["sender_name"],
                subject=form["subject"],
                text=form["text"],
                html=form["html"],
                language=form["language"] or "en",
                segment_slug=form["segment"],
                actor=request.user,
            )
            return redirect("messaging:campaign", campaign.pk)
        except DomainError as exc:
            error = exc
    context = {
        "form": form,
        "error": error,
        "lists": AudienceList.objects.all(),
        "segments": _segments(),
        "staff": _staff(),
    }
    return render(request, "messaging/campaign_new.html", context)


def _segments():
    from sincerely.insight.models import Segment

    return Segment.objects.order_by("name")


@requires("campaigns.manage")
@require_POST
def lint(request: HttpRequest) -> HttpResponse:
    """Live lint for the editor (htmx): the findings of what is in the form right now."""
    try:
        findings = lint_message(
            request.POST.get("subject", ""),
            request.POST.get("text", ""),
            request.POST.get("html", ""),
        )
        error = None
    except DomainError as exc:
        findings, error = [], exc
    return render(
        request, "messaging/findings_partial.html", {"findings": findings, "error": error}
    )


def _results_context(campaign: Campaign) -> dict:
    results = queries.campaign_results(campaign)
    bars = [
        Bar("sent", results["sent"]),
        Bar("held back", results["held_back"]),
        Bar("bounced", results["bounced"]),
        Bar("replied", results["replied"]),
        Bar("unsubscribed", results["unsubscribed"]),
        Bar("clicked", results["clicked"]),
    ]
    return {
        "campaign": campaign,
        "results": results,
        "chart": bar_chart(bars, title=f"Results of {campaign.name}"),
    }


@requires("campaigns.manage")
def campaign(request: HttpRequest, campaign_id: int) -> HttpResponse:
    item = get_object_or_404(
        Campaign.objects.select_related("audience_list", "sender", "purpose", "segment"),
        pk=campaign_id,
    )
    error = None
    if request.method == "POST" and item.status == Campaign.Status.DRAFT:
        fields = _form_fields(request)
        try:
            services.update_campaign(
                item,
                actor=request.user,
                name=fields["name"],
                list_slug=fields["list"],
                sender=fields["sender"],
                sender_name=fields["sender_name"],
                subject=fields["subject"],
                text=fields["text"],
                html=fields["html"],
                language=fields["language"] or item.language,
                segment_slug=fields["segment"],
            )
            flash.success(request, "Saved.")
            return redirect("messaging:campaign", item.pk)
        except DomainError as exc:
            error = exc
            item.refresh_from_db()
    context = {
        **_results_context(item),
        "error": error,
        "form": {
            "name": item.name,
            "list": item.audience_list.slug,
            "segment": item.segment.slug if item.segment else "",
            "sender": item.sender.get_username(),
            "sender_name": item.sender_name,
            "subject": item.subject,
            "text": item.text,
            "html": item.html,
            "language": item.language,
        },
        "findings": services.campaign_findings(item),
        "lists": AudienceList.objects.all(),
        "segments": _segments(),
        "staff": _staff(),
        "recipients": queries.audience(item)[:200],
        "translations": item.translations.all(),
    }
    return render(request, "messaging/campaign.html", context)


@requires("campaigns.manage")
@require_POST
def campaign_translation(request: HttpRequest, campaign_id: int) -> HttpResponse:
    item = get_object_or_404(Campaign, pk=campaign_id)
    try:
        findings = services.set_translation(
            item,
            request.POST.get("language", ""),
            subject=request.POST.get("subject", ""),
            text=request.POST.get("text", ""),
            html=request.POST.get("html", ""),
        )
        flash.success(request, f"Translation saved ({len(findings)} finding(s)).")
    except DomainError as exc:
        flash.error(request, f"Translation not saved: {exc}")
    return redirect("messaging:campaign", item.pk)


@requires("campaigns.manage")
def campaign_progress(request: HttpRequest, campaign_id: int) -> HttpResponse:
    item = get_object_or_404(Campaign, pk=campaign_id)
    response = render(request, "messaging/progress_partial.html", _results_context(item))
    if item.status in (Campaign.Status.SENT, Campaign.Status.DRAFT):
        response.status_code = 286  # htmx: stop polling, the campaign is done
    return response


@requires("campaigns.manage")
def campaign_preview(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """Counts of ready and held-back recipients, and one recipient's message beside its ledger."""
    item = get_object_or_404(Campaign.objects.select_related("sender"), pk=campaign_id)
    context: dict = {"campaign": item}
    person_id = request.GET.get("person", "").strip()
    email = canonical_email(request.GET.get("email", ""))
    person = None
    if person_id.isdigit():
        person = Person.objects.filter(pk=int(person_id)).first()
    elif email:
        person = Person.objects.filter(identities__kind="email", identities__value=email).first()
        if person is None:
            context["not_found"] = email
    if person is not None:
        (_, language, result) = services.render_for(item, [person])[0]
        context["person"] = person
        context["language"] = language
        if isinstance(result, HeldBack):
            context["held_reason"] = result.reason
        else:
            context["rendered"] = result
    else:
        # Counting renders every recipient: only when asked for, not with each single render.
        context["counts"] = queries.preview_counts(item)
    return render(request, "messaging/preview_partial.html", context)


@requires("campaigns.manage")
@require_POST
def campaign_send(request: HttpRequest, campaign_id: int) -> HttpResponse:
    item = get_object_or_404(
        Campaign.objects.select_related("audience_list", "segment", "purpose"), pk=campaign_id
    )
    if request.POST.get("confirm") != "yes" and item.status == Campaign.Status.DRAFT:
        # The server asks, not only the browser: a send without "confirm" shows who it reaches.
        return render(request, "console/confirm.html", {"confirm": _send_confirmation(item)})
    try:
        services.queue_campaign(item, actor=request.user)
        flash.success(request, "Queued: the worker is sending it now.")
    except UnguardedClaims as exc:
        flash.error(request, f"Not sent: {exc.reason}")
    except DomainError as exc:
        flash.error(request, str(exc))
    return redirect("messaging:campaign", item.pk)


def _send_confirmation(item: Campaign) -> dict:
    reach = queries.audience(item).count()
    details = [
        f"List “{item.audience_list.name}”: its members whose consent to "
        f"{item.purpose.name} is in force.",
        "Suppressed addresses (unsubscribed, erased, bounced, complained) are skipped, and "
        "anyone the honesty guard holds back is listed with the reason.",
    ]
    if item.segment_id:
        details.insert(1, f"Only those in the segment “{item.segment.name}”.")
    return {
        "title": f"Send “{item.name}”?",
        "count": reach,
        "count_label": "will be sent this message",
        "what": f"“{item.subject}” goes from {item.sender.email} to each of them, once. "
        "It cannot be called back.",
        "details": details,
        "action": reverse("messaging:campaign_send", args=[item.pk]),
        "fields": {},
        "button": f"Send to {reach} {'person' if reach == 1 else 'people'}",
        "cancel": reverse("messaging:campaign", args=[item.pk]),
        "danger": False,
    }


@requires("campaigns.manage")
def outbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    page = Paginator(queries.outbox(status), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "messaging/outbox.html",
        {"page": page, "status": status, "statuses": Message.Status.choices},
    )


@requires("people.view")
def message_detail(request: HttpRequest, message_id: int) -> HttpResponse:
    message = get_object_or_404(Message.objects.select_related("person", "sender"), pk=message_id)
    explained = queries.explain_message(message.pk, message.person)
    return render(
        request,
        "messaging/message.html",
        {
            "message": message,
            "explained": explained,
            "inbound": queries.inbound_for(message),
            "mail": read_mail(bytes(message.raw)) if message.raw else None,
        },
    )


@requires("campaigns.manage")
def caught(request: HttpRequest) -> HttpResponse:
    page = Paginator(CaughtMail.objects.all(), 50).get_page(request.GET.get("page"))
    return render(request, "messaging/caught.html", {"page": page})


@requires("campaigns.manage")
def caught_mail(request: HttpRequest, caught_id: int) -> HttpResponse:
    item = get_object_or_404(CaughtMail, pk=caught_id)
    message = Message.objects.filter(message_id=item.message_id).select_related("person").first()
    return render(
        request,
        "messaging/caught_mail.html",
        {
            "item": item,
            "mail": read_mail(bytes(item.raw)),
            "message": message,
            "explained": queries.explain_message(message.pk, message.person) if message else None,
        },
    )


@requires("conversations.all")
def inbound_unmatched(request: HttpRequest) -> HttpResponse:
    """Mail that reached us but matched no message we sent (or could not be read at all)."""
    kind = request.GET.get("kind", "")
    kinds = [InboundMail.Kind.UNMATCHED, InboundMail.Kind.MALFORMED]
    rows = InboundMail.objects.filter(kind__in=[kind] if kind in kinds else kinds).defer("raw")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "messaging/inbound_unmatched.html",
        {"page": page, "kind": kind, "kinds": [(k.value, k.label) for k in kinds]},
    )


@requires("conversations.all")
def inbound_mail(request: HttpRequest, inbound_id: int) -> HttpResponse:
    item = get_object_or_404(InboundMail.objects.select_related("message", "person"), pk=inbound_id)
    mail = read_mail(bytes(item.raw))
    sender = item.person or _person_from(_address_of(mail["from"]) or item.mail_from)
    return render(
        request,
        "messaging/inbound_mail.html",
        {"item": item, "mail": mail, "sender_person": sender},
    )


def _person_from(address: str) -> Person | None:
    try:
        return find_person_by_email(address) if address else None
    except DomainError:  # not an address we could ever hold
        return None


def _address_of(value: str) -> str:
    return parseaddr(value)[1] if value else ""


def read_mail(raw: bytes) -> dict:
    """Headers, plain text, HTML source and the whole source of a mail, for reading.

    Never raises: mail from outside may be broken in any way, and staff must still see it.
    """
    source = raw.decode("utf-8", errors="replace")
    try:
        parsed = message_from_bytes(raw, policy=policy.default)
        headers = [(name, str(value)) for name, value in parsed.items()]
        text_part, html_part = parsed.get_body(("plain",)), parsed.get_body(("html",))
        text = text_part.get_content() if text_part is not None else ""
        html = html_part.get_content() if html_part is not None else ""
    except Exception:  # noqa: BLE001 - an unreadable part: show the source instead
        log.warning("could not parse a mail for display", exc_info=True)
        return {"headers": [], "text": "", "html": "", "source": source, "from": "", "subject": ""}
    found = dict((name.lower(), value) for name, value in headers)
    return {
        "headers": headers,
        "text": text,
        "html": html,
        "source": source,
        "from": found.get("from", ""),
        "subject": found.get("subject", ""),
    }


def person_panel(request: HttpRequest, person: Person) -> dict | None:
    """The person page's Messages panel: what we sent them, and a one-to-one form."""
    if not user_can(request.user, "people.view"):
        return None
    drafts = request.session.get(DRAFTS_KEY, {})
    draft = drafts.pop(str(person.pk), None)
    if draft is not None:
        request.session[DRAFTS_KEY] = drafts
    return {
        "messages": queries.person_messages(person),
        "can_send": user_can(request.user, "messages.send_one"),
        "person_id": person.pk,
        "draft": draft,
    }


# A one-to-one message the guard refused waits here (per person) for the next page view, so
# the redirect back to the person page shows what was typed beside the findings.
DRAFTS_KEY = "one_to_one_drafts"


def _keep_draft(request: HttpRequest, person: Person, problems: list[str]) -> None:
    drafts = request.session.get(DRAFTS_KEY, {})
    drafts[str(person.pk)] = {
        "subject": request.POST.get("subject", "")[:500],
        "text": request.POST.get("text", "")[:20000],
        "problems": problems,
    }
    request.session[DRAFTS_KEY] = drafts


@requires("messages.send_one")
@require_POST
def send_one(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    try:
        message = services.send_one(
            person,
            sender=request.user,
            subject=request.POST.get("subject", ""),
            text=request.POST.get("text", ""),
            actor=request.user,
            idempotency_key=request.POST.get("idempotency_key", ""),
        )
        flash.success(request, f"Message #{message.pk} queued.")
    except UnguardedClaims as exc:
        flash.error(request, "Not sent: the honesty guard found claims without evidence.")
        _keep_draft(
            request,
            person,
            [f"line {f.line}: {f.message}: “{f.sentence}”" for f in exc.findings],
        )
    except DomainError as exc:
        flash.error(request, f"Not sent: {exc}")
        _keep_draft(request, person, [str(exc)])
    return redirect(reverse("console:person", args=[person.pk]) + "#messages")


# Public endpoints reached from the mail itself: no login, signed tokens.


def _message_from(token: str, purpose: str) -> tuple[Message | None, dict]:
    try:
        data = links.read(token, salt=f"{mime.LINK_SALT}.{purpose}", max_age=None)
    except links.LinkError:
        return None, {}
    return Message.objects.select_related("person", "audience_list", "purpose").filter(
        pk=data.get("m")
    ).first(), data


@csrf_exempt  # RFC 8058 §3.2: the one-click POST comes from the mail client, without a cookie.
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    message, _ = _message_from(token, "u")
    if message is None:
        return render(request, "messaging/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        everything = request.POST.get("everything") == "1"
        via = "one-click" if request.POST.get("List-Unsubscribe") == "One-Click" else "web page"
        said = services.unsubscribe(message, everything=everything, via=via)
        return render(request, "messaging/unsubscribe.html", {"done": said, "message": message})
    return render(request, "messaging/unsubscribe.html", {"message": message})


def click(request: HttpRequest, token: str) -> HttpResponse:
    message, data = _message_from(token, "c")
    url = str(data.get("x", ""))
    if message is None or not url.startswith(("http://", "https://")):
        return HttpResponse("This link is not valid.", status=404, content_type="text/plain")
    services.record_click(message, url)
    return HttpResponseRedirect(url)


PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def open_pixel(request: HttpRequest, token: str) -> HttpResponse:
    message, _ = _message_from(token, "o")
    if message is not None and conf.track_opens():
        services.record_open(message)
    return HttpResponse(PIXEL, content_type="image/gif")


@csrf_exempt  # a provider's webhook, authenticated by the shared secret instead
@require_POST
def inbound_webhook(request: HttpRequest) -> HttpResponse:
    """POST the raw RFC 5322 message; header `X-Sincerely-Secret` must match (constant time).

    Only a header: a secret in the query string would end up in access logs. The secret
    proves who posted, not what the mail says: reports in it are checked like any other.
    """
    secret = conf.inbound_secret()
    given = request.headers.get("X-Sincerely-Secret", "")
    if not secret or not hmac.compare_digest(secret.encode(), given.encode()):
        return HttpResponse("unknown secret", status=403, content_type="text/plain")
    raw = request.body
    if request.content_type == "multipart/form-data" and "message" in request.FILES:
        raw = request.FILES["message"].read()
    if not raw.strip():
        return HttpResponse("empty message", status=400, content_type="text/plain")
    item = inbound.receive_inbound(
        raw,
        channel="webhook",
        mail_from=request.headers.get("X-Mail-From", ""),
        rcpt_to=request.headers.get("X-Rcpt-To", ""),
    )
    return HttpResponse(f"{item.kind} {item.pk}", content_type="text/plain")


def privacy_panel(request: HttpRequest, person, payload: dict) -> dict | None:
    """On the privacy centre opened from a message's footer: why that message was sent."""
    message_id = payload.get("m")
    if message_id is None:
        return None
    explained = queries.explain_message(int(message_id), person)
    return {"explained": explained} if explained else None
