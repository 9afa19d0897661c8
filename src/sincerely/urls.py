"""URL map: the console, the public pages (privacy centre, blog, tracker), the API and admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from sincerely import health
from sincerely.api import api, not_found
from sincerely.console import signin

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="console:home", permanent=False)),
    path("login/", signin.SignInView.as_view(), name="login"),
    path("login/code/", signin.sign_in_code, name="login_code"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("console/account/password/", signin.PasswordChange.as_view(), name="account_password"),
    path("console/account/password/done/", signin.password_done, name="account_password_done"),
    path("console/account/two-factor/", signin.two_factor, name="account_two_factor"),
    # The admin site signs in through the same page, so it cannot skip the code step.
    path("admin/login/", RedirectView.as_view(pattern_name="login", query_string=True)),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", health.metrics, name="metrics"),
    re_path(r"^api/v1/(?P<rest>.*)$", not_found),
    path("console/", include("sincerely.console.urls")),
    path("privacy/", include("sincerely.privacy.urls")),
    # Each of these apps declares its own paths (for example /blog/ or /t.js).
    path("", include("sincerely.timeline.urls")),
    path("", include("sincerely.messaging.urls")),
    path("", include("sincerely.conversations.urls")),
    path("", include("sincerely.insight.urls")),
    path("", include("sincerely.offers.urls")),
    path("", include("sincerely.postal.urls")),
]

# Error pages in the public or console layout, with a way back (used when DEBUG is off).
handler403 = "sincerely.console.errors.permission_denied"
handler404 = "sincerely.console.errors.page_not_found"
handler500 = "sincerely.console.errors.server_error"
