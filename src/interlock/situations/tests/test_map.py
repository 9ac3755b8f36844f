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
