"""Capacity-building plans are kept by the secretariat and the beneficiary's liaison official:
checked, audited, and never silently overwritten."""

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from interlock.capacity_building import services
from interlock.capacity_building.models import CapacityPlan, Contribution, Milestone
from interlock.core.models import AuditEvent
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db


def test_the_beneficiarys_liaison_official_records_a_plan_and_it_is_audited(cast, plan) -> None:
    assert [p.position for p in plan.pillars.all()] == [1, 2]
    event = AuditEvent.objects.filter(action="capacity_plan.create", target_id=str(plan.pk)).get()
    assert event.actor == cast["owner"] and event.organization.acronym == "AU"


@pytest.mark.parametrize("part", ["partner", "owner_member", "outsider", "researcher"])
def test_nobody_else_records_a_plan_for_the_au(cast, part: str) -> None:
    with pytest.raises(PermissionDenied):
        services.plan_create(
            actor=cast[part],
            beneficiary=Organization.objects.get(acronym="AU"),
            title={"title_en": "Not theirs"},
        )
    assert not CapacityPlan.objects.filter(title_en="Not theirs").exists()


def test_the_secretariat_keeps_any_plan(cast, plan) -> None:
    services.plan_update(
        actor=cast["secretariat"],
        plan=plan,
        expected_version=1,
        title={"title_en": "Standby force plan, revised"},
        start_year=2010,
        end_year=2016,
        status="under_way",
        classification="public",
    )
    plan.refresh_from_db()
    assert plan.end_year == 2016 and plan.version == 2
    event = AuditEvent.objects.get(action="capacity_plan.update", target_id=str(plan.pk))
    assert event.changes["end_year"] == [2015, 2016]


def test_a_stale_edit_is_refused_and_changes_nothing(cast, plan) -> None:
    args = {
        "actor": cast["owner"],
        "plan": plan,
        "title": {"title_en": "First"},
        "status": "under_way",
        "classification": "public",
    }
    services.plan_update(expected_version=1, **args)
    with pytest.raises(services.ConflictError):
        services.plan_update(expected_version=1, **{**args, "title": {"title_en": "Second"}})
    plan.refresh_from_db()
    assert plan.title_en == "First" and plan.version == 2


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(2016, 2006, "end_year"), (1900, None, "start_year"), (None, 2200, "end_year")],
)
def test_years_out_of_order_or_of_range_are_refused(cast, start, end, field) -> None:
    with pytest.raises(ValidationError) as refused:
        services.plan_create(
            actor=cast["owner"],
            beneficiary=Organization.objects.get(acronym="AU"),
            title={"title_en": "Bad years"},
            start_year=start,
            end_year=end,
        )
    assert field in refused.value.message_dict


def test_a_milestone_outside_the_plans_period_is_refused(cast, plan) -> None:
    pillar = plan.pillars.get(position=1)
    with pytest.raises(ValidationError) as refused:
        services.milestone_add(
            actor=cast["owner"],
            pillar=pillar,
            description={"description_en": "x"},
            target_year=2020,
        )
    assert "target_year" in refused.value.message_dict
    assert not Milestone.objects.filter(pillar=pillar).exists()


def test_evidence_the_keeper_may_not_read_is_refused_like_one_that_does_not_exist(
    cast, plan, cast_documents
) -> None:
    pillar = plan.pillars.get(position=1)
    messages = []
    for evidence in (cast_documents["confidential_own"].pk, 10**9):
        with pytest.raises(ValidationError) as refused:
            services.milestone_add(
                actor=cast["secretariat"],
                pillar=pillar,
                description={"description_en": "Depot opened"},
                target_year=2012,
                evidence=evidence,
            )
        messages.append(refused.value.message_dict)
    assert messages[0] == messages[1]
    readable = services.milestone_add(
        actor=cast["secretariat"],
        pillar=pillar,
        description={"description_en": "Depot opened"},
        target_year=2012,
        status="achieved",
        evidence=cast_documents["public"],
    )
    assert readable.evidence_id == cast_documents["public"].pk


def test_a_milestones_status_is_updated_with_the_version_read(cast, plan) -> None:
    pillar = plan.pillars.get(position=2)
    milestone = services.milestone_add(
        actor=cast["owner"],
        pillar=pillar,
        description={"description_en": "Course"},
        target_year=2011,
    )
    args = {
        "actor": cast["owner"],
        "milestone": milestone,
        "pillar": pillar,
        "description": {"description_en": "Course"},
        "target_year": 2011,
    }
    services.milestone_update(expected_version=1, status="delayed", **args)
    with pytest.raises(services.ConflictError):
        services.milestone_update(expected_version=1, status="achieved", **args)
    milestone.refresh_from_db()
    assert milestone.status == "delayed"
    assert AuditEvent.objects.filter(action="capacity_plan.milestone_update").count() == 1


@pytest.mark.parametrize(
    ("amount", "unit", "field"),
    [(Decimal(-5), "USD", "amount"), (Decimal(100), "", "unit")],
)
def test_a_contribution_with_a_negative_or_unitless_amount_is_refused(
    cast, plan, amount, unit, field
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.contribution_add(
            actor=cast["owner"],
            plan=plan,
            partner=Organization.objects.get(acronym="EU"),
            kind="funding",
            amount=amount,
            unit=unit,
        )
    assert field in refused.value.message_dict
    assert not Contribution.objects.filter(plan=plan).exists()


def test_a_contribution_of_unknown_amount_is_recorded_as_unknown(cast, plan) -> None:
    contribution = services.contribution_add(
        actor=cast["owner"],
        plan=plan,
        partner=Organization.objects.get(acronym="EU"),
        pillar=plan.pillars.get(position=2),
        kind="training",
    )
    assert contribution.amount is None and contribution.unit == ""


def test_a_pillar_of_another_plan_is_refused(cast, plan) -> None:
    other: Any = services.plan_create(
        actor=cast["owner"],
        beneficiary=plan.beneficiary,
        title={"title_en": "Other"},
    )
    foreign = services.pillar_add(actor=cast["owner"], plan=other, title={"title_en": "Elsewhere"})
    with pytest.raises(ValidationError) as refused:
        services.contribution_add(
            actor=cast["owner"],
            plan=plan,
            partner=Organization.objects.get(acronym="EU"),
            pillar=foreign,
            kind="experts",
        )
    assert "pillar" in refused.value.message_dict


def test_a_pillar_moves_and_the_others_shift_and_a_stale_move_is_refused(
    cast, client_for, plan
) -> None:
    third = services.pillar_add(actor=cast["owner"], plan=plan, title={"title_en": "Equipment"})
    services.pillar_move(actor=cast["owner"], pillar=third, to=1, expected_version=1)
    assert [p.title_en for p in plan.pillars.order_by("position")] == [
        "Equipment",
        "Logistics",
        "Training",
    ]
    with pytest.raises(services.ConflictError):
        services.pillar_move(actor=cast["owner"], pillar=third, to=3, expected_version=1)
    with pytest.raises(ValidationError):
        services.pillar_move(actor=cast["owner"], pillar=third, to=4, expected_version=2)
    assert AuditEvent.objects.filter(action="capacity_plan.pillar_move").count() == 1
    url = f"/situations/capacity-building/pillars/{third.pk}/move/"
    assert client_for("partner").post(url, {"to": 2, "version": 2}).status_code == 403
    assert client_for("owner").post(url, {"to": 2, "version": 2}).status_code == 302
    assert plan.pillars.get(pk=third.pk).position == 2
