"""The pages and the API of situations, driven as their users would."""

import pytest

from interlock.registry.models import Country
from interlock.situations.models import Engagement, Notification, Plan, Situation, Task

pytestmark = pytest.mark.django_db


def _create(client) -> Situation:
    response = client.post(
        "/situations/new/",
        {
            "title": "Floods in the delta (test)",
            "kind": "natural_disaster",
            "phase": "crisis_response",
            "countries": ["SDN"],
            "classification": "partnership",
        },
    )
    assert response.status_code == 302
    return Situation.objects.get(title="Floods in the delta (test)")


def test_a_liaison_official_records_a_situation_and_the_secretariat_adopts_its_plan(
    client_for, world
) -> None:
    owner, secretariat = client_for("owner"), client_for("secretariat")
    situation = _create(owner)
    assert situation.owner.acronym == "AU"
    task = {
        "domain": "mediation",
        "description": "Talks between the parties",
        "amount": "2",
        "priority": "5",
        "country": "SDN",
    }
    owner.post(f"/situations/{situation.pk}/tasks/", task)
    owner.post(f"/situations/{situation.pk}/timeline/", {"occurred_on": "2005-01-02", "text": "x"})
    owner.post(f"/situations/{situation.pk}/plans/")
    page = owner.get(f"/situations/{situation.pk}/").content.decode()
    assert "Article 52(2) gives it preference" in page
    assert "Adopt this plan" not in page  # the owner may not adopt
    plan = Plan.objects.get(situation=situation)
    for _ in range(2):
        assert secretariat.post(f"/situations/plans/{plan.pk}/adopt/").status_code == 302
    assert Engagement.objects.filter(situation=situation, organization__acronym="AU").count() == 1
    notifications = secretariat.get("/situations/notifications/").content.decode()
    assert "Floods in the delta (test)" in notifications and "Mark as sent" in notifications
    notification = Notification.objects.get(engagement__situation=situation)
    secretariat.post(f"/situations/notifications/{notification.pk}/sent/")
    notification.refresh_from_db()
    assert notification.sent_at is not None


def test_bad_input_on_the_page_says_why_and_changes_nothing(client_for, world) -> None:
    owner = client_for("owner")
    situation = _create(owner)
    response = owner.post(
        f"/situations/{situation.pk}/tasks/",
        {"domain": "mediation", "description": "x", "amount": "-3", "priority": "3"},
        follow=True,
    )
    assert "more than zero" in response.content.decode()
    response = owner.post(
        f"/situations/{situation.pk}/authorizations/",
        {"symbol": "none", "adopted_on": "2005-03-24", "authorizes": "x"},
        follow=True,
    )
    assert "cites a resolution" in response.content.decode()
    assert not Task.objects.filter(situation=situation).exists()
    assert not situation.authorizations.exists()


def test_others_cannot_write_into_a_situation(client_for, world) -> None:
    situation = _create(client_for("owner"))
    assert client_for("partner").post(f"/situations/{situation.pk}/plans/").status_code == 403
    assert client_for("outsider").post(f"/situations/{situation.pk}/tasks/").status_code == 403


def test_the_liaison_official_edits_the_organizations_capabilities(client_for, world) -> None:
    owner = client_for("owner")
    form = {"domain": "police", "effectiveness": "0.4", "capacity": "300", "readiness_days": "30"}
    response = owner.post("/situations/capabilities/AU/", {**form, "reach": "region"})
    assert response.status_code == 302
    assert "Police" in owner.get("/situations/capabilities/").content.decode()
    assert client_for("partner").post("/situations/capabilities/AU/", form).status_code == 403


def test_the_what_if_view_shows_both_plans_side_by_side(client_for, world) -> None:
    owner = client_for("owner")
    situation = _create(owner)
    owner.post(
        f"/situations/{situation.pk}/tasks/",
        {"domain": "mediation", "description": "Talks", "amount": "2", "priority": "3"},
    )
    response = owner.get(f"/situations/{situation.pk}/what-if/?remove=AU", HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "<html" not in page  # htmx gets the panel only
    assert "Current plan" in page and "With the change" in page


def test_the_api_proposes_and_adopts_once(client_for, world) -> None:
    situation = _create(client_for("owner"))
    Task.objects.create(
        situation=situation,
        domain_id="mediation",
        description="Talks",
        amount=2,
        unit="teams",
        country=Country.objects.get(alpha3="SDN"),
    )
    owner, secretariat = client_for("owner"), client_for("secretariat")
    response = owner.post(f"/api/v1/situations/{situation.pk}/plans")
    assert response.status_code == 201
    plan = response.json()
    assert plan["assignments"][0]["reasons"][0]["words"]
    assert owner.post(f"/api/v1/plans/{plan['id']}/adopt").status_code == 403
    for _ in range(2):
        assert secretariat.post(f"/api/v1/plans/{plan['id']}/adopt").status_code == 200
    assert Engagement.objects.filter(situation=situation).count() == len(plan["assignments"])
    assert client_for("anonymous").get(f"/api/v1/situations/{situation.pk}/plan").status_code == 401


def test_the_article_52_record_is_kept_on_the_engagement(client_for, world) -> None:
    owner = client_for("owner")
    situation = _create(owner)
    engagement = Engagement.objects.create(
        situation=situation,
        organization=world["orgs"]["AU"],
        role="lead",
        status="alerted",
        started_on="2005-04-28",
    )
    owner.post(f"/situations/engagements/{engagement.pk}/", {"prior_effort": "yes"})
    engagement.refresh_from_db()
    assert engagement.article_52_prior_effort == "yes"
    page = owner.get(f"/situations/{situation.pk}/").content.decode()
    assert 'name="prior_effort"' in page  # the AU acts under Chapter VIII in this test world
