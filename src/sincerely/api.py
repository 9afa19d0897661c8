"""The JSON API under /api/v1/: bearer-key auth, orjson, and errors that name the field."""

from __future__ import annotations

import logging
from datetime import timedelta

import orjson
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from ninja.renderers import BaseRenderer
from ninja.security import HttpBearer

from sincerely.accounts.models import ApiKey
from sincerely.errors import DomainError

log = logging.getLogger(__name__)


class ORJSONParser(Parser):
    def parse_body(self, request: HttpRequest):
        data = orjson.loads(request.body)
        if b"\\u0000" in request.body:
            # PostgreSQL text cannot hold NUL; refuse it here rather than fail on write.
            raise ValueError("text may not contain NUL characters")
        return data


class ORJSONRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request, data, *, response_status):
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS, default=str)


class BearerKey(HttpBearer):
    """`Authorization: Bearer <key>` with a key from `sincerely apikey create USERNAME`."""

    def authenticate(self, request: HttpRequest, token: str):
        key = (
            ApiKey.objects.select_related("user", "user__staff_profile")
            .filter(key_hash=ApiKey.hash_key(token), revoked_at__isnull=True)
            .first()
        )
        if key is None or not key.user.is_active:
            return None
        now = timezone.now()
        if key.last_used_at is None or now - key.last_used_at > timedelta(minutes=1):
            # At most one write a minute per key: a write per request would serialise
            # every API call on SQLite's single writer (measured: ~13 ms a request).
            ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        request.user = key.user
        return key.user


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


@api.exception_handler(DomainError)
def on_domain_error(request, exc: DomainError):
    return api.create_response(request, exc.as_dict(), status=exc.status_code)


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


def _register_routers() -> None:
    from sincerely.people.api import lists_router, people_router

    api.add_router("/people", people_router)
    api.add_router("/lists", lists_router)
    for module_name in ("timeline", "messaging", "conversations", "insight", "offers"):
        module = __import__(f"sincerely.{module_name}.api", fromlist=["routers"])
        for prefix, router in getattr(module, "routers", []):
            api.add_router(prefix, router)


_register_routers()
