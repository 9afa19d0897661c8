"""Error pages (403, 404, 500) in the layout the visitor was using, each with a way back."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from sincerely.accounts.access import staff_role

log = logging.getLogger(__name__)


def _is_staff_page(request: HttpRequest) -> bool:
    """Staff see the console layout on console paths; everyone else the public one."""
    on_console = request.path.startswith(("/console/", "/login/", "/admin/"))
    return on_console and staff_role(getattr(request, "user", None)) is not None


def _page(request: HttpRequest, status: int, context: dict) -> HttpResponse:
    staff_page = _is_staff_page(request)
    context = {
        "layout": "console_base.html" if staff_page else "public_base.html",
        "back_url": "/console/" if staff_page else "/blog/",
        "back_label": "Back to the dashboard" if staff_page else "Back to the blog",
        "status": status,
        **context,
    }
    return render(request, f"errors/{status}.html", context, status=status)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 404, {"path": request.path})


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Our PermissionDenied messages are written for the reader ("Your role does not allow …").
    reason = str(exception) if exception and str(exception) else ""
    signed_in = getattr(getattr(request, "user", None), "is_authenticated", False)
    return _page(request, 403, {"reason": reason, "signed_in": signed_in})


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the database: whatever broke may be the database itself."""
    try:
        body = loader.get_template("errors/500.html").render({})
    except Exception:  # noqa: BLE001 - the last resort must not fail in turn
        log.exception("the 500 page itself could not be rendered")
        body = "<h1>Something went wrong on our side</h1><p><a href='/'>Back</a></p>"
    return HttpResponseServerError(body)
