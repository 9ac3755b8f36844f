"""Interlock's own wording of a source is cited in the reader's language; a public record's title
is cited as its publisher wrote it."""

import csv
from pathlib import Path

from django.utils import translation

from interlock.core.models import Source
from interlock.core.sources import WORDING, cited

SOURCES = Path(__file__).resolve().parents[2] / "reference" / "data" / "sources.csv"


def test_the_conclusions_and_their_paragraph_are_cited_in_the_reader_s_language() -> None:
    source = Source(
        title="Conclusions of the Chairman of the sixth high-level meeting",
        locator="Annex I, paragraph 7, fifth measure",
    )
    with translation.override("fr"):
        assert cited(source) == (
            "Conclusions du Président de la sixième réunion de haut niveau, "
            "Annexe I, paragraphe 7, cinquième mesure"
        )
    with translation.override("zh-hans"):
        assert cited(source) == "第六次高级别会议主席的结论，附件一，第7段，第五项措施"


def test_the_kind_rule_is_cited_in_each_language() -> None:
    rule = next(r for r in csv.DictReader(SOURCES.open()) if r["key"] == "interlock-scope")
    with translation.override("ar"):
        assert cited(Source(title=rule["title"])).startswith("تصنيف Interlock")


def test_every_seed_source_s_words_are_interlock_s_own_and_worded() -> None:
    for row in csv.DictReader(SOURCES.open()):
        if row["key"].startswith(("seed", "interlock-", "un-charter")):
            assert row["title"] in WORDING, row["key"]
            assert not row["locator"] or row["locator"] in WORDING or '"' in row["locator"]


def test_a_public_record_s_title_is_cited_as_written() -> None:
    title = "INTERPOL, 2017: L'État de Palestine et les Îles Salomon deviennent Membres"
    with translation.override("ru"):
        assert cited(Source(title=title)) == title
