"""Django app configuration for conversations."""

from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "sincerely.conversations"
    label = "conversations"
