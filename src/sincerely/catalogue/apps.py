"""Django app configuration for the catalogue: the products people buy and are offered."""

from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "sincerely.catalogue"
    label = "catalogue"
    verbose_name = "Catalogue"
