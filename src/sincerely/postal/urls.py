"""Printed mail's paths: the console under /console/print/ and the printed links under /p/."""

from django.urls import path

from sincerely.postal import views

app_name = "postal"

urlpatterns = [
    path("p/<str:token>/", views.answer, name="answer"),
    path("console/print/", views.campaigns, name="campaigns"),
    path("console/print/new/", views.campaign_new, name="campaign_new"),
    path("console/print/<int:campaign_id>/", views.campaign, name="campaign"),
    path("console/print/<int:campaign_id>/preview/", views.preview, name="preview"),
    path("console/print/<int:campaign_id>/preview.pdf", views.preview_pdf, name="preview_pdf"),
    path("console/print/<int:campaign_id>/jobs/", views.start_job, name="start_job"),
    path("console/print/jobs/<int:job_id>/", views.job, name="job"),
    path("console/print/jobs/<int:job_id>/progress/", views.job_progress, name="job_progress"),
    path("console/print/jobs/<int:job_id>/files/<str:name>", views.job_file, name="job_file"),
]
