"""Django app configuration for offers: registers its hooks (sincerely/registry.py)."""

from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "sincerely.offers"
    label = "offers"

    def ready(self) -> None:
        from sincerely import registry
        from sincerely.offers import hooks
        from sincerely.offers.template_variable import offers_variable

        registry.add_person_panel("offers/person_panel_partial.html", hooks.person_panel)
        registry.add_export(hooks.export_section)
        registry.add_merge(hooks.merge)
        registry.add_template_variable("offers", offers_variable)
        registry.add_privacy_panel("offers/privacy_panel_partial.html", hooks.privacy_panel)
        registry.add_nav_section(
            "Offers", "offers:catalogue", "insight.view", order=130, group="Insight"
        )
