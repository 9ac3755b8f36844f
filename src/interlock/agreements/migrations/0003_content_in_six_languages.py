"""Content in six languages (core/i18n.py): the English and French columns are kept as they are;
the other languages are added, blank; the field itself holds the English value."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0002_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="agreementkind",
            name="name",
            field=models.CharField(default="", max_length=120),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="agreementkind",
            name="name_ar",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="agreementkind",
            name="name_es",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="agreementkind",
            name="name_ru",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="agreementkind",
            name="name_zh_hans",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AlterField(
            model_name="agreementkind",
            name="name_en",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AlterField(
            model_name="agreementkind",
            name="name_fr",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.RunSQL(
            "UPDATE agreements_agreementkind SET name = name_en",
            reverse_sql=migrations.RunSQL.noop,
            elidable=False,
        ),
    ]
