"""Django app configuration for conversations: registers its person panel, export and merge."""

from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "sincerely.conversations"
    label = "conversations"

    def ready(self) -> None:
        from sincerely.console.views import PERSON_PANELS
        from sincerely.conversations import hooks
        from sincerely.people.services import MERGE_HOOKS
        from sincerely.privacy.services import EXPORT_SECTIONS

        if hooks.person_panel not in [build for _t, build in PERSON_PANELS]:
            PERSON_PANELS.append(("conversations/person_panel_partial.html", hooks.person_panel))
        if hooks.export_conversations not in EXPORT_SECTIONS:
            EXPORT_SECTIONS.append(hooks.export_conversations)
        if hooks.move_conversations not in MERGE_HOOKS:
            MERGE_HOOKS.append(hooks.move_conversations)
