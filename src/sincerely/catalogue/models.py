"""The product catalogue: what is sold, which purchases name and offers are made from."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Upper


class Product(models.Model):
    sku = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=300)
    category = models.CharField(max_length=100, blank=True, db_index=True)
    price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    active = models.BooleanField(default=True)
    is_consumable = models.BooleanField(
        default=False, help_text="May be offered again to someone who already bought it"
    )
    in_stock = models.BooleanField(default=True)

    class Meta:
        # Moved from the offers app; the table keeps its name (no data moved).
        db_table = "offers_product"
        ordering = ["name"]
        indexes = [
            # Segments match categories case-insensitively (UPPER on PostgreSQL): the index
            # gives the planner real row estimates for it (measured 3.6 s -> 2.9 s on the
            # 1M-people benchmark segment).
            models.Index(Upper("category"), name="product_category_upper"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.sku})"
