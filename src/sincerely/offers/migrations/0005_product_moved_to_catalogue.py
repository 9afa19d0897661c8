"""offers.Product leaves the offers app's state; its table now belongs to the catalogue."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('offers', '0004_product_foreign_keys_to_catalogue'),
        ('timeline', '0003_product_moved_to_catalogue'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='Product',
                ),
            ],
            database_operations=[],
        ),
    ]
