"""The API of capacity-building plans: the same selectors and services as the pages, the same
policy. Reads need no token for public plans; writes are the secretariat's and the beneficiary's
liaison official's (``Action.KEEP_CAPACITY_PLAN``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import BeforeValidator, WithJsonSchema

from interlock.capacity_building import selectors, services
from interlock.capacity_building.models import (
    CapacityPlan,
    ContributionKind,
    Milestone,
    MilestoneStatus,
    Pillar,
    PlanStatus,
)
from interlock.core.api import ReferenceOut
from interlock.core.api_access import api_require_write, api_signed_in, api_user
from interlock.core.api_schema import VERSION_MAX, Who, callers
from interlock.core.i18n import stored
from interlock.core.paging import Paging
from interlock.core.references import NamedOnSlice
from interlock.documents.models import Classification, Topic
from interlock.domain import capacity
from interlock.domain.permissions import Action
from interlock.registry.models import Organization
from interlock.situations.models import CapabilityDomain

router = Router(tags=["capacity-building"])
PK = Path(..., ge=1, le=2**53)
Language = Literal["ar", "zh-hans", "en", "fr", "ru", "es"]
Year = int | None
YEAR = Field(None, ge=1945, le=2100)
TITLE_RULES = ["title: an English title (en) that is not blank"]
YEAR_RULES = ["end_year: not before start_year"]
MILESTONE_RULES = [
    "pillar: the position of a pillar of this plan",
    "description: an English text (en) that is not blank",
    "target_year: within the plan's years",
    "evidence: a document you may read",
]


class CapacityProgressOut(Schema):
    total: int
    counted: int = Field(..., description="All milestones but the dropped ones")
    achieved: int
    delayed: int
    unknown: int
    overdue: int = Field(..., description="Planned or in progress, past their target year")
    achieved_share_low: float | None = Field(
        ..., description="Share achieved if no milestone of unknown status is; null: none counted"
    )
    achieved_share_high: float | None = Field(
        ..., description="Share achieved if every milestone of unknown status is"
    )

    @staticmethod
    def of(p: capacity.Progress) -> CapacityProgressOut:
        return CapacityProgressOut(
            total=p.total,
            counted=p.counted,
            achieved=p.achieved,
            delayed=p.delayed,
            unknown=p.unknown,
            overdue=p.overdue,
            achieved_share_low=None if p.low is None else float(p.low),
            achieved_share_high=None if p.high is None else float(p.high),
        )


class CapacityPlanOut(Schema):
    id: int
    beneficiary: str
    title: str
    titles: dict[str, str]
    start_year: int | None = Field(..., description="null: the source does not state it")
    end_year: int | None = Field(..., description="null: the source does not state it")
    status: str
    classification: str
    source: str | None
    version: int
    progress: CapacityProgressOut

    @staticmethod
    def of(plan: CapacityPlan, p: capacity.Progress) -> dict[str, Any]:
        return {
            "id": plan.pk,
            "beneficiary": plan.beneficiary.acronym,
            "title": plan.title,
            "titles": stored(plan, "title"),
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "status": plan.status,
            "classification": plan.classification,
            "source": plan.source_id,
            "version": plan.version,
            "progress": CapacityProgressOut.of(p),
        }


class CapacityPillarOut(Schema):
    id: int
    position: int
    title: str
    titles: dict[str, str]
    domains: list[str]
    source: str | None
    version: int


class CapacityMilestoneOut(Schema):
    id: int
    pillar: int = Field(..., description="The pillar's position in the plan")
    target_year: int | None = Field(..., description="null: not known")
    description: str
    descriptions: dict[str, str]
    status: str
    evidence: ReferenceOut | None
    version: int


class CapacityContributionOut(Schema):
    id: int
    partner: str
    pillar: int | None = Field(..., description="The pillar's position; null: the whole plan")
    kind: str
    amount: Decimal | None = Field(..., description="null: not known")
    unit: str
    start_year: int | None
    end_year: int | None
    source: str | None
    version: int


class CapacityPlanDetailOut(CapacityPlanOut):
    summary: str
    pillars: list[CapacityPillarOut]
    milestones: list[CapacityMilestoneOut]
    contributions: list[CapacityContributionOut]


def _plan(request: HttpRequest, pk: int) -> CapacityPlan:
    try:
        return selectors.access_plan(api_user(request), pk, at=timezone.now())[0]
    except Http404:
        raise HttpError(
            404, "No capacity-building plan with this number, or none you may see."
        ) from None


def _detail(request: HttpRequest, plan: CapacityPlan) -> dict[str, Any]:
    page = selectors.plan_page(api_user(request), plan, at=timezone.now())
    position = {p.pk: p.position for p in page.pillars}
    return {
        **CapacityPlanOut.of(plan, page.progress),
        "summary": plan.summary,
        "pillars": [
            {
                "id": p.pk,
                "position": p.position,
                "title": p.title,
                "titles": stored(p, "title"),
                "domains": sorted(d.pk for d in p.domains.all()),
                "source": p.source_id,
                "version": p.version,
            }
            for p in page.pillars
        ],
        "milestones": [
            {
                "id": m.pk,
                "pillar": position[m.pillar_id],
                "target_year": m.target_year,
                "description": m.description,
                "descriptions": stored(m, "description"),
                "status": m.status,
                "evidence": ReferenceOut.of(getattr(m, "evidence_reference", None)),
                "version": m.version,
            }
            for m in page.milestones
        ],
        "contributions": [
            {
                "id": c.pk,
                "partner": c.partner.acronym,
                "pillar": position.get(c.pillar_id) if c.pillar_id else None,
                "kind": c.kind,
                "amount": c.amount,
                "unit": c.unit,
                "start_year": c.start_year,
                "end_year": c.end_year,
                "source": c.source_id,
                "version": c.version,
            }
            for c in page.contributions
        ],
    }


def _write(run: Callable[[], Any]) -> Any:
    """A refusal of the services as the API says it: 403 permission, 409 stale, 422 a field."""
    try:
        return run()
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    except services.ConflictError as error:
        raise HttpError(409, str(error)) from None
    except ValidationError as error:
        raise HttpError(422, " ".join(error.messages)) from None


def _texts(values: Mapping[Any, str], field: str) -> dict[str, str]:
    return {f"{field}_{language.replace('-', '_')}": text for language, text in values.items()}


class CapacityPlanFieldsIn(Schema):
    title: dict[Language, str] = Field(..., description="At least the English title")
    summary: dict[Language, str] = Field(default_factory=dict)
    start_year: Year = YEAR
    end_year: Year = YEAR
    status: Literal[tuple(PlanStatus.values)] = "proposed"  # type: ignore[valid-type]
    classification: Literal[tuple(Classification.values)] = "partnership"  # type: ignore[valid-type]


class CapacityPlanIn(CapacityPlanFieldsIn):
    beneficiary: str = Field(..., max_length=20, description="The organization's acronym")
    topics: list[str] = Field(default_factory=list, max_length=50)


class CapacityPlanUpdateIn(CapacityPlanFieldsIn):
    version: int = Field(..., ge=1, le=VERSION_MAX)


@router.get(
    "/capacity-plans",
    response=list[CapacityPlanOut],
    summary="Capacity-building plans you may see, with their progress",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def plan_list(request: HttpRequest) -> object:
    at = timezone.now()
    plans = (
        selectors.readable_plans(api_user(request), at=at)
        .select_related("beneficiary")
        .order_by("-start_year", "title_en", "pk")
    )
    return NamedOnSlice(
        plans,
        lambda rows: [
            CapacityPlanOut.of(r.plan, r.progress)
            for r in selectors.with_progress(rows, year=at.year)
        ],
    )


@router.get(
    "/capacity-plans/{pk}",
    response=CapacityPlanDetailOut,
    summary="One plan: pillars, milestones by year, contributions and progress",
    openapi_extra=callers(Who.PUBLIC),
)
def plan_detail(request: HttpRequest, pk: int = PK) -> dict[str, Any]:
    return _detail(request, _plan(request, pk))


@router.post(
    "/capacity-plans",
    response={201: CapacityPlanDetailOut},
    summary="Record a plan (the secretariat, or the beneficiary's liaison official)",
    openapi_extra=callers(
        Who.LIAISON_OFFICIAL,
        rules_beyond_schema=[
            "beneficiary: the acronym of an organization in the registry",
            *TITLE_RULES,
            *YEAR_RULES,
        ],
    ),
)
def plan_create(request: HttpRequest, body: CapacityPlanIn) -> Status:
    api_signed_in(request)
    beneficiary = Organization.objects.filter(acronym=body.beneficiary).first()
    if beneficiary is None:
        raise HttpError(422, "No organization with this acronym.")
    actor = api_require_write(request, Action.KEEP_CAPACITY_PLAN, organization_id=beneficiary.pk)
    plan = _write(
        lambda: services.plan_create(
            actor=actor,
            beneficiary=beneficiary,
            title=_texts(body.title, "title"),
            summary=_texts(body.summary, "summary"),
            start_year=body.start_year,
            end_year=body.end_year,
            status=body.status,
            classification=body.classification,
            topics=Topic.objects.filter(key__in=body.topics),
        )
    )
    return Status(201, _detail(request, plan))


@router.put(
    "/capacity-plans/{pk}",
    response=CapacityPlanDetailOut,
    summary=(
        "Change a plan's facts, with the version you read (409 if someone saved first; the "
        "secretariat, or the beneficiary's liaison official)"
    ),
    openapi_extra=callers(
        Who.LIAISON_OFFICIAL, conflict=True, rules_beyond_schema=[*TITLE_RULES, *YEAR_RULES]
    ),
)
def plan_update(request: HttpRequest, body: CapacityPlanUpdateIn, pk: int = PK) -> dict[str, Any]:
    api_signed_in(request)
    plan = _plan(request, pk)
    actor = api_require_write(
        request, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id
    )
    _write(
        lambda: services.plan_update(
            actor=actor,
            plan=plan,
            expected_version=body.version,
            title=_texts(body.title, "title"),
            summary=_texts(body.summary, "summary"),
            start_year=body.start_year,
            end_year=body.end_year,
            status=body.status,
            classification=body.classification,
        )
    )
    return _detail(request, plan)


class CapacityPillarIn(Schema):
    title: dict[Language, str] = Field(..., description="At least the English title")
    domains: list[str] = Field(default_factory=list, max_length=50)


@router.post(
    "/capacity-plans/{pk}/pillars",
    response={201: CapacityPlanDetailOut},
    summary=(
        "Add a pillar at the end of the plan's order (the secretariat, or the beneficiary's "
        "liaison official)"
    ),
    openapi_extra=callers(Who.LIAISON_OFFICIAL, conflict=True, rules_beyond_schema=TITLE_RULES),
)
def pillar_add(request: HttpRequest, body: CapacityPillarIn, pk: int = PK) -> Status:
    api_signed_in(request)
    plan = _plan(request, pk)
    actor = api_require_write(
        request, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id
    )
    _write(
        lambda: services.pillar_add(
            actor=actor,
            plan=plan,
            title=_texts(body.title, "title"),
            domains=CapabilityDomain.objects.filter(pk__in=body.domains),
        )
    )
    return Status(201, _detail(request, plan))


class CapacityMilestoneIn(Schema):
    pillar: int = Field(..., ge=1, le=32767, description="The pillar's position in the plan")
    description: dict[Language, str] = Field(..., description="At least the English text")
    target_year: Year = YEAR
    status: Literal[tuple(MilestoneStatus.values)] = "planned"  # type: ignore[valid-type]
    evidence: int | None = Field(None, ge=1, le=2**53, description="A document you may read")


class CapacityMilestoneUpdateIn(CapacityMilestoneIn):
    version: int = Field(..., ge=1, le=VERSION_MAX)


def _pillar(plan: CapacityPlan, position: int | None) -> Pillar | None:
    if position is None:
        return None
    pillar = Pillar.objects.filter(plan=plan, position=position).first()
    if pillar is None:
        raise HttpError(422, "The plan has no pillar at this position.")
    pillar.plan = plan
    return pillar


@router.post(
    "/capacity-plans/{pk}/milestones",
    response={201: CapacityPlanDetailOut},
    summary=(
        "Add a milestone to a pillar (the secretariat, or the beneficiary's liaison official)"
    ),
    openapi_extra=callers(Who.LIAISON_OFFICIAL, conflict=True, rules_beyond_schema=MILESTONE_RULES),
)
def milestone_add(request: HttpRequest, body: CapacityMilestoneIn, pk: int = PK) -> Status:
    api_signed_in(request)
    plan = _plan(request, pk)
    actor = api_require_write(
        request, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id
    )
    pillar = _pillar(plan, body.pillar)
    assert pillar is not None
    _write(
        lambda: services.milestone_add(
            actor=actor,
            pillar=pillar,
            description=_texts(body.description, "description"),
            target_year=body.target_year,
            status=body.status,
            evidence=body.evidence,
        )
    )
    return Status(201, _detail(request, plan))


@router.put(
    "/capacity-plans/{pk}/milestones/{milestone_id}",
    response=CapacityPlanDetailOut,
    summary=(
        "Change a milestone (its status, say), with the version you read (the secretariat, or "
        "the beneficiary's liaison official)"
    ),
    openapi_extra=callers(Who.LIAISON_OFFICIAL, conflict=True, rules_beyond_schema=MILESTONE_RULES),
)
def milestone_update(
    request: HttpRequest,
    body: CapacityMilestoneUpdateIn,
    pk: int = PK,
    milestone_id: int = Path(..., ge=1, le=2**53),
) -> dict[str, Any]:
    api_signed_in(request)
    plan = _plan(request, pk)
    actor = api_require_write(
        request, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id
    )
    milestone = (
        Milestone.objects.filter(pk=milestone_id, pillar__plan=plan)
        .select_related("pillar")
        .first()
    )
    if milestone is None:
        raise HttpError(404, "The plan has no milestone with this number.")
    milestone.pillar.plan = plan
    pillar = _pillar(plan, body.pillar)
    assert pillar is not None
    _write(
        lambda: services.milestone_update(
            actor=actor,
            milestone=milestone,
            expected_version=body.version,
            pillar=pillar,
            description=_texts(body.description, "description"),
            target_year=body.target_year,
            status=body.status,
            evidence=body.evidence,
        )
    )
    return _detail(request, plan)


# An amount as the schema can state it: a whole number, or a text with at most two decimals
# (16 digits in all, as stored); a float would be read inexactly.
AMOUNT_PATTERN = r"^[0-9]{1,14}(\.[0-9]{1,2})?$"


def _amount(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**14:
        return Decimal(value)
    if isinstance(value, str) and re.match(AMOUNT_PATTERN, value):
        return Decimal(value)
    raise ValueError("a whole number, or a text such as 1250.50, from 0 to 99999999999999.99")


Amount = Annotated[
    Decimal,
    BeforeValidator(_amount),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": 10**14 - 1},
                {"type": "string", "pattern": AMOUNT_PATTERN},
            ]
        }
    ),
]


class CapacityContributionIn(Schema):
    partner: str = Field(..., max_length=20, description="The partner organization's acronym")
    pillar: int | None = Field(None, ge=1, le=32767, description="null: the whole plan")
    kind: Literal[tuple(ContributionKind.values)]  # type: ignore[valid-type]
    amount: Amount | None = Field(None, description="null: not known")
    unit: str = Field("", max_length=40)
    start_year: Year = YEAR
    end_year: Year = YEAR


@router.post(
    "/capacity-plans/{pk}/contributions",
    response={201: CapacityPlanDetailOut},
    summary=(
        "Record a partner's contribution, amount null where it is not known (the secretariat, "
        "or the beneficiary's liaison official)"
    ),
    openapi_extra=callers(
        Who.LIAISON_OFFICIAL,
        conflict=True,
        rules_beyond_schema=[
            "partner: the acronym of an organization in the registry",
            "pillar: the position of a pillar of this plan",
            "unit: required with an amount",
            *YEAR_RULES,
        ],
    ),
)
def contribution_add(request: HttpRequest, body: CapacityContributionIn, pk: int = PK) -> Status:
    api_signed_in(request)
    plan = _plan(request, pk)
    actor = api_require_write(
        request, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id
    )
    partner = Organization.objects.filter(acronym=body.partner).first()
    if partner is None:
        raise HttpError(422, "No organization with this acronym.")
    pillar = _pillar(plan, body.pillar)
    _write(
        lambda: services.contribution_add(
            actor=actor,
            plan=plan,
            partner=partner,
            pillar=pillar,
            kind=body.kind,
            amount=body.amount,
            unit=body.unit,
            start_year=body.start_year,
            end_year=body.end_year,
        )
    )
    return Status(201, _detail(request, plan))
