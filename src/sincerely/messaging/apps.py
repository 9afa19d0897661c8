"""Django app configuration for messaging."""

from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "sincerely.messaging"
    label = "messaging"
