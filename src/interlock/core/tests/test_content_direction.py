"""On a page in one language, content shown in another is marked with the language shown and its
direction (``<span lang="en" dir="ltr">``), and content in a language not known is isolated
(``<bdi>``), so that a right-to-left page neither reads it in the wrong voice nor flips its
punctuation. One mechanism does it: ``{% tr obj "field" %}``."""

import re
from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.utils import translation

from conftest import CAST_DOCUMENTS
from interlock.documents.models import Document
from interlock.registry.models import Organization
from interlock.situations.models import Situation

pytestmark = pytest.mark.django_db

ARABIC = re.compile(r"[\u0600-\u06ff]")
# Two Latin words in a row: a phrase in a language written left to right.
LATIN_PHRASE = re.compile(r"[A-Za-z]{2,}[^A-Za-z\u0600-\u06ff]+[A-Za-z]{2,}")
# Not content: code, the page's title, the map's drawing; and forms, whose choices are labelled
# by Django's widgets, not by the tag (a gap left: see the module's test of the tag).
SKIPPED = {"script", "style", "code", "title", "option", "svg", "textarea", "form"}
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col"}


class _Unmarked(HTMLParser):
    """Text with a Latin phrase and no Arabic letter, under no element that says its language
    (``lang`` other than Arabic), its direction (``dir``) or isolates it (``bdi``)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        found = dict(attrs)
        marked = (
            tag == "bdi"
            or ("dir" in found and tag != "html")
            or found.get("lang") not in (None, "ar")
        )
        self.stack.append((tag, marked))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if any(tag in SKIPPED or marked for tag, marked in self.stack):
            return
        text = data.strip()
        if (
            text
            and not text.startswith("http")
            and LATIN_PHRASE.search(text)
            and not ARABIC.search(text)
        ):
            self.found.append(text)


def unmarked(page: str) -> list[str]:
    parser = _Unmarked()
    parser.feed(page)
    return parser.found


def _in_arabic(client, path: str) -> str:
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200, path
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    return response.content.decode()


def _main_pages(cast_documents) -> list[str]:
    darfur = Situation.objects.get(title__startswith="Darfur")
    return [
        "/organizations/",
        "/organizations/AU/",
        "/organizations/OSCE/",
        "/documents/",
        f"/documents/{cast_documents['partnership'].pk}/",
        "/meetings/high-level/6/",
        "/situations/",
        f"/situations/{darfur.pk}/",
    ]


@pytest.mark.parametrize("part", ["owner", "secretariat"])
def test_the_main_pages_in_arabic_mark_every_phrase_in_another_language(
    client_for, cast_documents, part
) -> None:
    client = client_for(part)
    for path in _main_pages(cast_documents):
        assert unmarked(_in_arabic(client, path)) == [], path


def test_an_organization_with_no_arabic_name_is_marked_english_in_the_arabic_list(
    client_for,
) -> None:
    Organization.objects.filter(acronym="OSCE").update(name_ar="", short_name_ar="")
    osce = Organization.objects.get(acronym="OSCE")
    page = _in_arabic(client_for("outsider"), "/organizations/")
    assert f'<span lang="en" dir="ltr">{osce.name_en}</span>' in page
    page = _in_arabic(client_for("outsider"), "/organizations/OSCE/")
    assert f'<h1><span lang="en" dir="ltr">{osce.name_en}</span>' in page


def test_an_english_document_s_title_is_marked_english_on_arabic_pages(
    client_for, cast_documents
) -> None:
    title = CAST_DOCUMENTS["partnership"][3]
    marked = f'<span lang="en" dir="ltr">{title}</span>'
    client = client_for("partner")
    assert marked in _in_arabic(client, "/documents/")
    assert f"<h1>{marked}</h1>" in _in_arabic(
        client, f"/documents/{cast_documents['partnership'].pk}/"
    )
    english = client.get(
        f"/documents/{cast_documents['partnership'].pk}/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert f"<h1>{title}</h1>" in english.content.decode()  # in its own language, as it is


def test_the_meeting_and_situation_pages_isolate_text_typed_in_one_language(client_for) -> None:
    darfur = Situation.objects.get(title__startswith="Darfur")
    page = _in_arabic(client_for("owner"), f"/situations/{darfur.pk}/")
    assert f"<h1><bdi>{darfur.title}</bdi></h1>" in page
    page = _in_arabic(client_for("owner"), "/meetings/high-level/6/")
    assert "<bdi>Represented by the Presidency of the Council" in page


def test_the_tag_marks_the_language_shown_and_its_direction() -> None:
    template = Template('{% tr obj "title" %}')
    document = Document(title="تقرير", original_language="ar")
    with translation.override("en"):
        assert template.render(Context({"obj": document})) == (
            '<span lang="ar" dir="rtl">تقرير</span>'
        )
    with translation.override("ar"):
        assert template.render(Context({"obj": document})) == "تقرير"
    chinese = Document(title="报告", original_language="zh")
    with translation.override("zh-hans"):
        assert template.render(Context({"obj": chinese})) == "报告"
    with translation.override("ar"):
        assert (
            Template('{% tr obj "summary" %}').render(
                Context({"obj": Situation(summary="A summary.")})
            )
            == "<bdi>A summary.</bdi>"
        )
