"""Adding documents and versions: bad input is refused with a message and leaves nothing behind."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from interlock.core.models import AuditEvent
from interlock.documents import services
from interlock.documents.models import Document, DocumentText
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db


def a_pdf() -> bytes:
    from io import BytesIO

    from pypdf import PdfWriter

    writer, out = PdfWriter(), BytesIO()
    writer.add_blank_page(width=72, height=72)
    writer.write(out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()]


def test_a_member_adds_a_document_with_a_text_file_and_it_is_searchable(cast, client_for) -> None:
    upload = SimpleUploadedFile("brief.txt", b"Quarterly brief on humanitarian corridors")
    document = services.document_create(
        actor=cast["owner_member"],
        owner=cast["owner_member"].organization,
        classification="partnership",
        title="Quarterly brief",
        upload=upload,
    )
    text = document.texts.get()
    assert (text.version, text.file_name, text.content_type) == (1, "brief.txt", "text/plain")
    assert AuditEvent.objects.filter(action="document.create", target_id=str(document.pk)).exists()
    found = client_for("outsider").get("/documents/", {"q": "corridors"}).context["documents"]
    assert [d.pk for d in found] == [document.pk]


def test_a_document_claiming_another_owner_is_refused(cast) -> None:
    with pytest.raises(ValidationError, match="owned by your own organization"):
        services.document_create(
            actor=cast["owner"],
            owner=Organization.objects.get(acronym="EU"),
            classification="public",
            title="x",
        )
    assert not Document.objects.filter(title="x").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "not accepted"),
        ("report.pdf", b"MZ\x90\x00 not a pdf", "not a PDF"),
        ("notes.txt", "é".encode("latin-1"), "UTF-8"),
        ("letter.docx", b"PK\x03\x04 broken", "not a docx"),
        ("empty.txt", b"", "empty"),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_and_nothing_is_stored(
    cast, media, name, content, message
) -> None:
    with pytest.raises(ValidationError, match=message):
        services.document_create(
            actor=cast["owner"],
            owner=cast["owner"].organization,
            classification="public",
            title="Bad file",
            upload=SimpleUploadedFile(name, content),
        )
    assert not Document.objects.filter(title="Bad file").exists()
    assert stored_files(media) == []


def test_a_file_over_the_limit_is_refused(cast, media, settings) -> None:
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="limit"):
        services.document_create(
            actor=cast["owner"],
            owner=cast["owner"].organization,
            classification="public",
            title="Big",
            upload=SimpleUploadedFile("big.txt", b"x" * 2048),
        )
    assert stored_files(media) == []


def test_a_write_that_fails_after_the_file_is_stored_leaves_no_orphan(
    cast, media, monkeypatch
) -> None:
    def fail(**kwargs):
        raise RuntimeError("the audit trail is unavailable")

    monkeypatch.setattr(services, "audit_record", fail)
    with pytest.raises(RuntimeError):
        services.document_create(
            actor=cast["owner"],
            owner=cast["owner"].organization,
            classification="public",
            title="Orphan?",
            upload=SimpleUploadedFile("a.pdf", a_pdf()),
        )
    assert stored_files(media) == []
    assert not Document.objects.filter(title="Orphan?").exists()


def test_observers_do_not_contribute(cast) -> None:
    observer = cast["outsider"]
    observer.role = "observer"
    with pytest.raises(PermissionDenied):
        services.document_create(
            actor=observer, owner=observer.organization, classification="public", title="x"
        )


def test_only_confidential_documents_name_recipients(cast) -> None:
    with pytest.raises(ValidationError, match="Only confidential"):
        services.document_create(
            actor=cast["owner"],
            owner=cast["owner"].organization,
            classification="restricted",
            title="x",
            named_readers=[Organization.objects.get(acronym="EU")],
        )


def test_versions_are_numbered_per_language_and_history_is_kept(cast, cast_documents) -> None:
    document = cast_documents["public"]
    first = document.texts.get(language="en")
    services.document_add_version(
        actor=cast["owner"],
        document=document,
        language="en",
        title="Revised communiqué",
        note="typos",
    )
    services.document_add_version(
        actor=cast["owner"], document=document, language="fr", title="Communiqué révisé"
    )
    numbers = sorted(document.texts.values_list("language", "version"))
    assert numbers == [("en", 1), ("en", 2), ("fr", 1)]
    first.refresh_from_db()
    assert first.title.startswith("Aurora")  # the earlier version is unchanged
    document.refresh_from_db()
    assert document.title == "Revised communiqué" and "Communiqué révisé" in document.search_title


def test_another_organization_cannot_add_a_version(cast, cast_documents) -> None:
    with pytest.raises(PermissionDenied):
        services.document_add_version(
            actor=cast["partner"], document=cast_documents["public"], language="en", title="Hijack"
        )
    assert not DocumentText.objects.filter(title="Hijack").exists()


def test_the_upload_form_shows_the_message_and_keeps_nothing(client_for, media) -> None:
    page = client_for("owner").post(
        "/documents/new/",
        {
            "title": "Form upload",
            "classification": "public",
            "language": "en",
            "upload": SimpleUploadedFile("x.exe", b"MZ"),
        },
    )
    assert page.status_code == 200
    assert "not accepted" in page.content.decode()
    assert not Document.objects.filter(title="Form upload").exists()
    assert not default_storage.listdir("")[1]


def test_the_research_partner_publishes_an_analysis_to_the_partnership(cast, client_for) -> None:
    unu_cris = Organization.objects.get(acronym="UNU-CRIS")
    analysis = services.document_create(
        actor=cast["researcher"],
        owner=unu_cris,
        classification="partnership",
        title="Comparative study of regional liaison arrangements",
        body="An analysis for the partnership.",
    )
    assert analysis.owner == unu_cris
    page = client_for("partner").get(f"/documents/{analysis.pk}/")
    assert page.status_code == 200  # a participant reads it


@pytest.mark.parametrize("classification", ["restricted", "confidential"])
def test_the_research_partner_publishes_nothing_restricted_or_confidential(
    cast, classification: str
) -> None:
    before = Document.objects.count()
    with pytest.raises(PermissionDenied, match="public or partnership"):
        services.document_create(
            actor=cast["researcher"],
            owner=Organization.objects.get(acronym="UNU-CRIS"),
            classification=classification,
            title="A closed analysis",
            body="x",
        )
    assert Document.objects.count() == before
