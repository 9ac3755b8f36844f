"""Reminder e-mails of the meeting cycle, sent by the project's one reminder mechanism
(core.reminders, the worker's send_reminders task): each once, in the recipient's language, and
listed on /reminders/ beside the reminders of progress reports."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from interlock.core.models import Notification, NotificationKind, ReminderSent
from interlock.core.services import reminders_send
from interlock.core.tasks import send_reminders
from interlock.meetings import services
from interlock.meetings.models import Meeting
from interlock.meetings.tests.records import circulated_record

pytestmark = pytest.mark.django_db
# The cast meeting opens on 1 March 2027; the EU is invited and has not answered.
FORTNIGHT_BEFORE = dt.date(2027, 2, 20)


def cast_meeting() -> Meeting:
    return Meeting.objects.get(series__key="standing-committee", number=1)


def test_an_unanswered_invitation_is_recalled_to_the_liaison_official_once(cast):
    assert reminders_send(today=dt.date(2027, 1, 1)) == []  # too early
    sent = reminders_send(today=FORTNIGHT_BEFORE)
    assert [m.to for m in mail.outbox] == [[cast["partner"].email]]  # the AU has registered
    assert "First meeting of the standing committee" in mail.outbox[0].subject
    assert [r.kind for r in sent] == ["meetings.invitation_answer"]
    assert reminders_send(today=FORTNIGHT_BEFORE) == []
    assert reminders_send(today=FORTNIGHT_BEFORE + dt.timedelta(days=1)) == []
    assert len(mail.outbox) == 1


def test_a_reminder_is_written_in_the_recipients_language(cast):
    cast["partner"].preferred_language = "fr"
    cast["partner"].save(update_fields=["preferred_language"])
    reminders_send(today=FORTNIGHT_BEFORE)
    (message,) = mail.outbox
    assert message.subject.startswith("Veuillez répondre à l'invitation")
    assert ReminderSent.objects.get().language == "fr"


def test_an_answered_invitation_or_a_cancelled_meeting_is_not_recalled(cast):
    meeting = cast_meeting()
    services.meeting_set_status(
        actor=cast["secretariat"],
        meeting=meeting,
        status="cancelled",
        expected_version=meeting.version,
    )
    assert reminders_send(today=FORTNIGHT_BEFORE) == []
    assert mail.outbox == []


@pytest.fixture
def circulated(cast):
    return circulated_record(cast["secretariat"], "partnership", days=2)


def test_a_comment_deadline_near_reaches_the_participants_by_mail_and_in_the_app(cast, circulated):
    Notification.objects.filter(kind=NotificationKind.DEADLINE_NEAR).delete()
    today = timezone.localdate()
    sent = reminders_send(today=today)
    deadline_mail = [m for m in mail.outbox if "Comments due" in m.subject]
    # The AU is the participant (its delegation is registered): its liaison official and member.
    assert sorted(m.to[0] for m in deadline_mail) == sorted(
        [cast["owner"].email, cast["owner_member"].email]
    )
    assert {r.kind for r in sent} >= {"meetings.comment_deadline"}
    notified = Notification.objects.filter(kind=NotificationKind.DEADLINE_NEAR)
    assert sorted(n.recipient_id for n in notified) == sorted(
        [cast["owner"].pk, cast["owner_member"].pk]
    )
    reminders_send(today=today)
    assert len([m for m in mail.outbox if "Comments due" in m.subject]) == 2
    assert notified.count() == 2


def test_the_worker_task_sends_and_the_reminders_page_lists_every_apps_reminders(
    cast, circulated, client_for
):
    send_reminders.call()
    assert mail.outbox
    page = client_for("secretariat").get("/reminders/").content.decode()
    assert "Comment deadline near" in page
    assert "Record of the first meeting of the standing committee" in page
    assert cast["owner"].email in page
    # The decisions' address for the same list now leads here.
    response = client_for("secretariat").get("/decisions/reminders/")
    assert response.status_code == 301 and response["Location"] == "/reminders/"
    assert client_for("owner").get("/reminders/").status_code == 403


def test_the_language_chosen_in_the_interface_is_kept_for_mail(cast, client_for):
    client_for("partner").post("/i18n/setlang/", {"language": "ru", "next": "/"})
    cast["partner"].refresh_from_db()
    assert cast["partner"].preferred_language == "ru"
    client_for("partner").post("/i18n/setlang/", {"language": "xx", "next": "/"})
    cast["partner"].refresh_from_db()
    assert cast["partner"].preferred_language == "ru"
    reminders_send(today=FORTNIGHT_BEFORE)
    assert mail.outbox[0].subject.startswith("Просим ответить")
