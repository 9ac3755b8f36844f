"""Organizations' names in Arabic, Chinese, Russian and Spanish: each from a cited source, blank
(English shown, marked lang="en") where none is at hand; a row without a source refuses the load."""

import csv
import shutil
from pathlib import Path

import pytest

from interlock.core.models import Source
from interlock.reference.loader import DATA_DIR, ReferenceDataError, load
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db


def _rows() -> list[dict[str, str]]:
    with (DATA_DIR / "organization_translations.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_translated_name_cites_a_source_that_is_loaded() -> None:
    keys = set(Source.objects.values_list("key", flat=True))
    for row in _rows():
        assert row["name"] and row["source"] in keys, row


def test_the_loaded_names_are_those_of_the_file_and_the_others_are_blank() -> None:
    given = {(row["organization"], row["language"].replace("-", "_")): row for row in _rows()}
    for organization in Organization.objects.all():
        for language in ("ar", "zh_hans", "ru", "es"):
            stored = getattr(organization, f"name_{language}") or ""
            row = given.get((organization.acronym, language))
            assert stored == (row["name"] if row else ""), (organization.acronym, language)


def test_an_arabic_reader_sees_the_league_in_arabic_and_nato_marked_as_english(client) -> None:
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    body = client.get("/organizations/").content.decode()
    assert ">جامعة الدول العربية</a>" in body
    assert '<span lang="en" dir="ltr">North Atlantic Treaty Organization</span>' in body


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("LAS,ar,,جامعة,\n", "needs the name and its source"),
        ("LAS,de,,Liga,las-pact-ar\n", "language must be one of"),
        ("NOPE,ar,,اسم,las-pact-ar\n", "unknown organization"),
        ("NATO,ru,,Организация,no-such-source\n", "unknown source"),
    ],
)
def test_a_bad_row_refuses_the_whole_load(tmp_path: Path, line: str, error: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with (data / "organization_translations.csv").open("a", encoding="utf-8") as handle:
        handle.write(line)
    with pytest.raises(ReferenceDataError) as refused:
        load(data)
    assert any(error in e for e in refused.value.errors), refused.value.errors


M49_HEADER = (
    "Global Code,Global Name,Region Code,Region Name,Sub-region Code,Sub-region Name,"
    "Intermediate Region Code,Intermediate Region Name,Country or Area,M49 Code,ISO-alpha2 Code,"
    "ISO-alpha3 Code,Least Developed Countries (LDC),Land Locked Developing Countries (LLDC),"
    "Small Island Developing States (SIDS)\n"
)


def test_country_names_follow_m49_where_its_files_are_given_and_iso_elsewhere(
    tmp_path: Path,
) -> None:
    from interlock.registry.models import Country

    iso_name = Country.objects.get(alpha3="ABW").name_en
    # Made-up names in the UN Statistics Division's layout: what is read, not what the UN says.
    (tmp_path / "UNSD-en.csv").write_text(
        "\ufeff"
        + M49_HEADER
        + '001,World,002,Africa,017,Middle Africa,,,"M49 name, COD",180,CD,COD,x,,\n',
        encoding="utf-8",
    )
    (tmp_path / "UNSD-cn.csv").write_text(
        M49_HEADER + "001,W,002,A,017,M,,,M49 中文名,180,CD,COD,x,,\n", encoding="utf-8"
    )
    load(m49_dir=tmp_path)
    congo = Country.objects.get(alpha3="COD")
    assert congo.name_en == "M49 name, COD" and congo.name_zh_hans == "M49 中文名"
    assert Country.objects.get(alpha3="ABW").name_en == iso_name  # not in the file: ISO 3166


def test_every_topic_agreement_kind_and_capability_domain_is_named_in_the_six_languages() -> None:
    from interlock.agreements.models import AgreementKind
    from interlock.documents.models import Topic
    from interlock.situations.models import CapabilityDomain

    columns = ("name_en", "name_fr", "name_es", "name_ru", "name_zh_hans", "name_ar")
    for model in (Topic, AgreementKind, CapabilityDomain):
        entries = list(model.objects.values("key", *columns))
        assert entries, model
        for entry in entries:
            assert all(entry[column] for column in columns), entry
            assert len({entry[column] for column in columns}) >= 5, entry  # not English copied


def test_a_topic_without_its_arabic_name_refuses_the_whole_load(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    topics = data / "topics.csv"
    rows = topics.read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    cells = next(csv.reader([rows[1]]))
    cells[header.index("name_ar")] = ""
    rows[1] = ",".join(cells)
    topics.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as refused:
        load(data)
    assert any("topics.csv:2" in e and "name_ar" in e for e in refused.value.errors)


def test_an_arabic_reader_sees_the_topics_in_arabic(client) -> None:
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    body = client.get("/documents/").content.decode()
    assert "حفظ السلام" in body


def test_every_meeting_series_is_named_in_the_six_languages() -> None:
    from interlock.meetings.models import MeetingSeries

    columns = ("name_en", "name_fr", "name_es", "name_ru", "name_zh_hans", "name_ar")
    with (DATA_DIR / "meeting_series.csv").open(encoding="utf-8") as handle:
        keys = {row["key"] for row in csv.DictReader(handle)}
    entries = list(MeetingSeries.objects.filter(key__in=keys).values("key", *columns))
    assert len(entries) == len(keys) == 11
    for entry in entries:
        assert all(entry[column] for column in columns), entry
        assert len({entry[column] for column in columns}) == 6, entry  # not English copied


def test_a_meeting_series_without_its_russian_name_refuses_the_whole_load(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    series = data / "meeting_series.csv"
    rows = list(csv.reader(series.read_text(encoding="utf-8").splitlines()))
    rows[3][rows[0].index("name_ru")] = ""
    with series.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    with pytest.raises(ReferenceDataError) as refused:
        load(data)
    assert any(
        "meeting_series.csv:4" in e and "a meeting series" in e and "name_ru" in e
        for e in refused.value.errors
    ), refused.value.errors


def test_an_arabic_reader_sees_the_meeting_series_in_arabic(client) -> None:
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    body = client.get("/meetings/").content.decode()
    assert "الاجتماعات الرفيعة المستوى بين الأمم المتحدة" in body
    assert "High-level meetings between" not in body
