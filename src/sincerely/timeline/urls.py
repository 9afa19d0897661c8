"""Paths of timeline: console pages and public pages, each at its own path."""

app_name = "timeline"
urlpatterns: list = []
