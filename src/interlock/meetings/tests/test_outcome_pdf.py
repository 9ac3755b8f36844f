"""A meeting's outcome document as a PDF in the UN's layout (WeasyPrint), read through the
library's policy; the sixth meeting's conclusions must read as the source does."""

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from interlock.documents.models import DocumentRead
from interlock.documents.services import document_create
from interlock.meetings.models import Meeting

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "reference" / "data" / "seed-2005-conclusions.md"
SIXTH = "/meetings/high-level/6/outcome.pdf"
SC = "/meetings/standing-committee/1/outcome.pdf"


def text_of(response) -> str:
    """The PDF's text as a reader reads it: each page without its number at the foot and the
    list's bullet marks (the extractor puts both after the page's text), a line that ends in a
    hyphen ("United Nations-" / "regional") going on without a space, whitespace made single."""
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(
        re.sub(rf"\s*{number}\s*$", "", page.extract_text().replace("•", " "))
        for number, page in enumerate(pages, start=1)
    )
    return " ".join(re.sub(r"-\n", "-", text).split())


def seed_paragraphs() -> list[str]:
    """The source's paragraphs from the covering letter on, as a reader reads them: markdown's
    markers, escapes and paragraph numbers taken off, whitespace made single."""
    body = SEED.read_text(encoding="utf-8")
    body = body[body.index("The sixth high-level meeting") :]
    found = []
    for block in re.split(r"\n\s*\n", body):
        for line in re.split(r"\n(?=\d+\. |- )", block):
            line = line.replace("\\*", "*").replace("*(Signed)*", "(Signed)")
            line = re.sub(r"^(#+ |\d+\. |- )", "", line.strip()).replace("**", "")
            line = " ".join(line.split())
            if line and line != "---":
                found.append(line)
    return found


def test_the_sixth_meetings_conclusions_read_like_the_source_in_order(client_for) -> None:
    text = text_of(client_for("anonymous").get(SIXTH))
    paragraphs = seed_paragraphs()
    assert len(paragraphs) > 60
    position = 0
    for paragraph in paragraphs:
        found = text.find(paragraph, position)
        assert found >= 0, f"not found after position {position}: {paragraph[:80]!r}"
        position = found + len(paragraph)
    for fact in (
        "General Assembly Security Council",
        "Distr.: General 8 September 2005 English Original: English and French",
        "Item 111 of the provisional agenda*",
        "[Original: English]",
        "Symbol unknown",  # the source does not give it; nothing is invented
    ):
        assert fact in text, fact
    # The paragraphs keep their numbers.
    assert "10. The detailed record of the sixth high-level meeting" in text
    assert "4. We also believe that advocacy of a global civilization" in text


def test_without_a_text_in_the_readers_language_the_original_is_printed(client_for) -> None:
    text = text_of(client_for("anonymous").get(SIXTH + "?language=ar"))
    assert "Distr.: General" in text and "Conclusions of the Chairman" in text


def test_an_arabic_text_is_printed_right_to_left_in_a_font_that_has_its_letters(
    client_for, cast
) -> None:
    document = document_create(
        actor=cast["secretariat"],
        owner=cast["secretariat"].organization,
        classification="public",
        title="Conclusions of the first meeting of the standing committee",
        language="ar",
        body="## المرفق الأول\n\n### استنتاجات الرئيس\n\n1. اجتمع المشاركون في جنيف.\n\n"
        "2. واتفقوا على الاجتماع مرة أخرى.",
    )
    Meeting.objects.filter(series__key="standing-committee", number=1).update(outcome=document)
    response = client_for("anonymous").get(SC + "?language=ar")
    reader = PdfReader(io.BytesIO(response.content))
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("DejaVuSans" in font.replace("-", "") for font in fonts), fonts
    text = text_of(response)
    assert re.search("[\u0600-\u06ff]{4}", text), text[:200]
    assert "Symbol unknown" not in text  # the masthead speaks Arabic too


@pytest.mark.parametrize(
    ("part", "status"),
    [("owner", 200), ("secretariat", 200), ("partner", 404), ("outsider", 404), ("anonymous", 404)],
)
def test_a_restricted_outcome_is_printed_only_for_its_readers_and_each_print_is_logged(
    client_for, cast_documents, part, status
) -> None:
    memo = cast_documents["restricted_uncovered"]  # the AU and the secretariat read it
    Meeting.objects.filter(series__key="standing-committee", number=1).update(outcome=memo)
    response = client_for(part).get(SC)
    assert response.status_code == status
    if status == 404:
        assert memo.title.encode() not in response.content
    reads = DocumentRead.objects.filter(document=memo, what="pdf")
    assert reads.count() == (1 if status == 200 else 0)


def test_a_meeting_without_an_outcome_document_has_no_pdf(client_for) -> None:
    assert client_for("secretariat").get(SC).status_code == 404
    assert client_for("anonymous").get("/meetings/high-level/9/outcome.pdf").status_code == 404
