"""Product moves here from the offers app: state only, the table offers_product stays."""

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('offers', '0003_product_category_upper'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Product',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sku', models.CharField(max_length=64, unique=True)),
                        ('name', models.CharField(max_length=300)),
                        ('category', models.CharField(blank=True, db_index=True, max_length=100)),
                        ('price', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True)),
                        ('active', models.BooleanField(default=True)),
                        ('is_consumable', models.BooleanField(default=False, help_text='May be offered again to someone who already bought it')),
                        ('in_stock', models.BooleanField(default=True)),
                    ],
                    options={
                        'db_table': 'offers_product',
                        'ordering': ['name'],
                        'indexes': [models.Index(django.db.models.functions.text.Upper('category'), name='product_category_upper')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
