"""Seed the `postal` purpose: consent to printed mail (letters, postcards, catalogues)."""

from django.db import migrations

PURPOSE = (
    "postal",
    "Postal mail",
    "Letters, postcards and catalogues by post, each saying why you get it.",
)


def seed(apps, schema_editor):
    Purpose = apps.get_model("people", "Purpose")
    slug, name, description = PURPOSE
    Purpose.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})


class Migration(migrations.Migration):
    dependencies = [("postal", "0001_print_campaigns_jobs_pieces"), ("people", "0002_purposes")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
