"""System mail in the outbox: a message may have no person yet, and says what it is for.

Making `person` nullable rebuilds the table on SQLite, and a rebuilt table's AUTOINCREMENT
high-water mark would fall back to the largest id left, so the id of a message deleted
since (an erased person's) could be handed out again while old signed links still name
it. The mark is carried over the rebuild.
"""

import django.db.models.deletion
from django.db import migrations, models


_SEQ: dict[str, int] = {}


def remember_sequence(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = 'messaging_message'")
        row = cursor.fetchone()
    _SEQ["messaging_message"] = row[0] if row else 0


def restore_sequence(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite" or not _SEQ.get("messaging_message"):
        return
    seq = _SEQ["messaging_message"]
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = 'messaging_message'", [seq]
        )
        if cursor.rowcount == 0:
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('messaging_message', %s)", [seq]
            )


class Migration(migrations.Migration):

    dependencies = [
        ('messaging', '0003_outbox_raw'),
        ('people', '0002_purposes'),
    ]

    operations = [
        migrations.RunPython(remember_sequence, migrations.RunPython.noop),
        migrations.AddField(
            model_name='message',
            name='kind',
            field=models.CharField(blank=True, db_default='', default='', max_length=40),
        ),
        migrations.AlterField(
            model_name='message',
            name='person',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='people.person'),
        ),
        migrations.RunPython(restore_sequence, migrations.RunPython.noop),
    ]
