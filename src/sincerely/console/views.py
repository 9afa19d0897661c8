"""Console pages for Identify: dashboard, people, a person, lists, imports. Thin by design."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sincerely import registry
from sincerely.accounts.access import requires, user_can
from sincerely.console import import_jobs
from sincerely.errors import DomainError
from sincerely.people import queries, services
from sincerely.people.models import (
    AudienceList,
    ImportBatch,
    Person,
    Purpose,
    SourceKind,
)
from sincerely.privacy.services import export_person_for_staff
from sincerely.tables import sorted_page


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The dashboard; a role that may not see people (an author) lands on its first section."""
    from sincerely.console.nav import sections_for
    from sincerely.console.queries import dashboard_figures

    if not user_can(request.user, "people.view"):
        sections = sections_for(request.user, request.path)
        if not sections:
            raise PermissionDenied("Your account has no staff role yet; ask an administrator.")
        return redirect(sections[0]["url"])
    return render(request, "console/home.html", dashboard_figures(request.user))


@login_required
def search(request: HttpRequest) -> HttpResponse:
    """One search box for people, campaigns and posts: only the kinds this role may see."""
    from sincerely.console.queries import search_everything

    q = request.GET.get("q", "").strip()
    groups = search_everything(request.user, q)
    if not groups["kinds"]:
        raise PermissionDenied("Your role cannot search people, campaigns or posts.")
    return render(request, "console/search.html", {"search_q": q, **groups})


@requires("people.view")
def people(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    list_slug = request.GET.get("list", "")
    table = sorted_page(
        request,
        queries.search_people(q, list_slug=list_slug),
        {
            "name": "display_name",
            "email": "email",
            "owner": "owner__username",
            "added": "created_at",
        },
        "-added",
    )
    context = {
        **table,
        "q": q,
        "list_slug": list_slug,
        "lists": AudienceList.objects.all(),
        "filtered": bool(q or list_slug),
    }
    if request.htmx:
        return render(request, "console/people_partial.html", context)
    return render(request, "console/people.html", context)


def _person_context(request: HttpRequest, person_id: int) -> dict:
    person = queries.get_person(person_id)
    facts, history = queries.facts_and_history(person)
    # Panels (the "before you call" summary) read the same consent records: one query.
    consent_records = queries.consent_records(person)
    context = {
        "person": person,
        # Lists, not querysets: the template reads each more than once.
        "identities": list(queries.identities(person)),
        "facts": facts,
        "history": history,
        "consents": [c for c in consent_records if c.is_current],
        "consent_history": sorted(consent_records, key=lambda c: (c.at, c.pk), reverse=True),
        "memberships": list(queries.memberships(person)),
        "audit": list(queries.audit_trail(person)),
        "purposes": Purpose.objects.order_by("name"),
        "lists": AudienceList.objects.select_related("purpose"),
        "staff": get_user_model().objects.filter(is_active=True).order_by("username"),
        "source_kinds": SourceKind.choices,
        "panels": [],
    }
    for registered in registry.person_panels():
        panel = registered.build(request, person)
        if panel is not None:
            context["panels"].append({"template": registered.template, **panel})
    return context


@requires("people.view")
def person(request: HttpRequest, person_id: int) -> HttpResponse:
    try:
        context = _person_context(request, person_id)
    except DomainError:
        return render(request, "console/not_found.html", {"what": "person"}, status=404)
    return render(request, "console/person.html", context)


def _back_to_person(request: HttpRequest, person_id: int, anchor: str = "") -> HttpResponse:
    return redirect(f"{request.build_absolute_uri(f'/console/people/{person_id}/')}{anchor}")


@require_POST
@requires("people.edit")
def edit_fact(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    try:
        fact = services.edit_fact_as_staff(
            person, request.POST.get("key", ""), request.POST.get("value", ""), request.user
        )
        messages.success(request, f"Recorded {fact.key} = {fact.value} (staff-recorded).")
    except DomainError as exc:
        messages.error(request, f"Fact not saved: {exc}")
    return _back_to_person(request, person_id, "#facts")


@require_POST
@requires("people.edit")
def add_consent(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    try:
        consent = services.record_consent(
            person,
            request.POST.get("purpose", ""),
            granted=request.POST.get("status") == "granted",
            where=request.POST.get("where", ""),
            wording=request.POST.get("wording", ""),
            method=request.POST.get("method", "") or "recorded by staff",
            actor=request.user,
        )
        messages.success(request, f"Consent to {consent.purpose} {consent.status}.")
    except DomainError as exc:
        messages.error(request, f"Consent not saved: {exc}")
    return _back_to_person(request, person_id, "#consents")


@require_POST
@requires("lists.manage")
def add_membership(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    try:
        audience_list = services.get_list(request.POST.get("list", ""))
        if request.POST.get("action") == "leave":
            services.leave_list(
                person,
                audience_list,
                request.POST.get("reason") or "removed by staff",
                actor=request.user,
            )
            messages.success(request, f"Removed from {audience_list}.")
        else:
            services.add_to_list(
                person,
                audience_list,
                request.POST.get("reason", ""),
                services.staff_evidence(request.user),
            )
            messages.success(request, f"Added to {audience_list}.")
    except DomainError as exc:
        messages.error(request, f"List not changed: {exc}")
    return _back_to_person(request, person_id, "#lists")


@require_POST
@requires("people.edit")
def set_owner(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    try:
        services.assign_owner(person, request.POST.get("owner", ""), request.user)
        messages.success(request, "Relationship owner saved.")
    except DomainError as exc:
        messages.error(request, str(exc))
    return _back_to_person(request, person_id)


@requires("people.merge")
def merge(request: HttpRequest, person_id: int) -> HttpResponse:
    survivor = get_object_or_404(Person, pk=person_id)
    other_email = request.POST.get("email") or request.GET.get("email", "")
    duplicate = None
    error = ""
    if other_email:
        try:
            duplicate = services.find_person_by_email(other_email)
            if duplicate is None:
                error = f"No person has the email {other_email}."
            elif duplicate.pk == survivor.pk:
                error = "That email already belongs to this person."
                duplicate = None
        except DomainError as exc:
            error = str(exc)
    if request.method == "POST" and duplicate and request.POST.get("confirm") == "yes":
        services.merge_people(survivor, duplicate, request.user)
        messages.success(request, f"Merged {other_email} into this person.")
        return _back_to_person(request, person_id)
    context = {"person": survivor, "duplicate": duplicate, "email": other_email, "error": error}
    if duplicate:
        context.update(
            dup_facts=queries.current_facts(duplicate),
            dup_consents=queries.current_consents(duplicate),
            dup_lists=queries.memberships(duplicate),
        )
    return render(request, "console/merge.html", context)


@requires("people.erase")
def erase(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    if request.method == "POST" and request.POST.get("confirm") == person.email:
        services.erase_person(person, request.user, requested_via="staff console")
        messages.success(request, "The person was erased; only a suppression hash remains.")
        return redirect("console:people")
    return render(request, "console/erase.html", {"person": person})


@requires("people.export")
def export(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id)
    data = export_person_for_staff(person, request.user, via="console")
    response = JsonResponse(data, json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response


@requires("people.edit")
def new_person(request: HttpRequest) -> HttpResponse:
    form = request.POST if request.method == "POST" else {}
    error = None
    if request.method == "POST":
        facts = {
            k: request.POST.get(k, "")
            for k in ("first_name", "last_name", "company")
            if request.POST.get(k, "").strip()
        }
        try:
            evidence = services.EvidenceInput(
                request.POST.get("source_kind", ""),
                request.POST.get("source_ref", ""),
                recorded_by=request.user,
            )
            created = services.create_person(
                request.POST.get("email", ""),
                facts,
                evidence,
                phone=request.POST.get("phone", "").strip(),
                actor=request.user,
            )
            messages.success(request, "Person created.")
            return redirect("console:person", person_id=created.pk)
        except DomainError as exc:
            error = exc
    return render(
        request,
        "console/new_person.html",
        {"form": form, "error": error, "source_kinds": SourceKind.choices},
    )


@requires("lists.view")
def lists(request: HttpRequest) -> HttpResponse:
    error = None
    if request.method == "POST":
        if not user_can(request.user, "lists.manage"):
            raise PermissionDenied("Your role cannot create lists.")
        try:
            created = services.create_list(
                request.POST.get("slug", ""),
                request.POST.get("name", ""),
                request.POST.get("purpose", ""),
                description=request.POST.get("description", ""),
                actor=request.user,
            )
            messages.success(request, f"List {created.name} created.")
            return redirect("console:lists")
        except DomainError as exc:
            error = exc
    return render(
        request,
        "console/lists.html",
        {
            "lists": queries.lists_with_counts(),
            "purposes": Purpose.objects.order_by("name"),
            "error": error,
            "form": request.POST,
        },
    )


@requires("lists.view")
def list_detail(request: HttpRequest, slug: str) -> HttpResponse:
    audience_list = get_object_or_404(AudienceList.objects.select_related("purpose"), slug=slug)
    page = Paginator(queries.list_members(audience_list), 50).get_page(request.GET.get("page"))
    return render(request, "console/list.html", {"list": audience_list, "page": page})


def _imports_context(request: HttpRequest) -> dict:
    table = sorted_page(
        request,
        ImportBatch.objects.select_related("audience_list", "created_by"),
        {
            "file": "filename",
            "list": "audience_list__name",
            "new": "rows_created",
            "updated": "rows_updated",
            "quarantined": "rows_quarantined",
            "rejected": "rows_rejected",
            "when": "created_at",
        },
        "-when",
    )
    return {
        **table,
        "lists": AudienceList.objects.select_related("purpose"),
        "form": request.POST,
    }


@requires("people.import")
def imports(request: HttpRequest) -> HttpResponse:
    """Upload → preview (a dry run reporting exactly what would happen) → confirm.

    Small files run while the browser waits; large ones on the worker, with a progress
    page (console/import_jobs.py).
    """
    context = _imports_context(request)
    if request.method != "POST":
        return render(request, "console/imports.html", context)
    upload_id = request.POST.get("upload_id", "")
    upload = request.FILES.get("file")
    try:
        if upload is not None:
            upload_id = import_jobs.new_upload_id()
            with (import_jobs.upload_dir() / upload_id).open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            import_jobs.write_job(
                upload_id,
                filename=upload.name,
                list=request.POST.get("list", ""),
                source=request.POST.get("source", ""),
                actor_id=request.user.pk,
            )
        elif not (import_jobs.is_upload_id(upload_id) and import_jobs.read_job(upload_id)):
            raise DomainError("choose a CSV file to import", field="file")
        job = import_jobs.start(upload_id, dry_run=request.POST.get("confirm") != "yes")
    except (DomainError, OSError) as exc:
        context["error"] = exc if isinstance(exc, DomainError) else "the upload could not be read"
        return render(request, "console/imports.html", context)
    return _import_outcome(request, upload_id, job, context)


def _import_outcome(request: HttpRequest, upload_id: str, job: dict, context: dict):
    if job["state"] == "done":
        messages.success(request, job["summary"])
        return redirect("console:import", batch_id=job["batch_id"])
    if job["state"] == "previewed":
        context.update(report=job, upload_id=upload_id, filename=job.get("filename", ""))
    elif job["state"] == "failed":
        context["error"] = job["error"]
    else:
        return redirect("console:import_job", upload_id=upload_id)
    return render(request, "console/imports.html", context)


@requires("people.import")
def import_job(request: HttpRequest, upload_id: str) -> HttpResponse:
    """A large import on the worker: its progress, then its preview or its batch."""
    job = import_jobs.read_job(upload_id) if import_jobs.is_upload_id(upload_id) else None
    if job is None:
        raise Http404("no such import")
    waiting = job.get("state") in ("queued", "running")
    if request.headers.get("HX-Request"):
        if not waiting:  # finished: the whole page shows the outcome
            response = HttpResponse(status=204)
            response["HX-Redirect"] = request.path
            return response
        return render(request, "console/import_job_partial.html", {"job": job, "job_id": upload_id})
    if waiting:
        return render(request, "console/import_job.html", {"job": job, "upload_id": upload_id})
    return _import_outcome(request, upload_id, job, _imports_context(request))


@requires("people.import")
def import_detail(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch.objects.select_related("audience_list"), pk=batch_id)
    if request.method == "POST":
        issue_id = request.POST.get("issue")
        batch.issues.filter(pk=issue_id, resolved_at__isnull=True).update(
            resolved_at=timezone.now(),
            resolution=f"dismissed by {request.user.get_username()}",
        )
        return redirect("console:import", batch_id=batch.pk)
    return render(
        request, "console/import_detail.html", {"batch": batch, "issues": batch.issues.all()}
    )
