"""The JSON API under /api/v1/: bearer-key auth, orjson, and errors that name the field."""

from __future__ import annotations

import functools
import logging

import orjson
from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, JsonResponse
from django.http.request import RawPostDataException
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from ninja.renderers import BaseRenderer

from sincerely.api_auth import BearerKey
from sincerely.api_schemas import ERROR_STATUSES, NUL_REASON, ErrorOut
from sincerely.errors import DomainError, NotFound

log = logging.getLogger(__name__)


class ORJSONParser(Parser):
    """orjson bodies; NUL in a query value is refused here (bodies: StrictIn's validator)."""

    def parse_body(self, request: HttpRequest):
        return orjson.loads(request.body)

    def parse_querydict(self, data, list_fields, request: HttpRequest):
        for key, values in data.lists():
            if any("\x00" in value for value in values):
                # PostgreSQL text cannot hold NUL; refuse it here rather than fail on read.
                raise DomainError(NUL_REASON, field=key)
        return super().parse_querydict(data, list_fields, request)


class ORJSONRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request, data, *, response_status):
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS, default=str)


api = NinjaAPI(
    title="Sincerely API",
    version="1",
    description="People, evidence, consent, lists, timeline and messaging.",
    auth=BearerKey(),
    parser=ORJSONParser(),
    renderer=ORJSONRenderer(),
    urls_namespace="api",
    docs_url="/docs",
)


def _field_of(loc: list) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload")]
    if not parts and loc and loc[0] == "body":
        return "body"  # the body itself is missing or is not an object
    return ".".join(parts)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    errors = [
        {"field": _field_of(list(e.get("loc", []))), "reason": e.get("msg", "invalid")}
        for e in exc.errors
    ]
    first = errors[0] if errors else {"field": "", "reason": "invalid input"}
    return api.create_response(
        request,
        {"detail": first["reason"], "field": first["field"], "errors": errors},
        status=422,
    )


def _sent_fields(request: HttpRequest) -> set[str]:
    """Top-level names the client sent in the query string and the JSON body."""
    names = set(request.GET.keys())
    try:
        body = orjson.loads(request.body) if request.body else None
    except (orjson.JSONDecodeError, RawPostDataException, RequestDataTooBig):
        body = None
    if isinstance(body, dict):
        names.update(str(k) for k in body)
    return names


@api.exception_handler(DomainError)
def on_domain_error(request, exc: DomainError):
    status = exc.status_code
    if isinstance(exc, NotFound) and exc.field.split(".")[0] in _sent_fields(request):
        # An unknown id or slug inside the body or query is a bad value, not a missing page:
        # only the resource the path names answers 404.
        status = 422
    return api.create_response(request, exc.as_dict(), status=status)


@api.exception_handler(RequestDataTooBig)
def on_too_big(request, exc):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return api.create_response(
        request, {"detail": f"the body is larger than {limit} bytes", "field": "body"}, status=413
    )


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return api.create_response(
        request,
        {"detail": "send 'Authorization: Bearer <key>' with a key from `sincerely apikey create`"},
        status=401,
    )


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or "forbidden"}, status=403)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "not found"}, status=404)


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(Exception)
def on_unexpected(request, exc: Exception):
    log.exception("API error on %s %s", request.method, request.path)
    return api.create_response(
        request, {"detail": "internal error; it has been logged"}, status=500
    )


@csrf_exempt  # answers every method with a 404; there is nothing to forge
def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any path under /api/v1/ that names no operation (or an id of the wrong type): JSON 404."""
    return JsonResponse(
        {"detail": "not found; the operations are in /api/v1/openapi.json"}, status=404
    )


def _document_errors(router) -> None:
    """Every operation documents every error status with the ErrorOut body it really sends."""
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            capabilities = [getattr(a, "capability", None) for a in operation.auth_callbacks]
            if capabilities and capabilities[0]:
                operation.openapi_extra = {
                    **(operation.openapi_extra or {}),
                    "x-capability": capabilities[0],
                }
            for status in ERROR_STATUSES:
                if status not in operation.response_models:
                    operation.response_models[status] = operation._create_response_model(ErrorOut)
            _refuse_unknown_query(operation)


def _refuse_unknown_query(operation) -> None:
    """A query parameter the operation does not declare is a 422, as the schema says.

    Checked after authentication and validation, around the view itself (ninja copies
    operations when it binds them, but keeps the view), so the answer goes through the same
    error handlers as any other bad value: a typo such as `?limt=5` is never ignored.
    """
    allowed: set[str] = set()
    for model in operation.models:
        if getattr(model, "__ninja_param_source__", None) == "query":
            allowed.update(getattr(model, "__ninja_flatten_map__", None) or model.model_fields)
    view = operation.view_func

    @functools.wraps(view)
    def checked(request: HttpRequest, *args, **kwargs):
        unknown = sorted(set(request.GET.keys()) - allowed)
        if unknown:
            takes = ", ".join(sorted(allowed)) or "none"
            raise DomainError(
                f"unknown query parameter {unknown[0]!r} (this operation takes: {takes})",
                field=unknown[0],
            )
        return view(request, *args, **kwargs)

    operation.view_func = checked


def _register_routers() -> None:
    from sincerely.people.api import lists_router, people_router

    routers = [("/people", people_router), ("/lists", lists_router)]
    for module_name in ("timeline", "messaging", "conversations", "insight", "offers", "privacy"):
        module = __import__(f"sincerely.{module_name}.api", fromlist=["routers"])
        routers.extend(getattr(module, "routers", []))
    for prefix, router in routers:
        _document_errors(router)
        api.add_router(prefix, router)


_register_routers()
