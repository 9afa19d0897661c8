"""Headers every response gets: a Content-Security-Policy, and `no-store` on the privacy centre.

The policy allows scripts, styles, fonts and fetches only from our own origin: no inline
script and no eval (page behaviour lives in static files; htmx runs with allowEval off).
Style attributes are allowed ('unsafe-inline' in style-src only): templates use a few for
layout and htmx adds its indicator style; a style cannot run code. Images may also come
from data: URLs (the QR code) and https (pictures in posts written by staff).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: https:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)

# Pages that show what we hold about one person, reached by a link that is a credential:
# no browser or proxy cache may keep a copy.
NO_STORE_PREFIXES = ("/privacy/",)


class PageHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        if request.path.startswith(NO_STORE_PREFIXES):
            response.headers["Cache-Control"] = "no-store"
            response.headers.pop("Expires", None)
        return response
