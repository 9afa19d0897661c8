"""Staff can be blog editors (issue 11.4): the role column's choices gain 'editor'."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='staffprofile',
            name='role',
            field=models.CharField(choices=[('admin', 'Administrator'), ('marketer', 'Marketer'), ('sales', 'Salesperson'), ('author', 'Blog author'), ('support', 'Support'), ('editor', 'Blog editor')], max_length=16),
        ),
    ]
