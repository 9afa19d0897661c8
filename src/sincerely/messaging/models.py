"""Campaigns, the durable outbox of messages with their evidence ledgers, and inbound mail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Campaign(models.Model):
    """One message to a list, sent by a named staff member for the list's purpose."""

    class Status(models.TextChoices):
        DRAFT = "draft", "draft"
        QUEUED = "queued", "queued"
        SENDING = "sending", "sending"
        SENT = "sent", "sent"

    name = models.CharField(max_length=200)
    audience_list = models.ForeignKey(
        "people.AudienceList", on_delete=models.PROTECT, related_name="campaigns"
    )
    purpose = models.ForeignKey("people.Purpose", on_delete=models.PROTECT, related_name="+")
    segment = models.ForeignKey(
        "insight.Segment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="campaigns",
        help_text="Narrows the list to this segment; list membership and consent still apply",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sent_campaigns"
    )
    sender_name = models.CharField(
        max_length=200, blank=True, help_text="A named team shown in From, e.g. 'Ana at Acme'"
    )
    language = models.CharField(max_length=8, default="en")
    subject = models.CharField(max_length=500)
    text = models.TextField()
    html = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    prepared_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The last audience member (person id) whose chunk a worker has taken to prepare:
    # workers share a campaign's preparation by moving it forward (services.claim_chunk).
    prepare_cursor = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class CampaignTranslation(models.Model):
    """The same campaign in another language, for people whose `language` fact says so."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8)
    subject = models.CharField(max_length=500)
    text = models.TextField()
    html = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "language"], name="translation_unique")
        ]


class MessageQuerySet(models.QuerySet):
    def queued(self):
        """Rows waiting to be sent, in words both engines match to the outbox index (which
        holds only unsent rows): SQLite uses a partial index only when the query repeats
        its condition (`status = 'queued'` alone made every claim scan the whole table)."""
        return self.exclude(status=Message.Status.SENT).filter(status=Message.Status.QUEUED)


class Message(models.Model):
    """One email to one person: its rendering, its ledger, and where it is in the outbox.

    The outbox protocol: `queued` rows are claimed in small batches (`sending`, with the
    worker's id and time); each is marked `sent` as soon as the SMTP server accepts it,
    and keeps the worker's id until its timeline touchpoint is written with its batch's.
    A claim whose worker died is taken over, so at most the one message in flight at the
    moment of a crash is sent twice, and it carries the same Message-ID both times.
    """

    class Status(models.TextChoices):
        HELD_BACK = "held_back", "held back"
        QUEUED = "queued", "queued"
        SENDING = "sending", "sending"
        SENT = "sent", "sent"
        FAILED = "failed", "failed"
        BOUNCED = "bounced", "bounced"

    # No index of its own: message_campaign_status (campaign, status) serves lookups by
    # campaign, and each index on this table is rewritten by every change of status.
    campaign = models.ForeignKey(
        Campaign,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
        db_index=False,
    )
    # Empty only for system mail to an address that is nobody's yet (a comment's confirmation).
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
    )
    # Unindexed: only deleting a staff account looks messages up by sender (to refuse it).
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="sent_messages",
        db_index=False,
    )
    # Blank for campaign and one-to-one messages; for system mail (messaging/system_mail.py)
    # what it is for, e.g. "comment_confirmation". A database default: campaign rows are
    # inserted without the ORM.
    kind = models.CharField(max_length=40, blank=True, default="", db_default="")
    sender_name = models.CharField(max_length=200, blank=True)
    audience_list = models.ForeignKey(
        "people.AudienceList", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    purpose = models.ForeignKey(
        "people.Purpose", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    why = models.TextField(blank=True, help_text="The footer's plain words: list, consent, when")
    to_email = models.CharField(max_length=254)
    language = models.CharField(max_length=8, default="en")
    subject = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    html = models.TextField(blank=True)
    ledger = models.JSONField(default=list, blank=True)
    # The exact bytes handed to the SMTP server, built and DKIM-signed when the message is
    # prepared (a background job): a retry, or the one resend after a crash, sends these
    # very bytes, and the console shows what went out.
    raw = models.BinaryField(null=True, blank=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    held_reason = models.CharField(max_length=300, blank=True)
    # Unique by constraints in Meta, not `unique=True`: on PostgreSQL that adds a second,
    # pattern-matching index to each (for LIKE, which nothing here asks), rewritten by
    # every change of status like the rest.
    message_id = models.CharField(max_length=200)
    idempotency_key = models.CharField(max_length=100)
    reply_token = models.CharField(max_length=40)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    claimed_by = models.CharField(max_length=100, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    complained_at = models.DateTimeField(null=True, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    clicked_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["message_id"], name="message_unique_message_id"),
            models.UniqueConstraint(fields=["idempotency_key"], name="message_unique_idempotency"),
            models.UniqueConstraint(fields=["reply_token"], name="message_unique_reply_token"),
        ]
        indexes = [
            # Only what is not sent: the outbox's work and the metrics' counts. A sent
            # row (nearly all of them) leaves no entry behind to walk past or rewrite.
            models.Index(
                fields=["status", "next_attempt_at"],
                name="message_outbox",
                condition=~Q(status="sent"),
            ),
            models.Index(fields=["campaign", "status"], name="message_campaign_status"),
            models.Index(
                fields=["claimed_at"],
                name="message_claimed",
                condition=Q(status="sending"),
            ),
            # Sent, touchpoint not yet written (see services.record_sent_touchpoints).
            models.Index(
                fields=["claimed_by"],
                name="message_sent_unrecorded",
                condition=Q(sent_at__isnull=False) & ~Q(claimed_by=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to_email}"


class SentMark(models.Model):
    """The durable note "the SMTP server took this message", written the moment it did.

    A narrow row (no foreign key, one index), so recording each message is a cheap insert
    rather than an update of the wide outbox row and its dozen indexes; the outbox folds
    the marks into their messages (status `sent`, `sent_at`) once per batch, together with
    the timeline touchpoints (outbox.apply_marks). A message with a mark is sent, whatever
    its row still says: nothing releases or resends it.
    """

    message_id = models.BigIntegerField(primary_key=True)
    sent_at = models.DateTimeField()


class InboundMail(models.Model):
    """Every mail that reached us (reply, bounce, complaint, auto-reply), kept whole."""

    class Kind(models.TextChoices):
        REPLY = "reply", "reply"
        AUTO_REPLY = "auto_reply", "out-of-office / auto-reply"
        BOUNCE = "bounce", "bounce (DSN)"
        DELAY = "delay", "delivery delayed (DSN)"
        DELIVERY = "delivery", "delivered (DSN)"
        COMPLAINT = "complaint", "complaint (ARF)"
        UNMATCHED = "unmatched", "not matched to a message"
        MALFORMED = "malformed", "malformed"

    received_at = models.DateTimeField(auto_now_add=True)
    channel = models.CharField(max_length=10, default="smtp")
    mail_from = models.CharField(max_length=500, blank=True)
    rcpt_to = models.CharField(max_length=1000, blank=True)
    raw = models.BinaryField()
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.UNMATCHED)
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="inbound"
    )
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]


class CaughtMail(models.Model):
    """A message the local demo catcher (`sincerely catcher`) received instead of delivering."""

    received_at = models.DateTimeField(auto_now_add=True)
    mail_from = models.CharField(max_length=500, blank=True)
    rcpt_to = models.CharField(max_length=1000, blank=True)
    message_id = models.CharField(max_length=300, blank=True, db_index=True)
    subject = models.CharField(max_length=500, blank=True)
    raw = models.BinaryField()

    class Meta:
        ordering = ["-received_at", "-id"]
