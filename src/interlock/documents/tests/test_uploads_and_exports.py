"""Uploads with long names and archives that inflate, and exports that a spreadsheet opens safely."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from interlock.core.csv_files import safe_cell
from interlock.documents import services
from interlock.documents.models import Document
from interlock.documents.uploads import NAME_MAX_BYTES, file_name_within

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _add(cast, upload, title: str = "Upload") -> Document:
    return services.document_create(
        actor=cast["owner"],
        owner=cast["owner"].organization,
        classification="public",
        title=title,
        upload=upload,
    )


def test_a_name_of_150_accented_letters_is_cut_by_bytes_and_keeps_its_extension(
    client_for, media
) -> None:
    name = "é" * 150 + ".txt"
    response = client_for("owner").post(
        "/documents/new/",
        {
            "title": "Accents",
            "classification": "public",
            "language": "en",
            "upload": SimpleUploadedFile(name, b"x" * 304),
        },
    )
    assert response.status_code == 302
    text = Document.objects.get(title="Accents").texts.get()
    assert text.file_name.endswith(".txt") and len(text.file_name.encode()) <= NAME_MAX_BYTES
    stored = media / text.file.name
    assert stored.is_file() and stored.read_bytes() == b"x" * 304
    assert client_for("owner").get(response["Location"]).status_code == 200


@given(st.text(min_size=1, max_size=300), st.sampled_from(["pdf", "docx", "txt", "odt"]))
def test_a_cut_name_is_valid_utf8_within_the_limit_with_its_extension(stem, extension) -> None:
    cut = file_name_within(f"{stem}.{extension}")
    assert len(cut.encode()) <= NAME_MAX_BYTES and cut.endswith(f".{extension}")


def _docx(entries: dict[str, bytes], *, extra: int = 0) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for name, data in entries.items():
            archive.writestr(name, data)
        for i in range(extra):
            archive.writestr(f"word/media/{i}.xml", b"")
    return out.getvalue()


def _inflating_docx(megabytes: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/blank.bin", "w") as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                entry.write(chunk)
    return out.getvalue()


def test_a_docx_is_accepted_and_its_words_are_searchable(cast, client_for) -> None:
    xml = b"<w:document><w:body><w:p><w:t>Zanzibar ceasefire &amp; monitoring</w:t></w:p></w:body></w:document>"
    document = _add(cast, SimpleUploadedFile("brief.docx", _docx({"word/document.xml": xml})))
    found = client_for("anonymous").get("/documents/", {"q": "Zanzibar"}).context["documents"]
    assert [d.pk for d in found] == [document.pk]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("entries.docx", _docx({"word/document.xml": b"<w:document/>"}, extra=30_000)),
        ("bomb.docx", _inflating_docx(300)),
        ("ratio.docx", _docx({"word/document.xml": b"<w:t>" + b"a" * 5_000_000 + b"</w:t>"})),
    ],
    ids=["30,000 entries", "300 MB inflated", "ratio"],
)
def test_an_archive_that_inflates_beyond_the_bounds_is_refused(
    cast, media, name: str, content: bytes
) -> None:
    with pytest.raises(ValidationError):
        _add(cast, SimpleUploadedFile(name, content), title="Bomb")
    assert not Document.objects.filter(title="Bomb").exists()
    assert not [p for p in media.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_a_cell_that_a_spreadsheet_would_run_is_neutralized(cell: str) -> None:
    assert safe_cell(cell) == "'" + cell
    assert safe_cell("#org+name") == "#org+name" and safe_cell(7) == 7


def test_the_export_neutralizes_formulas_and_stays_readable_as_hxl(cast, client_for) -> None:
    import hxl

    _add(cast, None, title='=HYPERLINK("http://evil.invalid","Click")')
    response = client_for("anonymous").get("/documents/export.csv", {"hxl": "1"})
    content = b"".join(response.streaming_content)
    assert b'"=HYPERLINK' not in content and b"'=HYPERLINK" in content
    dataset = hxl.data(hxl.input.make_input(io.BytesIO(content)))
    assert [c.display_tag for c in dataset.columns] == [
        "#meta+id",
        "#meta+symbol",
        "#meta+title",
        "#org+owner",
        "#meta+classification",
        "#sector",
        "#date+created",
    ]
    titles = [row.get("#meta+title") for row in dataset]
    assert '\'=HYPERLINK("http://evil.invalid","Click")' in titles
