"""Django app configuration for offers: registers its person panel, export and merge hooks."""

from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "sincerely.offers"
    label = "offers"

    def ready(self) -> None:
        from sincerely.console.views import PERSON_PANELS
        from sincerely.messaging.guard.evidence import EXTRA_VARIABLES
        from sincerely.offers import hooks
        from sincerely.offers.template_variable import offers_variable
        from sincerely.people.services import MERGE_HOOKS
        from sincerely.privacy.services import EXPORT_SECTIONS
        from sincerely.privacy.views import PRIVACY_PANELS

        PERSON_PANELS.append(("offers/person_panel_partial.html", hooks.person_panel))
        EXPORT_SECTIONS.append(hooks.export_section)
        MERGE_HOOKS.append(hooks.merge)
        EXTRA_VARIABLES["offers"] = offers_variable
        PRIVACY_PANELS.append(("offers/privacy_panel_partial.html", hooks.privacy_panel))
