"""Reference situations from the public record (issue 11, item 8): the engagements the record
states, each cited, loaded once, shown on the page, the map and the API, and never the occasion
of an Article 54 draft."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.forms.models import model_to_dict
from django.utils import timezone

from interlock.registry.models import Country
from interlock.situations import services
from interlock.situations.models import Engagement, Notification, Situation, Task, TimelineEntry
from interlock.situations.reference import load_reference_situations

pytestmark = pytest.mark.django_db

DARFUR = "Darfur (the Sudan), 2005"
TSUNAMI = "Indian Ocean earthquake and tsunami, 26 December 2004"


def _cited() -> list[dict]:
    return [
        model_to_dict(e)
        for e in Engagement.objects.filter(source__isnull=False).order_by("pk").select_related()
    ]


def _darfur() -> Situation:
    return Situation.objects.get(title=DARFUR)


def test_loading_records_exactly_the_african_unions_cited_engagement_in_darfur() -> None:
    cited = Engagement.objects.filter(source__isnull=False)
    assert cited.count() == 1
    amis = cited.get()
    assert amis.situation == _darfur()
    assert (amis.organization.acronym, amis.role, amis.status) == ("AU", "lead", "active")
    assert amis.started_on == dt.date(2004, 10, 20) and amis.ended_on is None
    assert amis.article_52_prior_effort == "unknown"  # the communiqué is silent on it
    assert amis.source_id == "au-psc-28-communique" and amis.source.url
    assert amis.plan_id is None and amis.task_id is None
    # The tsunami's regional engagement (ASEAN) is not recorded: ASEAN is not in the registry.
    assert not Engagement.objects.filter(situation__title=TSUNAMI).exists()


def test_loading_twice_changes_nothing_and_drafts_no_article_54_notification(world) -> None:
    # The world records the AU as acting under Chapter VIII: an engagement started through the
    # plan path would draft a notification.
    Engagement.objects.filter(source__isnull=False).delete()
    counts = (Situation.objects.count(), TimelineEntry.objects.count())
    assert load_reference_situations() == 0
    first = _cited()
    assert len(first) == 1
    load_reference_situations()
    assert _cited() == first
    assert (Situation.objects.count(), TimelineEntry.objects.count()) == counts
    assert not Notification.objects.exists()


def test_a_status_changed_in_interlock_is_not_overwritten_by_a_reload() -> None:
    Engagement.objects.filter(source__isnull=False).update(status="deactivated")
    load_reference_situations()
    assert Engagement.objects.get(source__isnull=False).status == "deactivated"


def test_the_situation_page_shows_the_engagement_with_its_citation_and_the_map_draws_it(
    client,
) -> None:
    page = client.get(f"/situations/{_darfur().pk}/").content.decode()
    table = page.split("Engagements</h2>", 1)[1].split("</table>", 1)[0]
    assert "African Union" in table and "Lead" in table and "Active" in table
    assert "Oct. 20, 2004" in table  # English DATE_FORMAT
    assert "Communiqué of the 28th meeting of the Peace and Security Council" in table
    assert 'href="https://nointervention.com/archive/news/allafrica/200504290982.txt"' in table
    assert "Unknown" in table  # Article 52(2): the source is silent
    svg = re.search(r'<svg class="world-map".*?</svg>', page, re.S)
    assert svg, "no map on the page"
    assert 'class="map-line role-lead status-active"' in svg.group(0)
    assert "1. African Union</title>" in svg.group(0)


def test_the_api_gives_the_engagement_with_its_source(client) -> None:
    body = client.get(f"/api/v1/situations/{_darfur().pk}").json()
    [amis] = body["engagements"]
    assert amis["organization"] == "AU" and amis["started_on"] == "2004-10-20"
    assert amis["source"]["key"] == "au-psc-28-communique"
    assert amis["source"]["url"].startswith("https://")


def test_adopting_a_plan_does_not_end_an_engagement_from_the_record(cast, darfur, world) -> None:
    cited = Engagement.objects.create(
        situation=darfur,
        organization=world["orgs"]["AU"],
        role="lead",
        status="active",
        started_on=dt.date(2004, 10, 20),
        source_id="au-psc-28-communique",
    )
    services.task_add(
        actor=cast["owner"],
        situation=darfur,
        domain=world["mediation"],
        description="Good offices",
        amount=Decimal("2"),
        priority=3,
        country=Country.objects.get(alpha3="SDN"),
        enforcement=False,
    )
    services.plan_adopt(
        actor=cast["secretariat"], plan=services.plan_propose(actor=cast["owner"], situation=darfur)
    )
    Task.objects.filter(situation=darfur).update(withdrawn_at=timezone.now())
    services.plan_adopt(
        actor=cast["secretariat"], plan=services.plan_propose(actor=cast["owner"], situation=darfur)
    )
    cited.refresh_from_db()
    assert cited.status == "active" and cited.version == 1
    assert not Notification.objects.filter(engagement=cited).exists()
    made = Engagement.objects.filter(situation=darfur, source__isnull=True)
    assert made.exists() and set(made.values_list("status", flat=True)) == {"deactivated"}
