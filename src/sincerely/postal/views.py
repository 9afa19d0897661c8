"""Printed mail pages: the console's editor, preview and job pages, and the public answer page."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from sincerely import ratelimit
from sincerely.accounts.access import requires
from sincerely.errors import DomainError, NotFound
from sincerely.people.links import privacy_url
from sincerely.people.models import AudienceList, Person, Purpose
from sincerely.postal import conf, queries, services
from sincerely.postal.models import PrintCampaign, PrintJob

CAPABILITY = "campaigns.manage"
FIELDS = (
    "name",
    "kind",
    "paper",
    "list_slug",
    "purpose",
    "sender_name",
    "html",
    "css",
    "offer_code",
    "cost_per_piece",
    "bleed_mm",
)


def _form_fields(request: HttpRequest) -> dict:
    fields = {name: request.POST.get(name, "") for name in FIELDS}
    fields["crop_marks"] = request.POST.get("crop_marks") == "on"
    sender = request.POST.get("sender", "").strip()
    if sender:
        fields["sender"] = sender
    return fields


def _values(campaign: PrintCampaign) -> dict:
    return {
        "name": campaign.name,
        "kind": campaign.kind,
        "paper": campaign.paper,
        "list_slug": campaign.audience_list.slug,
        "purpose": campaign.purpose.slug,
        "sender": campaign.sender.get_username(),
        "sender_name": campaign.sender_name,
        "html": campaign.html,
        "css": campaign.css,
        "offer_code": campaign.offer_code,
        "cost_per_piece": campaign.cost_per_piece,
        "bleed_mm": campaign.bleed_mm,
        "crop_marks": campaign.crop_marks,
    }


def _editor_context(campaign: PrintCampaign | None, **extra) -> dict:
    extra.setdefault("values", _values(campaign) if campaign is not None else {})
    return {
        "campaign": campaign,
        "lists": AudienceList.objects.order_by("name"),
        "purposes": Purpose.objects.order_by("name"),
        "kinds": PrintCampaign.Kind.choices,
        "papers": PrintCampaign.Paper.choices,
        "senders": get_user_model().objects.filter(is_active=True).order_by("username"),
        **extra,
    }


@requires(CAPABILITY)
def campaigns(request: HttpRequest) -> HttpResponse:
    return render(request, "postal/campaigns.html", {"campaigns": queries.campaigns()})


@requires(CAPABILITY)
def campaign_new(request: HttpRequest) -> HttpResponse:
    values = {
        "kind": "letter",
        "paper": "a4",
        "purpose": "postal",
        "html": STARTER,
        "sender": request.user.get_username(),
        "cost_per_piece": "0",
        "bleed_mm": 0,
    }
    if request.method == "POST":
        values = _form_fields(request)
        try:
            campaign, findings = services.create_print_campaign(actor=request.user, **values)
        except DomainError as exc:
            return render(
                request,
                "postal/campaign_new.html",
                _editor_context(None, values=values, error=exc),
                status=422,
            )
        _report_findings(request, findings)
        return redirect("postal:campaign", campaign_id=campaign.pk)
    return render(request, "postal/campaign_new.html", _editor_context(None, values=values))


def _report_findings(request: HttpRequest, findings) -> None:
    if findings:
        messages.warning(
            request,
            f"Saved, with {len(findings)} unguarded claim(s): no job can start until each sits "
            f"under its evidence. First: {findings[0]}",
        )
    else:
        messages.success(request, "Saved.")


def _campaign_or_404(campaign_id: int) -> PrintCampaign:
    try:
        return queries.get_campaign(campaign_id)
    except NotFound as exc:
        raise Http404(str(exc)) from None


def _job_or_404(job_id: int) -> PrintJob:
    try:
        return queries.get_job(job_id)
    except NotFound as exc:
        raise Http404(str(exc)) from None


@requires(CAPABILITY)
def campaign(request: HttpRequest, campaign_id: int) -> HttpResponse:
    item = _campaign_or_404(campaign_id)
    error = None
    if request.method == "POST":
        try:
            fields = _form_fields(request)
            findings = services.update_print_campaign(item, actor=request.user, **fields)
            _report_findings(request, findings)
            return redirect("postal:campaign", campaign_id=item.pk)
        except DomainError as exc:
            error = exc
            item = queries.get_campaign(campaign_id)
    context = _editor_context(
        item,
        **({"values": _form_fields(request)} if error else {}),
        error=error,
        findings=services.campaign_findings(item),
        jobs=item.jobs.order_by("-created_at")[:20],
        chunk_size=conf.chunk_size(),
    )
    return render(request, "postal/campaign.html", context, status=422 if error else 200)


def _chosen_person(value: str) -> Person | None:
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return Person.objects.filter(pk=int(value)).first()
    return Person.objects.filter(email__iexact=value).first()


@requires(CAPABILITY)
def preview(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """htmx: the chosen recipient's ledger and held-back reason, beside an embedded PDF."""
    item = _campaign_or_404(campaign_id)
    wanted = request.GET.get("person", "")
    person = _chosen_person(wanted)
    context = {"campaign": item, "wanted": wanted, "person": person}
    if person is not None:
        result, _ = services.preview_piece(item, person)
        context["result"] = result
    return render(request, "postal/preview_partial.html", context)


@xframe_options_sameorigin
@requires(CAPABILITY)
def preview_pdf(request: HttpRequest, campaign_id: int) -> HttpResponse:
    item = _campaign_or_404(campaign_id)
    person = _chosen_person(request.GET.get("person", ""))
    if person is None:
        raise Http404("choose a person")
    result, pdf = services.preview_piece(item, person)
    if result.held_reason:
        return HttpResponse(
            f"Held back: {result.held_reason}", content_type="text/plain", status=409
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="preview-{item.pk}-{person.pk}.pdf"'
    return response


@require_POST
@requires(CAPABILITY)
def start_job(request: HttpRequest, campaign_id: int) -> HttpResponse:
    item = _campaign_or_404(campaign_id)
    try:
        size = int(request.POST.get("chunk_size") or conf.chunk_size())
        job = services.start_job(item, actor=request.user, chunk_size=size)
    except (DomainError, ValueError) as exc:  # UnguardedClaims is a DomainError
        messages.error(request, f"No job started: {exc}")
        return redirect("postal:campaign", campaign_id=item.pk)
    return redirect("postal:job", job_id=job.pk)


def _job_context(job: PrintJob) -> dict:
    return {
        "job": job,
        "reasons": queries.held_reasons(job),
        "held": queries.held_back(job)[:200],
        "files": queries.job_files(job) if job.submitted_at else [],
    }


@requires(CAPABILITY)
def job(request: HttpRequest, job_id: int) -> HttpResponse:
    item = _job_or_404(job_id)
    return render(request, "postal/job.html", _job_context(item))


@requires(CAPABILITY)
def job_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    item = _job_or_404(job_id)
    return render(request, "postal/job_progress_partial.html", _job_context(item))


@requires(CAPABILITY)
def job_file(request: HttpRequest, job_id: int, name: str) -> HttpResponse:
    item = _job_or_404(job_id)
    # Only a name the job's own listing shows: no path can leave the job's folder.
    if name not in {f["name"] for f in queries.job_files(item)}:
        raise Http404("no such file in this job")
    path = Path(item.folder) / name
    return FileResponse(open(path, "rb"), as_attachment=True, filename=name)  # noqa: SIM115


def _answer_piece(request: HttpRequest, token: str):
    piece = queries.piece_for_token(token)
    if piece is None:
        return None, render(
            request,
            "postal/answer_invalid.html",
            {"reason": "this link is not valid: check the address printed on your letter"},
            status=404,
        )
    if piece.created_at < timezone.now() - timedelta(seconds=conf.link_max_age()):
        return None, render(
            request,
            "postal/answer_invalid.html",
            {"reason": "this link has expired"},
            status=410,
        )
    return piece, None


def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The page a printed piece points to: the person answers, or opens their privacy centre."""
    piece, problem = _answer_piece(request, token)
    if problem is not None:
        return problem
    context = {
        "piece": piece,
        "token": token,
        "answers": services.ANSWERS,
        "privacy_url": privacy_url(piece.person),
    }
    if request.method == "POST":
        if not ratelimit.allow("print-answer", str(piece.pk), limit=10, window=3600):
            context["error"] = "You have answered several times in the last hour; try later."
            return render(request, "postal/answer.html", context, status=429)
        try:
            context["thanks"] = services.record_answer(
                piece,
                request.POST.get("answer", ""),
                text=request.POST.get("text", "")[:5000],
                phone=request.POST.get("phone", ""),
            )
        except DomainError as exc:
            context["error"] = str(exc)
            return render(request, "postal/answer.html", context, status=422)
        return render(request, "postal/answer.html", context)
    services.record_visit(piece)
    return render(request, "postal/answer.html", context)


STARTER = """<p>Dear {{ person.first_name | fallback("customer") }},</p>

<p>We are writing to you by post because you agreed to receive our printed mail.</p>

{% if evidence.bought("Espresso") %}<p>Thank you for buying the
{{ evidence.bought("Espresso") }}.</p>{% endif %}

{% for offer in offers.top(3) %}<p><strong>{{ offer.name }}</strong>: {{ offer.reason }}</p>
{% else %}<p>We have nothing to suggest to you right now.</p>{% endfor %}

<p>With best wishes,<br>{{ sender.name }}</p>
"""
