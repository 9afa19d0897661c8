"""Offers point at catalogue.Product: state only, the foreign keys already name offers_product."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0001_initial'),
        ('offers', '0003_product_category_upper'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='offer',
                    name='product',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='offers', to='catalogue.product'),
                ),
                migrations.AlterField(
                    model_name='offer',
                    name='because_of',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='catalogue.product'),
                ),
                migrations.AlterField(
                    model_name='offerrejection',
                    name='product',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rejections', to='catalogue.product'),
                ),
            ],
            database_operations=[],
        ),
    ]
