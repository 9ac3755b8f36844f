"""Content in six languages (core/i18n.py): the English and French columns are kept as they are;
the other languages are added, blank; the field itself holds the English value."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="theme",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.AddField(
            model_name="meeting",
            name="theme_ar",
            field=models.CharField(blank=True, max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="meeting",
            name="theme_es",
            field=models.CharField(blank=True, max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="meeting",
            name="theme_ru",
            field=models.CharField(blank=True, max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="meeting",
            name="theme_zh_hans",
            field=models.CharField(blank=True, max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="meeting",
            name="title",
            field=models.CharField(default="", max_length=300),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="meeting",
            name="title_ar",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="meeting",
            name="title_es",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="meeting",
            name="title_ru",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="meeting",
            name="title_zh_hans",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="theme_en",
            field=models.CharField(blank=True, max_length=300, null=True),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="theme_fr",
            field=models.CharField(blank=True, max_length=300, null=True),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="title_en",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="title_fr",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.RunSQL(
            "UPDATE meetings_meeting SET title = title_en",
            reverse_sql=migrations.RunSQL.noop,
            elidable=False,
        ),
        migrations.RunSQL(
            "UPDATE meetings_meeting SET theme = theme_en",
            reverse_sql=migrations.RunSQL.noop,
            elidable=False,
        ),
    ]
