"""Django app configuration for staff accounts: roles, profiles, API keys and access checks."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sincerely.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"
