"""Django app configuration for the staff console."""

from django.apps import AppConfig


class ConsoleConfig(AppConfig):
    name = "sincerely.console"
    label = "console"
    verbose_name = "Staff console"
