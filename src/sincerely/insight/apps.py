"""Django app configuration for insight: registers its person panel, export and merge hooks."""

from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "sincerely.insight"
    label = "insight"

    def ready(self) -> None:
        from sincerely.console.views import PERSON_PANELS
        from sincerely.insight import hooks
        from sincerely.people.services import MERGE_HOOKS
        from sincerely.privacy.services import EXPORT_SECTIONS

        PERSON_PANELS.append(("insight/person_panel_partial.html", hooks.person_panel))
        EXPORT_SECTIONS.append(hooks.export_section)
        MERGE_HOOKS.append(hooks.merge)
