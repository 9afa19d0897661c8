"""StaffProfile and ApiKey now belong to the accounts app; their tables stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("console", "0002_cache_table"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ApiKey"),
                migrations.DeleteModel(name="StaffProfile"),
            ],
            database_operations=[],
        ),
    ]
