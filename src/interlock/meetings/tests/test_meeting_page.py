"""The meeting page: the twenty delegations, and reported figures beside counted ones."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_sixth_meeting_lists_its_twenty_delegations(client) -> None:
    page = client.get("/meetings/6/")
    assert page.status_code == 200
    assert page.context["figures"].counted_participants == 20
    assert "Represented by the Presidency of the Council" in page.content.decode()


def test_it_keeps_the_reported_head_level_figure_beside_the_unknown_attribution(client) -> None:
    figures = client.get("/meetings/6/").context["figures"]
    assert (figures.reported_head_level, figures.confirmed_head_level, figures.unknown_level) == (
        13,
        0,
        20,
    )


def test_the_list_and_the_api_agree(client) -> None:
    assert "Sixth high-level meeting" in client.get("/meetings/").content.decode()
    api = client.get("/api/v1/meetings/6").json()
    assert (
        len(api["delegations"]) == 20
        and api["reported_head_level"] == 13
        and api["head_level_count"] == 0
    )


def test_an_unknown_meeting_is_not_found(client) -> None:
    assert client.get("/meetings/99/").status_code == 404
    assert client.get("/api/v1/meetings/99").status_code == 404


def test_the_working_groups_page_lists_the_six_groups(client) -> None:
    body = client.get("/groups/working-groups/").content.decode()
    assert body.count("<tr>") >= 7 and "Dialogue among civilizations" in body
