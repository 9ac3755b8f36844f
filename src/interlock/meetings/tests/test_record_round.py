"""The record and its comment round (¶10): draft → circulated for comment → revised → final."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from interlock.meetings import selectors, services
from interlock.meetings.models import Comment, Record, RecordVersion

pytestmark = pytest.mark.django_db

TEXT = "The meeting opened.\n\nParticipants discussed peacekeeping.\n\nThe meeting closed."
SC = "/meetings/standing-committee/3"


@pytest.fixture
def meeting(cast):
    """A meeting the AU attended (its delegation is registered) and the EU was invited to."""
    from interlock.meetings.models import MeetingSeries
    from interlock.registry.models import Organization

    made = services.meeting_create(
        actor=cast["secretariat"],
        series=MeetingSeries.objects.get(key="standing-committee"),
        number=3,
        title_en="Third meeting of the standing committee",
        starts_on=dt.date(2027, 9, 1),
        ends_on=dt.date(2027, 9, 1),
        venue="Addis Ababa",
    )
    services.meeting_invite(
        actor=cast["secretariat"],
        meeting=made,
        organizations=Organization.objects.filter(acronym__in=["AU", "EU"]),
    )
    services.delegation_register(
        actor=cast["owner"],
        meeting=made,
        organization=Organization.objects.get(acronym="AU"),
        level="head",
        head_name="Chairperson",
    )
    return made


def draft(cast, meeting, classification="partnership"):
    return services.record_create(
        actor=cast["secretariat"], meeting=meeting, text=TEXT, classification=classification
    )


def circulate(cast, record, days=7):
    return services.record_move(
        actor=cast["secretariat"],
        record=record,
        to="circulated",
        expected_version=record.version,
        deadline=timezone.now() + dt.timedelta(days=days),
    )


def test_a_participant_comments_on_a_paragraph_of_the_circulated_record(cast, meeting) -> None:
    record = circulate(cast, draft(cast, meeting))
    comment = services.comment_add(actor=cast["owner"], record=record, paragraph=2, text="Add AU.")
    assert (comment.paragraph, comment.organization.acronym) == (2, "AU")
    assert comment.on_version.number == 1


def test_a_comment_from_a_non_participant_is_refused(cast, meeting) -> None:
    # The EU is invited but has not registered a delegation; the OSCE is not invited.
    record = circulate(cast, draft(cast, meeting))
    for part in ("partner", "outsider"):
        with pytest.raises(ValidationError, match="Only participating organizations"):
            services.comment_add(actor=cast[part], record=record, paragraph=1, text="x")
    assert not Comment.objects.filter(record=record).exists()


def test_a_comment_after_the_deadline_is_refused(cast, meeting) -> None:
    record = circulate(cast, draft(cast, meeting))
    Record.objects.filter(pk=record.pk).update(comment_deadline=timezone.now() - dt.timedelta(1))
    record.refresh_from_db()
    with pytest.raises(ValidationError, match="deadline for comments has passed"):
        services.comment_add(actor=cast["owner"], record=record, paragraph=1, text="late")


def test_a_comment_on_a_final_record_or_a_draft_is_refused(cast, meeting) -> None:
    record = draft(cast, meeting)
    with pytest.raises(ValidationError, match="not circulated"):
        services.comment_add(actor=cast["owner"], record=record, paragraph=1, text="x")
    circulate(cast, record)
    services.record_move(
        actor=cast["secretariat"], record=record, to="revised", expected_version=record.version
    )
    services.record_move(
        actor=cast["secretariat"], record=record, to="final", expected_version=record.version
    )
    with pytest.raises(ValidationError, match="final"):
        services.comment_add(actor=cast["owner"], record=record, paragraph=1, text="x")


def test_a_comment_must_anchor_to_an_existing_paragraph(cast, meeting) -> None:
    record = circulate(cast, draft(cast, meeting))
    with pytest.raises(ValidationError, match="Choose a paragraph"):
        services.comment_add(actor=cast["owner"], record=record, paragraph=4, text="x")


def test_the_record_is_final_only_when_every_comment_has_a_disposition(cast, meeting) -> None:
    record = circulate(cast, draft(cast, meeting))
    comment = services.comment_add(actor=cast["owner"], record=record, paragraph=2, text="Add AU.")
    services.record_move(
        actor=cast["secretariat"], record=record, to="revised", expected_version=record.version
    )
    with pytest.raises(ValidationError, match="Every comment needs a disposition"):
        services.record_move(
            actor=cast["secretariat"], record=record, to="final", expected_version=record.version
        )
    with pytest.raises(ValidationError, match="reason"):
        services.comment_dispose(
            actor=cast["secretariat"], comment=comment, disposition="not_accepted", reason=""
        )
    services.comment_dispose(
        actor=cast["secretariat"],
        comment=comment,
        disposition="in_part",
        reason="Only the first half.",
    )
    services.record_move(
        actor=cast["secretariat"], record=record, to="final", expected_version=record.version
    )
    with pytest.raises(ValidationError, match="final and locked"):
        services.record_revise(actor=cast["secretariat"], record=record, text="New", based_on=1)


def test_only_the_secretariat_keeps_the_record(cast, meeting) -> None:
    with pytest.raises(PermissionDenied):
        services.record_create(
            actor=cast["owner"], meeting=meeting, text=TEXT, classification="public"
        )


def test_the_second_of_two_revisions_is_refused_with_the_others_changes_shown(
    cast, meeting, client_for
) -> None:
    record = draft(cast, meeting)
    services.record_revise(
        actor=cast["secretariat"], record=record, text=TEXT.replace("closed", "ended"), based_on=1
    )
    page = client_for("secretariat").post(
        f"{SC}/record/edit/", {"text": TEXT + "\n\nMy new paragraph.", "based_on": 1, "note": ""}
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert "Someone else saved the record" in body
    assert "<ins>ended.</ins>" in body and "My new paragraph." in body  # theirs shown, mine kept
    assert RecordVersion.objects.filter(record=record).count() == 2
    assert page.context["form"].data["based_on"] == "2"


def test_versions_are_kept_and_any_two_compare_readably(cast, meeting, client_for) -> None:
    record = draft(cast, meeting)
    services.record_revise(
        actor=cast["secretariat"], record=record, text=TEXT.replace("closed", "ended"), based_on=1
    )
    services.record_revise(
        actor=cast["secretariat"], record=record, text=TEXT + "\n\nAnnex.", based_on=2
    )
    rows = selectors.record_diff(record, old=1, new=3)
    assert [row.kind for row in rows] == ["equal", "equal", "equal", "insert"]
    body = client_for("owner").get(f"{SC}/record/diff/?from=2&to=3").content.decode()
    assert (
        "<del>ended.</del>" in body and "<ins>closed.</ins>" in body and "<ins>Annex.</ins>" in body
    )
    assert list(RecordVersion.objects.filter(record=record).values_list("number", flat=True)) == [
        3,
        2,
        1,
    ]


@pytest.mark.parametrize(
    ("classification", "readers"),
    [
        ("public", {"owner", "partner", "outsider", "secretariat", "anonymous"}),
        ("partnership", {"owner", "partner", "outsider", "secretariat"}),
        ("confidential", {"secretariat"}),  # confidential to its owner, the UN
    ],
)
def test_who_sees_the_record_follows_the_sharing_policy(
    cast, meeting, client_for, classification, readers
) -> None:
    draft(cast, meeting, classification)
    for part in ("owner", "partner", "outsider", "secretariat", "anonymous"):
        response = client_for(part).get(f"{SC}/record/")
        assert (response.status_code == 200) == (part in readers), part
        if part not in readers:
            assert "Record of the" not in response.content.decode()
            assert (
                client_for(part)
                .get("/api/v1/series/standing-committee/meetings/3/record")
                .status_code
                == 404
            )


def test_the_next_meetings_preparation_lists_what_remains_open(cast, meeting, client_for) -> None:
    from interlock.committees.models import WorkingGroup
    from interlock.meetings.models import AgendaItem

    record = circulate(cast, draft(cast, meeting))
    open_one = services.comment_add(
        actor=cast["owner"], record=record, paragraph=2, text="Name the AU."
    )
    closed = services.comment_add(actor=cast["owner"], record=record, paragraph=3, text="Fine.")
    services.comment_dispose(
        actor=cast["secretariat"], comment=closed, disposition="accepted", reason=""
    )
    services.comment_dispose(
        actor=cast["secretariat"],
        comment=open_one,
        disposition="not_accepted",
        reason="Out of scope.",
    )
    AgendaItem.objects.create(
        meeting=meeting,
        number=1,
        title="Peacekeeping",
        working_group=WorkingGroup.objects.get(key="peacekeeping"),
    )
    # The pending result is carried forward once the agenda is public (published).
    services.agenda_publish(actor=cast["secretariat"], meeting=meeting)
    services.meeting_create(
        actor=cast["secretariat"],
        series=meeting.series,
        number=4,
        title_en="Fourth meeting",
        starts_on=dt.date(2028, 3, 1),
        ends_on=dt.date(2028, 3, 1),
        venue="Geneva",
    )
    page = client_for("owner").get("/meetings/standing-committee/4/preparation/")
    prep = page.context["prep"]
    assert [c.text for c in prep.unresolved] == ["Name the AU."]
    assert [i.title for i in prep.pending] == ["Peacekeeping"]
