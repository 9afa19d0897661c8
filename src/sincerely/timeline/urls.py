"""Paths of timeline: the public tracker (/t.js, /t/collect) and console pages."""

from django.urls import path

from sincerely.timeline import views

app_name = "timeline"
urlpatterns = [
    path("t.js", views.snippet, name="snippet"),
    path("t/collect", views.collect, name="collect"),
    path(
        "console/people/<int:person_id>/timeline/",
        views.person_timeline,
        name="person_timeline",
    ),
    path(
        "console/people/<int:person_id>/timeline/log/",
        views.log_interaction,
        name="log",
    ),
    path("console/attribution/", views.attribution, name="attribution"),
]
