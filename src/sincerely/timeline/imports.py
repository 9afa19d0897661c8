"""CSV import of purchase history: order lines into PurchaseLine, products into the
catalogue, and one `purchase` touchpoint per order, applied all-or-nothing.

Same rules as the people import (whose CSV and encoding helpers this reuses): structural
problems refuse the whole file and write nothing; a row with a bad value is rejected with
its line and reason and kept on the import batch. Purchases never create people: a row
whose email or person id we do not know is rejected.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import IO

from django.contrib.auth.models import AbstractBaseUser

from sincerely.catalogue.models import Product
from sincerely.errors import DomainError, ImportRejected
from sincerely.people.import_frame import (
    BaseImportReport,
    RowIssue,
    parse_past_time,
    read_column_names,
    run_import,
    text_lines,
)
from sincerely.people.models import Identity, ImportBatch, ImportIssue, Person
from sincerely.people.services import normalise_email
from sincerely.timeline import aggregates
from sincerely.timeline.models import PurchaseLine, Touchpoint

REQUIRED = ("order_id", "sku", "product_name", "quantity", "unit_price", "currency", "at")
OPTIONAL = ("category", "email", "person_id")
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
MAX_PRICE = Decimal("9999999999.99")
CENT = Decimal("0.01")
REJECTED = ImportIssue.Kind.REJECTED


@dataclass
class PurchaseImportReport(BaseImportReport):
    lines_created: int = 0
    orders_created: int = 0
    products_created: int = 0
    products_updated: int = 0

    def batch_counts(self) -> dict[str, int]:
        return {**super().batch_counts(), "rows_created": self.lines_created}

    def summary(self) -> str:
        return (
            f"{self.verb} {self.rows_total} rows from {self.filename}: "
            f"{self.lines_created} order lines in {self.orders_created} orders, "
            f"{self.products_created} new products, {self.products_updated} products updated, "
            f"{len(self.rejected)} rejected"
        )

    def as_dict(self) -> dict:
        return {
            **super().as_dict(),
            "lines": self.lines_created,
            "orders": self.orders_created,
            "products_created": self.products_created,
            "products_updated": self.products_updated,
        }


@dataclass
class _Line:
    line: int
    order_id: str
    email: str
    person_id: int | None
    sku: str
    name: str
    category: str
    quantity: int
    unit_price: Decimal
    currency: str
    at: datetime
    raw: dict


def _read_header(reader) -> list[str]:
    columns = read_column_names(reader)
    for name in columns:
        if name not in REQUIRED and name not in OPTIONAL:
            known = ", ".join(REQUIRED + OPTIONAL)
            raise ImportRejected(
                f"unknown column '{name}' (known columns: {known})", line=1, field=name
            )
    for name in REQUIRED:
        if name not in columns:
            raise ImportRejected(
                f"the required column '{name}' is missing (first line must name the columns)",
                line=1,
                field=name,
            )
    if "email" not in columns and "person_id" not in columns:
        raise ImportRejected(
            "name the buyer with an 'email' or a 'person_id' column", line=1, field="email"
        )
    return columns


def _parse_at(raw: str) -> datetime:
    value = parse_past_time(raw, field="at")
    if value is None:
        raise DomainError("a purchase needs a time", field="at")
    return value


def _parse_row(raw: dict, line: int) -> _Line:
    order_id = raw["order_id"].strip()
    if not order_id or len(order_id) > 64:
        raise DomainError("an order id is 1 to 64 characters", field="order_id")
    email = ""
    person_id = None
    raw_email = raw.get("email", "").strip()
    raw_person = raw.get("person_id", "").strip()
    if raw_email:
        email = normalise_email(raw_email)
    elif raw_person:
        if not raw_person.isdigit() or int(raw_person) < 1 or len(raw_person) > 18:
            raise DomainError(f"'{raw_person}' is not a person id", field="person_id")
        person_id = int(raw_person)
    else:
        field = "email" if "email" in raw else "person_id"
        raise DomainError("say who bought it (email or person id)", field=field)
    sku = raw["sku"].strip()
    if not sku or len(sku) > 64:
        raise DomainError("a sku is 1 to 64 characters", field="sku")
    try:
        quantity = int(raw["quantity"].strip())
    except ValueError:
        raise DomainError(
            f"'{raw['quantity'].strip()}' is not a whole number", field="quantity"
        ) from None
    if quantity == 0 or abs(quantity) > 10_000_000:
        raise DomainError("quantity must be non-zero (negative for a return)", field="quantity")
    try:
        unit_price = Decimal(raw["unit_price"].strip())
    except InvalidOperation:
        raise DomainError(
            f"'{raw['unit_price'].strip()}' is not a price", field="unit_price"
        ) from None
    if not unit_price.is_finite() or unit_price < 0 or unit_price > MAX_PRICE:
        raise DomainError("a unit price is a positive amount (or 0)", field="unit_price")
    currency = raw["currency"].strip().upper()
    if not CURRENCY_RE.match(currency):
        raise DomainError(f"'{raw['currency'].strip()}' is not an ISO 4217 code", field="currency")
    return _Line(
        line=line,
        order_id=order_id,
        email=email,
        person_id=person_id,
        sku=sku,
        name=" ".join(raw["product_name"].split())[:300],
        category=" ".join(raw.get("category", "").split())[:100],
        quantity=quantity,
        unit_price=unit_price.quantize(CENT, rounding=ROUND_HALF_UP),
        currency=currency,
        at=_parse_at(raw["at"]),
        raw=raw,
    )


def _rows(stream: IO[bytes], report: PurchaseImportReport, progress) -> Iterator[_Line | RowIssue]:
    reader = csv.reader(text_lines(stream), strict=True)
    columns = _read_header(reader)
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportRejected(f"broken CSV quoting: {exc}", line=reader.line_num) from None
        line = reader.line_num
        if any("\x00" in v for v in values):
            # A NUL byte means a binary file (a spreadsheet saved wrongly), and PostgreSQL
            # could not even keep the row to show it back.
            raise ImportRejected(
                "this line holds a NUL character: the file is not a text CSV", line=line
            )
        if not any(v.strip() for v in values):
            continue
        report.rows_total += 1
        if progress and report.rows_total % 5000 == 0:
            progress(report.rows_total)
        raw = dict(zip(columns, values, strict=False))
        if len(values) != len(columns):
            yield RowIssue(
                line,
                REJECTED,
                f"has {len(values)} fields, the header has {len(columns)}",
                row={"values": values},
            )
            continue
        try:
            yield _parse_row(raw, line)
        except DomainError as exc:
            yield RowIssue(line, REJECTED, exc.reason, exc.field, raw)


@dataclass
class _Order:
    person_id: int
    currency: str
    first_line: int
    at: datetime
    total: Decimal = Decimal("0")
    lines: int = 0
    skus: list[str] = dataclass_field(default_factory=list)


class _Applier:
    """Writes one chunk of good rows with a few bulk statements; orders span chunks."""

    def __init__(self, batch: ImportBatch, report: PurchaseImportReport) -> None:
        self.batch = batch
        self.report = report
        self.orders: dict[str, _Order] = {}
        self.products: dict[str, Product] = {}

    def apply(self, rows: list[_Line]) -> list[RowIssue]:
        issues: list[RowIssue] = []
        by_email = dict(
            Identity.objects.filter(
                kind=Identity.Kind.EMAIL, value__in={r.email for r in rows if r.email}
            ).values_list("value", "person_id")
        )
        known_ids = set(
            Person.objects.filter(pk__in={r.person_id for r in rows if r.person_id}).values_list(
                "pk", flat=True
            )
        )
        new_orders = {r.order_id for r in rows if r.order_id not in self.orders}
        imported_before = dict(
            PurchaseLine.objects.filter(order_id__in=new_orders)
            .values_list("order_id", "import_batch_id")
            .distinct()
        )
        good: list[tuple[_Line, int]] = []
        for row in rows:
            if row.email:
                person_id = by_email.get(row.email)
                if person_id is None:
                    issues.append(
                        RowIssue(
                            row.line,
                            REJECTED,
                            "no person has this email (purchases never create people)",
                            "email",
                            row.raw,
                        )
                    )
                    continue
            else:
                person_id = row.person_id
                if person_id not in known_ids:
                    issues.append(
                        RowIssue(
                            row.line, REJECTED, f"no person #{person_id}", "person_id", row.raw
                        )
                    )
                    continue
            if row.order_id in imported_before:
                batch = imported_before[row.order_id]
                issues.append(
                    RowIssue(
                        row.line,
                        REJECTED,
                        f"order {row.order_id} was imported before"
                        + (f" (import #{batch})" if batch else ""),
                        "order_id",
                        row.raw,
                    )
                )
                continue
            order = self.orders.get(row.order_id)
            if order is not None and order.person_id != person_id:
                issues.append(
                    RowIssue(
                        row.line,
                        REJECTED,
                        f"order {row.order_id} belongs to another buyer (line {order.first_line})",
                        "order_id",
                        row.raw,
                    )
                )
                continue
            if order is not None and order.currency != row.currency:
                issues.append(
                    RowIssue(
                        row.line,
                        REJECTED,
                        f"order {row.order_id} is in {order.currency} (line {order.first_line})",
                        "currency",
                        row.raw,
                    )
                )
                continue
            if row.sku not in self.products and not row.name:
                known = Product.objects.filter(sku=row.sku).first()
                if known is None:
                    issues.append(
                        RowIssue(
                            row.line,
                            REJECTED,
                            "a new product needs a name",
                            "product_name",
                            row.raw,
                        )
                    )
                    continue
                self.products[row.sku] = known
            if order is None:
                order = self.orders[row.order_id] = _Order(
                    person_id, row.currency, row.line, row.at
                )
            order.at = min(order.at, row.at)
            order.total += row.quantity * row.unit_price
            order.lines += 1
            if len(order.skus) < 20:
                order.skus.append(row.name or row.sku)
            good.append((row, person_id))
        self._write(good)
        return issues

    def _write(self, rows: list[tuple[_Line, int]]) -> None:
        if not rows:
            return
        self._save_products([row for row, _ in rows])
        PurchaseLine.objects.bulk_create(
            [
                PurchaseLine(
                    order_id=row.order_id,
                    person_id=person_id,
                    product=self.products[row.sku],
                    quantity=row.quantity,
                    unit_price=row.unit_price,
                    currency=row.currency,
                    at=row.at,
                    import_batch=self.batch,
                )
                for row, person_id in rows
            ],
            batch_size=1000,
        )
        aggregates.refresh({person_id for _, person_id in rows})
        self.report.lines_created += len(rows)

    def _save_products(self, rows: list[_Line]) -> None:
        """Create unknown skus; update name, category and price from the newest sale line."""
        latest: dict[str, _Line] = {}
        price: dict[str, Decimal] = {}
        price_at: dict[str, datetime] = {}
        for row in rows:
            if row.name and (row.sku not in latest or row.at >= latest[row.sku].at):
                latest[row.sku] = row
            is_sale = row.quantity > 0 and row.unit_price > 0
            if is_sale and (row.sku not in price_at or row.at >= price_at[row.sku]):
                price[row.sku], price_at[row.sku] = row.unit_price, row.at
        missing = [s for s in latest if s not in self.products]
        for product in Product.objects.filter(sku__in=missing):
            self.products[product.sku] = product
        created = [
            Product(
                sku=sku,
                name=row.name,
                category=row.category,
                price=price.get(sku),
                active=True,
            )
            for sku, row in latest.items()
            if sku not in self.products
        ]
        for product in Product.objects.bulk_create(created):
            self.products[product.sku] = product
        self.report.products_created += len(created)
        created_skus = {p.sku for p in created}
        changed: list[Product] = []
        for sku in set(latest) | set(price):
            if sku in created_skus or sku not in self.products:
                continue
            product = self.products[sku]
            before = (product.name, product.category, product.price)
            if sku in latest:
                product.name = latest[sku].name
                product.category = latest[sku].category or product.category
            product.price = price.get(sku, product.price)
            if (product.name, product.category, product.price) != before:
                changed.append(product)
        if changed:
            Product.objects.bulk_update(changed, ["name", "category", "price"], batch_size=500)
            self.report.products_updated += len(changed)

    def finish(self) -> None:
        """One `purchase` touchpoint per order (orders can span the file, so at the end)."""
        Touchpoint.objects.bulk_create(
            [
                Touchpoint(
                    person_id=order.person_id,
                    kind="purchase",
                    at=order.at,
                    properties={
                        "order_id": order_id,
                        "total": str(order.total),
                        "currency": order.currency,
                        "lines": order.lines,
                        "items": order.skus,
                        "source": f"{self.batch.source} ({self.batch.filename})"[:200],
                    },
                )
                for order_id, order in self.orders.items()
            ],
            batch_size=1000,
        )
        self.report.orders_created = len(self.orders)


def import_purchases(
    stream: IO[bytes],
    *,
    filename: str,
    source: str,
    actor: AbstractBaseUser | None = None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> PurchaseImportReport:
    """Import order lines from a CSV byte stream, all-or-nothing.

    Columns: order_id, email or person_id, sku, product_name, category (optional),
    quantity (negative for a return), unit_price, currency, at. With `dry_run` every
    check and write runs and is rolled back, so the preview is exactly the real outcome.
    """
    report = PurchaseImportReport(filename=filename, source=source, dry_run=dry_run)
    return run_import(
        report,
        _rows(stream, report, progress),
        kind=ImportBatch.Kind.PURCHASES,
        applier=lambda batch: _Applier(batch, report),
        actor=actor,
        progress=progress,
    )
