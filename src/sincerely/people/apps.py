"""Django app configuration for people."""

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "sincerely.people"
    label = "people"
