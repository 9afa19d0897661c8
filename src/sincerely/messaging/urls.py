"""Paths of messaging: console pages and public pages, each at its own path."""

app_name = "messaging"
urlpatterns: list = []
