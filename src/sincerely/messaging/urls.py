"""Paths of messaging: console pages and public pages, each at its own path."""

from django.urls import include, path

from sincerely.messaging import views

app_name = "messaging"
urlpatterns = [
    path("console/campaigns/", views.campaigns, name="campaigns"),
    path("console/campaigns/new/", views.campaign_new, name="campaign_new"),
    path("console/campaigns/lint/", views.lint, name="lint"),
    path("console/campaigns/<int:campaign_id>/", views.campaign, name="campaign"),
    path(
        "console/campaigns/<int:campaign_id>/progress/",
        views.campaign_progress,
        name="campaign_progress",
    ),
    path(
        "console/campaigns/<int:campaign_id>/preview/",
        views.campaign_preview,
        name="campaign_preview",
    ),
    path("console/campaigns/<int:campaign_id>/send/", views.campaign_send, name="campaign_send"),
    path(
        "console/campaigns/<int:campaign_id>/translation/",
        views.campaign_translation,
        name="campaign_translation",
    ),
    path("console/outbox/", views.outbox, name="outbox"),
    path("console/messages/<int:message_id>/", views.message_detail, name="message"),
    path("console/caught/", views.caught, name="caught"),
    path("console/caught/<int:caught_id>/", views.caught_mail, name="caught_mail"),
    path("console/inbound/", views.inbound_unmatched, name="inbound_unmatched"),
    path("console/inbound/<int:inbound_id>/", views.inbound_mail, name="inbound_mail"),
    path("console/people/<int:person_id>/message/", views.send_one, name="send_one"),
    path("m/u/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("m/c/<str:token>/", views.click, name="click"),
    path("m/o/<str:token>/", views.open_pixel, name="open"),
    path("m/inbound/", views.inbound_webhook, name="inbound_webhook"),
    # Provider webhooks (django-anymail): /m/esp/<provider>/tracking/ and …/inbound/.
    path("m/esp/", include("anymail.urls")),
]
