"""Console pages of insight: the segment builder with its live size, segments, value tiers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sincerely.accounts.access import requires, user_can
from sincerely.charts import Bar, bar_chart
from sincerely.errors import DomainError
from sincerely.insight import queries, services
from sincerely.insight.forms import (
    Builder,
    blank_row,
    builder_from_post,
    builder_from_rules,
    rules_from_builder,
)
from sincerely.insight.models import ValueTier
from sincerely.insight.rules import CONDITION_TYPES, describe
from sincerely.insight.wording import plain_error


def _builder_context(builder: Builder, form: dict, **extra) -> dict:
    return {
        "builder": builder,
        "row_count": len(builder.rows),
        "condition_types": CONDITION_TYPES,
        "tiers": ValueTier.values,
        "form": form,
        **extra,
    }


def _preview(builder: Builder) -> dict:
    try:
        return {"preview": queries.preview(rules_from_builder(builder))}
    except DomainError as exc:
        return {"preview_error": plain_error(exc, builder)}


@requires("insight.view")
def segments(request: HttpRequest) -> HttpResponse:
    """The list of segments and the builder for a new one (add a row, preview, save)."""
    builder = Builder(rows=[blank_row()])
    form: dict = {"refresh_minutes": "60"}
    context: dict = {}
    if request.method == "POST":
        if not user_can(request.user, "insight.manage"):
            raise PermissionDenied("Your role cannot change segments.")
        action = request.POST.get("action", "")
        builder = builder_from_post(request.POST, extra_row=action == "add")
        form = request.POST
        if action == "save":
            try:
                segment = services.create_segment(
                    request.POST.get("slug", ""),
                    request.POST.get("name", ""),
                    rules_from_builder(builder),
                    description=request.POST.get("description", ""),
                    refresh_minutes=_minutes(request.POST.get("refresh_minutes", "60")),
                    actor=request.user,
                )
                messages.success(request, f"Segment {segment.name} saved: {segment.size} people.")
                return redirect("insight:segment", slug=segment.slug)
            except DomainError as exc:
                context["error"] = plain_error(exc, builder)
        context.update(_preview(builder))
    context.update(segments=queries.segments_with_sizes())
    return render(request, "insight/segments.html", _builder_context(builder, form, **context))


def _minutes(raw: str) -> int:
    try:
        return int(raw or 0)
    except ValueError:
        raise DomainError("must be a whole number of minutes", field="refresh_minutes") from None


@require_POST
@requires("insight.view")
def segment_preview(request: HttpRequest) -> HttpResponse:
    """htmx: the size of the segment being edited, recomputed on every change."""
    builder = builder_from_post(request.POST)
    return render(request, "insight/segment_size_partial.html", _preview(builder))


@requires("insight.view")
def segment(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        current = services.get_segment(slug)
    except DomainError:
        return render(request, "console/not_found.html", {"what": "segment"}, status=404)
    builder = builder_from_rules(current.rules)
    form: dict = {
        "name": current.name,
        "description": current.description,
        "refresh_minutes": str(current.refresh_minutes),
    }
    context: dict = {}
    if request.method == "POST":
        if not user_can(request.user, "insight.manage"):
            raise PermissionDenied("Your role cannot change segments.")
        action = request.POST.get("action", "")
        try:
            if action == "refresh":
                result = services.refresh_segment(current)
                messages.success(
                    request,
                    f"Refreshed: {result.joined} joined, {result.left} left, {result.size} now.",
                )
                return redirect("insight:segment", slug=slug)
            if action == "delete" and request.POST.get("confirm") != "yes":
                return render(
                    request, "console/confirm.html", {"confirm": _delete_confirmation(current)}
                )
            if action == "delete":
                services.delete_segment(current, actor=request.user)
                messages.success(request, f"Segment {current.name} deleted.")
                return redirect("insight:segments")
            builder = builder_from_post(request.POST, extra_row=action == "add")
            form = request.POST
            if action == "save":
                services.update_segment(
                    current,
                    actor=request.user,
                    name=request.POST.get("name", ""),
                    description=request.POST.get("description", ""),
                    refresh_minutes=_minutes(request.POST.get("refresh_minutes", "60")),
                    rules=rules_from_builder(builder),
                )
                messages.success(request, f"Segment saved: {current.size} people.")
                return redirect("insight:segment", slug=slug)
            context.update(_preview(builder))
        except DomainError as exc:
            context["error"] = plain_error(exc, builder)
    page = Paginator(queries.members(current), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "insight/segment.html",
        _builder_context(
            builder,
            form,
            segment=current,
            description=describe(current.rules),
            page=page,
            **context,
        ),
    )


def _delete_confirmation(segment) -> dict:
    from django.urls import reverse

    # Through the reverse relation: insight sits below messaging and does not import it.
    drafts = segment.campaigns.filter(status="draft").count()
    details = [f"Draft campaigns narrowed to it: {drafts}."] if drafts else []
    return {
        "title": f"Delete the segment “{segment.name}”?",
        "count": segment.size,
        "count_label": "are in it now",
        "what": "The segment and its rules are deleted. The people stay; nobody is removed "
        "from a list or told anything.",
        "details": details,
        "action": reverse("insight:segment", args=[segment.slug]),
        "fields": {"action": "delete"},
        "button": "Delete segment",
        "cancel": reverse("insight:segment", args=[segment.slug]),
        "danger": True,
    }


@requires("insight.view")
def tiers(request: HttpRequest) -> HttpResponse:
    """Value tiers: people per tier as a chart and a table, the RFM grid, recompute."""
    if request.method == "POST":
        if not user_can(request.user, "insight.manage"):
            raise PermissionDenied("Your role cannot recompute value tiers.")
        else:
            from sincerely.insight.tasks import compute_value_scores

            compute_value_scores.enqueue(reschedule=False)
            messages.success(request, "Recomputation queued; a worker runs it shortly.")
        return redirect("insight:tiers")
    distribution = queries.tier_distribution()
    grid = queries.rfm_grid()
    cells = {(row["r_score"], row["f_score"]): row["people"] for row in grid}
    return render(
        request,
        "insight/tiers.html",
        {
            "distribution": distribution,
            "chart": bar_chart(
                [Bar(row["label"], row["people"]) for row in distribution],
                title="People per value tier",
            ),
            "grid": [[cells.get((r, f), 0) for f in range(1, 6)] for r in range(5, 0, -1)],
            "r_labels": [5, 4, 3, 2, 1],
            "computed_at": queries.last_computed(),
        },
    )
