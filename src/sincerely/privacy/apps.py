"""Django app configuration for privacy."""

from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "sincerely.privacy"
    label = "privacy"
