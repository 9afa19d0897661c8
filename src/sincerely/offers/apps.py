"""Django app configuration for offers."""

from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "sincerely.offers"
    label = "offers"
