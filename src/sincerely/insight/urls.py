"""Paths of insight: the console's segments and value tiers."""

from django.urls import path

from sincerely.insight import views

app_name = "insight"
urlpatterns = [
    path("console/segments/", views.segments, name="segments"),
    path("console/segments/preview/", views.segment_preview, name="segment_preview"),
    path("console/segments/<slug:slug>/", views.segment, name="segment"),
    path("console/tiers/", views.tiers, name="tiers"),
]
