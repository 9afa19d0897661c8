"""The project's urls plus one path that fails, to see the 500 page as a visitor would."""

from django.urls import path

from sincerely.urls import handler403, handler404, handler500  # noqa: F401 - kept for Django
from sincerely.urls import urlpatterns as site_patterns


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", boom), *site_patterns]
