"""Django app configuration for printed mail: privacy panel, export, merge, attribution rows."""

from django.apps import AppConfig


class PostalConfig(AppConfig):
    name = "sincerely.postal"
    label = "postal"

    def ready(self) -> None:
        from sincerely.people.services import MERGE_HOOKS
        from sincerely.postal import hooks
        from sincerely.privacy.services import EXPORT_SECTIONS
        from sincerely.privacy.views import PRIVACY_PANELS
        from sincerely.timeline.views import ATTRIBUTION_SECTIONS

        MERGE_HOOKS.append(hooks.merge)
        EXPORT_SECTIONS.append(hooks.export_section)
        PRIVACY_PANELS.append(("postal/privacy_panel_partial.html", hooks.privacy_panel))
        ATTRIBUTION_SECTIONS.append(("postal/attribution_partial.html", hooks.attribution_section))
