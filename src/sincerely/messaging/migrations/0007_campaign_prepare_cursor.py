from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0006_sent_marks"),
    ]

    operations = [
        migrations.AddField(
            model_name="campaign",
            name="prepare_cursor",
            field=models.BigIntegerField(default=0),
        ),
    ]
