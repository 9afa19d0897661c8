"""Django app configuration for insight."""

from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "sincerely.insight"
    label = "insight"
