"""Situations: who sees them, bad input refused, the engine's plan, adoption exactly once, and the
Article 54 notifications."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from interlock.registry.models import Country
from interlock.situations import selectors, services
from interlock.situations.models import Engagement, Notification, Plan, Task

pytestmark = pytest.mark.django_db


def _task(cast, darfur, world, **kw):
    values = {
        "domain": world["keeping"],
        "description": "Protect civilians and monitor the ceasefire",
        "amount": Decimal("6000"),
        "priority": 5,
        "country": Country.objects.get(alpha3="SDN"),
        "enforcement": True,
    }
    values.update(kw)
    return services.task_add(actor=cast["owner"], situation=darfur, **values)


def _authorize(cast, darfur):
    return services.authorization_add(
        actor=cast["owner"],
        situation=darfur,
        symbol="S/RES/1590 (2005)",
        adopted_on=dt.date(2005, 3, 24),
        authorizes="Test authorization",
    )


def test_a_restricted_situation_is_seen_by_its_owner_the_secretariat_and_covered_partners(
    cast, darfur
) -> None:
    now = timezone.now()
    for part in ("owner", "secretariat", "partner"):
        assert darfur in selectors.readable_situations(cast[part], at=now)
        assert selectors.access_situation(cast[part], darfur.pk, at=now)[1]
    assert darfur not in selectors.readable_situations(cast["outsider"], at=now)
    with pytest.raises(Http404):
        selectors.access_situation(cast["outsider"], darfur.pk, at=now)


def test_an_observer_or_another_organization_cannot_edit_the_situation(cast, darfur, world):
    with pytest.raises(PermissionDenied):
        _task(cast | {"owner": cast["partner"]}, darfur, world)


def test_bad_input_is_refused_with_a_message_and_nothing_changes(cast, darfur, world) -> None:
    with pytest.raises(ValidationError, match="more than zero"):
        _task(cast, darfur, world, amount=Decimal("-5"))
    with pytest.raises(ValidationError, match="cites a resolution"):
        services.authorization_add(
            actor=cast["owner"],
            situation=darfur,
            symbol="",
            adopted_on=dt.date(2005, 3, 24),
            authorizes="x",
        )
    with pytest.raises(ValidationError, match="counted in this unit: personnel"):
        services.capability_set(
            actor=cast["owner"],
            organization=world["orgs"]["AU"],
            domain=world["keeping"],
            effectiveness=Decimal("0.5"),
            capacity=Decimal("10"),
            unit="battalions",
            readiness_days=1,
            reach="region",
        )
    assert not Task.objects.filter(situation=darfur).exists()
    assert not darfur.authorizations.exists()


def test_capabilities_are_kept_by_the_organizations_own_liaison_official_only(cast, world):
    au = world["orgs"]["AU"]
    capability = selectors.capability_list(organization=au).get(domain=world["mediation"])
    for part in ("partner", "secretariat", "owner_member"):
        with pytest.raises(PermissionDenied):
            services.capability_set(
                actor=cast[part],
                organization=au,
                domain=world["mediation"],
                effectiveness=Decimal("0.5"),
                capacity=Decimal("4"),
                unit="teams",
                readiness_days=1,
                reach="region",
                version=capability.version,
            )
    changed = services.capability_set(
        actor=cast["owner"],
        organization=au,
        domain=world["mediation"],
        effectiveness=Decimal("0.5"),
        capacity=Decimal("4"),
        unit="teams",
        readiness_days=1,
        reach="region",
        version=capability.version,
    )
    assert changed.version == capability.version + 1
    with pytest.raises(ValidationError, match="Someone else"):
        services.capability_set(
            actor=cast["owner"],
            organization=au,
            domain=world["mediation"],
            effectiveness=Decimal("0.6"),
            capacity=Decimal("4"),
            unit="teams",
            readiness_days=1,
            reach="region",
            version=capability.version,
        )


def test_without_an_authorization_the_enforcement_task_is_flagged_under_article_53(
    cast, darfur, world
) -> None:
    task = _task(cast, darfur, world)
    plan = services.plan_propose(actor=cast["owner"], situation=darfur)
    led = {a["organization"] for a in plan.result["assignments"] if a["task"] == task.pk}
    assert led == {"UN"}  # neither the AU nor the EU may take enforcement without authorization
    assert plan.objective >= plan.greedy_objective


def test_the_engine_proposes_adoption_creates_engagements_once_and_drafts_article_54(
    cast, darfur, world
) -> None:
    _authorize(cast, darfur)
    task = _task(cast, darfur, world)
    plan = services.plan_propose(actor=cast["owner"], situation=darfur)
    lead = next(a for a in plan.result["assignments"] if a["role"] == "lead")
    assert (lead["task"], lead["organization"]) == (task.pk, "AU")
    assert "regional_ownership" in {r["code"] for r in lead["reasons"]}
    with pytest.raises(PermissionDenied):
        services.plan_adopt(actor=cast["owner"], plan=plan)
    services.plan_adopt(actor=cast["secretariat"], plan=plan)
    services.plan_adopt(actor=cast["secretariat"], plan=plan)  # twice: engagements once
    engagements = Engagement.objects.filter(situation=darfur)
    assert engagements.count() == len(plan.result["assignments"])
    au = engagements.get(organization__acronym="AU")
    notification = Notification.objects.get(engagement=au)
    assert "Article 54" in notification.text and "S/RES/1590 (2005)" in notification.text
    assert not Notification.objects.filter(engagement__organization__acronym="UN").exists()

    services.engagement_set_status(actor=cast["owner"], engagement=au, status="active")
    assert Notification.objects.filter(engagement=au).count() == 2
    services.notification_mark_sent(actor=cast["secretariat"], notification=notification)
    pending = [n for n in selectors.notification_list(cast["secretariat"], at=timezone.now())]
    assert pending[0].sent_at is None and pending[-1].sent_at is not None


def test_a_new_adopted_plan_deactivates_what_it_no_longer_needs(cast, darfur, world) -> None:
    _authorize(cast, darfur)
    _task(cast, darfur, world)
    services.plan_adopt(
        actor=cast["secretariat"], plan=services.plan_propose(actor=cast["owner"], situation=darfur)
    )
    Task.objects.filter(situation=darfur).update(withdrawn_at=timezone.now())
    second = services.plan_propose(actor=cast["owner"], situation=darfur)
    services.plan_adopt(actor=cast["secretariat"], plan=second)
    statuses = set(Engagement.objects.filter(situation=darfur).values_list("status", flat=True))
    assert statuses == {"deactivated"}
    assert Notification.objects.filter(status_after="deactivated").exists()


def test_a_superseded_plan_cannot_be_adopted(cast, darfur, world) -> None:
    _task(cast, darfur, world, enforcement=False)
    first = services.plan_propose(actor=cast["owner"], situation=darfur)
    second = services.plan_propose(actor=cast["owner"], situation=darfur)
    services.plan_adopt(actor=cast["secretariat"], plan=second)
    assert Plan.objects.get(pk=first.pk).status == "superseded"
    with pytest.raises(ValidationError, match="superseded"):
        services.plan_adopt(actor=cast["secretariat"], plan=first)


def test_the_charter_basis_is_read_through_acts_under_chapter_viii(cast, darfur, world) -> None:
    from interlock.registry.models import Organization

    _task(cast, darfur, world)
    Organization.objects.filter(acronym__in=["AU", "EU"]).update(
        charter_basis="not_declared", charter_basis_source=None, charter_basis_on=None
    )
    plan = services.plan_propose(actor=cast["owner"], situation=darfur)
    # Not under Chapter VIII: Article 53 does not bar them (and no regional bonus either).
    assert {a["organization"] for a in plan.result["assignments"]} >= {"EU"}
