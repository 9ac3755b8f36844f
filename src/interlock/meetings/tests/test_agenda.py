"""The agenda: numbered items kept by the secretariat, published once, each with its documents
from the library, its working group, and the proposals and decisions taken up under it, every
one named through the reading policy."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interlock.committees.models import WorkingGroup
from interlock.core.models import AuditEvent
from interlock.decisions.models import Decision
from interlock.decisions.services import proposal_create
from interlock.meetings import services
from interlock.meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db

PAGE = "/meetings/standing-committee/1/agenda/"
API = "/api/v1/series/standing-committee/meetings/1/agenda"


@pytest.fixture
def meeting():
    return Meeting.objects.select_related("series").get(series__key="standing-committee", number=1)


def add(cast, meeting, *titles):
    return [
        services.agenda_item_add(actor=cast["secretariat"], meeting=meeting, title_en=title)
        for title in titles
    ]


def numbers(meeting):
    return list(AgendaItem.objects.filter(meeting=meeting).values_list("number", "title_en"))


def test_the_secretariat_adds_numbered_items_on_the_page_and_each_is_audited(
    client_for, meeting
) -> None:
    client = client_for("secretariat")
    group = WorkingGroup.objects.get(key="peacekeeping")
    for title in ("Opening of the meeting", "Report of the working group on peacekeeping"):
        response = client.post(
            PAGE + "new/", {"title_en": title, "title_fr": "", "working_group": group.pk}
        )
        assert response.status_code == 302
    assert numbers(meeting) == [
        (1, "Opening of the meeting"),
        (2, "Report of the working group on peacekeeping"),
    ]
    assert AuditEvent.objects.filter(action="agenda.add").count() == 2
    page = client.get(PAGE).content.decode()
    assert "Provisional" in page and "Report of the working group on peacekeeping" in page


def test_an_item_without_a_title_is_refused_in_place_and_nothing_is_added(
    client_for, meeting
) -> None:
    response = client_for("secretariat").post(
        PAGE + "new/", {"title_en": "  "}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and 'id="form-panel"' in response.content.decode()
    assert "field-error" in response.content.decode()
    assert numbers(meeting) == []


@pytest.mark.parametrize("part", ["owner", "partner", "outsider", "anonymous"])
def test_a_provisional_agenda_is_seen_by_the_secretariat_only(
    client_for, cast, meeting, part
) -> None:
    add(cast, meeting, "Kestrel provisional item")
    page = client_for(part).get(PAGE)
    assert page.status_code == 200
    assert "Kestrel" not in page.content.decode()
    assert "not yet published" in page.content.decode()
    assert client_for(part).get(API).json()["items"] == []
    assert client_for(part).get(API + "/1").status_code == 404
    assert "Kestrel" in client_for("secretariat").get(PAGE).content.decode()


def test_once_published_the_agenda_is_public_and_keeps_its_numbers(
    client_for, cast, meeting
) -> None:
    first, second = add(cast, meeting, "Opening", "Kestrel item")
    assert client_for("secretariat").post(PAGE + "publish/").status_code == 302
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is not None
    assert "Kestrel item" in client_for("anonymous").get(PAGE).content.decode()
    assert client_for("anonymous").get(API + "/2").json()["title"] == "Kestrel item"
    with pytest.raises(ValidationError, match="keep their numbers"):
        services.agenda_item_move(
            actor=cast["secretariat"], item=second, to=1, expected_version=second.version
        )
    with pytest.raises(ValidationError, match="no longer removed"):
        services.agenda_item_remove(
            actor=cast["secretariat"], item=first, expected_version=first.version
        )
    with pytest.raises(ValidationError, match="already published"):
        services.agenda_publish(actor=cast["secretariat"], meeting=meeting)
    # A supplementary item takes the next number.
    (third,) = add(cast, meeting, "Any other business")
    assert third.number == 3
    assert numbers(meeting)[:2] == [(1, "Opening"), (2, "Kestrel item")]


def test_an_empty_agenda_is_not_published(cast, meeting) -> None:
    with pytest.raises(ValidationError, match="at least one item"):
        services.agenda_publish(actor=cast["secretariat"], meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None


def test_moving_an_item_renumbers_the_others_and_a_stale_move_changes_nothing(
    client_for, cast, meeting
) -> None:
    a, _b, c = add(cast, meeting, "A", "B", "C")
    response = client_for("secretariat").post(
        PAGE + f"{c.pk}/move/", {"to": 1, "version": c.version}
    )
    assert response.status_code == 302
    assert numbers(meeting) == [(1, "C"), (2, "A"), (3, "B")]
    with pytest.raises(services.ConflictError):
        services.agenda_item_move(actor=cast["secretariat"], item=c, to=3, expected_version=1)
    assert numbers(meeting) == [(1, "C"), (2, "A"), (3, "B")]
    with pytest.raises(ValidationError):
        services.agenda_item_move(actor=cast["secretariat"], item=a, to=9, expected_version=1)
    assert AuditEvent.objects.filter(action="agenda.move").count() == 1


def test_removing_an_item_before_publication_closes_the_gap(client_for, cast, meeting) -> None:
    _a, b, _c = add(cast, meeting, "A", "B", "C")
    response = client_for("secretariat").post(PAGE + f"{b.pk}/remove/", {"version": b.version})
    assert response.status_code == 302
    assert numbers(meeting) == [(1, "A"), (2, "C")]
    assert AuditEvent.objects.filter(action="agenda.remove", target_id=str(b.pk)).exists()


def test_two_people_editing_an_item_the_second_is_refused_and_nothing_is_lost(
    client_for, cast, meeting
) -> None:
    (item,) = add(cast, meeting, "Opening")
    client = client_for("secretariat")
    first = client.post(PAGE + f"{item.pk}/", {"title_en": "Opening of the meeting", "version": 1})
    assert first.status_code == 302
    second = client.post(PAGE + f"{item.pk}/", {"title_en": "Opening and adoption", "version": 1})
    assert second.status_code == 200
    assert "Someone else changed this agenda item" in second.content.decode()
    item.refresh_from_db()
    assert (item.title_en, item.version) == ("Opening of the meeting", 2)


def test_only_the_secretariat_changes_an_agenda(client_for, cast, meeting) -> None:
    (item,) = add(cast, meeting, "Opening")
    with pytest.raises(PermissionDenied):
        services.agenda_item_add(actor=cast["owner"], meeting=meeting, title_en="Mine")
    for path in (f"{item.pk}/remove/", f"{item.pk}/move/", "publish/", f"{item.pk}/links/"):
        assert client_for("owner").post(PAGE + path, {"version": 1, "to": 1}).status_code == 403
    assert client_for("anonymous").post(PAGE + "publish/").status_code == 302
    assert numbers(meeting) == [(1, "Opening")]


def test_the_reference_meeting_has_no_invented_agenda_and_is_not_edited(client_for, cast) -> None:
    sixth = Meeting.objects.get(series__key="high-level", number=6)
    assert not AgendaItem.objects.filter(meeting=sixth).exists()
    page = client_for("anonymous").get("/meetings/high-level/6/agenda/").content.decode()
    assert "gives no agenda for this meeting" in page
    assert client_for("secretariat").get("/meetings/high-level/6/agenda/new/").status_code == 403
    with pytest.raises(ValidationError):
        services.agenda_item_add(actor=cast["secretariat"], meeting=sixth, title_en="Invented")


def test_documents_are_chosen_among_those_the_chooser_may_read(
    client_for, cast, cast_documents, meeting
) -> None:
    (item,) = add(cast, meeting, "Reports")
    client = client_for("secretariat")
    url = PAGE + f"{item.pk}/documents/"
    memo = cast_documents["restricted_uncovered"]  # the secretariat reads it, the EU does not
    hidden = cast_documents["confidential_own"]  # only the AU reads it
    assert client.post(url, {"document": memo.pk}).status_code == 302
    for refused in (hidden.pk, 999_999_999, "Fjord"):
        answer = client.post(url, {"document": refused}, follow=True).content.decode()
        assert "Choose a document you may read from the search results." in answer
    assert list(item.documents.all()) == [memo]
    assert AuditEvent.objects.filter(action="agenda.document.add", target_id=str(memo.pk)).exists()
    with pytest.raises(ValidationError):
        services.agenda_document_add(actor=cast["secretariat"], item=item, document=hidden)
    with pytest.raises(ValidationError, match="already on this item"):
        services.agenda_document_add(actor=cast["secretariat"], item=item, document=memo)
    assert AuditEvent.objects.filter(action="agenda.document.add").count() == 1
    # The chooser's page offers the search (never a number to type).
    chooser = client.get(PAGE + f"{item.pk}/").content.decode()
    assert 'hx-get="/documents/choices/"' in chooser


def test_each_reader_sees_a_document_it_may_not_read_only_as_withheld(
    client_for, cast, cast_documents, meeting
) -> None:
    (item,) = add(cast, meeting, "Reports")
    memo = cast_documents["restricted_uncovered"]
    public = cast_documents["public"]
    for document in (memo, public):
        services.agenda_document_add(actor=cast["secretariat"], item=item, document=document)
    services.agenda_publish(actor=cast["secretariat"], meeting=meeting)
    for part in ("partner", "outsider", "anonymous"):
        page = client_for(part).get(PAGE).content.decode()
        assert memo.title not in page and public.title in page
        assert "a document (withheld)" in page
        api = client_for(part).get(API).json()["items"][0]["documents"]
        assert api[0] == {
            "type": "documents.document",
            "id": None,
            "label": "a document (withheld)",
            "withheld": True,
        }
        assert api[1]["label"] == public.title
    assert memo.title in client_for("secretariat").get(PAGE).content.decode()
    assert memo.title in client_for("owner").get(PAGE).content.decode()


def test_proposals_and_decisions_of_the_meeting_are_taken_up_under_an_item(
    client_for, cast, meeting
) -> None:
    (item,) = add(cast, meeting, "Proposals of the working groups")
    draft = proposal_create(
        actor=cast["outsider"],
        title="Larch draft on mediation",
        text="One.",
        proposer_kind="organization",
        meeting=meeting,
    )
    decision = Decision.objects.create(
        meeting=meeting, number=1, title_en="Wren decision on liaison", text_en="Decided."
    )
    client = client_for("secretariat")
    assert client.post(PAGE + f"{item.pk}/links/", {"proposal": draft.pk}).status_code == 302
    assert client.post(PAGE + f"{item.pk}/links/", {"decision": decision.pk}).status_code == 302
    assert list(item.proposals.all()) == [draft] and list(item.decisions.all()) == [decision]
    services.agenda_publish(actor=cast["secretariat"], meeting=meeting)
    # A draft is seen by its organization and the secretariat only; the decision is public.
    for part, sees in (("outsider", True), ("secretariat", True), ("partner", False)):
        page = client_for(part).get(PAGE).content.decode()
        assert ("Larch draft" in page) is sees, part
        assert "Wren decision on liaison" in page
        assert ("a proposal (withheld)" in page) is not sees
    # Neither nothing nor both; a decision of another meeting is refused.
    other = Decision.objects.filter(meeting__number=6).first()
    answer = client.post(PAGE + f"{item.pk}/links/", {}, follow=True).content.decode()
    assert "Choose a proposal or a decision of this meeting." in answer
    with pytest.raises(ValidationError):
        services.agenda_link(actor=cast["secretariat"], item=item, decision=other)
    assert client.post(PAGE + f"{item.pk}/links/", {"remove": f"decision:{decision.pk}"})
    assert list(item.decisions.all()) == []
    assert AuditEvent.objects.filter(action="agenda.decision.remove").count() == 1


def _grow(cast, meeting, documents, n):
    start = AgendaItem.objects.filter(meeting=meeting).count()
    for i in range(start, n):
        item = services.agenda_item_add(
            actor=cast["secretariat"], meeting=meeting, title_en=f"Item {i}"
        )
        item.documents.add(*documents)


@pytest.mark.parametrize("part", ["secretariat", "partner", "anonymous"])
def test_the_agenda_page_and_api_cost_the_same_queries_at_two_sizes(
    client_for, cast, cast_documents, meeting, part
) -> None:
    documents = list(cast_documents.values())
    client = client_for(part)
    Meeting.objects.filter(pk=meeting.pk).update(agenda_published_at="2027-01-01T00:00Z")
    counts = []
    for size in (2, 12):
        _grow(cast, meeting, documents, size)
        with CaptureQueriesContext(connection) as page:
            assert client.get(PAGE).status_code == 200
        with CaptureQueriesContext(connection) as api:
            assert len(client.get(API + "?limit=50").json()["items"]) == size
        counts.append((len(page), len(api)))
    assert counts[0] == counts[1], counts
