"""A working group's page shows its meetings (its series in the meetings app), the library
documents linked to its work as each reader's policy allows, its proposals and, to participants,
its people; the secretariat links documents and names the people on the page."""

import datetime as dt

import pytest

from conftest import CAN_READ, SWEEP_CAST
from interlock.committees import services
from interlock.committees.models import WorkingGroup
from interlock.core.models import AuditEvent
from interlock.documents.models import Document

pytestmark = pytest.mark.django_db
PAGE = "/groups/working-groups/peacekeeping/"


@pytest.fixture
def group():
    return WorkingGroup.objects.get(key="peacekeeping")


def test_the_page_lists_the_meetings_of_the_groups_series(cast, client_for, group) -> None:
    from interlock.meetings import services as meetings
    from interlock.meetings.models import MeetingSeries

    series = MeetingSeries.objects.get(working_group=group)  # reference data: wg-peacekeeping
    meetings.meeting_create(
        actor=cast["secretariat"], series=series, number=1, title_en="First peacekeeping session",
        starts_on=dt.date(2027, 2, 1), ends_on=dt.date(2027, 2, 1), online=True,
    )  # fmt: skip
    html = client_for("anonymous").get(PAGE).content.decode()
    assert "First peacekeeping session" in html
    assert "?series=wg-peacekeeping" in html


def test_each_reader_sees_only_the_linked_documents_the_policy_lets_them_read(
    cast, cast_documents, client_for, group
) -> None:
    linked = ("public", "partnership", "restricted_covered")  # all the secretariat may read
    for case in linked:
        services.working_group_document(
            actor=cast["secretariat"], group=group, reference=str(cast_documents[case].pk)
        )
    for part in SWEEP_CAST:
        html = client_for(part).get(PAGE).content.decode()
        for case in linked:
            title = cast_documents[case].title
            assert (title in html) == (case in CAN_READ[part]), f"{part} and {case}"


def test_the_secretariat_links_and_unlinks_a_document_on_the_page(
    cast, cast_documents, client_for, group
) -> None:
    client = client_for("secretariat")
    document = cast_documents["partnership"]
    url = PAGE + "documents/"
    client.post(url, {"document": str(document.pk)})
    assert list(group.details.documents.all()) == [document]
    assert AuditEvent.objects.filter(action="committee.group.document").count() == 1
    again = client.post(url, {"document": str(document.pk)}, follow=True)
    assert "already linked" in again.content.decode()
    client.post(url, {"document": str(document.pk), "unlink": "1"})
    assert not group.details.documents.exists()


def test_a_document_the_secretariat_may_not_read_cannot_be_linked(
    cast, cast_documents, client_for, group
) -> None:
    hidden = cast_documents["confidential_to_partner"]
    response = client_for("secretariat").post(
        PAGE + "documents/", {"document": str(hidden.pk)}, follow=True
    )
    assert "No document with this number or symbol." in response.content.decode()
    assert hidden.title not in response.content.decode()
    assert not Document.objects.filter(working_group_details__group=group).exists()


def test_only_the_secretariat_links_documents_or_names_people(cast, client_for) -> None:
    for tail in ("documents/", "people/"):
        for part in ("owner", "partner", "outsider"):
            assert client_for(part).post(PAGE + tail, {"document": "1"}).status_code == 403
        assert client_for("anonymous").post(PAGE + tail).status_code == 302


def test_people_are_named_to_participants_and_only_from_member_organizations(
    cast, client_for, group
) -> None:
    from interlock.registry.models import Organization

    services.working_group_update(
        actor=cast["secretariat"], group=group, expected_version=1, theme="", chair="",
        convening_organization=Organization.objects.get(acronym="AU"), organizations=[],
    )  # fmt: skip
    client = client_for("secretariat")
    refused = client.post(PAGE + "people/", {"people": [cast["partner"].pk]}, follow=True)
    assert "Not of a member organization of the group" in refused.content.decode()
    assert not group.details.people.exists()
    client.post(PAGE + "people/", {"people": [cast["owner"].pk]})
    assert list(group.details.people.all()) == [cast["owner"]]
    assert cast["owner"].username in client_for("outsider").get(PAGE).content.decode()
    assert cast["owner"].username not in client_for("anonymous").get(PAGE).content.decode()


def test_the_page_runs_the_same_queries_at_two_sizes(cast, client_for, group) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from interlock.documents.services import document_create
    from interlock.meetings.models import Meeting, MeetingSeries
    from interlock.registry.models import Organization

    series = MeetingSeries.objects.get(working_group=group)
    au = Organization.objects.get(acronym="AU")

    def grow(n: int) -> None:
        start = Meeting.objects.filter(series=series).count() + 1
        for number in range(start, start + n):
            Meeting.objects.create(series=series, number=number, title=f"Session {number}",
                                   starts_on=dt.date(2027, 1, 1), ends_on=dt.date(2027, 1, 1))  # fmt: skip
            document = document_create(actor=cast["owner"], owner=au, classification="partnership",
                                       title=f"Group paper {number}", topics=[])  # fmt: skip
            services.working_group_document(
                actor=cast["secretariat"], group=group, reference=str(document.pk)
            )
        services.working_group_people(actor=cast["secretariat"], group=group,
                                      people=[cast["secretariat"]])  # fmt: skip

    client = client_for("partner")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(PAGE).status_code == 200
        return len(captured)

    grow(2)
    small = queries()
    grow(25)
    assert queries() == small
