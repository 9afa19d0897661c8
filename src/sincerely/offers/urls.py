"""Paths of offers: console pages and public pages, each at its own path."""

app_name = "offers"
urlpatterns: list = []
