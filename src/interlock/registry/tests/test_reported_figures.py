"""Reported member figures on the pages and in the API: beside the count, dated, sourced."""

import datetime as dt

import pytest

from interlock.core.models import Source
from interlock.registry.models import Organization, ReportedMemberCount

pytestmark = pytest.mark.django_db


def test_the_list_shows_the_last_reported_figure_where_the_count_is_unknown(client) -> None:
    body = client.get("/organizations/", {"as_of": "2005-07-25", "q": "INTERPOL"}).content.decode()
    assert "Unknown" in body and "last reported: 182" in body and "(Oct. 8, 2004)" in body


def test_the_list_never_shows_a_figure_reported_after_the_day(client) -> None:
    body = client.get("/organizations/", {"as_of": "2003-01-01", "q": "INTERPOL"}).content.decode()
    assert "last reported" not in body
    body = client.get("/organizations/", {"as_of": "2005-06-30", "q": "INTERPOL"}).content.decode()
    assert "last reported: 182" in body and "184" not in body  # 184 is dated by the end of 2005


def test_the_page_lists_every_figure_with_what_it_counts_and_its_source(client) -> None:
    body = client.get("/organizations/OPCW/").content.decode()
    assert "Reported member figures" in body
    assert "Cambodia became the 170th State Party" in body
    assert (
        "https://opcw.org/media-centre/news/2005/07/cambodia-ratifies-chemical-weapons-convention"
        in body
    )
    assert "August 2022" in body  # a month-precision figure is shown to the month


def test_the_page_speaks_french_for_what_a_figure_counts(client) -> None:
    client.cookies["django_language"] = "fr"
    body = client.get("/organizations/OPCW/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "États parties" in body and "Chiffres de membres rapportés" in body


def _figure(acronym: str, on: dt.date, count: int) -> ReportedMemberCount:
    return ReportedMemberCount.objects.create(
        organization=Organization.objects.get(acronym=acronym),
        on=on,
        count=count,
        counted_en="member states",
        counted_fr="États membres",
        source=Source.objects.get(key="eu-members"),
    )


def test_a_figure_that_differs_from_the_list_is_marked_as_differing(client) -> None:
    _figure("EU", dt.date(2005, 7, 25), 25)
    _figure("EU", dt.date(2007, 1, 2), 25)  # the list says 27 after Bulgaria and Romania
    page = client.get("/organizations/EU/")
    computed = [(f.count, f.computed) for f in page.context["reported"]]
    assert computed == [(25, 25), (25, 27)]
    assert page.content.decode().count('class="differs"') == 1


def test_the_api_gives_the_last_figure_in_the_list_and_all_figures_in_the_detail(client) -> None:
    rows = client.get("/api/v1/organizations", {"as_of": "2005-07-25", "limit": 50}).json()["items"]
    last = {row["acronym"]: row["last_reported"] for row in rows}
    assert last["INTERPOL"] == {"count": 182, "on": "2004-10-08", "precision": "day"}
    assert last["OIF"] is None and last["EU"] is None
    detail = client.get("/api/v1/organizations/INTERPOL", {"as_of": "2005-07-25"}).json()
    assert detail["last_reported"]["count"] == 182
    assert [f["count"] for f in detail["reported_figures"]] == [181, 182, 184, 190, 192, 195]
    assert all(f["computed"] is None and f["source"]["url"] for f in detail["reported_figures"])


def test_figures_from_days_the_list_is_incomplete_are_not_called_different(client) -> None:
    detail = client.get("/api/v1/organizations/OPCW", {"as_of": "2005-07-25"}).json()
    assert (detail["member_count"], detail["last_reported"]["count"]) == (None, 167)
    figures = {f["on"]: f for f in detail["reported_figures"]}
    assert figures["2005-08-18"]["computed_is_lower_bound"] is True
    assert figures["2022-08-31"]["computed"] == 193  # the list agrees with the record it comes from
    assert figures["2022-08-31"]["computed_is_lower_bound"] is False
    page = client.get("/organizations/OPCW/").content.decode()
    assert 'class="differs"' not in page and "at least" in page


def test_the_api_detail_compares_figures_with_a_recorded_list(client) -> None:
    _figure("EU", dt.date(2007, 1, 2), 25)
    (figure,) = client.get("/api/v1/organizations/EU").json()["reported_figures"]
    assert (figure["count"], figure["computed"]) == (25, 27)


# Members whose date of joining is recorded only as "by" a day make every earlier count a lower
# bound: the registry says "unknown, at least N", never a smaller number as if it were a fact.


def test_a_count_before_a_by_date_is_unknown_not_smaller(client) -> None:
    rows = client.get("/api/v1/organizations", {"as_of": "2005-07-24", "limit": 50}).json()["items"]
    counts = {row["acronym"]: (row["member_count"], row["members_at_least"]) for row in rows}
    assert counts["COMSEC"] == (None, 0) and counts["OIC"] == (None, 0)
    assert counts["EU"] == (25, 25)  # exact lists stay exact
    rows = client.get("/api/v1/organizations", {"as_of": "2005-07-25", "limit": 50}).json()["items"]
    assert {row["acronym"]: row["member_count"] for row in rows}["COMSEC"] == 53


def test_the_lower_bound_counts_the_members_whose_dates_are_recorded(client) -> None:
    from interlock.registry.models import Country, Membership

    Membership.objects.create(
        organization=Organization.objects.get(acronym="COMSEC"),
        country=Country.objects.get(alpha3="IRL"),
        status="member",
        started_on=dt.date(1931, 12, 11),
        ended_on=dt.date(1949, 4, 18),
        source=Source.objects.get(key="comsec-members"),
    )
    detail = client.get("/api/v1/organizations/COMSEC", {"as_of": "1940-01-01"}).json()
    assert (detail["member_count"], detail["members_at_least"]) == (None, 1)
    body = client.get(
        "/organizations/", {"as_of": "1940-01-01", "q": "Commonwealth"}
    ).content.decode()
    assert "at least 1" in body
    page = client.get("/organizations/COMSEC/", {"as_of": "1940-01-01"})
    assert page.context["count_uncertain"] and "number of members on" in page.content.decode()
    listing = client.get("/organizations/", {"as_of": "1940-01-01"})
    drawn = {row.organization.acronym for row in listing.context["footprint"].rows}
    assert "COMSEC" not in drawn  # a lower bound is not drawn as a footprint


def test_from_the_by_date_on_the_count_is_exact_again(client) -> None:
    detail = client.get("/api/v1/organizations/COMSEC", {"as_of": "2026-01-01"}).json()
    assert detail["member_count"] == detail["members_at_least"] and detail["member_count"] > 50
