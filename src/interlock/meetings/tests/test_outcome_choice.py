"""A meeting planned in Interlock gets its conclusions on a page of the secretariat (and through
the API): a document of the library chosen by searching what the chooser may read, never by
number; a document the chooser may not read is refused as one that does not exist."""

import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from interlock.accounts.models import TokenScope
from interlock.accounts.services import api_token_issue
from interlock.core.models import AuditEvent
from interlock.documents.services import document_create
from interlock.meetings import services
from interlock.meetings.models import Meeting
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db

PAGE = "/meetings/standing-committee/1/outcome/"
API = "/api/v1/series/standing-committee/meetings/1/outcome"
REFUSED = "Choose a document you may read from the search results."
V = 2  # the cast meeting's version: planned, then invited


def meeting() -> Meeting:
    found = Meeting.objects.get(series__key="standing-committee", number=1)
    return found


@pytest.fixture
def conclusions(cast):
    """The secretariat's conclusions of the cast meeting, shared with the partnership."""
    return document_create(
        actor=cast["secretariat"],
        owner=Organization.objects.get(acronym="UN"),
        classification="partnership",
        title="Kittiwake conclusions of the standing committee",
        symbol="SC/2027/1",
        body="Conclusions\n\n1. The committee met.\n\n2. It agreed to meet again.",
    )


def put(client, body, **headers):
    return client.put(API, body, content_type="application/json", headers=headers)


def test_the_secretariat_chooses_the_conclusions_on_the_page_and_the_choice_is_audited(
    client_for, conclusions
) -> None:
    client = client_for("secretariat")
    form = client.get(PAGE).content.decode()
    assert 'type="search"' in form and "documents/choices/" in form  # chosen by searching
    response = client.post(PAGE, {"document": conclusions.pk, "version": meeting().version})
    assert response.status_code == 302
    assert meeting().outcome_id == conclusions.pk and meeting().version == V + 1
    event = AuditEvent.objects.get(action="meeting.outcome")
    # Keys only: the audit page names the document through the reading policy.
    assert event.changes == {"outcome": [None, conclusions.pk]}
    audit = client.get("/audit/?action=meeting.outcome").content.decode()
    assert "SC/2027/1" in audit  # a document is named by its symbol
    page = client.get("/meetings/standing-committee/1/").content.decode()
    assert "SC/2027/1" in page and 'id="outcome-pdf"' in page


def test_the_meeting_page_and_the_pdf_show_the_chosen_conclusions_to_those_who_may_read_them(
    client_for, cast, conclusions
) -> None:
    services.meeting_set_outcome(
        actor=cast["secretariat"], meeting=meeting(), document=conclusions, expected_version=V
    )
    pdf = client_for("outsider").get("/meetings/standing-committee/1/outcome.pdf")
    assert pdf.status_code == 200
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "It agreed to meet again." in text
    assert (
        client_for("anonymous").get("/meetings/standing-committee/1/outcome.pdf").status_code == 404
    )
    public = client_for("anonymous").get("/meetings/standing-committee/1/").content.decode()
    assert "SC/2027/1" not in public and "a document (withheld)" in public
    assert 'id="outcome-pdf"' not in public


def test_a_document_the_chooser_may_not_read_is_refused_as_one_that_does_not_exist(
    client_for, cast, cast_documents
) -> None:
    hidden = cast_documents["confidential_own"]  # the AU's own: the secretariat may not read it
    client = client_for("secretariat")
    answers = [client.post(PAGE, {"document": pk, "version": V}) for pk in (hidden.pk, 99999999)]
    assert [a.status_code for a in answers] == [200, 200]
    bodies = [a.content.decode() for a in answers]
    assert all(REFUSED in body for body in bodies)
    assert hidden.title not in bodies[0]
    with pytest.raises(ValidationError, match=REFUSED):
        services.meeting_set_outcome(
            actor=cast["secretariat"], meeting=meeting(), document=hidden, expected_version=V
        )
    by_api = [put(client, {"document": pk, "version": V}) for pk in (hidden.pk, 99999999)]
    assert [a.status_code for a in by_api] == [422, 422]
    assert by_api[0].json() == by_api[1].json()  # the same words: no existence oracle
    assert REFUSED in by_api[0].json()["detail"]
    assert meeting().outcome_id is None and meeting().version == V
    assert not AuditEvent.objects.filter(action="meeting.outcome").exists()


def test_the_conclusions_are_changed_and_cleared_and_a_stale_save_changes_nothing(
    client_for, cast, cast_documents, conclusions
) -> None:
    client = client_for("secretariat")
    assert client.post(PAGE, {"document": conclusions.pk, "version": V}).status_code == 302
    other = cast_documents["partnership"]
    stale = client.post(PAGE, {"document": other.pk, "version": V}, HTTP_HX_REQUEST="true")
    assert (
        stale.status_code == 200 and "Someone else changed this meeting" in stale.content.decode()
    )
    assert meeting().outcome_id == conclusions.pk
    assert client.post(PAGE, {"document": other.pk, "version": V + 1}).status_code == 302
    assert meeting().outcome_id == other.pk
    cleared = put(client, {"document": None, "version": V + 2})
    assert cleared.status_code == 200 and cleared.json()["outcome"] is None
    assert meeting().outcome_id is None
    assert put(client, {"document": other.pk, "version": V + 2}).status_code == 409
    changes = [e.changes["outcome"] for e in AuditEvent.objects.filter(action="meeting.outcome")]
    assert sorted(map(tuple, changes), key=str) == sorted(
        [(None, conclusions.pk), (conclusions.pk, other.pk), (other.pk, None)], key=str
    )


def test_a_secretariat_official_who_may_not_read_the_current_conclusions_sees_them_withheld(
    client_for, cast_documents
) -> None:
    hidden = cast_documents["confidential_own"]
    Meeting.objects.filter(pk=meeting().pk).update(outcome=hidden)  # set in the admin, say
    page = client_for("secretariat").get(PAGE).content.decode()
    assert hidden.title not in page
    assert "a document (withheld)" in page and "You may not read the current outcome" in page
    detail = client_for("secretariat").get("/api/v1/series/standing-committee/meetings/1").json()
    assert detail["outcome"] == {
        "type": "documents.document",
        "id": None,
        "label": "a document (withheld)",
        "withheld": True,
    }
    owner = client_for("owner").get("/api/v1/series/standing-committee/meetings/1").json()
    assert owner["outcome"]["label"] == hidden.title


def test_only_the_secretariat_sets_the_conclusions_and_a_read_only_token_may_not(
    client, client_for, cast, conclusions
) -> None:
    for part in ("owner", "partner", "outsider"):
        assert client_for(part).get(PAGE).status_code == 403
        assert (
            client_for(part).post(PAGE, {"document": conclusions.pk, "version": V}).status_code
            == 403
        )
        assert put(client_for(part), {"document": conclusions.pk, "version": V}).status_code == 403
    assert (
        put(client_for("anonymous"), {"document": conclusions.pk, "version": V}).status_code == 401
    )
    _token, raw = api_token_issue(actor=cast["secretariat"], name="reads", scope=TokenScope.READ)
    read_only = put(
        client, {"document": conclusions.pk, "version": V}, Authorization=f"Bearer {raw}"
    )
    assert read_only.status_code == 403
    _token, raw = api_token_issue(actor=cast["secretariat"], name="w", scope=TokenScope.READ_WRITE)
    written = put(client, {"document": conclusions.pk, "version": V}, Authorization=f"Bearer {raw}")
    assert written.status_code == 200 and written.json()["outcome"]["label"] == "SC/2027/1"
    assert meeting().outcome_id == conclusions.pk


def test_the_sixth_meeting_keeps_the_conclusions_its_source_gives(client_for) -> None:
    sixth = Meeting.objects.get(series__key="high-level", number=6)
    assert client_for("secretariat").get("/meetings/high-level/6/outcome/").status_code == 403
    answer = client_for("secretariat").put(
        "/api/v1/series/high-level/meetings/6/outcome",
        {"document": None, "version": sixth.version},
        content_type="application/json",
    )
    assert answer.status_code == 409  # its stored state refuses: kept as its source says
    assert Meeting.objects.get(pk=sixth.pk).outcome_id == sixth.outcome_id is not None


def test_the_choosers_results_may_sit_inside_a_forms_paragraph(client_for, conclusions) -> None:
    """A <fieldset> inside the form's <p> would close it in the browser's parser, leaving the
    results outside the element htmx swaps, so each search would add a list (seen at 390 px)."""
    found = client_for("secretariat").get(
        "/documents/choices/", {"field": "document", "document_search": "Kittiwake"}
    )
    body = found.content.decode()
    assert "SC/2027/1" in body and 'role="radiogroup"' in body
    assert not any(f"<{tag}" in body for tag in ("fieldset", "div", "p ", "p>", "ul", "legend"))
