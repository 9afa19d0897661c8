"""Seed the standard purposes that consents and lists refer to."""

from django.db import migrations

PURPOSES = [
    ("newsletter", "Newsletter", "Our regular newsletter: articles, news and tips."),
    ("product_updates", "Product updates", "Mail about new products and changes to those you use."),
    ("sales_contact", "Sales contact", "A named salesperson may contact you about offers."),
    ("service", "Service notices", "Mail about your orders, your account and incidents that affect you."),
    ("events", "Events", "Invitations to events, webinars and meetups."),
]


def seed(apps, schema_editor):
    Purpose = apps.get_model("people", "Purpose")
    for slug, name, description in PURPOSES:
        Purpose.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
