"""The organization list is in the alphabetical order of the names it shows (the name in use on the
day, in the reader's language), and the day chosen travels to an organization's page and back."""

import re

import pytest

pytestmark = pytest.mark.django_db


def shown_names(page: str) -> list[str]:
    table = page.split('<table class="organizations">', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r'<tr><td[^>]*><a href="[^"]*">(.*?)</a></td>', table, flags=re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]


@pytest.mark.parametrize("day", ["2005-07-25", "2026-01-01"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_list_is_in_the_order_of_the_names_it_shows(client, day: str, language: str) -> None:
    page = client.get(
        "/organizations/", {"as_of": day}, headers={"accept-language": language}
    ).content.decode()
    names = shown_names(page)
    assert len(names) > 15
    assert names == sorted(names, key=str.casefold)


def test_a_former_name_is_sorted_where_it_is_shown(client) -> None:
    then = shown_names(client.get("/organizations/", {"as_of": "2005-07-25"}).content.decode())
    now = shown_names(client.get("/organizations/", {"as_of": "2026-01-01"}).content.decode())
    assert "Organization of the Islamic Conference" in then
    assert "Organisation of Islamic Cooperation" in now
    # The 2005 name sorts after the Organization of American States, today's before it.
    american = "Organization of American States"
    assert then.index("Organization of the Islamic Conference") > then.index(american)
    assert now.index("Organisation of Islamic Cooperation") < now.index(american)


def test_the_day_chosen_travels_from_the_list_to_a_page_and_back(client) -> None:
    listing = client.get("/organizations/", {"as_of": "2005-07-25"}).content.decode()
    assert 'href="/organizations/AU/?as_of=2005-07-25"' in listing
    page = client.get("/organizations/AU/", {"as_of": "2005-07-25"}).content.decode()
    assert 'href="/organizations/?as_of=2005-07-25"' in page


def test_today_is_not_carried_in_the_links(client) -> None:
    listing = client.get("/organizations/").content.decode()
    assert 'href="/organizations/AU/"' in listing
    assert 'href="/organizations/"' in client.get("/organizations/AU/").content.decode()
