"""Paths of offers: the console catalogue and the public "not for me" link."""

from django.urls import path

from sincerely.offers import views

app_name = "offers"
urlpatterns = [
    path("console/offers/", views.catalogue, name="catalogue"),
    path("offers/not-for-me/<str:token>/", views.not_for_me, name="not_for_me"),
]
