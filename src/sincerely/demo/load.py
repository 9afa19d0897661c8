"""Demo data: a believable gift retailer with real purchase history and generated people.

Purchases are real (Online Retail data set, UCI, CC BY 4.0; see data/SOURCE.md); names,
addresses and companies are generated with a fixed seed and belong to nobody.
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from faker import Faker

from sincerely.accounts.services import create_staff
from sincerely.catalogue.models import Product
from sincerely.people import services
from sincerely.people.models import AudienceList, SourceKind
from sincerely.timeline import aggregates
from sincerely.timeline.models import PurchaseLine, Touchpoint

DATA = Path(__file__).resolve().parent / "data" / "retail_sample.csv"
PASSWORD = "demo-sincerely-2026"  # noqa: S105 - the published demo login, printed by `make demo`
ATTENDED = "Web Summit 2025"

STAFF = [
    ("admin", "admin", "Ada", "Lovelace", "Operations lead"),
    ("marie", "marketer", "Marie", "Laurent", "Marketing manager"),
    ("sam", "sales", "Sam", "Okafor", "Account executive"),
    ("aisha", "author", "Aisha", "Rahman", "Head of product"),
    ("sven", "support", "Sven", "Lindqvist", "Customer support"),
]

LISTS = [
    ("newsletter", "Monthly newsletter", "newsletter", "Ideas and new arrivals, once a month."),
    ("product-updates", "Product updates", "product_updates", "New ranges and restocks."),
    ("sales-leads", "Trade accounts", "sales_contact", "Shops that asked to hear from sales."),
    ("web-summit-2025", "Web Summit 2025 visitors", "events", "Visitors of our stand."),
]

CATEGORIES = [
    ("Christmas", ("CHRISTMAS", "XMAS", "ADVENT", "SANTA", "REINDEER")),
    ("Garden", ("GARDEN", "PLANT", "FLOWER", "BIRD", "WATERING")),
    ("Kitchen", ("MUG", "CUP", "TEA", "CAKE", "BAKING", "LUNCH", "JAR", "PLATE", "BOWL")),
    ("Lighting", ("CANDLE", "LIGHT", "LANTERN", "T-LIGHT", "HOLDER")),
    ("Bags", ("BAG", "PURSE", "TOTE")),
    ("Stationery", ("CARD", "WRAP", "PAPER", "NOTEBOOK", "PEN", "STICKER", "TAPE")),
    ("Home decor", ("FRAME", "SIGN", "CUSHION", "CLOCK", "HEART", "DOORMAT", "HOOK")),
    ("Toys", ("TOY", "GAME", "DOLL", "SPACEBOY", "CHILDRENS", "JIGSAW")),
]

NEWSLETTER_WORDING = "Yes, send me the monthly newsletter. I can unsubscribe at any time."
UPDATES_WORDING = "Tell me about new ranges and restocks of products I buy."
SALES_WORDING = "I would like a named salesperson to contact me about trade prices."
EVENTS_WORDING = "Scan my badge so you can send me the slides and your event follow-up."


def category_for(description: str) -> str:
    upper = description.upper()
    for name, words in CATEGORIES:
        if any(word in upper for word in words):
            return name
    return "Gifts"


def is_loaded() -> bool:
    return AudienceList.objects.filter(slug="newsletter").exists() and (
        get_user_model().objects.filter(username="admin").exists()
    )


def _read_sample() -> dict[str, list[dict]]:
    by_customer: dict[str, list[dict]] = defaultdict(list)
    with DATA.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["CustomerID"]:
                by_customer[row["CustomerID"].split(".")[0]].append(row)
    return by_customer


def _aware(text: str) -> datetime:
    return timezone.make_aware(datetime.strptime(text, "%Y-%m-%d %H:%M:%S"))


@transaction.atomic
def load_demo(stdout=None) -> dict:
    """Create staff, lists, ~400 people with evidence and consents, purchases and history."""
    say = stdout.write if stdout else (lambda _msg: None)
    fake = Faker(["en_GB", "fr_FR", "de_DE"])
    Faker.seed(2011)
    rng = random.Random(2011)
    staff = {}
    for username, role, first, last, title in STAFF:
        staff[username] = create_staff(
            username,
            role=role,
            email=f"{first.lower()}@sincerely-demo.example.com",
            password=PASSWORD,
            first_name=first,
            last_name=last,
            title=title,
            bio=f"{first} is our {title.lower()}.",
        )
    lists = {
        slug: services.create_list(slug, name, purpose, description=desc, actor=staff["admin"])
        for slug, name, purpose, desc in LISTS
    }
    say("staff and lists created\n")

    by_customer = _read_sample()
    # Shift the real 2010-2011 history so the newest order is a few days ago.
    newest = max(_aware(r["InvoiceDate"]) for rows in by_customer.values() for r in rows)
    shift = (timezone.now() - timedelta(days=3)) - newest

    products: dict[str, Product] = {}
    for rows in by_customer.values():
        for r in rows:
            sku = r["StockCode"].strip()
            if sku and sku not in products and r["Description"].strip():
                products[sku] = Product(
                    sku=sku,
                    name=r["Description"].strip().capitalize(),
                    category=category_for(r["Description"]),
                    price=Decimal(r["UnitPrice"] or "0"),
                    is_consumable=category_for(r["Description"]) in {"Stationery", "Kitchen"},
                )
    Product.objects.bulk_create(products.values())
    products = {p.sku: p for p in Product.objects.all()}

    scans = services.EvidenceInput(
        SourceKind.IMPORTED,
        "badge scan, web-summit-scans.csv",
        recorded_by=staff["marie"],
        recorded_at=timezone.now() - timedelta(days=19),
    )
    lines: list[PurchaseLine] = []
    touchpoints: list[Touchpoint] = []
    campaigns = ["spring-sale", "garden-week", "christmas-preview", ""]
    people_count = 0
    for customer_id, rows in sorted(by_customer.items()):
        country = rows[0]["Country"]
        locale_fake = (
            fake["fr_FR"]
            if country == "France"
            else (
                fake["de_DE"] if country in {"Germany", "Austria", "Switzerland"} else fake["en_GB"]
            )
        )
        first, last = locale_fake.first_name(), locale_fake.last_name()
        email = f"{first}.{last}.{customer_id}@example.com".lower().replace(" ", "")
        email = "".join(ch for ch in email if ch.isascii())
        first_order = min(_aware(r["InvoiceDate"]) for r in rows) + shift
        signup_at = first_order - timedelta(days=rng.randint(1, 60))
        signup = services.EvidenceInput(
            SourceKind.SELF_DECLARED, "signup form on /newsletter", recorded_at=signup_at
        )
        orders = services.EvidenceInput(
            SourceKind.TRANSACTION, "order history", recorded_at=first_order
        )
        facts = {"first_name": first, "last_name": last, "city": locale_fake.city()}
        if rng.random() < 0.45:
            facts["company"] = locale_fake.company()
        person = services.create_person(email, facts, signup)
        services.record_fact(person, "country", country, orders)
        people_count += 1
        if rng.random() < 0.75:
            services.record_consent(
                person,
                "newsletter",
                granted=True,
                at=signup_at,
                where="signup form on /newsletter",
                wording=NEWSLETTER_WORDING,
                method="checkbox",
            )
            services.add_to_list(person, lists["newsletter"], "signed up on /newsletter", signup)
            if rng.random() < 0.08:
                services.record_consent(
                    person,
                    "newsletter",
                    granted=False,
                    at=signup_at + timedelta(days=90),
                    where="unsubscribe link",
                    method="one-click unsubscribe",
                )
                services.leave_list(person, lists["newsletter"], "unsubscribed")
        if rng.random() < 0.4:
            services.record_consent(
                person,
                "product_updates",
                granted=True,
                at=first_order,
                where="checkout page",
                wording=UPDATES_WORDING,
                method="checkbox at checkout",
            )
            services.add_to_list(
                person, lists["product-updates"], "ticked the box at checkout", orders
            )
        if "company" in facts and rng.random() < 0.5:
            services.record_consent(
                person,
                "sales_contact",
                granted=True,
                at=first_order,
                where="trade account request form",
                wording=SALES_WORDING,
                method="web form",
            )
            services.add_to_list(person, lists["sales-leads"], "asked for a trade account", signup)
            person.owner = staff["sam"]
            person.save(update_fields=["owner"])
        if rng.random() < 0.3:
            services.record_fact(person, "attended_event", ATTENDED, scans)
            services.record_consent(
                person,
                "events",
                granted=True,
                at=timezone.now() - timedelta(days=20),
                where="Web Summit 2025 stand, badge scan",
                wording=EVENTS_WORDING,
                method="badge scan with verbal agreement",
            )
            services.add_to_list(
                person, lists["web-summit-2025"], "badge scanned at our Web Summit stand", scans
            )
            touchpoints.append(
                Touchpoint(
                    person=person,
                    kind="event_attendance",
                    at=timezone.now() - timedelta(days=20),
                    properties={"event": ATTENDED, "source": "web-summit-scans.csv"},
                )
            )
        campaign = rng.choice(campaigns)
        first_touch = signup_at - timedelta(hours=rng.randint(1, 48))
        touchpoints.append(
            Touchpoint(
                person=person,
                kind="ad_click" if campaign else "page_view",
                at=first_touch,
                url="https://shop.example.com/" + (f"?utm_campaign={campaign}" if campaign else ""),
                properties={
                    "utm_source": "newsletter" if not campaign else "google",
                    "utm_medium": "cpc" if campaign else "",
                    "utm_campaign": campaign,
                },
            )
        )
        for path in rng.sample(["/", "/garden", "/christmas", "/pricing", "/trade", "/about"], 3):
            touchpoints.append(
                Touchpoint(
                    person=person,
                    kind="page_view",
                    at=first_touch + timedelta(minutes=rng.randint(1, 600)),
                    url=f"https://shop.example.com{path}",
                    properties={"title": path.strip("/")},
                )
            )
        invoices: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            invoices[r["InvoiceNo"]].append(r)
        for invoice, items in invoices.items():
            at = _aware(items[0]["InvoiceDate"]) + shift
            total = Decimal("0")
            for r in items:
                product = products.get(r["StockCode"].strip())
                if product is None:
                    continue
                line = PurchaseLine(
                    order_id=invoice,
                    person=person,
                    product=product,
                    quantity=int(r["Quantity"]),
                    unit_price=Decimal(r["UnitPrice"]),
                    currency="GBP",
                    at=at,
                )
                total += line.quantity * line.unit_price
                lines.append(line)
            touchpoints.append(
                Touchpoint(
                    person=person,
                    kind="purchase",
                    at=at,
                    properties={
                        "order_id": invoice,
                        "total": str(total),
                        "currency": "GBP",
                        "returned": invoice.startswith("C"),
                    },
                )
            )
        if person.owner_id and rng.random() < 0.5:
            touchpoints.append(
                Touchpoint(
                    person=person,
                    kind="meeting",
                    at=timezone.now() - timedelta(days=rng.randint(5, 60)),
                    recorded_by=staff["sam"],
                    properties={"with": "sam", "note": "Walked through the trade price list."},
                )
            )
    PurchaseLine.objects.bulk_create(lines, batch_size=1000)
    Touchpoint.objects.bulk_create(touchpoints, batch_size=1000)
    aggregates.rebuild()
    say(f"{people_count} people, {len(products)} products, {len(lines)} purchase lines\n")
    extra = _load_app_demos(staff, lists, say)
    return {"people": people_count, "purchase_lines": len(lines), **extra}


def _load_app_demos(staff: dict, lists: dict, say) -> dict:
    """Apps that have demo content of their own (campaigns, posts) add it here."""
    loaded: dict = {}
    from sincerely.messaging.demo import load_demo_messaging

    # The newsletter list: some of its members were at Web Summit and some were not, so
    # the preview shows the guarded sentence reaching only those with the evidence.
    load_demo_messaging(staff["marie"], lists["newsletter"])
    loaded["campaigns"] = True
    say("demo campaign created (draft, from Marie)\n")
    from sincerely.conversations.demo import load_demo_blog

    load_demo_blog(staff["aisha"])
    loaded["blog"] = True
    say("demo blog posts created\n")
    # Value tiers and offers are computed now, so their pages are full on the first visit
    # (the scheduled jobs only start once someone runs `segments schedule`).
    from sincerely.insight.services import compute_value_scores
    from sincerely.offers.services import train_recommendations

    loaded["value_scores"] = compute_value_scores()
    say(f"value tiers computed for {loaded['value_scores']} buyers\n")
    trained = train_recommendations()
    loaded["offers"] = trained.run.offers
    say(f"offers trained: {trained.run.offers} for {trained.run.people_with_offers} people\n")
    return loaded
