"""Actions, indicators and progress reports under a decision; overdue reports and reminders with a
controlled clock; reports are never deleted."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from interlock.core.models import ReminderSent
from interlock.decisions import services
from interlock.decisions.models import Indicator, ProgressReport
from interlock.decisions.selectors import monitor, progress_of_decision

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_schedule_that_ends_before_it_starts_is_refused(cast, au_action) -> None:
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        services.indicator_create(actor=cast["secretariat"], action=au_action, title="x",
                                  reports_from=D(2026, 5, 1), reports_until=D(2026, 1, 1),
                                  every_months=1)  # fmt: skip
    assert au_action.indicators.count() == 1


def test_only_the_lead_organizations_liaison_official_reports(cast, au_action) -> None:
    indicator = au_action.indicators.get()
    for part in ("partner", "secretariat", "owner_member"):
        with pytest.raises(PermissionDenied):
            services.report_save(actor=cast[part], indicator=indicator, due_on=D(2026, 3, 31),
                                 status="in_progress")  # fmt: skip
    assert not ProgressReport.objects.exists()


def test_a_report_for_a_day_the_schedule_does_not_give_is_refused(cast, au_action) -> None:
    with pytest.raises(ValidationError, match="No report is due on that day"):
        services.report_save(actor=cast["owner"], indicator=au_action.indicators.get(),
                             due_on=D(2026, 4, 1), status="in_progress")  # fmt: skip


def test_a_submitted_report_moves_the_action_and_the_decision_and_cannot_change(
    cast, au_action
) -> None:
    indicator = au_action.indicators.get()
    draft = services.report_save(actor=cast["owner"], indicator=indicator, due_on=D(2026, 3, 31),
                                 status="in_progress", progress=0.4)  # fmt: skip
    assert draft.state == "draft"
    services.report_save(actor=cast["owner"], indicator=indicator, due_on=D(2026, 3, 31),
                         status="in_progress", progress=0.4, submit=True,
                         expected_version=draft.version)  # fmt: skip
    au_action.refresh_from_db()
    assert (au_action.status, au_action.progress) == ("in_progress", 0.4)
    assert Indicator.objects.get(pk=indicator.pk).next_due_on == D(2026, 6, 30)
    decision = (
        type(au_action.decision).objects.prefetch_related("actions").get(pk=au_action.decision_id)
    )
    assert progress_of_decision(decision).progress == pytest.approx(0.4)
    with pytest.raises(ValidationError, match="submitted"):
        services.report_save(actor=cast["owner"], indicator=indicator, due_on=D(2026, 3, 31),
                             status="completed")  # fmt: skip


def test_archiving_keeps_the_report_and_opens_its_due_date_again(cast, au_action) -> None:
    indicator = au_action.indicators.get()
    report = services.report_save(actor=cast["owner"], indicator=indicator, due_on=D(2026, 3, 31),
                                  status="completed", submit=True)  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.report_archive(actor=cast["owner"], report=report)
    services.report_archive(actor=cast["secretariat"], report=report)
    assert ProgressReport.objects.get(pk=report.pk).state == "archived"
    assert Indicator.objects.get(pk=indicator.pk).next_due_on == D(2026, 3, 31)


def test_overdue_reports_show_on_the_monitor_from_the_day_after_they_fall_due(
    cast, au_action
) -> None:
    assert [i.title for i in monitor(today=D(2026, 3, 31)).overdue] == []
    assert [i.title for i in monitor(today=D(2026, 3, 31)).due_soon] == ["Pillars with a work plan"]
    assert [i.title for i in monitor(today=D(2026, 4, 1)).overdue] == ["Pillars with a work plan"]


def test_reminders_go_thirty_days_before_and_when_overdue_once_each(
    cast, au_action, settings
) -> None:
    from interlock.registry.models import LiaisonAppointment

    LiaisonAppointment.objects.filter(organization__acronym="AU", ended_on__isnull=True).update(
        ended_on=D(2026, 1, 1)
    )
    LiaisonAppointment.objects.create(organization=au_action.lead, person_name="AU liaison",
                                      user=cast["owner"], started_on=D(2026, 1, 1))  # fmt: skip
    assert services.reminders_send(today=D(2026, 2, 15)) == []
    assert len(services.reminders_send(today=D(2026, 3, 1))) == 1
    assert services.reminders_send(today=D(2026, 3, 2)) == []
    assert len(services.reminders_send(today=D(2026, 4, 1))) == 1
    assert [m.to for m in mail.outbox] == [[cast["owner"].email]] * 2
    assert "overdue" in mail.outbox[1].subject
    assert list(ReminderSent.objects.values_list("kind", flat=True).order_by("sent_at", "id")) == [
        "decisions.report_before", "decisions.report_overdue"
    ]  # fmt: skip


def test_the_monitor_exports_csv_with_hxl_tags_and_a_pdf_report(cast, au_action, client) -> None:
    import io

    from pypdf import PdfReader

    body = client.get("/decisions/monitor.csv?hxl=1").content.decode()
    _header, tags, row = body.splitlines()[:3]
    assert tags.startswith("#meta+decision,#event+num") and "HLM6/2" in row and "AU" in row
    response = client.get("/decisions/monitor.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Implementation of the decisions of the high-level meetings" in " ".join(text.split())


def test_a_title_that_looks_like_a_formula_is_neutralized_in_the_csv(
    cast, au_action, client
) -> None:
    au_action.title = "=HYPERLINK(1)"
    au_action.save(update_fields=["title"])
    assert ",'=HYPERLINK(1)," in client.get("/decisions/monitor.csv").content.decode()
