"""Content in six languages (core/i18n.py): the English and French columns are kept as they are;
the other languages are added, blank; the field itself holds the English value."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('situations', '0002_capability_domains'),
    ]

    operations = [
        migrations.AddField(
            model_name='capabilitydomain',
            name='name',
            field=models.CharField(default='', max_length=120),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='capabilitydomain',
            name='name_ar',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name='capabilitydomain',
            name='name_es',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name='capabilitydomain',
            name='name_ru',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name='capabilitydomain',
            name='name_zh_hans',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AlterField(
            model_name='capabilitydomain',
            name='name_en',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AlterField(
            model_name='capabilitydomain',
            name='name_fr',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.RunSQL(
            "UPDATE situations_capabilitydomain SET name = name_en",
            reverse_sql=migrations.RunSQL.noop,
            elidable=False,
        ),
    ]
