"""Django app configuration for printed mail: registers its privacy panel and attribution rows."""

from django.apps import AppConfig


class PostalConfig(AppConfig):
    name = "sincerely.postal"
    label = "postal"

    def ready(self) -> None:
        from sincerely.postal import hooks
        from sincerely.privacy.views import PRIVACY_PANELS
        from sincerely.timeline.views import ATTRIBUTION_SECTIONS

        PRIVACY_PANELS.append(("postal/privacy_panel_partial.html", hooks.privacy_panel))
        ATTRIBUTION_SECTIONS.append(("postal/attribution_partial.html", hooks.attribution_section))
