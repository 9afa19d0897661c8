"""Paths of insight: console pages and public pages, each at its own path."""

app_name = "insight"
urlpatterns: list = []
