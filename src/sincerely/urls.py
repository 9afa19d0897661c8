"""URL map: the console, the public pages (privacy centre, blog, tracker), the API and admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from sincerely.api import api, not_found

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="console:home", permanent=False)),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="console/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/(?P<rest>.*)$", not_found),
    path("console/", include("sincerely.console.urls")),
    path("privacy/", include("sincerely.privacy.urls")),
    # Each of these apps declares its own paths (for example /blog/ or /t.js).
    path("", include("sincerely.timeline.urls")),
    path("", include("sincerely.messaging.urls")),
    path("", include("sincerely.conversations.urls")),
    path("", include("sincerely.insight.urls")),
    path("", include("sincerely.offers.urls")),
]
