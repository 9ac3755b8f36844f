"""The situation's map: its countries and the engaged organizations, under the reading policy."""

import datetime as dt
import re

import pytest

from interlock.registry.models import Country, Organization
from interlock.situations.models import Engagement

pytestmark = pytest.mark.django_db

DAY = dt.date(2005, 6, 1)


def _engage(situation, acronym: str, role: str, status: str) -> Engagement:
    return Engagement.objects.create(
        situation=situation,
        organization=Organization.objects.get(acronym=acronym),
        role=role,
        status=status,
        started_on=DAY,
    )


def _map(page: str) -> str:
    match = re.search(r'<svg class="world-map".*?</svg>', page, re.S)
    assert match, "no map on the page"
    return match.group(0)


def test_the_map_highlights_the_situations_countries_and_draws_each_engaged_organization(
    client_for, darfur
) -> None:
    _engage(darfur, "AU", "lead", "active")
    _engage(darfur, "EU", "support", "standing_by")
    _engage(darfur, "EU", "partner", "alerted")
    page = client_for("owner").get(f"/situations/{darfur.pk}/").content.decode()
    svg = _map(page)
    assert svg.count('class="map-highlight"') == 1 and "<title>Sudan</title>" in svg
    assert 'role="img"' in svg and 'aria-labelledby="map-title map-desc"' in svg
    assert 'viewBox="0 0 1000 ' in svg and 'dir="ltr"' in svg
    # One marker and one line per organization, by its strongest role and most engaged status.
    assert svg.count('<g class="map-marker') == 2
    assert 'class="map-line role-lead status-active"' in svg
    assert 'class="map-line role-partner status-standing_by"' in svg
    assert "2 organizations engaged" in svg
    legend = page[page.index('class="map-legend"') :]
    assert "Addis Ababa" in legend and "Partner, alerted · Support, standing by" in legend
    assert "Partner, alerted" in legend


def test_a_reader_who_may_not_see_the_situation_gets_no_map(client_for, darfur) -> None:
    _engage(darfur, "AU", "lead", "active")
    # Restricted, and the OSCE has no agreement with the AU: not even the situation exists.
    response = client_for("outsider").get(f"/situations/{darfur.pk}/")
    assert response.status_code == 404
    assert "world-map" not in response.content.decode()


def test_the_map_draws_only_this_situations_engagements_the_ones_its_table_lists(
    client_for, darfur, cast_situation
) -> None:
    _engage(darfur, "AU", "lead", "active")
    _engage(cast_situation, "NATO", "support", "active")
    page = client_for("owner").get(f"/situations/{darfur.pk}/").content.decode()
    figure = page[page.index('<figure class="situation-map"') : page.index("</figure>")]
    assert figure.count('<g class="map-marker') == 1
    assert "African Union" in figure and "NATO" not in figure


def test_an_organization_whose_headquarters_is_not_located_is_listed_not_drawn(
    client_for, darfur
) -> None:
    Organization.objects.filter(acronym="AU").update(headquarters_city="Somewhere new")
    _engage(darfur, "AU", "lead", "active")
    page = client_for("owner").get(f"/situations/{darfur.pk}/").content.decode()
    assert '<g class="map-marker' not in _map(page)
    assert "headquarters not located on the map" in page


def test_the_map_speaks_the_readers_language_and_its_legend_mirrors(client_for, darfur) -> None:
    _engage(darfur, "AU", "lead", "active")
    client = client_for("owner")
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    page = client.get(f"/situations/{darfur.pk}/").content.decode()
    assert 'dir="rtl"' in page
    svg = _map(page)
    assert 'dir="ltr"' in svg  # the world is not mirrored
    assert f"<title>{Country.objects.get(pk='SDN').name_ar}</title>" in svg
    assert "Engagements on a map" not in page


def _api_map(client, situation) -> dict:
    response = client.get(f"/api/v1/situations/{situation.pk}/map")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_api_gives_what_the_page_draws_the_same_organizations_in_the_same_order(
    client_for, darfur
) -> None:
    # The EU first: the numbers follow the table's order, not the order of recording.
    for acronym, role, status in [
        ("EU", "support", "standing_by"),
        ("EU", "partner", "alerted"),
        ("AU", "lead", "active"),
    ]:
        _engage(darfur, acronym, role, status)
    client = client_for("owner")
    page = client.get(f"/situations/{darfur.pk}/").content.decode()
    start = page.index('<ol class="map-organizations">')
    legend = page[start : page.index("</ol>", start)]
    on_page = re.findall(r'aria-hidden="true">(\d+)</span> <strong>(.*?)</strong>', legend)
    data = _api_map(client, darfur)
    assert [(str(o["number"]), o["name"]) for o in data["organizations"]] == on_page
    assert len(on_page) == 2
    au = next(o for o in data["organizations"] if o["organization"] == "AU")
    eu = next(o for o in data["organizations"] if o["organization"] == "EU")
    assert (au["role"], au["status"]) == ("lead", "active")
    assert (eu["role"], eu["status"]) == ("partner", "standing_by")
    assert au["located"] and au["headquarters"]["name"] == "Addis Ababa"
    assert au["headquarters"]["country"] == "ETH"
    assert (au["headquarters"]["longitude"], au["headquarters"]["latitude"]) == (38.75, 9.02)
    assert au["headquarters"]["geonameid"] == 344979
    assert au["headquarters"]["source"] == "geonames-cities15000"
    [sudan] = data["countries"]
    assert (sudan["country"], sudan["name"]) == ("SDN", "Sudan")
    assert 21 < sudan["anchor"]["longitude"] < 39 and 8 < sudan["anchor"]["latitude"] < 23
    assert data["centre"] == sudan["anchor"]
    assert data["sources"] == ["natural-earth-110m", "geonames-cities15000"]
    assert data["attribution"].startswith("Country shapes: Natural Earth (public domain)")
    assert "GeoNames (CC BY 4.0)" in data["attribution"] and "<bdi>" not in data["attribution"]


def test_the_api_map_says_when_a_headquarters_is_not_located(client_for, darfur) -> None:
    Organization.objects.filter(acronym="AU").update(headquarters_city="Somewhere new")
    _engage(darfur, "AU", "lead", "active")
    [au] = _api_map(client_for("owner"), darfur)["organizations"]
    assert au["located"] is False and au["headquarters"] is None


def test_the_api_map_shows_only_this_situations_engagements_and_is_404_where_the_page_is(
    client_for, darfur, cast_situation
) -> None:
    _engage(darfur, "AU", "lead", "active")
    _engage(cast_situation, "NATO", "support", "active")
    data = _api_map(client_for("owner"), darfur)
    assert [o["organization"] for o in data["organizations"]] == ["AU"]
    response = client_for("outsider").get(f"/api/v1/situations/{darfur.pk}/map")
    assert response.status_code == 404
    assert "Addis Ababa" not in response.content.decode()


def test_the_api_map_speaks_the_readers_language(client_for, darfur) -> None:
    _engage(darfur, "AU", "lead", "active")
    response = client_for("owner").get(
        f"/api/v1/situations/{darfur.pk}/map", HTTP_ACCEPT_LANGUAGE="fr"
    )
    data = response.json()
    assert data["countries"][0]["name"] == Country.objects.get(pk="SDN").name_fr
    assert data["attribution"].startswith("Contours des pays : Natural Earth (domaine public)")


def test_in_arabic_the_attribution_isolates_the_latin_names_of_its_sources(
    client_for, darfur
) -> None:
    client = client_for("owner")
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    page = client.get(f"/situations/{darfur.pk}/").content.decode()
    source = page[page.index('<p class="source"><small>') : page.index("</figure>")]
    assert "<bdi>Natural Earth</bdi> (ملك عام)" in source
    assert "<bdi>GeoNames (CC BY 4.0)</bdi>" in source
