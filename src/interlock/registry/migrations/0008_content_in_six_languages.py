"""Content in six languages (core/i18n.py): the English and French columns are kept as they are;
the other languages are added, blank; the field itself holds the English value."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0007_research_partner"),
    ]

    operations = [
        # The Chinese names are kept: the column takes the name modeltranslation gives it.
        migrations.RenameField(model_name="country", old_name="name_zh", new_name="name_zh_hans"),
        migrations.AddField(
            model_name="country",
            name="name",
            field=models.CharField(default="", max_length=120),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="country",
            name="name_zh_hans",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="organization",
            name="name",
            field=models.CharField(default="", max_length=200),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="organization",
            name="name_ar",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_es",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_ru",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_zh_hans",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="organization",
            name="short_name",
            field=models.CharField(default="", max_length=30),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="organization",
            name="short_name_ar",
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.AddField(
            model_name="organization",
            name="short_name_es",
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.AddField(
            model_name="organization",
            name="short_name_ru",
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.AddField(
            model_name="organization",
            name="short_name_zh_hans",
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.AddField(
            model_name="reportedmembercount",
            name="counted",
            field=models.CharField(default="", help_text="What the figure counts", max_length=200),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="reportedmembercount",
            name="counted_ar",
            field=models.CharField(help_text="What the figure counts", max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="reportedmembercount",
            name="counted_es",
            field=models.CharField(help_text="What the figure counts", max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="reportedmembercount",
            name="counted_ru",
            field=models.CharField(help_text="What the figure counts", max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="reportedmembercount",
            name="counted_zh_hans",
            field=models.CharField(help_text="What the figure counts", max_length=200, null=True),
        ),
        migrations.AlterField(
            model_name="country",
            name="name_ar",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AlterField(
            model_name="country",
            name="name_en",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AlterField(
            model_name="country",
            name="name_es",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AlterField(
            model_name="country",
            name="name_fr",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AlterField(
            model_name="country",
            name="name_ru",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AlterField(
            model_name="organization",
            name="name_en",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AlterField(
            model_name="organization",
            name="name_fr",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AlterField(
            model_name="organization",
            name="short_name_en",
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.AlterField(
            model_name="organization",
            name="short_name_fr",
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.AlterField(
            model_name="reportedmembercount",
            name="counted_en",
            field=models.CharField(help_text="What the figure counts", max_length=200, null=True),
        ),
        migrations.AlterField(
            model_name="reportedmembercount",
            name="counted_fr",
            field=models.CharField(help_text="What the figure counts", max_length=200, null=True),
        ),
        migrations.AddField(
            model_name='organizationname',
            name='name',
            field=models.CharField(default='', max_length=200),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='organizationname',
            name='name_ar',
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name='organizationname',
            name='name_es',
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name='organizationname',
            name='name_ru',
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name='organizationname',
            name='name_zh_hans',
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name='organizationname',
            name='short_name',
            field=models.CharField(default='', max_length=30),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='organizationname',
            name='short_name_ar',
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.AddField(
            model_name='organizationname',
            name='short_name_es',
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.AddField(
            model_name='organizationname',
            name='short_name_ru',
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.AddField(
            model_name='organizationname',
            name='short_name_zh_hans',
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.AlterField(
            model_name='organizationname',
            name='name_en',
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AlterField(
            model_name='organizationname',
            name='name_fr',
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AlterField(
            model_name='organizationname',
            name='short_name_en',
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.AlterField(
            model_name='organizationname',
            name='short_name_fr',
            field=models.CharField(max_length=30, null=True),
        ),
        migrations.RunSQL(
            "UPDATE registry_country SET name = name_en",
            reverse_sql=migrations.RunSQL.noop,
            elidable=False,
        ),
        migrations.RunSQL(
            "UPDATE registry_organization SET name = name_en",
            reverse_sql=migrations.RunSQL.noop,
            elidable=False,
        ),
        migrations.RunSQL(
            "UPDATE registry_organization SET short_name = short_name_en",
            reverse_sql=migrations.RunSQL.noop,
            elidable=False,
        ),
        migrations.RunSQL(
            "UPDATE registry_reportedmembercount SET counted = counted_en",
            reverse_sql=migrations.RunSQL.noop,
            elidable=False,
        ),
        migrations.RunSQL(
            "UPDATE registry_organizationname SET name = name_en",
            reverse_sql=migrations.RunSQL.noop,
            elidable=False,
        ),
        migrations.RunSQL(
            "UPDATE registry_organizationname SET short_name = short_name_en",
            reverse_sql=migrations.RunSQL.noop,
            elidable=False,
        ),
    ]
