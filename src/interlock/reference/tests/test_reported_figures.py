"""Reported member figures: what cited records say, kept beside (never instead of) the lists."""

import datetime as dt
from pathlib import Path

import pytest

from interlock.reference.loader import ReferenceDataError, load
from interlock.reference.tests.test_reference_data import MEETING_DAY, _copy
from interlock.registry.models import ReportedMemberCount
from interlock.registry.selectors import participants


@pytest.mark.django_db
def test_every_organization_without_a_member_list_has_cited_reported_figures() -> None:
    for organization in participants().filter(membership_recorded=False):
        figures = ReportedMemberCount.objects.filter(organization=organization)
        assert figures.exists(), organization.acronym
        assert all(figure.source.url for figure in figures), organization.acronym


@pytest.mark.django_db
def test_the_figures_around_the_meeting_day_are_the_ones_the_records_give() -> None:
    def around(acronym: str) -> tuple[int | None, int | None]:
        figures = ReportedMemberCount.objects.filter(organization__acronym=acronym)
        before = figures.filter(on__lte=MEETING_DAY).order_by("-on").first()
        after = figures.filter(on__gt=MEETING_DAY).order_by("on").first()
        return (before.count if before else None, after.count if after else None)

    assert around("INTERPOL") == (182, 184)  # Tajikistan in 2004; two more at Berlin, Sept. 2005
    assert around("OPCW") == (167, 170)  # end of 2004; Cambodia the 170th on 18 August 2005
    assert around("OIF") == (None, 84)  # no cited figure for 2005: shown as unknown


@pytest.mark.django_db
def test_figures_known_to_the_month_or_year_hold_from_the_end_of_it() -> None:
    interpol_2005 = ReportedMemberCount.objects.get(organization__acronym="INTERPOL", count=184)
    assert (interpol_2005.precision, interpol_2005.on) == ("year", dt.date(2005, 12, 31))


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("XYZ,2005-07-25,day,10,members,membres,un-members,", "unknown organization 'XYZ'"),
        ("OIF,2005-07-25,day,ten,members,membres,un-members,", "count 'ten' is not a whole number"),
        ("OIF,2005-07-25,day,-3,members,membres,un-members,", "count '-3' is not a whole number"),
        ("OIF,2005-07-15,month,60,members,membres,un-members,", "last day of its month"),
        ("OIF,2005-06-30,year,60,members,membres,un-members,", "last day of its year"),
        (
            "OIF,2005-07-25,by,60,members,membres,un-members,",
            "precision must be day, month or year",
        ),
        ("OIF,2005-07-25,day,60,,membres,un-members,", "in English and French"),
        ("OIF,2005-07-25,day,60,members,membres,,", "must cite its source"),
        ("OIF,2005-07-25,day,60,members,membres,no-such-source,", "unknown source"),
        ("OIF,2005-07-32,day,60,members,membres,un-members,", "is not a date"),
        ("OIF,2005-07-25,day,60,members,membres,un-members," + "x" * 401, "longer than 400"),
        (
            "OPCW,2005-08-18,day,171,States Parties,États parties,opcw-2005-cambodia,",
            "already reported at reported_member_counts.csv:10",
        ),
    ],
)
def test_a_bad_figure_refuses_the_whole_load_naming_the_row(
    tmp_path: Path, line: str, message: str
) -> None:
    data = _copy(tmp_path)
    _append(data / "reported_member_counts.csv", line)
    before = ReportedMemberCount.objects.count()
    with pytest.raises(ReferenceDataError) as refused:
        load(data)
    matching = [e for e in refused.value.errors if message in e]
    assert matching and all(e.startswith("reported_member_counts.csv:15") for e in matching)
    assert ReportedMemberCount.objects.count() == before


@pytest.mark.django_db
def test_a_source_locator_too_long_for_the_database_is_refused_by_name(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    _append(data / "sources.csv", 'too-long,"A title",,' + "y" * 121)
    with pytest.raises(ReferenceDataError) as refused:
        load(data)
    assert any(
        "sources.csv:" in e and "locator is longer than 120" in e for e in refused.value.errors
    )


@pytest.mark.django_db
def test_a_corrected_figure_is_updated_in_place(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "reported_member_counts.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",181,", ",180,"), encoding="utf-8")
    report = load(data)
    assert report.updated["reported member counts"] == 1
    assert (
        ReportedMemberCount.objects.get(organization__acronym="INTERPOL", on="2003-09-29").count
        == 180
    )
