"""The organization page: members on a day, the footprint, the liaison official, sources."""

import pytest

pytestmark = pytest.mark.django_db


def test_it_lists_the_members_on_the_chosen_day(client) -> None:
    page = client.get("/organizations/EU/", {"as_of": "2005-07-25"})
    assert page.status_code == 200
    members = {m.country_id for m in page.context["memberships"]}
    assert len(members) == 25 and "GBR" in members and "HRV" not in members


def test_it_shows_a_former_member_in_the_history_only(client) -> None:
    page = client.get("/organizations/EU/", {"as_of": "2026-01-01"})
    assert "GBR" not in {m.country_id for m in page.context["memberships"]}
    assert "GBR" in {m.country_id for m in page.context["history"]}


def test_it_draws_members_by_region(client) -> None:
    page = client.get("/organizations/AU/", {"as_of": "2005-07-25"})
    (africa,) = page.context["bars"]
    assert (africa.label, africa.value) == ("Africa", 53)
    assert "<svg" in page.content.decode()


def test_it_cites_the_source_of_the_member_list(client) -> None:
    body = client.get("/organizations/NATO/").content.decode()
    assert "https://www.nato.int/cps/en/natohq/topics_52044.htm" in body


def test_it_says_the_member_list_is_unknown_where_it_is_not_recorded(client) -> None:
    body = client.get("/organizations/INTERPOL/").content.decode()
    assert "membership on any date is unknown" in body


def test_an_unknown_acronym_is_not_found(client) -> None:
    assert client.get("/organizations/NOPE/").status_code == 404


def test_a_day_before_the_organization_existed_has_no_members(client) -> None:
    page = client.get("/organizations/SCO/", {"as_of": "1990-01-01"})
    assert page.context["memberships"] == []
