"""Timeline pages: the tracking snippet and its collect endpoint (public), the person's
timeline and call/note logging (console panel, htmx), and the campaign attribution report."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from sincerely import registry
from sincerely.accounts.access import requires, user_can
from sincerely.charts import Bar, bar_chart
from sincerely.errors import DomainError
from sincerely.people.models import Person
from sincerely.ratelimit import client_ip
from sincerely.timeline import queries, services, tracking

SNIPPET = Path(__file__).resolve().parent / "tracker.js"
# Items per scroll step on the person page: enough to fill a screen, few enough to render
# fast; htmx fetches the next ones as the list is scrolled.
PANEL_PAGE = 30


@cache
def _snippet_source() -> bytes:
    return SNIPPET.read_bytes()


@require_GET
def snippet(request: HttpRequest) -> HttpResponse:
    """/t.js: the one script tag a site pastes in."""
    response = HttpResponse(_snippet_source(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def _cors(response: HttpResponse, origin: str) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = origin
    response["Access-Control-Allow-Methods"] = "POST"
    response["Access-Control-Allow-Headers"] = "Content-Type"
    response["Vary"] = "Origin"
    return response


# CSRF-exempt by necessity: the snippet posts from other sites with no token. What replaces
# the token: the origin allow-list, a size limit, a per-IP rate limit, and kinds a page may
# send (never a purchase or a note). See tracking.py.
@csrf_exempt
def collect(request: HttpRequest) -> HttpResponse:
    origin = tracking.request_origin(request.META)
    if not tracking.origin_allowed(origin):
        return HttpResponse("origin not allowed\n", status=403, content_type="text/plain")
    if request.method == "OPTIONS":
        return _cors(HttpResponse(status=204), origin)
    if request.method != "POST":
        return _cors(HttpResponse("POST only\n", status=405, content_type="text/plain"), origin)
    if tracking.privacy_signal(request.META):
        return _cors(HttpResponse(status=204), origin)
    remote = client_ip(request)
    if tracking.over_rate_limit(remote):
        return _cors(HttpResponse("slow down\n", status=429, content_type="text/plain"), origin)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > tracking.MAX_BODY:
        return _cors(HttpResponse("too large\n", status=413, content_type="text/plain"), origin)
    body = request.read(tracking.MAX_BODY + 1)
    if len(body) > tracking.MAX_BODY:
        return _cors(HttpResponse("too large\n", status=413, content_type="text/plain"), origin)
    try:
        beacon = tracking.parse_beacon(body, now=timezone.now(), ip=tracking.truncate_ip(remote))
    except tracking.BadBeacon as exc:
        return _cors(HttpResponse(f"{exc}\n", status=400, content_type="text/plain"), origin)
    services.record_beacon(beacon)
    return _cors(HttpResponse(status=204), origin)


def timeline_panel(request: HttpRequest, person: Person) -> dict | None:
    """The person page's panel: the "before you call" summary and the timeline."""
    kinds = [k for k in request.GET.getlist("kind") if k]
    page = queries.timeline_page(person, kinds=kinds, limit=PANEL_PAGE)
    queries.attach_orders(page.items)
    return {
        "summary": queries.before_you_call(person),
        "page": page,
        "kinds": queries.kinds_for(person),
        "selected": kinds,
        "logged_kinds": services.LOGGED_KINDS,
        "can_log": user_can(request.user, "timeline.log"),
    }


@requires("people.view")
def person_timeline(request: HttpRequest, person_id: int) -> HttpResponse:
    """Timeline items of one person; htmx asks for the next page as the list scrolls."""
    person = get_object_or_404(Person, pk=person_id)
    kinds = [k for k in request.GET.getlist("kind") if k]
    try:
        page = queries.timeline_page(
            person, kinds=kinds, before=request.GET.get("before", ""), limit=PANEL_PAGE
        )
    except DomainError as exc:
        return HttpResponse(str(exc), status=422, content_type="text/plain")
    queries.attach_orders(page.items)
    context = {"person": person, "page": page, "selected": kinds}
    if request.htmx:
        return render(request, "timeline/timeline_items_partial.html", context)
    context["kinds"] = queries.kinds_for(person)
    return render(request, "timeline/person_timeline.html", context)


@require_POST
@requires("timeline.log")
def log_interaction(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    try:
        touchpoint = services.log_interaction(
            person, request.POST.get("kind", ""), request.POST.get("text", ""), request.user
        )
    except DomainError as exc:
        if request.htmx:
            response = render(request, "timeline/log_error_partial.html", {"error": exc})
            response["HX-Retarget"] = "#log-error"
            response["HX-Reswap"] = "innerHTML"
            return response
        messages.error(request, f"Not logged: {exc}")
        return redirect("console:person", person_id=person.pk)
    if request.htmx:
        return render(
            request,
            "timeline/timeline_items_partial.html",
            {"person": person, "page": queries.TimelinePage([touchpoint], None)},
        )
    messages.success(request, f"{services.LOGGED_KINDS[touchpoint.kind]} logged.")
    return redirect("console:person", person_id=person.pk)


@requires("insight.view")
def attribution(request: HttpRequest) -> HttpResponse:
    rows = queries.campaign_attribution()
    chart = bar_chart(
        [Bar(r.campaign, float(r.revenue)) for r in rows[:20]],
        title="Revenue within 30 days of first touch, by UTM campaign",
    )
    visitors_chart = bar_chart(
        [Bar(r.campaign, r.visitors) for r in rows[:20]],
        title="Visitors by UTM campaign",
    )
    # Other apps' sections (printed mail: cost per piece, visits, answers, purchases).
    sections = [
        {"template": p.template, **p.build(request)}
        for p in registry.report_sections("attribution")
    ]
    return render(
        request,
        "timeline/attribution.html",
        {"rows": rows, "chart": chart, "visitors_chart": visitors_chart, "sections": sections},
    )
