"""Django app configuration for conversations: registers its hooks (sincerely/registry.py)."""

from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "sincerely.conversations"
    label = "conversations"

    def ready(self) -> None:
        from sincerely import registry
        from sincerely.conversations import hooks
        from sincerely.conversations.services.inbox import receive_email_reply

        registry.add_person_panel("conversations/person_panel_partial.html", hooks.person_panel)
        registry.add_export(hooks.export_conversations)
        registry.add_merge(hooks.move_conversations)
        registry.set_inbound_reply_handler(receive_email_reply)
        registry.add_person_count("open_conversations", hooks.open_conversations)
        registry.add_nav_section(
            "Blog", "conversations:posts", "posts.write", order=70, group="Content"
        )
        registry.add_nav_section(
            "Inbox", "conversations:inbox", "conversations.handle", order=80, group="Messages"
        )
        registry.add_nav_section(
            "Incidents", "conversations:incidents", "incidents.manage", order=100, group="Content"
        )
