"""Django app configuration for timeline."""

from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "sincerely.timeline"
    label = "timeline"
