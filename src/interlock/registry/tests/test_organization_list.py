"""The list of organizations: filters, member counts as of a day, constant queries, htmx."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interlock.reference.scale import scale_generate
from interlock.registry.selectors import OrganizationFilters, organization_list

pytestmark = pytest.mark.django_db


def acronyms(**filters: str) -> set[str]:
    found = organization_list(as_of=dt.date(2005, 7, 25), filters=OrganizationFilters(**filters))
    return {o.acronym for o in found}


def test_it_filters_by_kind() -> None:
    assert acronyms(kind="subregional") == {"CARICOM", "ECCAS", "SADC"}


def test_it_filters_by_charter_basis() -> None:
    assert acronyms(charter_basis="chapter_viii") == {"OAS", "OSCE", "SADC"}
    assert acronyms(charter_basis="article_51") == {"NATO", "CSTO", "EU"}
    assert "AU" in acronyms(charter_basis="not_declared")


def test_each_row_shows_the_name_in_use_on_the_day(client) -> None:
    then = client.get("/organizations/", {"as_of": "2005-07-25", "q": "OIC"}).content.decode()
    now = client.get("/organizations/", {"as_of": "2026-01-01", "q": "OIC"}).content.decode()
    assert "Organization of the Islamic Conference" in then
    assert "Organisation of Islamic Cooperation" in now
    assert "Islamic Conference" not in now


def test_it_filters_by_region_of_the_members_on_the_day() -> None:
    oceania = acronyms(region="009")
    assert {"PIF", "COMSEC", "UN"} <= oceania
    assert "AU" not in oceania


def test_it_counts_members_on_the_chosen_day() -> None:
    counts = {o.acronym: o.member_count for o in organization_list(as_of=dt.date(2005, 7, 25))}
    assert counts["EU"] == 25 and counts["NATO"] == 26 and counts["UN"] == 191


def test_the_page_shows_counts_as_of_the_chosen_day(client) -> None:
    page = client.get("/organizations/", {"as_of": "2005-07-25", "kind": "regional"})
    assert page.status_code == 200
    rows = {o.acronym: o.member_count for o in page.context["organizations"]}
    assert rows["EU"] == 25
    assert "CARICOM" not in rows


def test_an_unrecorded_member_list_shows_as_unknown_not_zero(client) -> None:
    page = client.get("/organizations/", {"q": "INTERPOL"})
    assert "Unknown" in page.content.decode()


def test_a_malformed_day_gets_a_clear_message_and_no_list(client) -> None:
    # Issue 12: an unfiltered list under a filter's error reads as the filtered one.
    page = client.get("/organizations/", {"as_of": "25/07/2005"})
    assert page.status_code == 200
    assert "Enter a valid date." in page.content.decode()
    assert page.context["organizations"] == []
    assert len(client.get("/organizations/").context["organizations"]) == 22


def test_htmx_requests_get_only_the_results(client) -> None:
    page = client.get("/organizations/", {"kind": "regional"}, headers={"HX-Request": "true"})
    body = page.content.decode()
    assert "<html" not in body and "League of Arab States" in body


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path", ["/organizations/?as_of=2005-07-25", "/api/v1/organizations?limit=500"]
)
def test_the_list_runs_the_same_queries_at_20_and_at_300_organizations(client, path: str) -> None:
    small = _queries(client, path)
    scale_generate(organizations=280, memberships_per_organization=30)
    large = _queries(client, path)
    assert small == large, f"{small} queries at 21 organizations, {large} at 301"


def test_a_long_list_is_paged_and_the_pages_keep_the_filters(client) -> None:
    scale_generate(organizations=80, memberships_per_organization=3)
    first = client.get("/organizations/", {"kind": "", "as_of": "2005-07-25"})
    assert len(first.context["organizations"]) == 50
    body = first.content.decode()
    assert "102 organizations" in body and "as_of=2005-07-25&amp;page=2" in body
    second = client.get("/organizations/", {"as_of": "2005-07-25", "page": "2"})
    assert len(second.context["organizations"]) == 50
    assert second.context["page"].has_next()
