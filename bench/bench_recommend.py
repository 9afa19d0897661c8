"""Recommendations on the real Online Retail sample: NDCG@10 ours vs the best baseline,
training time, and the database training job (time and peak Python memory).

The offline figures come from the same code as `sincerely recommend evaluate --format
online-retail`; the job figures load the sample into a scratch database (SQLite, or
PostgreSQL with SINCERELY_BENCH_DATABASE_URL) and run `train_recommendations` on it.
"""

from __future__ import annotations

import csv
import shutil
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from bench.common import ROOT, Figure, Result, database_url, peak_memory, setup_django

RETAIL = ROOT.parent / "shared/data/online-retail-sample/online_retail_sample.csv"


def offline() -> None:
    from sincerely.offers.evaluation import evaluate, read_events_file

    report = evaluate(read_events_file(RETAIL, fmt="online-retail"))
    baselines = {m: report[m]["ndcg@10"] for m in ("popularity", "implicit_als", "implicit_bpr")}
    best = max(baselines, key=baselines.get)
    split = report["_split"]
    note = f"{split['test_people']} test people, cut {split['cutoff'][:10]}, best baseline {best}"
    print(
        Result(
            "recommend NDCG@10 on online retail",
            ours=report["ours"]["ndcg@10"] * 1000,
            ceiling=baselines[best] * 1000,
            unit="‰",
            target_ratio=1.10,
            note=note,
        ).line()
    )
    for model in ("ours", "popularity", "implicit_als", "implicit_bpr"):
        row = report[model]
        print(
            f"  {model:<13} precision@10 {row['precision@10']:.4f}  recall@10 "
            f"{row['recall@10']:.4f}  ndcg@10 {row['ndcg@10']:.4f}  coverage "
            f"{row['coverage']:.3f}  train {row['train_seconds']:.2f} s"
        )
    print(
        Figure(
            "recommend training time (ours, incl. weight tuning)",
            report["ours"]["train_seconds"],
            "s",
            60.0,
        ).line()
    )


def load_retail() -> int:
    """People, products and purchase lines from the sample (cancellations, returns and rows
    without a customer dropped, as in the offline evaluation)."""
    from sincerely.catalogue.models import Product
    from sincerely.people.models import Person
    from sincerely.timeline.models import PurchaseLine

    people: dict[str, int] = {}
    products: dict[str, int] = {}
    lines = []
    with RETAIL.open(newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            customer = row["CustomerID"].strip().removesuffix(".0")
            quantity = int(float(row["Quantity"]))
            if not customer or row["InvoiceNo"].startswith("C") or quantity <= 0:
                continue
            lines.append((row, customer, quantity))
    Person.objects.bulk_create(
        [Person(email=f"customer-{c}@retail.example") for c in sorted({c for _, c, _ in lines})],
        batch_size=2000,
    )
    people = dict(Person.objects.values_list("email", "pk"))
    skus = {}
    for row, _, _ in lines:
        skus.setdefault(row["StockCode"], row["Description"].strip() or row["StockCode"])
    Product.objects.bulk_create(
        [Product(sku=s, name=n[:300], category="") for s, n in skus.items()], batch_size=2000
    )
    products = dict(Product.objects.values_list("sku", "pk"))
    PurchaseLine.objects.bulk_create(
        [
            PurchaseLine(
                order_id=row["InvoiceNo"],
                person_id=people[f"customer-{customer}@retail.example"],
                product_id=products[row["StockCode"]],
                quantity=quantity,
                unit_price=Decimal(row["UnitPrice"]),
                at=datetime.fromisoformat(row["InvoiceDate"]).replace(tzinfo=UTC),
            )
            for row, customer, quantity in lines
        ],
        batch_size=5000,
    )
    return len(lines)


def job() -> None:
    db_url = database_url("recommend")
    setup_django(db_url)
    from sincerely.offers.services import train_recommendations

    loaded = load_retail()
    with peak_memory() as memory:
        started = time.perf_counter()
        run = train_recommendations(now=datetime(2011, 12, 10, tzinfo=UTC)).run
        seconds = time.perf_counter() - started
    note = (
        f"{loaded:,} lines, {run.people:,} people, {run.products:,} products: {run.offers:,} "
        f"offers for {run.people_with_offers:,} people; peak Python heap "
        f"{memory['peak_mb']:.0f} MB"
    )
    print(Figure("recommend training job on the database", seconds, "s", 60.0, note=note).line())
    if db_url.startswith("sqlite:///"):
        from django.db import connection

        connection.close()
        shutil.rmtree(Path(db_url.removeprefix("sqlite:///")).parent, ignore_errors=True)


def main() -> int:
    if not Path(RETAIL).exists():
        print(f"skipped: {RETAIL} is not present")
        return 0
    offline()
    job()
    return 0


if __name__ == "__main__":
    sys.exit(main())
