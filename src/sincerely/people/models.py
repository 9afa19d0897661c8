"""The people store: persons, their identities, facts with evidence, consents with proof, lists."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class SourceKind(models.TextChoices):
    """Where a fact (or a membership) came from: the first half of its evidence."""

    SELF_DECLARED = "self_declared", "self-declared"
    OBSERVED = "observed", "observed"
    TRANSACTION = "transaction", "from a transaction"
    STAFF_RECORDED = "staff_recorded", "recorded by staff"
    IMPORTED = "imported", "imported"


class Trust(models.TextChoices):
    """Whether a record may back a personal claim in a message (the honesty guard, rule 3a).

    Verified: recorded by a staff member, imported by an operator with a source, written
    through an authenticated API key, or given by the person through a signed link.
    Unverified: anything anonymous (the public tracker, an address typed into a form).
    """

    VERIFIED = "verified", "verified"
    UNVERIFIED = "unverified", "unverified"


class Person(models.Model):
    """A customer or prospect. Everything we know about them hangs off this row.

    `display_name` and `email` are caches of the current first/last-name facts and the
    primary email identity, kept by the services so lists and search stay one query.
    """

    display_name = models.CharField(max_length=200, blank=True)
    email = models.CharField(max_length=254, blank=True, db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_people",
        help_text="The salesperson who owns the relationship",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.display_name or self.email or f"Person #{self.pk}"


class Identity(models.Model):
    """One way to recognise a person: an email, a phone number, a web visitor id."""

    class Kind(models.TextChoices):
        EMAIL = "email", "email"
        PHONE = "phone", "phone"
        VISITOR = "visitor", "web visitor"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identities")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    value = models.CharField(max_length=254)
    is_primary = models.BooleanField(default=False)
    # A web visitor id joined through a signed link from our own mail is verified; one
    # joined because someone typed this person's address into a form is not.
    is_verified = models.BooleanField(default=True, db_default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="identity_unique_value")
        ]
        indexes = [models.Index(fields=["person", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.value}"


class ImportBatch(models.Model):
    """One import run: where its rows came from, who ran it, and what became of each row."""

    class Kind(models.TextChoices):
        PEOPLE = "people", "people"
        PURCHASES = "purchases", "purchases"

    class Status(models.TextChoices):
        APPLIED = "applied", "applied"
        FAILED = "failed", "failed"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    filename = models.CharField(max_length=255)
    source = models.CharField(max_length=500, help_text="Where the rows came from")
    audience_list = models.ForeignKey(
        "AudienceList", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    rows_total = models.PositiveIntegerField(default=0)
    rows_created = models.PositiveIntegerField(default=0)
    rows_updated = models.PositiveIntegerField(default=0)
    rows_quarantined = models.PositiveIntegerField(default=0)
    rows_rejected = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} import of {self.filename} ({self.created_at:%Y-%m-%d})"

    @property
    def rows_unchanged(self) -> int:
        """Known people whose row changed nothing: every row not counted elsewhere."""
        return max(
            self.rows_total
            - self.rows_created
            - self.rows_updated
            - self.rows_quarantined
            - self.rows_rejected,
            0,
        )


class ImportIssue(models.Model):
    """A row an import did not apply, kept whole with its reason so nothing is lost."""

    class Kind(models.TextChoices):
        REJECTED = "rejected", "rejected"
        QUARANTINED = "quarantined", "quarantined (no consent)"

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="issues")
    line = models.PositiveIntegerField()
    kind = models.CharField(max_length=12, choices=Kind.choices)
    field = models.CharField(max_length=100, blank=True)
    reason = models.CharField(max_length=500)
    row = models.JSONField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["batch", "line"]


class Evidence(models.Model):
    """Abstract: who/what/when stands behind a record. Facts and memberships carry it."""

    source_kind = models.CharField(max_length=16, choices=SourceKind.choices)
    source_ref = models.CharField(
        max_length=500, help_text='e.g. "signup form", "web-summit-scans.csv"'
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Bulk import paths name their columns; the database default keeps them valid.
    trust = models.CharField(
        max_length=10, choices=Trust.choices, default=Trust.VERIFIED, db_default=Trust.VERIFIED
    )

    class Meta:
        abstract = True

    @property
    def is_verified(self) -> bool:
        return self.trust == Trust.VERIFIED

    @property
    def evidence_text(self) -> str:
        """'imported — web-summit-scans.csv, by J. Doe, 2024-03-02' (pages show it per row)."""
        text = self.get_source_kind_display()
        if self.source_ref:
            text += f" — {self.source_ref}"
        if self.recorded_by_id:
            user = self.recorded_by
            text += f", by {user.get_full_name() or user.get_username()}"
        return f"{text}, {self.recorded_at:%Y-%m-%d}"


class Fact(Evidence):
    """One thing known about a person, with the evidence behind it.

    A new value for the same key supersedes the old one; the old row stays as history.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="facts")
    key = models.SlugField(max_length=64)
    value = models.TextField()
    is_current = models.BooleanField(default=True)
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["person", "key"], name="fact_person_key"),
            models.Index(fields=["key", "value"], name="fact_key_value"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "key"], condition=Q(is_current=True), name="fact_one_current"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"


class Purpose(models.Model):
    """What a consent is for and what a list is used for (newsletter, sales contact …)."""

    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=100)
    description = models.TextField(help_text="Plain words shown to people", blank=True)

    def __str__(self) -> str:
        return self.name


class Consent(models.Model):
    """A grant or withdrawal of consent to one purpose, with its proof.

    Every change is a new row; the newest row per (person, purpose) is the one in force.
    """

    class Status(models.TextChoices):
        GRANTED = "granted", "granted"
        WITHDRAWN = "withdrawn", "withdrawn"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.ForeignKey(Purpose, on_delete=models.PROTECT, related_name="consents")
    status = models.CharField(max_length=10, choices=Status.choices)
    at = models.DateTimeField(help_text="When the person gave or withdrew it")
    where = models.CharField(max_length=300, help_text="Form, page, event or channel")
    wording = models.TextField(help_text="The exact words shown to the person", blank=True)
    method = models.CharField(max_length=100, help_text="checkbox, import, API, privacy centre …")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_current = models.BooleanField(default=True)

    class Meta:
        indexes = [models.Index(fields=["person", "purpose", "is_current"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "purpose"],
                condition=Q(is_current=True),
                name="consent_one_current",
            )
        ]
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.purpose}: {self.status}"


class AudienceList(models.Model):
    """A list people are on for a stated purpose; each member says why they are on it."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    purpose = models.ForeignKey(Purpose, on_delete=models.PROTECT, related_name="lists")
    description = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(Evidence):
    """Why a person is on a list: the signup, registration or documented import."""

    audience_list = models.ForeignKey(
        AudienceList, on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    reason = models.CharField(max_length=500)
    left_at = models.DateTimeField(null=True, blank=True)
    left_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["audience_list", "person"], name="membership_unique_person"
            )
        ]

    @property
    def is_active(self) -> bool:
        return self.left_at is None


class Suppression(models.Model):
    """An address we must never market to again, kept only as a one-way hash."""

    class Reason(models.TextChoices):
        ERASED = "erased", "erased on request"
        UNSUBSCRIBED = "unsubscribed", "unsubscribed from everything"
        HARD_BOUNCE = "hard_bounce", "address bounced permanently"
        COMPLAINED = "complained", "marked our mail as spam"
        OBJECTED = "objected", "objected to marketing"

    email_hash = models.CharField(max_length=64)
    reason = models.CharField(max_length=16, choices=Reason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["email_hash", "reason"], name="suppression_unique")
        ]
        indexes = [models.Index(fields=["email_hash"])]

    @staticmethod
    def hash_email(email: str) -> str:
        """SHA-256 of the address's canonical form (people/addresses.py)."""
        from sincerely.people.addresses import email_hash

        return email_hash(email)


class AuditEntry(models.Model):
    """A record of a consequential staff or system action (merge, erase, fact edit …)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=40)
    person_id_ref = models.BigIntegerField(null=True, blank=True, db_index=True)
    summary = models.CharField(max_length=500)
    details = models.JSONField(default=dict)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        verbose_name_plural = "audit entries"
