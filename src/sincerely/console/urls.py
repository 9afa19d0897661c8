"""Console paths: dashboard, people, lists, imports."""

from django.urls import path

from sincerely.console import views

app_name = "console"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("people/", views.people, name="people"),
    path("people/<int:person_id>/", views.person, name="person"),
    path("people/<int:person_id>/facts/", views.edit_fact, name="edit_fact"),
    path("people/<int:person_id>/consents/", views.add_consent, name="add_consent"),
    path("people/<int:person_id>/lists/", views.add_membership, name="add_membership"),
    path("people/<int:person_id>/owner/", views.set_owner, name="set_owner"),
    path("people/<int:person_id>/merge/", views.merge, name="merge"),
    path("people/<int:person_id>/erase/", views.erase, name="erase"),
    path("people/<int:person_id>/export.json", views.export, name="export"),
    path("people/new/", views.new_person, name="new_person"),
    path("lists/", views.lists, name="lists"),
    path("lists/<slug:slug>/", views.list_detail, name="list"),
    path("imports/", views.imports, name="imports"),
    path("imports/<int:batch_id>/", views.import_detail, name="import"),
    path("imports/jobs/<str:upload_id>/", views.import_job, name="import_job"),
]
