"""The API of capacity-building plans: the pages' rules, in JSON."""

import pytest

pytestmark = pytest.mark.django_db
JSON = "application/json"


def test_the_ten_year_programme_reads_with_its_unknowns_as_null(client_for) -> None:
    listed = client_for("anonymous").get("/api/v1/capacity-plans").json()
    (plan,) = [p for p in listed["items"] if p["beneficiary"] == "AU" and p["start_year"] == 2006]
    assert plan["end_year"] is None and plan["status"] == "unknown"
    assert plan["progress"]["achieved_share_low"] is None
    detail = client_for("anonymous").get(f"/api/v1/capacity-plans/{plan['id']}").json()
    assert [p["titles"]["en"] for p in detail["pillars"]][1] == "Peace and security"
    assert detail["source"] == "a-65-716" and detail["contributions"] == []


def test_the_beneficiarys_liaison_official_writes_a_plan_and_reports_progress(client_for) -> None:
    owner = client_for("owner")
    created = owner.post(
        "/api/v1/capacity-plans",
        {"beneficiary": "AU", "title": {"en": "Police plan"}, "start_year": 2020, "end_year": 2024},
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    owner.post(
        f"/api/v1/capacity-plans/{pk}/pillars", {"title": {"en": "Training"}}, content_type=JSON
    )
    added = owner.post(
        f"/api/v1/capacity-plans/{pk}/milestones",
        {"pillar": 1, "description": {"en": "Academy opened"}, "target_year": 2021},
        content_type=JSON,
    ).json()
    (milestone,) = added["milestones"]
    body = {
        "pillar": 1,
        "description": {"en": "Academy opened"},
        "target_year": 2021,
        "status": "achieved",
        "version": milestone["version"],
    }
    url = f"/api/v1/capacity-plans/{pk}/milestones/{milestone['id']}"
    done = owner.put(url, body, content_type=JSON).json()
    assert done["progress"]["achieved_share_low"] == 1.0
    assert owner.put(url, body, content_type=JSON).status_code == 409  # the version is stale
    contribution = owner.post(
        f"/api/v1/capacity-plans/{pk}/contributions",
        {"partner": "EU", "kind": "funding", "pillar": 1},
        content_type=JSON,
    ).json()["contributions"][0]
    assert contribution["amount"] is None and contribution["pillar"] == 1


@pytest.mark.parametrize(("part", "status"), [("partner", 403), ("anonymous", 401)])
def test_others_may_not_write_the_aus_plan(client_for, part: str, status: int) -> None:
    response = client_for(part).post(
        "/api/v1/capacity-plans",
        {"beneficiary": "AU", "title": {"en": "Not theirs"}},
        content_type=JSON,
    )
    assert response.status_code == status


def test_bad_input_is_refused_with_the_field_named(client_for, plan) -> None:
    owner = client_for("owner")
    wrong_years = owner.put(
        f"/api/v1/capacity-plans/{plan.pk}",
        {"title": {"en": "x"}, "start_year": 2015, "end_year": 2010, "version": 1},
        content_type=JSON,
    )
    assert wrong_years.status_code == 422
    negative = owner.post(
        f"/api/v1/capacity-plans/{plan.pk}/contributions",
        {"partner": "EU", "kind": "funding", "amount": "-1", "unit": "USD"},
        content_type=JSON,
    )
    assert negative.status_code == 422
    no_pillar = owner.post(
        f"/api/v1/capacity-plans/{plan.pk}/milestones",
        {"pillar": 9, "description": {"en": "x"}},
        content_type=JSON,
    )
    assert no_pillar.status_code == 422
