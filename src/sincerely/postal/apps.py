"""Django app configuration for printed mail: nav, privacy panel, export, merge, attribution."""

from django.apps import AppConfig


class PostalConfig(AppConfig):
    name = "sincerely.postal"
    label = "postal"

    def ready(self) -> None:
        from sincerely import registry
        from sincerely.postal import hooks

        registry.add_nav_section("Printed mail", "postal:campaigns", "campaigns.manage", order=65)
        registry.add_merge(hooks.merge)
        registry.add_export(hooks.export_section)
        registry.add_privacy_panel(
            "postal/privacy_panel_partial.html", hooks.privacy_panel, order=60
        )
        registry.add_report_section(
            "attribution", "postal/attribution_partial.html", hooks.attribution_section
        )
