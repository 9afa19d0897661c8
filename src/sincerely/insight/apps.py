"""Django app configuration for insight: registers its hooks (sincerely/registry.py)."""

from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "sincerely.insight"
    label = "insight"

    def ready(self) -> None:
        from sincerely import registry
        from sincerely.insight import hooks

        registry.add_person_panel("insight/person_panel_partial.html", hooks.person_panel)
        registry.add_export(hooks.export_section)
        registry.add_merge(hooks.merge)
        registry.add_nav_section(
            "Segments", "insight:segments", "insight.view", order=110, group="Audience"
        )
        registry.add_nav_section(
            "Value tiers", "insight:tiers", "insight.view", order=120, group="Insight"
        )
