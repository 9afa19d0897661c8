"""Print campaigns, print jobs, their pieces (each with its ledger) and postal suppressions."""

from __future__ import annotations

import hashlib
import unicodedata

from django.conf import settings
from django.db import models


class PrintCampaign(models.Model):
    """A letter, postcard or catalogue for a list, under a consent purpose (`postal` by default)."""

    class Kind(models.TextChoices):
        LETTER = "letter", "letter"
        POSTCARD = "postcard", "postcard"
        CATALOGUE = "catalogue", "catalogue"

    class Paper(models.TextChoices):
        A4 = "a4", "A4 (DIN 5008 window, C5/C6-DL envelope)"
        LETTER = "us_letter", "US Letter (#10 window envelope)"
        A6 = "a6", "A6 postcard"
        CARD_4X6 = "4x6", "4×6 in postcard"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.LETTER)
    paper = models.CharField(max_length=10, choices=Paper.choices, default=Paper.A4)
    audience_list = models.ForeignKey(
        "people.AudienceList", on_delete=models.PROTECT, related_name="print_campaigns"
    )
    purpose = models.ForeignKey("people.Purpose", on_delete=models.PROTECT, related_name="+")
    segment = models.ForeignKey(
        "insight.Segment", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="print_campaigns"
    )
    sender_name = models.CharField(max_length=200, blank=True)
    html = models.TextField(help_text="The body: HTML in the guarded template language")
    css = models.TextField(blank=True, help_text="Extra CSS for the body")
    offer_code = models.CharField(
        max_length=40, blank=True, help_text="Printed on each piece; purchases quoting it count"
    )
    cost_per_piece = models.DecimalField(max_digits=8, decimal_places=3, default=0)
    bleed_mm = models.PositiveSmallIntegerField(default=0)
    crop_marks = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class PrintJob(models.Model):
    """One run of a campaign: pieces rendered in chunks to PDF files in a folder, with manifest."""

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RENDERING = "rendering", "rendering"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    campaign = models.ForeignKey(PrintCampaign, on_delete=models.CASCADE, related_name="jobs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    chunk_size = models.PositiveIntegerField(default=200)
    chunks = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0, help_text="Pieces to print (not held back)")
    rendered = models.PositiveIntegerField(default=0)
    held = models.PositiveIntegerField(default=0)
    folder = models.CharField(max_length=500, blank=True)
    provider = models.CharField(max_length=200, default="sincerely.postal.providers.FolderProvider")
    submitted_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"print job #{self.pk} of {self.campaign}"

    @property
    def progress(self) -> int:
        return round(100 * self.rendered / self.total) if self.total else 100


class PrintPiece(models.Model):
    """One printed piece for one person: where it goes, why they get it, and its ledger."""

    class Status(models.TextChoices):
        PENDING = "pending", "to render"
        PRINTED = "printed", "in the PDF"
        HELD_BACK = "held_back", "held back"

    job = models.ForeignKey(PrintJob, on_delete=models.CASCADE, related_name="pieces")
    campaign = models.ForeignKey(PrintCampaign, on_delete=models.CASCADE, related_name="pieces")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    held_reason = models.CharField(max_length=300, blank=True)
    why = models.TextField(blank=True)
    address = models.JSONField(default=list, blank=True, help_text="Formatted lines")
    postcode = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, blank=True)
    chunk = models.PositiveIntegerField(null=True, blank=True)
    pages = models.PositiveSmallIntegerField(default=0)
    ledger = models.JSONField(default=list, blank=True)
    visited_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["country", "postcode", "id"]
        constraints = [
            models.UniqueConstraint(fields=["job", "person"], name="print_piece_one_per_job")
        ]
        indexes = [models.Index(fields=["job", "status", "chunk"], name="print_piece_chunk")]


def address_key(name: str, postcode: str, line1: str) -> str:
    """A one-way key for a name at an address: case, accents and spacing do not matter."""
    parts = []
    for value in (name, postcode, line1):
        text = unicodedata.normalize("NFKD", value or "")
        text = "".join(ch for ch in text if ch.isalnum()).casefold()
        parts.append(text)
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


class PostalSuppression(models.Model):
    """Someone we must not post to: a do-not-mail list entry, a move or a death, with its source.

    Like email suppressions, kept as one-way keys (of the email, or of name + postcode +
    street line), so a preference file can be matched without storing it in the clear.
    """

    class Reason(models.TextChoices):
        DO_NOT_MAIL = "do_not_mail", "on a do-not-mail list"
        MOVED = "moved", "moved away"
        DECEASED = "deceased", "deceased"
        OPTED_OUT = "opted_out", "asked us to stop postal mail"

    reason = models.CharField(max_length=12, choices=Reason.choices)
    email_hash = models.CharField(max_length=64, blank=True, db_index=True)
    address_hash = models.CharField(max_length=64, blank=True, db_index=True)
    source = models.CharField(max_length=300)
    line = models.PositiveIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
