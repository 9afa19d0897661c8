"""Django app configuration for timeline: registers its hooks (sincerely/registry.py)."""

from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "sincerely.timeline"
    label = "timeline"

    def ready(self) -> None:
        from sincerely import registry
        from sincerely.timeline.imports import import_purchases
        from sincerely.timeline.privacy import erase_visits, export_timeline, merge_timeline
        from sincerely.timeline.views import timeline_panel

        registry.add_person_panel("timeline/person_panel_partial.html", timeline_panel)
        registry.add_export(export_timeline)
        registry.add_merge(merge_timeline)
        registry.add_erasure(erase_visits)
        registry.add_importer("purchases", import_purchases)
        registry.add_nav_section(
            "Attribution", "timeline:attribution", "insight.view", order=140, group="Insight"
        )
