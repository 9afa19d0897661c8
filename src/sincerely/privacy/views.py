"""The privacy centre: a person sees, corrects, exports and erases what we hold, by signed link."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sincerely import ratelimit, registry
from sincerely.errors import DomainError
from sincerely.people import queries, services
from sincerely.people.addresses import canonical_email
from sincerely.people.links import read_token
from sincerely.people.models import Person, SourceKind
from sincerely.privacy import queries as privacy_queries
from sincerely.privacy.services import export_person
from sincerely.privacy.tasks import send_privacy_link_task

# Facts a person may correct themselves (anything else they tell us in the message form).
CORRECTABLE = ("first_name", "last_name", "company", "job_title", "phone", "city", "country")


def _person_for(token: str) -> tuple[Person | None, dict, str]:
    try:
        payload = read_token(token)
    except DomainError as exc:
        return None, {}, exc.reason
    person = Person.objects.filter(pk=payload.get("p")).first()
    if person is None:
        return None, payload, "we hold nothing about you any more"
    return person, payload, ""


def _invalid(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "privacy/invalid.html", {"reason": reason}, status=410)


def signed_person(view):
    """Open the view only for a valid, unexpired token: it receives the person and payload."""

    @wraps(view)
    def wrapped(request: HttpRequest, token: str) -> HttpResponse:
        person, payload, problem = _person_for(token)
        if person is None:
            return _invalid(request, problem)
        return view(request, token, person, payload)

    return wrapped


@signed_person
def centre(request: HttpRequest, token: str, person: Person, payload: dict) -> HttpResponse:
    panels = []
    # Panels other apps register: messaging explains a message, offers offer "not for me".
    for registered in registry.privacy_panels():
        panel = registered.build(request, person, payload)
        if panel is not None:
            panels.append({"template": registered.template, **panel})
    context = {
        "token": token,
        "person": person,
        "identities": queries.identities(person),
        "facts": queries.current_facts(person),
        "history": queries.fact_history(person),
        "consents": queries.current_consents(person),
        "memberships": queries.memberships(person),
        "correctable": CORRECTABLE,
        "panels": panels,
        "purchases": privacy_queries.purchases_page(person, request.GET.get("purchases")),
        "timeline": privacy_queries.timeline_page(person, request.GET.get("timeline")),
        "value": privacy_queries.value_profile(person),
    }
    return render(request, "privacy/centre.html", context)


@signed_person
def export(request: HttpRequest, token: str, person: Person, payload: dict) -> HttpResponse:
    response = JsonResponse(export_person(person), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@require_POST
@signed_person
def withdraw(request: HttpRequest, token: str, person: Person, payload: dict) -> HttpResponse:
    try:
        consent = services.record_consent(
            person,
            request.POST.get("purpose", ""),
            granted=False,
            where="privacy centre",
            method="privacy centre button",
        )
        messages.success(request, f"Done: we no longer use your data for {consent.purpose.name}.")
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect("privacy:centre", token=token)


@require_POST
@signed_person
def leave(request: HttpRequest, token: str, person: Person, payload: dict) -> HttpResponse:
    try:
        audience_list = services.get_list(request.POST.get("list", ""))
        services.leave_list(person, audience_list, "left through the privacy centre")
        messages.success(request, f"Done: you are no longer on {audience_list.name}.")
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect("privacy:centre", token=token)


@require_POST
@signed_person
def correct(request: HttpRequest, token: str, person: Person, payload: dict) -> HttpResponse:
    key = request.POST.get("key", "")
    if key not in CORRECTABLE:
        messages.error(request, "That item cannot be corrected here; write to us below instead.")
        return redirect("privacy:centre", token=token)
    try:
        evidence = services.EvidenceInput(
            SourceKind.SELF_DECLARED, "privacy centre correction", verified_channel=True
        )
        fact = services.record_fact(person, key, request.POST.get("value", ""), evidence)
        services.audit(None, "fact.correct", person.pk, f"{fact.key} corrected by the person")
        messages.success(request, "Thank you: we recorded your correction.")
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect("privacy:centre", token=token)


@require_POST
@signed_person
def write_to_us(request: HttpRequest, token: str, person: Person, payload: dict) -> HttpResponse:
    text = request.POST.get("text", "").strip()
    if not text:
        messages.error(request, "Write your message first.")
    elif not ratelimit.allow("privacy-message", str(person.pk), limit=5, window=3600):
        messages.error(request, "You have sent several messages in the last hour; try later.")
    else:
        from sincerely.conversations.services.inbox import receive_privacy_message

        receive_privacy_message(person, text[:5000])
        messages.success(request, "Sent. A named person from our team will answer you.")
    return redirect("privacy:centre", token=token)


@signed_person
def erase(request: HttpRequest, token: str, person: Person, payload: dict) -> HttpResponse:
    if request.method == "POST" and request.POST.get("confirm") == "erase":
        services.erase_person(person, None, requested_via="privacy centre")
        return render(request, "privacy/erased.html")
    return render(request, "privacy/erase.html", {"token": token, "person": person})


def request_link(request: HttpRequest) -> HttpResponse:
    """Ask for a fresh link by email; the answer never reveals whether we know the address."""
    sent = False
    if request.method == "POST":
        email = request.POST.get("email", "")
        ip_ok = ratelimit.allow(
            "privacy-link-ip", ratelimit.client_ip(request), limit=10, window=3600
        )
        mail_ok = ratelimit.allow(
            "privacy-link-email", canonical_email(email), limit=3, window=3600
        )
        if not (ip_ok and mail_ok):
            return render(request, "privacy/request.html", {"limited": True}, status=429)
        try:
            person = services.find_person_by_email(email)
        except DomainError as exc:
            return render(request, "privacy/request.html", {"error": exc.reason}, status=400)
        # Known or not, the same job is queued: the answer takes the same work and time.
        send_privacy_link_task.enqueue(person.pk if person is not None else None)
        sent = True
    return render(
        request, "privacy/request.html", {"sent": sent, "action": reverse("privacy:request")}
    )
