"""The plan's pages: the reference programme as the sources give it, the policy on every plan,
the chart with its words, and htmx forms that refuse in place."""

from typing import Any

import pytest

from interlock.capacity_building import services
from interlock.capacity_building.models import CapacityPlan
from interlock.documents.models import Topic
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db
REFERENCE = "un-au-ten-year-programme"


def _reference() -> CapacityPlan:
    return CapacityPlan.objects.get(key=REFERENCE)


def test_the_ten_year_programme_is_shown_as_its_sources_give_it(client_for) -> None:
    plan = _reference()
    page = client_for("anonymous").get(f"/situations/capacity-building/{plan.pk}/").content.decode()
    assert "Ten-Year Capacity-Building Programme for the African Union" in page
    assert "16 November 2006" in page and "A/65/716" in page
    assert "from 2006; last year unknown" in page  # the sources do not state its last year
    for pillar in (
        "Peace and security",
        "Human rights",
        "Food security and environmental protection",
    ):
        assert pillar in page
    assert page.count("Unknown") >= 3  # status, progress, contributions
    assert "<svg" not in page.split('id="progress-heading"')[1].split("</section>")[0]


@pytest.mark.parametrize("part", ["anonymous", "outsider"])
def test_the_situations_area_and_the_organization_page_lead_to_the_plans(client_for, part) -> None:
    client = client_for(part)
    assert 'href="/situations/capacity-building/"' in client.get("/situations/").content.decode()
    plan = _reference()
    au = client.get("/organizations/AU/").content.decode()
    assert f'href="/situations/capacity-building/{plan.pk}/"' in au


def test_the_pillars_are_named_in_the_readers_language(client_for) -> None:
    plan = _reference()
    client = client_for("anonymous")
    client.cookies["django_language"] = "ar"
    page = client.get(f"/situations/capacity-building/{plan.pk}/", HTTP_ACCEPT_LANGUAGE="ar")
    assert "السلام والأمن" in page.content.decode()


def _restricted_plan(cast: dict[str, Any]) -> CapacityPlan:
    plan = services.plan_create(
        actor=cast["owner"],
        beneficiary=Organization.objects.get(acronym="AU"),
        title={"title_en": "Harbour restricted logistics plan"},
        classification="restricted",
        topics=Topic.objects.filter(key="peacekeeping"),
    )
    return plan


@pytest.mark.parametrize(
    ("part", "status"),
    [("owner", 200), ("partner", 200), ("secretariat", 200), ("outsider", 404), ("anonymous", 404)],
)
def test_a_restricted_plan_is_seen_only_as_the_sharing_policy_says(
    cast, client_for, part: str, status: int
) -> None:
    plan = _restricted_plan(cast)
    client = client_for(part)
    assert client.get(f"/situations/capacity-building/{plan.pk}/").status_code == status
    assert client.get(f"/api/v1/capacity-plans/{plan.pk}").status_code == status
    listed = "Harbour restricted" in client.get("/situations/capacity-building/").content.decode()
    assert listed == (status == 200)
    on_au = "Harbour restricted" in client.get("/organizations/AU/").content.decode()
    assert on_au == (status == 200)


def test_progress_is_computed_and_drawn_with_a_text_alternative(cast, client_for, plan) -> None:
    logistics, training = plan.pillars.order_by("position")
    for pillar, year, status in [
        (logistics, 2011, "achieved"),
        (logistics, 2012, "delayed"),
        (training, 2012, "unknown"),
        (training, 2014, "planned"),
    ]:
        services.milestone_add(
            actor=cast["owner"],
            pillar=pillar,
            description={"description_en": f"{status} {year}"},
            target_year=year,
            status=status,
        )
    page = client_for("partner").get(f"/situations/capacity-building/{plan.pk}/").content.decode()
    assert "between 25 % and 50 % achieved (1 of unknown status)" in page
    assert "1 delayed" in page
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in page
    assert page.count('class="ms-') >= 4 and "Milestones by target year and status" in page


def test_evidence_is_named_only_to_readers_who_may_read_it(
    cast, client_for, plan, cast_documents
) -> None:
    services.milestone_add(
        actor=cast["owner"],
        pillar=plan.pillars.get(position=1),
        description={"description_en": "Depot audited"},
        target_year=2012,
        status="achieved",
        evidence=cast_documents["confidential_own"],
    )
    title = cast_documents["confidential_own"].title
    assert (
        title
        in client_for("owner").get(f"/situations/capacity-building/{plan.pk}/").content.decode()
    )
    seen = client_for("partner").get(f"/situations/capacity-building/{plan.pk}/").content.decode()
    assert title not in seen and "a document (withheld)" in seen


def test_an_invalid_form_is_refused_in_place_and_a_valid_one_sends_the_page_to_the_plan(
    client_for, plan
) -> None:
    client = client_for("owner")
    url = f"/situations/capacity-building/{plan.pk}/contributions/new/"
    refused = client.post(
        url,
        {"partner": Organization.objects.get(acronym="EU").pk, "kind": "funding", "amount": "5"},
        HTTP_HX_REQUEST="true",
    )
    assert refused.status_code == 200 and "Say what the amount counts" in refused.content.decode()
    done = client.post(
        url,
        {
            "partner": Organization.objects.get(acronym="EU").pk,
            "kind": "funding",
            "amount": "5",
            "unit": "USD",
        },
        HTTP_HX_REQUEST="true",
    )
    assert done["HX-Redirect"] == f"/situations/capacity-building/{plan.pk}/#contributions"


def test_a_stale_form_says_someone_else_saved_first(client_for, plan) -> None:
    client = client_for("owner")
    form = {
        "title_en": "Renamed",
        "status": "under_way",
        "classification": "public",
        "version": 1,
    }
    assert client.post(f"/situations/capacity-building/{plan.pk}/edit/", form).status_code == 302
    again = client.post(
        f"/situations/capacity-building/{plan.pk}/edit/", {**form, "title_en": "Twice"}
    )
    assert "Someone else changed this" in again.content.decode()
