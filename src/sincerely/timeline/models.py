"""Touchpoints (everything that happened with a person) and purchase lines."""

from __future__ import annotations

from django.db import models


class TouchpointTrust(models.TextChoices):
    """How far a touchpoint can be believed about its person (the honesty guard, rule 3a).

    Only `recorded` touchpoints (staff, an authenticated API key, an import, our own
    verified flows) can back a claim of shared history; a page view from a browser that
    followed a signed link from our mail (`visitor_verified`) can back "you looked at";
    anonymous tracker input (`visitor`) never backs anything.
    """

    RECORDED = "recorded", "recorded"
    VISITOR_VERIFIED = "visitor_verified", "web visitor, verified by a signed link"
    VISITOR = "visitor", "web visitor, unverified"


class Touchpoint(models.Model):
    """One thing that happened: a page view, an ad response, an email event, a purchase …

    Rows are narrow on purpose (this is the high-volume table): the kind, the time, who,
    and a JSON bag of properties. `person` is empty for an anonymous visitor until the
    visitor identifies; identity stitching then fills it in.
    """

    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="touchpoints"
    )
    visitor_id = models.CharField(max_length=64, blank=True, db_index=True)
    kind = models.CharField(max_length=32)
    at = models.DateTimeField()
    url = models.CharField(max_length=2000, blank=True)
    properties = models.JSONField(default=dict, blank=True)
    # Not unique here: on PostgreSQL the table is partitioned by month, and a partitioned
    # table's unique constraints must include the partition key. Deduplication of client
    # event ids lives in ClientEvent below; this column only remembers the id.
    client_event_id = models.CharField(max_length=100, null=True, blank=True)
    recorded_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Bulk paths name their columns; the database default keeps them valid.
    trust = models.CharField(
        max_length=16,
        choices=TouchpointTrust.choices,
        default=TouchpointTrust.RECORDED,
        db_default=TouchpointTrust.RECORDED,
    )

    class Meta:
        indexes = [
            models.Index(fields=["person", "at"], name="touchpoint_person_at"),
            models.Index(fields=["person", "kind", "at"], name="touchpoint_person_kind_at"),
            models.Index(fields=["kind", "at"], name="touchpoint_kind_at"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def link(self) -> str:
        """The URL when it is safe to make it a link (http or https), else ""."""
        return self.url if self.url.startswith(("https://", "http://")) else ""


class ClientEvent(models.Model):
    """A client event id already accepted, so a retried batch counts once.

    A small table of its own because the partitioned touchpoint table cannot hold a unique
    constraint on the id alone. Ids should be opaque (a UUID, an order line number): they
    are kept after the event, without the person, to recognise a retry.
    """

    key = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=32)
    at = models.DateTimeField()

    def __str__(self) -> str:
        return self.key


class PurchaseLine(models.Model):
    """One line of an order: who bought how many of which product, at what price, when."""

    order_id = models.CharField(max_length=64, db_index=True)
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="purchase_lines"
    )
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="+")
    quantity = models.IntegerField(help_text="Negative for a return")
    unit_price = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3, default="GBP")
    at = models.DateTimeField()
    import_batch = models.ForeignKey(
        "people.ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["person", "at"], name="purchase_person_at")]

    @property
    def total(self):
        return self.quantity * self.unit_price


class PersonAggregate(models.Model):
    """What a person's purchases and visits add up to, kept current as they are recorded.

    Derived data (timeline/aggregates.py): the services that record purchases, page views,
    merges and value tiers refresh the rows of the people they touched, and
    `sincerely aggregates rebuild` recomputes everything. Segment rules shaped like these
    figures ("bought at least twice", "visited in the last 14 days") read one row per
    person here instead of scanning millions of touchpoints and purchase lines.
    """

    person = models.OneToOneField(
        "people.Person", primary_key=True, on_delete=models.CASCADE, related_name="aggregate"
    )
    # Sum of quantity × unit price over every line, returns included (negative lines).
    spend = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    # Orders with at least one bought (positive) line; what purchase rules count.
    orders = models.IntegerField(default=0)
    last_purchase_at = models.DateTimeField(null=True, blank=True)
    last_visit_at = models.DateTimeField(null=True, blank=True)  # last page_view touchpoint
    tier = models.CharField(max_length=16, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["last_visit_at"], name="aggregate_last_visit"),
            models.Index(fields=["orders", "last_purchase_at"], name="aggregate_orders"),
        ]
