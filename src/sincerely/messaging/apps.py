"""Django app configuration for messaging: registers its hooks (sincerely/registry.py)."""

from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "sincerely.messaging"
    label = "messaging"

    def ready(self) -> None:
        from sincerely import registry
        from sincerely.messaging import esp, services, system_mail, views

        registry.add_person_panel("messaging/person_panel_partial.html", views.person_panel)
        registry.add_export(services.person_export)
        registry.add_merge(services.merge_messages)
        registry.add_erasure(system_mail.forget_addresses)
        registry.add_privacy_panel(
            "messaging/privacy_panel_partial.html", views.privacy_panel, order=10
        )
        registry.add_nav_section(
            "Campaigns", "messaging:campaigns", "campaigns.manage", order=50, group="Messages"
        )
        registry.add_nav_section(
            "Outbox", "messaging:outbox", "campaigns.manage", order=60, group="Messages"
        )
        registry.add_nav_section(
            "Caught mail", "messaging:caught", "campaigns.manage", order=65, group="Messages"
        )
        registry.add_nav_section(
            "Unmatched mail",
            "messaging:inbound_unmatched",
            "conversations.all",
            order=90,
            group="Messages",
        )
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
