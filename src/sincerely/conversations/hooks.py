"""What conversations adds to the person: a console panel, the JSON export, merge moves."""

from __future__ import annotations

from django.http import HttpRequest

from sincerely.accounts.access import user_can
from sincerely.conversations import queries
from sincerely.conversations.models import Comment, Conversation, Entry
from sincerely.conversations.services.inbox import move_conversations
from sincerely.people.models import Person

__all__ = ["export_conversations", "move_conversations", "open_conversations", "person_panel"]


def person_panel(request: HttpRequest, person: Person) -> dict | None:
    if not user_can(request.user, "conversations.handle"):
        return None
    return {
        "conversations": list(queries.person_conversations(person)[:20]),
        "comments": Comment.objects.filter(person=person).count(),
    }


def export_conversations(person: Person) -> dict:
    conversations = []
    for c in queries.person_conversations(person).prefetch_related("entries"):
        conversations.append(
            {
                "subject": c.subject,
                "channel": c.channel,
                "status": c.status,
                "assigned_to": c.assigned_to.get_full_name() or c.assigned_to.username
                if c.assigned_to_id
                else None,
                "messages": [
                    {
                        "direction": e.direction,
                        "from": e.author_name,
                        "at": e.created_at.isoformat(),
                        "text": e.text,
                    }
                    for e in c.entries.all()
                    if e.direction != Entry.Direction.NOTE
                ],
            }
        )
    comments = [
        {
            "post": c.post.title,
            "url": c.post.get_absolute_url(),
            "name": c.name,
            "text": c.body,
            "status": c.status,
            "at": c.created_at.isoformat(),
            "email_me_replies": c.is_subscribed,
        }
        for c in Comment.objects.filter(person=person).select_related("post")
    ]
    return {"conversations": conversations, "blog_comments": comments}


def open_conversations(person: Person) -> int:
    """Conversations with this person not closed yet (open, or waiting on them)."""
    return (
        Conversation.objects.filter(person=person)
        .exclude(status=Conversation.Status.CLOSED)
        .count()
    )
