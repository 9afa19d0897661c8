"""Django app configuration for timeline: registers its person panel and export section."""

from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "sincerely.timeline"
    label = "timeline"

    def ready(self) -> None:
        from sincerely.console.views import PERSON_PANELS
        from sincerely.privacy.services import EXPORT_SECTIONS
        from sincerely.timeline.privacy import export_timeline
        from sincerely.timeline.views import timeline_panel

        panel = ("timeline/person_panel_partial.html", timeline_panel)
        if panel not in PERSON_PANELS:
            PERSON_PANELS.append(panel)
        if export_timeline not in EXPORT_SECTIONS:
            EXPORT_SECTIONS.append(export_timeline)
