"""Conversations with people (email replies, blog comment threads, privacy-centre messages)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Conversation(models.Model):
    """A thread with one person or in public, assigned to a named staff member."""

    class Channel(models.TextChoices):
        EMAIL = "email", "email"
        COMMENT = "comment", "blog comment"
        PRIVACY = "privacy", "privacy centre"

    class Status(models.TextChoices):
        OPEN = "open", "open"
        WAITING = "waiting", "waiting on them"
        CLOSED = "closed", "closed"

    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="conversations",
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    subject = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_conversations",
    )
    thread_key = models.CharField(
        max_length=300, blank=True, db_index=True, help_text="e.g. the first Message-ID"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    first_reply_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-last_activity_at"]
        indexes = [models.Index(fields=["status", "assigned_to"])]

    def __str__(self) -> str:
        return self.subject


class Entry(models.Model):
    """One message in a conversation: what they wrote, what we answered, or an internal note."""

    class Direction(models.TextChoices):
        INBOUND = "inbound", "from them"
        OUTBOUND = "outbound", "from us"
        NOTE = "note", "internal note"

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="entries")
    direction = models.CharField(max_length=10, choices=Direction.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=200, blank=True)
    author_email = models.CharField(max_length=254, blank=True)
    text = models.TextField()
    message_id = models.CharField(max_length=300, blank=True, db_index=True)
    in_reply_to = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
