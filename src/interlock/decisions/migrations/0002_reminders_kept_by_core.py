"""The reminders of progress reports move to the project's one reminder mechanism
(core.ReminderSent): every reminder already sent is copied there, so none goes again."""

from django.db import migrations

KINDS = {"before": "decisions.report_before", "overdue": "decisions.report_overdue"}


def copy_to_core(apps, schema_editor):  # type: ignore[no-untyped-def]
    Old = apps.get_model("decisions", "ReminderSent")
    New = apps.get_model("core", "ReminderSent")
    New.objects.bulk_create(
        New(
            kind=KINDS[old.kind],
            target_type="decisions.indicator",
            target_id=str(old.indicator_id),
            target_label=getattr(old.indicator, "title_en", None) or old.indicator.title or "",
            occasion=old.due_on.isoformat(),
            address=old.recipient,
            language="en",  # the language they were written in: the site's default
            sent_at=old.sent_at,
        )
        for old in Old.objects.select_related("indicator")
    )


def copy_back(apps, schema_editor):  # type: ignore[no-untyped-def]
    Old = apps.get_model("decisions", "ReminderSent")
    New = apps.get_model("core", "ReminderSent")
    kinds = {new: old for old, new in KINDS.items()}
    Old.objects.bulk_create(
        Old(
            indicator_id=int(new.target_id),
            due_on=new.occasion,
            kind=kinds[new.kind],
            recipient=new.address,
            sent_at=new.sent_at,
        )
        for new in New.objects.filter(kind__in=kinds)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0001_initial"),
        ("core", "0005_notifications_and_reminders"),
    ]

    operations = [
        migrations.RunPython(copy_to_core, copy_back),
        migrations.DeleteModel(name="ReminderSent"),
    ]
