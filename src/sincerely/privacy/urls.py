"""Privacy centre paths: every page but the link request needs a signed token."""

from django.urls import path

from sincerely.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.request_link, name="request"),
    path("<str:token>/", views.centre, name="centre"),
    path("<str:token>/my-data.json", views.export, name="export"),
    path("<str:token>/withdraw/", views.withdraw, name="withdraw"),
    path("<str:token>/leave/", views.leave, name="leave"),
    path("<str:token>/correct/", views.correct, name="correct"),
    path("<str:token>/write/", views.write_to_us, name="write"),
    path("<str:token>/erase/", views.erase, name="erase"),
]
