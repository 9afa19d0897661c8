"""Django app configuration for messaging: registers its person panel, export and merge hooks."""

from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "sincerely.messaging"
    label = "messaging"

    def ready(self) -> None:
        from sincerely.console.views import PERSON_PANELS
        from sincerely.messaging import esp, services, views
        from sincerely.people.services import MERGE_HOOKS
        from sincerely.privacy.services import EXPORT_SECTIONS
        from sincerely.privacy.views import PRIVACY_PANELS

        PERSON_PANELS.append(("messaging/person_panel_partial.html", views.person_panel))
        EXPORT_SECTIONS.append(services.person_export)
        MERGE_HOOKS.append(services.merge_messages)
        PRIVACY_PANELS.insert(0, ("messaging/privacy_panel_partial.html", views.privacy_panel))
        esp.connect()

    def worker_started(self) -> None:
        """`sincerely worker` calls this first: claims of a killed worker are taken back."""
        import logging

        from django.db import DatabaseError

        from sincerely.messaging.outbox import resume_outbox

        try:
            resume_outbox()
        except DatabaseError:
            # Not migrated yet: nothing can have been left behind.
            logging.getLogger(__name__).warning("outbox not resumed: run migrations first")
