"""A pretend customer website carrying the tracking snippet, for the browser test only."""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<script src="/t.js" async></script></head><body><h1>{title}</h1>{body}</body></html>"""

SIGNUP = """<a id="next" href="/test-site/pricing/?page=2&amp;name=Walt">See pricing</a>
<form id="signup" method="post" action="/test-site/thanks/">
  <label>Email <input type="email" name="email" data-sincerely-identify></label>
  <label>Company <input type="text" name="company"></label>
  <button type="submit">Sign up</button>
</form>"""


def landing(request):
    return HttpResponse(PAGE.format(title="Spring sale landing", body=SIGNUP))


def pricing(request):
    return HttpResponse(PAGE.format(title="Pricing for teams", body=SIGNUP))


def consent_page(request):
    page = PAGE.format(title="Asks first", body='<button id="agree">Agree</button>')
    page = page.replace('<script src="/t.js" async>', '<script src="/t.js" data-require-consent>')
    page = page.replace(
        "</body>",
        "<script>document.getElementById('agree').onclick = function () "
        "{ window.sincerely.consent(true); window.sincerely.flush(); };</script></body>",
    )
    response = HttpResponse(page)
    # A customer's site has its own policy; Sincerely's (no inline script) is for its pages.
    response["Content-Security-Policy"] = "default-src 'self'; script-src 'self' 'unsafe-inline'"
    return response


@csrf_exempt
def thanks(request):
    return HttpResponse(PAGE.format(title="Thanks for signing up", body="<p>Thanks.</p>"))


urlpatterns = [
    path("test-site/landing/", landing),
    path("test-site/pricing/", pricing),
    path("test-site/thanks/", thanks),
    path("test-site/consent/", consent_page),
    path("", include("sincerely.urls")),
]
