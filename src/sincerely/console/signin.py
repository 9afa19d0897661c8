"""Staff sign-in: password (throttled by django-axes), then a TOTP code for staff who enrolled
a device (django-otp); enrolment with a QR code, password change, and the 2FA requirement.

A correct password for a user with a confirmed TOTP device does not sign them in: it opens
a short-lived second step that asks for the code. A wrong code counts as a failed sign-in
for django-axes, so the same lock-out covers both steps.
"""

from __future__ import annotations

import time

import segno
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING = "signin_pending"
PENDING_SECONDS = 300  # the code step must follow the password within five minutes


def _safe_next(request: HttpRequest, value: str) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return reverse(settings.LOGIN_REDIRECT_URL)


def _locked_out(request: HttpRequest, username: str) -> HttpResponse:
    return render(
        request,
        settings.AXES_LOCKOUT_TEMPLATE,
        {"username": username, "cooloff_minutes": _cooloff_minutes()},
        status=429,
    )


def _cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


class SignInView(auth_views.LoginView):
    """Username and password; staff with a confirmed TOTP device go on to the code step."""

    template_name = "console/login.html"

    def form_valid(self, form):
        user = form.get_user()
        if not user_has_device(user, confirmed=True):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": time.time(),
            "next": _safe_next(self.request, self.get_redirect_url()),
        }
        return redirect("login_code")


def _pending_user(request: HttpRequest):
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None, None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return user, pending


def sign_in_code(request: HttpRequest) -> HttpResponse:
    """The second step: the six-digit code from the staff member's authenticator app."""
    user, pending = _pending_user(request)
    if user is None:
        return redirect("login")
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        request.session.pop(PENDING, None)
        return _locked_out(request, user.get_username())
    error = ""
    if request.method == "POST":
        token = "".join(request.POST.get("code", "").split())
        device = next(
            (d for d in devices_for_user(user, confirmed=True) if d.verify_token(token)), None
        )
        if device is not None:
            request.session.pop(PENDING, None)
            user.backend = pending["backend"]
            auth_login(request, user, backend=pending["backend"])
            otp_login(request, device)
            return HttpResponseRedirect(pending["next"])
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if not AxesProxyHandler.is_allowed(request, credentials):
            request.session.pop(PENDING, None)
            return _locked_out(request, user.get_username())
        error = "That code does not match. Codes change every 30 seconds; try the current one."
    return render(
        request, "console/login_code.html", {"error": error}, status=400 if error else 200
    )


class PasswordChange(auth_views.PasswordChangeView):
    """Change my password; Django's password validators apply (AUTH_PASSWORD_VALIDATORS)."""

    template_name = "console/account_password.html"
    success_url = reverse_lazy("account_password_done")


@login_required
def password_done(request: HttpRequest) -> HttpResponse:
    return render(request, "console/account_password.html", {"done": True})


def _qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, title="QR code for your authenticator app"
    )


def _secret(device: TOTPDevice) -> str:
    import base64

    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Enrol a TOTP device: scan the QR code, confirm with a code; or turn it off."""
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    error = ""
    if request.method == "POST":
        token = "".join(request.POST.get("code", "").split())
        action = request.POST.get("action", "")
        if action == "confirm" and confirmed is None:
            device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
            if device is not None and device.verify_token(token):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                otp_login(request, device)
                return redirect("account_two_factor")
            error = "That code does not match the one your app shows now. Try again."
        elif action == "remove" and confirmed is not None:
            if settings.REQUIRE_2FA and user.is_superuser:
                error = "Two-factor sign-in is required for administrators here."
            elif confirmed.verify_token(token):
                TOTPDevice.objects.filter(user=user).delete()
                return redirect("account_two_factor")
            else:
                error = "That code does not match. Turning two-factor sign-in off needs one."
    context: dict = {"error": error, "enrolled": confirmed is not None}
    if confirmed is None:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
        context.update(qr=_qr_svg(device), secret=_secret(device))
    context["required"] = settings.REQUIRE_2FA and user.is_superuser
    return render(request, "console/two_factor.html", context, status=400 if error else 200)


class RequireTwoFactorMiddleware:
    """With SINCERELY_REQUIRE_2FA, an administrator whose session is not verified by a TOTP
    code can open only the enrolment page (and sign out) until they enrol."""

    ALLOWED = ("/console/account/two-factor/", "/logout/", "/login/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            settings.REQUIRE_2FA
            and user is not None
            and user.is_authenticated
            and user.is_superuser
            and request.session.get(BACKEND_SESSION_KEY)
            and not user.is_verified()
            and not request.path.startswith(self.ALLOWED)
        ):
            return redirect("account_two_factor")
        return self.get_response(request)
