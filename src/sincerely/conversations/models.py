"""Conversations with people (email replies, blog comment threads, privacy-centre messages),
and the blog they happen on: posts, tags, images, comments, incidents."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


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
    waiting_since = models.DateTimeField(
        null=True, blank=True, help_text="When their oldest unanswered message arrived"
    )
    post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.CASCADE, related_name="conversations"
    )
    incident = models.ForeignKey(
        "Incident", null=True, blank=True, on_delete=models.SET_NULL, related_name="conversations"
    )

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
    comment = models.OneToOneField(
        "Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="entry"
    )

    class Meta:
        ordering = ["created_at", "id"]


class Tag(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Post(models.Model):
    """A blog article by a named author; a translation points at its original."""

    class Status(models.TextChoices):
        DRAFT = "draft", "draft"
        SCHEDULED = "scheduled", "scheduled"
        PUBLISHED = "published", "published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    body = models.TextField(help_text="Markdown", blank=True)
    body_html = models.TextField(blank=True, editable=False)
    excerpt = models.CharField(max_length=400, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(null=True, blank=True, db_index=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts")
    language = models.CharField(max_length=10, default="en")
    translation_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="translations"
    )
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translated_posts",
    )
    is_pinned = models.BooleanField(default=False)
    comments_changed_at = models.DateTimeField(auto_now_add=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-is_pinned", "-publish_at", "-id"]
        indexes = [models.Index(fields=["status", "publish_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_of", "language"], name="post_one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("conversations:post", args=[self.slug])


class PostImage(models.Model):
    """An image attached to a post, served by our own view with a fixed content type."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(upload_to="blog/")
    content_type = models.CharField(max_length=40)
    alt = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)


class Comment(models.Model):
    """What a reader (or staff, replying) wrote under a post, with its moderation state."""

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", "waiting for email confirmation"
        HELD = "held", "held for review"
        APPROVED = "approved", "published"
        REJECTED = "rejected", "rejected"
        SPAM = "spam", "spam"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    staff_author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="blog_comments",
    )
    name = models.CharField(max_length=100)
    email = models.CharField(max_length=254, blank=True)
    body = models.TextField(help_text="Markdown as written")
    body_html = models.TextField(help_text="Sanitised HTML")
    status = models.CharField(max_length=12, choices=Status.choices)
    spam_score = models.FloatField(default=0)
    spam_reasons = models.JSONField(default=list, blank=True)
    ip_hash = models.CharField(max_length=64, blank=True)
    is_subscribed = models.BooleanField(default=False, help_text="Email me replies")
    created_at = models.DateTimeField(default=timezone.now)
    verified_at = models.DateTimeField(null=True, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["post", "status", "created_at"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["email", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.name} on {self.post_id}"

    @property
    def is_by_post_author(self) -> bool:
        return self.staff_author_id is not None and self.staff_author_id == self.post.author_id


class Incident(models.Model):
    """Crisis mode: a pinned post, a named spokesperson, a severity and dated status updates."""

    class Severity(models.TextChoices):
        MINOR = "minor", "minor"
        MAJOR = "major", "major"
        CRITICAL = "critical", "critical"

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="incident")
    spokesperson = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="incidents"
    )
    severity = models.CharField(max_length=10, choices=Severity.choices)
    opened_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return self.post.title

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class IncidentUpdate(models.Model):
    class Status(models.TextChoices):
        INVESTIGATING = "investigating", "Investigating"
        IDENTIFIED = "identified", "Identified"
        MONITORING = "monitoring", "Monitoring"
        RESOLVED = "resolved", "Resolved"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=15, choices=Status.choices)
    text = models.TextField()
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-id"]


class IncidentNotice(models.Model):
    """One email telling an affected person about an incident; replies thread by message_id."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="notices")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="incident_notices"
    )
    message_id = models.CharField(max_length=300, db_index=True)
    reason = models.CharField(max_length=500, help_text="Why they were told, as the footer says")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["incident", "person"], name="incident_notice_once")
        ]
