"""Django app configuration for the staff console (the shell): registers its own nav sections."""

from django.apps import AppConfig


class ConsoleConfig(AppConfig):
    name = "sincerely.console"
    label = "console"
    verbose_name = "Staff console"

    def ready(self) -> None:
        from sincerely import registry

        registry.add_nav_section("Dashboard", "console:home", "people.view", order=10)
        registry.add_nav_section(
            "People", "console:people", "people.view", order=20, group="Audience"
        )
        registry.add_nav_section("Lists", "console:lists", "lists.view", order=30, group="Audience")
        registry.add_nav_section(
            "Imports", "console:imports", "people.import", order=40, group="Audience"
        )
