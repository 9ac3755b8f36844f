"""Writes of capacity-building plans: keyword-only, with the acting user, checked, atomic and
audited. Edits carry the version the editor read (optimistic locking): a stale edit is refused
with ``ConflictError``, never silently overwritten. Every event targets the plan, so the audit
trail names it through the reading policy."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from interlock.capacity_building.models import (
    CapacityPlan,
    Contribution,
    ContributionKind,
    Milestone,
    MilestoneStatus,
    Pillar,
    PlanStatus,
)
from interlock.core.access import require
from interlock.core.i18n import CONTENT_LANGUAGES, column
from interlock.core.services import audit_record, changes_between
from interlock.documents.access import readable_documents
from interlock.documents.models import Classification, Topic
from interlock.domain.permissions import Action
from interlock.registry.models import Organization
from interlock.situations.models import CapabilityDomain

# The years a plan of the partnership may speak of: from the Charter to the end of this century.
FIRST_YEAR, LAST_YEAR = 1945, 2100


def columns(field: str) -> tuple[str, ...]:
    """``title_ar``, ``title_zh_hans``, … ``title_es``: one form field per official language."""
    return tuple(column(field, language) for language in CONTENT_LANGUAGES)


PLAN_TITLES, PLAN_SUMMARIES = columns("title"), columns("summary")
PILLAR_TITLES, DESCRIPTIONS = columns("title"), columns("description")


class ConflictError(Exception):
    """Someone else changed the object since it was read; nothing was written."""


def _conflict() -> ConflictError:
    return ConflictError(
        _("Someone else changed this while you were editing it. Reload and retry.")
    )


def _update_versioned(obj: Any, *, expected_version: int, after: dict[str, Any]) -> None:
    """Write `after` to `obj` only if its version is still the one read; refuse otherwise."""
    if (
        not type(obj)
        .objects.filter(pk=obj.pk, version=expected_version)
        .update(**after, version=expected_version + 1)
    ):
        raise _conflict()
    for field, value in after.items():
        setattr(obj, field, value)
    obj.version = expected_version + 1


def _texts(
    values: dict[str, str], fields: tuple[str, ...], *, required: str, message: str
) -> dict[str, str]:
    unknown = set(values) - set(fields)
    if unknown:
        raise ValueError(f"not translated fields: {sorted(unknown)}")
    texts = {field: (values.get(field) or "").strip() for field in fields}
    if not texts[required]:
        raise ValidationError({required: message})
    return texts


def _years(start: int | None, end: int | None, *, start_field: str, end_field: str) -> None:
    problems: dict[str, str] = {}
    for field, year in ((start_field, start), (end_field, end)):
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            problems[field] = _("Give a year between %(first)s and %(last)s.") % {
                "first": FIRST_YEAR,
                "last": LAST_YEAR,
            }
    if not problems and start is not None and end is not None and end < start:
        problems[end_field] = _("The last year cannot come before the first.")
    if problems:
        raise ValidationError(problems)


def _plan_facts(
    *,
    title: dict[str, str],
    summary: dict[str, str],
    start_year: int | None,
    end_year: int | None,
    status: str,
    classification: str,
) -> dict[str, Any]:
    facts = {
        **_texts(
            title, PLAN_TITLES, required="title_en", message=_("Give the plan a title in English.")
        ),
        **{field: (summary.get(field) or "").strip() for field in PLAN_SUMMARIES},
    }
    _years(start_year, end_year, start_field="start_year", end_field="end_year")
    if status not in PlanStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    if classification not in Classification.values:
        raise ValidationError({"classification": _("Choose a classification from the list.")})
    return {
        **facts,
        "start_year": start_year,
        "end_year": end_year,
        "status": status,
        "classification": classification,
    }


def plan_create(
    *,
    actor: Any,
    beneficiary: Organization,
    title: dict[str, str],
    summary: dict[str, str] | None = None,
    start_year: int | None = None,
    end_year: int | None = None,
    status: str = PlanStatus.PROPOSED,
    classification: str = Classification.PARTNERSHIP,
    topics: Iterable[Topic] = (),
    named_readers: Iterable[Organization] = (),
    source: Any = None,
) -> CapacityPlan:
    """Record a plan for ``beneficiary`` (the secretariat, or the beneficiary's liaison official)."""
    require(actor, Action.KEEP_CAPACITY_PLAN, organization_id=beneficiary.pk)
    facts = _plan_facts(
        title=title,
        summary=summary or {},
        start_year=start_year,
        end_year=end_year,
        status=status,
        classification=classification,
    )
    with transaction.atomic():  # the plan, its readers and its audit event together
        plan = CapacityPlan.objects.create(
            beneficiary=beneficiary, source=source, created_by=actor, **facts
        )
        plan.topics.set(list(topics))
        plan.named_readers.set(list(named_readers))
        audit_record(
            actor=actor,
            action="capacity_plan.create",
            target=plan,
            organization=beneficiary,
            changes={"classification": [None, classification], "status": [None, status]},
        )
    return plan


def plan_update(
    *,
    actor: Any,
    plan: CapacityPlan,
    expected_version: int,
    title: dict[str, str],
    summary: dict[str, str] | None = None,
    start_year: int | None = None,
    end_year: int | None = None,
    status: str,
    classification: str,
) -> CapacityPlan:
    require(actor, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id)
    after = _plan_facts(
        title=title,
        summary=summary or {},
        start_year=start_year,
        end_year=end_year,
        status=status,
        classification=classification,
    )
    changes = changes_between({field: getattr(plan, field) for field in after}, after)
    # Atomic: the conditional update and its audit event stand or fall together.
    with transaction.atomic():
        _update_versioned(plan, expected_version=expected_version, after=after)
        if changes:
            audit_record(
                actor=actor,
                action="capacity_plan.update",
                target=plan,
                organization=plan.beneficiary,
                changes=changes,
            )
    return plan


def pillar_add(
    *,
    actor: Any,
    plan: CapacityPlan,
    title: dict[str, str],
    domains: Iterable[CapabilityDomain] = (),
    source: Any = None,
) -> Pillar:
    """Add a pillar at the end of the plan's order."""
    require(actor, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id)
    texts = _texts(
        title, PILLAR_TITLES, required="title_en", message=_("Give the pillar a title in English.")
    )
    # Atomic, under the plan's row lock: two pillars added at once never take the same position.
    with transaction.atomic():
        CapacityPlan.objects.select_for_update().filter(pk=plan.pk).first()
        last = plan.pillars.aggregate(last=Max("position"))["last"] or 0
        pillar = Pillar.objects.create(plan=plan, position=last + 1, source=source, **texts)
        pillar.domains.set(list(domains))
        audit_record(
            actor=actor,
            action="capacity_plan.pillar_add",
            target=plan,
            organization=plan.beneficiary,
            changes={"pillar": [None, texts["title_en"]], "position": [None, last + 1]},
        )
    return pillar


def pillar_update(
    *,
    actor: Any,
    pillar: Pillar,
    expected_version: int,
    title: dict[str, str],
    domains: Iterable[CapabilityDomain] = (),
) -> Pillar:
    plan = pillar.plan
    require(actor, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id)
    after: dict[str, Any] = _texts(
        title, PILLAR_TITLES, required="title_en", message=_("Give the pillar a title in English.")
    )
    chosen = sorted(domains, key=lambda d: d.pk)
    before = {field: getattr(pillar, field) for field in after}
    changes = changes_between(
        {**before, "domains": ", ".join(sorted(d.pk for d in pillar.domains.all()))},
        {**after, "domains": ", ".join(d.pk for d in chosen)},
    )
    # Atomic: the conditional update, the domains and the audit event stand or fall together.
    with transaction.atomic():
        _update_versioned(pillar, expected_version=expected_version, after=after)
        pillar.domains.set(chosen)
        if changes:
            audit_record(
                actor=actor,
                action="capacity_plan.pillar_update",
                target=plan,
                organization=plan.beneficiary,
                changes={"pillar": [pillar.position, pillar.position], **changes},
            )
    return pillar


# Pillars are renumbered through positions above this one, so that no two ever share a position,
# row by row, on either database (PostgreSQL checks the unique constraint at each row).
_RENUMBER_OFFSET = 10_000


def pillar_move(*, actor: Any, pillar: Pillar, to: int, expected_version: int) -> Pillar:
    """Move a pillar to position ``to`` (1 = first); the pillars between shift by one."""
    plan = pillar.plan
    require(actor, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id)
    # Atomic, under the plan's row lock: the whole order is rewritten at once, and the pillar's
    # version decides between two people moving it at the same time.
    with transaction.atomic():
        CapacityPlan.objects.select_for_update().filter(pk=plan.pk).first()
        if not Pillar.objects.filter(pk=pillar.pk, version=expected_version).exists():
            raise _conflict()
        order = list(plan.pillars.order_by("position").values_list("pk", flat=True))
        if not 1 <= to <= len(order):
            raise ValidationError(
                {"to": _("Give a position between 1 and %(last)s.") % {"last": len(order)}}
            )
        before = order.index(pillar.pk) + 1
        order.remove(pillar.pk)
        order.insert(to - 1, pillar.pk)
        Pillar.objects.filter(plan=plan).update(position=F("position") + _RENUMBER_OFFSET)
        for position, pk in enumerate(order, start=1):
            Pillar.objects.filter(pk=pk).update(position=position)
        Pillar.objects.filter(pk=pillar.pk).update(version=expected_version + 1)
        pillar.position, pillar.version = to, expected_version + 1
        if before != to:
            audit_record(
                actor=actor,
                action="capacity_plan.pillar_move",
                target=plan,
                organization=plan.beneficiary,
                changes={"position": [before, to]},
            )
    return pillar


def _evidence(actor: Any, evidence: Any) -> Any:
    """The evidence must be a document the actor may read now; a hidden one and one that does not
    exist get the same answer (the form's chooser offered neither)."""
    if evidence is None:
        return None
    pk = getattr(evidence, "pk", evidence)
    found = readable_documents(actor, at=timezone.now()).filter(pk=pk).first()
    if found is None:
        raise ValidationError(
            {"evidence": _("Choose a document you may read from the search results.")}
        )
    return found


def _milestone_facts(
    *,
    actor: Any,
    plan: CapacityPlan,
    pillar: Pillar,
    target_year: int | None,
    description: dict[str, str],
    status: str,
    evidence: Any,
) -> dict[str, Any]:
    if pillar.plan_id != plan.pk:
        raise ValidationError({"pillar": _("Choose a pillar of this plan.")})
    texts = _texts(
        description,
        DESCRIPTIONS,
        required="description_en",
        message=_("Describe the milestone in English."),
    )
    _years(target_year, None, start_field="target_year", end_field="target_year")
    outside = target_year is not None and (
        (plan.start_year is not None and target_year < plan.start_year)
        or (plan.end_year is not None and target_year > plan.end_year)
    )
    if outside:
        raise ValidationError(
            {"target_year": _("The target year falls outside the plan's period.")}
        )
    if status not in MilestoneStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    return {
        **texts,
        "pillar_id": pillar.pk,
        "target_year": target_year,
        "status": status,
        "evidence_id": getattr(_evidence(actor, evidence), "pk", None),
    }


def milestone_add(
    *,
    actor: Any,
    pillar: Pillar,
    description: dict[str, str],
    target_year: int | None = None,
    status: str = MilestoneStatus.PLANNED,
    evidence: Any = None,
    source: Any = None,
) -> Milestone:
    plan = pillar.plan
    require(actor, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id)
    facts = _milestone_facts(
        actor=actor,
        plan=plan,
        pillar=pillar,
        target_year=target_year,
        description=description,
        status=status,
        evidence=evidence,
    )
    with transaction.atomic():  # the milestone and its audit event together
        milestone = Milestone.objects.create(source=source, **facts)
        audit_record(
            actor=actor,
            action="capacity_plan.milestone_add",
            target=plan,
            organization=plan.beneficiary,
            changes={
                "pillar": [None, pillar.position],
                "target_year": [None, target_year],
                "status": [None, status],
            },
        )
    return milestone


def milestone_update(
    *,
    actor: Any,
    milestone: Milestone,
    expected_version: int,
    pillar: Pillar,
    description: dict[str, str],
    target_year: int | None,
    status: str,
    evidence: Any = None,
) -> Milestone:
    plan = milestone.pillar.plan
    require(actor, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id)
    after = _milestone_facts(
        actor=actor,
        plan=plan,
        pillar=pillar,
        target_year=target_year,
        description=description,
        status=status,
        evidence=evidence,
    )
    changes = changes_between({field: getattr(milestone, field) for field in after}, after)
    # Atomic: the conditional update and its audit event stand or fall together.
    with transaction.atomic():
        _update_versioned(milestone, expected_version=expected_version, after=after)
        if changes:
            audit_record(
                actor=actor,
                action="capacity_plan.milestone_update",
                target=plan,
                organization=plan.beneficiary,
                changes=changes,
            )
    return milestone


def _contribution_facts(
    *,
    plan: CapacityPlan,
    partner: Organization | None,
    pillar: Pillar | None,
    kind: str,
    amount: Decimal | None,
    unit: str,
    start_year: int | None,
    end_year: int | None,
) -> dict[str, Any]:
    problems: dict[str, str] = {}
    if partner is None:
        problems["partner"] = _("Name the partner organization.")
    if pillar is not None and pillar.plan_id != plan.pk:
        problems["pillar"] = _("Choose a pillar of this plan.")
    if kind not in ContributionKind.values:
        problems["kind"] = _("Choose a kind from the list.")
    unit = " ".join(unit.split())
    if amount is not None and amount < 0:
        problems["amount"] = _("An amount cannot be negative; leave it blank where it is unknown.")
    elif amount is not None and not unit:
        problems["unit"] = _("Say what the amount counts (USD, experts, courses, …).")
    if len(unit) > 40:
        problems["unit"] = _("Keep the unit under 40 characters.")
    if problems:
        raise ValidationError(problems)
    _years(start_year, end_year, start_field="start_year", end_field="end_year")
    return {
        "partner_id": partner.pk if partner else None,
        "pillar_id": pillar.pk if pillar else None,
        "kind": kind,
        "amount": amount,
        "unit": unit,
        "start_year": start_year,
        "end_year": end_year,
    }


def contribution_add(
    *,
    actor: Any,
    plan: CapacityPlan,
    partner: Organization | None,
    kind: str,
    pillar: Pillar | None = None,
    amount: Decimal | None = None,
    unit: str = "",
    start_year: int | None = None,
    end_year: int | None = None,
    source: Any = None,
) -> Contribution:
    require(actor, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id)
    facts = _contribution_facts(
        plan=plan,
        partner=partner,
        pillar=pillar,
        kind=kind,
        amount=amount,
        unit=unit,
        start_year=start_year,
        end_year=end_year,
    )
    with transaction.atomic():  # the contribution and its audit event together
        contribution = Contribution.objects.create(plan=plan, source=source, **facts)
        audit_record(
            actor=actor,
            action="capacity_plan.contribution_add",
            target=plan,
            organization=plan.beneficiary,
            changes={
                "partner": [None, partner.acronym if partner else None],
                "kind": [None, kind],
                "amount": [None, str(amount) if amount is not None else None],
                "unit": [None, facts["unit"]],
            },
        )
    return contribution


def contribution_update(
    *,
    actor: Any,
    contribution: Contribution,
    expected_version: int,
    partner: Organization | None,
    kind: str,
    pillar: Pillar | None = None,
    amount: Decimal | None = None,
    unit: str = "",
    start_year: int | None = None,
    end_year: int | None = None,
) -> Contribution:
    plan = contribution.plan
    require(actor, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id)
    after = _contribution_facts(
        plan=plan,
        partner=partner,
        pillar=pillar,
        kind=kind,
        amount=amount,
        unit=unit,
        start_year=start_year,
        end_year=end_year,
    )
    changes = changes_between({field: getattr(contribution, field) for field in after}, after)
    # Atomic: the conditional update and its audit event stand or fall together.
    with transaction.atomic():
        _update_versioned(contribution, expected_version=expected_version, after=after)
        if changes:
            audit_record(
                actor=actor,
                action="capacity_plan.contribution_update",
                target=plan,
                organization=plan.beneficiary,
                changes=changes,
            )
    return contribution
