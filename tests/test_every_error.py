"""Forms that say every error: a form with several problems names each of them (beside its field
and in a summary at the top linking to the field) and changes nothing; a bad filter shows its
error and no list, never an unfiltered list under it."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from interlock.agreements.models import Agreement, AgreementKind
from interlock.core.models import AuditEvent
from interlock.documents.models import Document
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db


def summary(html: str) -> list[str]:
    """The items of the error summary at the top of the page, as text."""
    block = re.search(r'<div class="error-summary".*?</ul>', html, re.S)
    assert block, "the page has no error summary"
    return [
        re.sub(r"<[^>]+>", "", item).strip()
        for item in re.findall(r"<li>(.*?)</li>", block[0], re.S)
    ]


def test_an_agreement_with_two_problems_names_both_and_is_not_recorded(client_for) -> None:
    au = Organization.objects.get(acronym="AU")
    kind = AgreementKind.objects.get(key="memorandum-of-understanding")
    events = AuditEvent.objects.count()
    page = client_for("secretariat").post(
        "/agreements/new/",
        {
            "title": "Two problems",
            "kind": kind.pk,
            "party_a": au.pk,
            "party_b": au.pk,  # the same party twice
            "expires_at": "2026-01-01T00:00",  # expires without entering into force
        },
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "two different parties" in html
    assert "expires only after it enters into force" in html
    assert len(summary(html)) == 2
    assert 'href="#id_party_b"' in html and 'href="#id_expires_at"' in html
    assert not Agreement.objects.filter(title="Two problems").exists()
    assert AuditEvent.objects.count() == events


def test_an_agreement_names_a_missing_field_and_a_problem_between_fields_together(
    client_for,
) -> None:
    au = Organization.objects.get(acronym="AU")
    page = client_for("secretariat").post(
        "/agreements/new/", {"title": "", "kind": "", "party_a": au.pk, "party_b": au.pk}
    )
    items = summary(page.content.decode())
    assert any(item.startswith("Title:") for item in items)
    assert any(item.startswith("Kind:") for item in items)
    assert any("two different parties" in item for item in items)


def test_recording_a_signature_without_a_date_says_so_and_changes_nothing(client_for, cast) -> None:
    agreement = Agreement.objects.get(title__startswith="AU–EU")
    signed_on, version = agreement.signed_on, agreement.version
    page = client_for("secretariat").post(
        f"/agreements/{agreement.pk}/sign/", {"at": ""}, follow=True
    )
    assert "give the date and time of the signature" in page.content.decode()
    agreement.refresh_from_db()
    assert (agreement.signed_on, agreement.version) == (signed_on, version)


def test_the_step_forms_let_the_server_answer_an_empty_date(client_for) -> None:
    # With the browser's own check (required, without novalidate) some browsers submit nothing
    # and show nothing: the page's message must be the one that answers.
    agreement = Agreement.objects.get(title__startswith="AU–EU")
    html = client_for("secretariat").get(f"/agreements/{agreement.pk}/").content.decode()
    assert html.count('class="inline-form" novalidate') == 3


def test_signing_in_with_empty_fields_names_both_fields(client) -> None:
    page = client.post("/accounts/sign-in/", {"username": "", "password": ""})
    html = page.content.decode()
    assert page.status_code == 200
    items = summary(html)
    assert len(items) == 2
    assert 'href="#id_username"' in html and 'href="#id_password"' in html
    assert 'aria-invalid="true"' in html
    assert "_auth_user_id" not in client.session


def test_a_document_with_two_problems_names_both_and_is_not_added(client_for) -> None:
    eu = Organization.objects.get(acronym="EU")
    page = client_for("owner").post(
        "/documents/new/",
        {
            "title": "Two problems in one document",
            "classification": "public",
            "language": "en",
            "named_readers": [eu.pk],  # only confidential documents name their readers
            "upload": SimpleUploadedFile("virus.exe", b"MZ not a document"),
        },
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "Only confidential documents name their recipients." in html
    assert "Files of this kind are not accepted." in html
    assert len(summary(html)) == 2
    assert not Document.objects.filter(title="Two problems in one document").exists()


@pytest.mark.parametrize(
    ("path", "unfiltered"),
    [
        ("/documents/?since=2005-13-45", "Aurora public communiqué"),
        ("/organizations/?kind=no-such-kind", "Organization of American States"),
        ("/organizations/?as_of=1800-01-01", "Organization of American States"),
    ],
)
def test_a_bad_filter_shows_its_error_and_no_list(client_for, path: str, unfiltered: str) -> None:
    page = client_for("secretariat").get(path)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'class="field-error"' in html
    assert "No list is shown until the filters" in html
    assert unfiltered not in html


def test_a_bad_filter_of_the_htmx_results_shows_its_error_in_their_place(client_for) -> None:
    page = client_for("anonymous").get("/organizations/?as_of=1800-01-01", HTTP_HX_REQUEST="true")
    html = page.content.decode()
    assert "Choose a day between 1900 and 2200." in html
    assert "Organization of American States" not in html


def test_a_bad_day_on_an_organization_page_shows_no_member_list(client_for) -> None:
    html = client_for("anonymous").get("/organizations/EU/?as_of=1800-01-01").content.decode()
    assert "Choose a day between 1900 and 2200." in html
    assert "No list is shown until the filters" in html
    assert "<code>FRA</code>" not in html
    good = client_for("anonymous").get("/organizations/EU/?as_of=2005-07-25").content.decode()
    assert "<code>FRA</code>" in good


def test_a_bad_filter_exports_no_documents(client_for) -> None:
    response = client_for("owner").get("/documents/export.csv?since=2005-13-45")
    assert response.status_code == 400
    assert "Aurora" not in response.content.decode()
