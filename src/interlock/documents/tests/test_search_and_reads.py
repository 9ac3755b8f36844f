"""Ranked search with safe snippets; the owner's view of who read what; explanations."""

import pytest

from conftest import CAST_AGREEMENT
from interlock.documents import services
from interlock.documents.models import DocumentRead
from interlock.domain.sharing import Why

pytestmark = pytest.mark.django_db


def test_a_title_match_ranks_above_a_match_in_the_text(cast) -> None:
    owner = cast["owner"]
    in_text = services.document_create(
        actor=owner,
        owner=owner.organization,
        classification="public",
        title="Annual report",
        body="Mentions the tsunami once.",
    )
    in_title = services.document_create(
        actor=owner,
        owner=owner.organization,
        classification="public",
        title="Tsunami response plan",
        body="Plan.",
    )
    from django.utils import timezone

    from interlock.documents.selectors import DocumentFilters, document_list

    found = list(
        document_list(
            owner, at=timezone.now(), filters=DocumentFilters(owner="AU", query="tsunami")
        )
    )
    assert [d.pk for d in found] == [in_title.pk, in_text.pk]


def test_snippets_mark_the_words_and_escape_the_text(cast, client_for) -> None:
    owner = cast["owner"]
    services.document_create(
        actor=owner,
        owner=owner.organization,
        classification="public",
        title="Escaping",
        body="<script>alert(1)</script> ceasefire monitoring",
    )
    body = client_for("anonymous").get("/documents/", {"q": "ceasefire"}).content.decode()
    assert "<mark>ceasefire</mark>" in body
    assert "<script>alert" not in body  # escaped (SQLite) or stripped as markup (PostgreSQL)


def test_highlighting_escapes_the_text_before_marking_it() -> None:
    from interlock.documents.search import START, STOP, highlight

    assert (
        highlight(f"<b>x</b> {START}ceasefire{STOP}")
        == "&lt;b&gt;x&lt;/b&gt; <mark>ceasefire</mark>"
    )


def test_a_query_of_punctuation_only_finds_nothing_and_fails_nothing(client_for) -> None:
    page = client_for("owner").get("/documents/", {"q": '"*) OR NEAR('})
    assert page.status_code == 200 and page.context["page"].paginator.count == 0


def test_reads_of_restricted_documents_are_logged_for_the_owner(client_for, cast_documents) -> None:
    report = cast_documents["restricted_covered"]
    client_for("partner").get(f"/documents/{report.pk}/")
    client_for("partner").get(f"/api/v1/documents/{report.pk}")
    client_for("partner").get(f"/documents/{cast_documents['public'].pk}/")
    reads = list(
        DocumentRead.objects.filter(document=report).values_list("reader__username", "what")
    )
    assert sorted(reads) == [("eu.liaison", "api"), ("eu.liaison", "page")]
    assert not DocumentRead.objects.filter(document=cast_documents["public"]).exists()
    log = client_for("owner").get(f"/documents/{report.pk}/reads/").content.decode()
    assert "eu.liaison" in log and CAST_AGREEMENT in log


def test_the_owner_sees_why_each_organization_can_or_cannot_read(
    client_for, cast_documents
) -> None:
    page = client_for("owner").get(f"/documents/{cast_documents['restricted_covered'].pk}/")
    rows = {
        row.organization.acronym: row.decision
        for row in page.context["who_can_read"]
        if not row.secretariat
    }
    assert rows["EU"] and rows["EU"].reason.params["agreement"] == CAST_AGREEMENT
    assert not rows["OSCE"] and rows["OSCE"].reason.code is Why.NO_AGREEMENT
    assert CAST_AGREEMENT in page.content.decode()


def test_the_api_explains_for_one_organization(client_for, cast_documents) -> None:
    pk = cast_documents["restricted_uncovered"].pk
    (answer,) = (
        client_for("secretariat")
        .get(f"/api/v1/documents/{pk}/explain", {"organization": "EU"})
        .json()
    )
    assert answer == {
        "organization": "EU",
        "secretariat": False,
        "can_read": False,
        "reason": "No agreement in force with the owner covers its topics at this level.",
        "reason_code": "sharing.not_covered",
    }
    assert (
        client_for("partner")
        .get(f"/api/v1/documents/{cast_documents['restricted_covered'].pk}/explain")
        .status_code
        == 403
    )
