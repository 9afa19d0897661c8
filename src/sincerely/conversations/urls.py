"""Paths of conversations: console pages and public pages, each at its own path."""

app_name = "conversations"
urlpatterns: list = []
