"""`sincerely import purchases FILE --source TEXT`: validation, all-or-nothing, catalogue."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sincerely.catalogue.models import Product
from sincerely.errors import ImportRejected
from sincerely.people.models import ImportBatch
from sincerely.timeline.imports import import_purchases
from sincerely.timeline.models import PurchaseLine, Touchpoint
from tests.factories import make_person

pytestmark = pytest.mark.django_db
HEADER = "order_id,email,sku,product_name,category,quantity,unit_price,currency,at\n"
RETAIL = (
    Path(__file__).resolve().parents[2]
    / "../shared/data/online-retail-sample/online_retail_sample.csv"
)


def run(text: str, **kwargs):
    return import_purchases(
        io.BytesIO(text.encode()), filename="orders.csv", source="shop export", **kwargs
    )


def test_good_rows_become_lines_products_and_one_purchase_per_order():
    ana = make_person("ana@example.com")
    report = run(
        HEADER
        + "A1,ana@example.com,MUG-1,Blue mug,kitchen,2,4.50,GBP,2024-03-02 10:15\n"
        + "A1,ANA@example.com,TEA-9,Green tea,,1,3.00,GBP,2024-03-02 10:15\n"
        + "A2,ana@example.com,MUG-1,Blue mug (large),kitchen,-1,5.00,GBP,2024-04-01\n"
    )
    assert report.issues == []
    assert "3 order lines in 2 orders" in report.summary()
    assert PurchaseLine.objects.filter(person=ana).count() == 3
    mug = Product.objects.get(sku="MUG-1")
    assert mug.category == "kitchen" and mug.active
    # The newest line names the product; a return does not set its price.
    assert mug.name == "Blue mug (large)" and mug.price == Decimal("4.50")
    purchases = Touchpoint.objects.filter(person=ana, kind="purchase").order_by("at")
    assert [p.properties["order_id"] for p in purchases] == ["A1", "A2"]
    assert purchases[0].properties["total"] == "12.00"
    assert purchases[1].properties["total"] == "-5.00"


def test_bad_rows_are_rejected_with_line_field_and_reason():
    make_person("ana@example.com")
    report = run(
        HEADER
        + "B1,stranger@example.com,MUG-1,Blue mug,,1,4.50,GBP,2024-03-02\n"
        + "B2,ana@example.com,MUG-1,Blue mug,,zero,4.50,GBP,2024-03-02\n"
        + "B3,ana@example.com,MUG-1,Blue mug,,1,-4.50,GBP,2024-03-02\n"
        + "B4,ana@example.com,MUG-1,Blue mug,,1,4.50,pounds,2024-03-02\n"
        + "B5,ana@example.com,MUG-1,Blue mug,,1,4.50,GBP,2999-01-01\n"
        + "B6,not-an-email,MUG-1,Blue mug,,1,4.50,GBP,2024-03-02\n"
        + "B7,ana@example.com,NEW-1,,,1,4.50,GBP,2024-03-02\n"
        + "B8,ana@example.com,MUG-1,Blue mug,,1,4.50,GBP\n"
        + "B9,ana@example.com,MUG-1,Blue mug,,1,4.50,GBP,2024-03-02\n"
    )
    fields = {i.line: i.field for i in report.issues}
    assert fields == {
        2: "email",
        3: "quantity",
        4: "unit_price",
        5: "currency",
        6: "at",
        7: "email",
        8: "product_name",
        9: "",
    }
    assert "never create people" in report.issues[0].reason
    assert PurchaseLine.objects.count() == 1
    batch = ImportBatch.objects.get(pk=report.batch_id)
    assert batch.rows_rejected == 8 and batch.issues.count() == 8


def test_reimporting_a_file_adds_nothing_twice():
    make_person("ana@example.com")
    text = HEADER + "C1,ana@example.com,MUG-1,Blue mug,,1,4.50,GBP,2024-03-02\n"
    run(text)
    again = run(text)
    assert [i.field for i in again.issues] == ["order_id"]
    assert PurchaseLine.objects.count() == 1
    assert Touchpoint.objects.filter(kind="purchase").count() == 1


def test_structural_problems_refuse_the_whole_file():
    make_person("ana@example.com")
    with pytest.raises(ImportRejected) as missing:
        run("order_id,email,sku\nX,ana@example.com,MUG\n")
    assert missing.value.field == "product_name"
    with pytest.raises(ImportRejected) as bad_bytes:
        import_purchases(
            io.BytesIO(HEADER.encode() + b"D1,ana@example.com,M,\xff\xfe,,1,1,GBP,2024-03-02\n"),
            filename="x.csv",
            source="s",
        )
    with pytest.raises(ImportRejected) as quoting:
        run(HEADER + 'D3,ana@example.com,"MUG-1,Blue mug,,1,4.50,GBP,2024-03-02\n')
    assert quoting.value.line is not None
    assert bad_bytes.value.line == 2 and "UTF-8" in bad_bytes.value.reason
    assert PurchaseLine.objects.count() == 0 and Product.objects.count() == 0


def test_dry_run_reports_exactly_and_writes_nothing():
    make_person("ana@example.com")
    report = run(
        HEADER + "E1,ana@example.com,MUG-1,Blue mug,,1,4.50,GBP,2024-03-02\n", dry_run=True
    )
    assert report.summary().startswith("would import 1 rows")
    assert PurchaseLine.objects.count() == 0 and Product.objects.count() == 0
    assert not ImportBatch.objects.exists()


def test_the_cli_imports_by_person_id(tmp_path, capsys):
    ana = make_person("ana@example.com")
    path = tmp_path / "orders.csv"
    path.write_text(
        "order_id,person_id,sku,product_name,quantity,unit_price,currency,at\n"
        f"F1,{ana.pk},MUG-1,Blue mug,1,4.50,GBP,2024-03-02T10:00:00Z\n"
        "F2,999999,MUG-1,Blue mug,1,4.50,GBP,2024-03-02T10:00:00Z\n"
    )
    call_command("import_data", "purchases", str(path), "--source", "till export")
    out = capsys.readouterr().out
    assert "line 3: rejected [person_id]: no person #999999" in out
    assert "1 order lines in 1 orders" in out
    with pytest.raises(CommandError):
        call_command("import_data", "purchases", str(path), "--source", " ")


@pytest.mark.skipif(not RETAIL.exists(), reason="online retail sample not present")
def test_real_retail_transactions():
    """The UCI Online Retail sample, its mess included (no customer, bad-debt adjustments)."""
    with RETAIL.open(newline="", encoding="utf-8") as source:
        rows = list(csv.DictReader(source))[:3000]
    customers = sorted({r["CustomerID"] for r in rows if r["CustomerID"]})[:150]
    for customer in customers:
        make_person(f"c{customer.split('.')[0]}@retail.example")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["order_id", "email", "sku", "product_name", "quantity", "unit_price", "currency", "at"]
    )
    for r in rows:
        email = f"c{r['CustomerID'].split('.')[0]}@retail.example" if r["CustomerID"] else ""
        writer.writerow(
            [
                r["InvoiceNo"],
                email,
                r["StockCode"],
                r["Description"],
                r["Quantity"],
                r["UnitPrice"],
                "GBP",
                r["InvoiceDate"],
            ]
        )
    report = run(out.getvalue())
    known = {f"c{c.split('.')[0]}@retail.example" for c in customers}
    expected_good = sum(
        1
        for r in rows
        if r["CustomerID"]
        and f"c{r['CustomerID'].split('.')[0]}@retail.example" in known
        and float(r["UnitPrice"]) >= 0
        and int(r["Quantity"]) != 0
        and (
            r["Description"].strip()
            or r["StockCode"] in {x["StockCode"] for x in rows if x["Description"].strip()}
        )
    )
    assert report.rows_total == 3000
    assert report.lines_created + len(report.rejected) == 3000
    assert report.lines_created > 0
    assert abs(report.lines_created - expected_good) <= 20
    assert all(i.field for i in report.rejected)
    orders = PurchaseLine.objects.values("order_id").distinct().count()
    assert Touchpoint.objects.filter(kind="purchase").count() == orders
