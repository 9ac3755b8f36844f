"""The API of situations: the same selectors and services as the pages, the same policy."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from interlock.core.api_access import api_require, api_require_write, api_signed_in, api_user
from interlock.core.api_schema import VERSION_MAX, Who, callers, refused
from interlock.core.i18n import stored
from interlock.core.paging import Paging
from interlock.core.references import NamedOnSlice
from interlock.domain.permissions import Action
from interlock.registry.api import SourceOut
from interlock.registry.places import place_name
from interlock.situations import selectors, services
from interlock.situations.models import (
    Authorization,
    Capability,
    ConfigurationSeat,
    Notification,
    PeacebuildingConfiguration,
    Plan,
    Situation,
)
from interlock.situations.units import unit_name

router = Router(tags=["situations"])
PK = Path(..., ge=1, le=2**53)


class SituationFields(Schema):
    id: int
    title: str
    kind: str
    phase: str
    countries: list[str]
    owner: str
    classification: str


class SituationOut(SituationFields):
    @staticmethod
    def resolve_countries(s: Situation) -> list[str]:
        return [c.pk for c in s.countries.all()]

    @staticmethod
    def resolve_owner(s: Situation) -> str:
        return s.owner.acronym


class TimelineOut(Schema):
    occurred_on: dt.date
    text: str


class AuthorizationOut(Schema):
    symbol: str
    adopted_on: dt.date
    in_force_until: dt.date | None
    authorizes: str
    addressed_to: str
    organizations: list[str]

    @staticmethod
    def resolve_organizations(a: Authorization) -> list[str]:
        return sorted(o.acronym for o in a.organizations.all())


class TaskOut(Schema):
    id: int
    domain: str
    description: str
    amount: float
    unit: str = Field(description="The unit's key, as stored and compared")
    unit_name: str = Field(description="The unit in the reader's language")
    priority: int
    country: str | None
    enforcement: bool


class EngagementOut(Schema):
    id: int
    organization: str
    task: int | None
    role: str
    status: str
    started_on: dt.date
    ended_on: dt.date | None
    article_52_prior_effort: str = Field(
        description="yes, no, unknown (the source is silent) or not_applicable"
    )
    source: SourceOut | None = Field(
        description="The source an engagement from the public record cites; "
        "null for one made by adopting a plan"
    )


class SituationDetailOut(SituationFields):
    timeline: list[TimelineOut]
    authorizations: list[AuthorizationOut]
    tasks: list[TaskOut]
    engagements: list[EngagementOut]


class MapPointOut(Schema):
    longitude: float
    latitude: float


class MapCountryOut(Schema):
    country: str = Field(description="ISO 3166 alpha-3")
    name: str = Field(description="The country's name in the reader's language")
    anchor: MapPointOut | None = Field(
        description="Where the map points at the country (the centroid of its largest shape); "
        "null when the country is too small to draw at 1:110m"
    )


class MapPlaceOut(Schema):
    city: str = Field(description="The headquarters city as recorded in the registry")
    name: str = Field(description="The city in the reader's language")
    country: str = Field(description="ISO 3166 alpha-3")
    longitude: float
    latitude: float
    geonameid: int
    source: str = Field(description="The row of the reference data's sources that cites it")


class MapOrganizationOut(Schema):
    number: int = Field(description="The organization's number on the map")
    organization: str
    name: str = Field(description="Its short name in the reader's language")
    role: str = Field(description="Its strongest role in the situation (the marker's colour)")
    status: str = Field(description="Its most engaged status (the line's style)")
    located: bool = Field(description="Whether its headquarters is drawn on the map")
    headquarters: MapPlaceOut | None = Field(
        description="Where its marker stands; null when the headquarters is not located"
    )


class MapOut(Schema):
    situation: int
    countries: list[MapCountryOut]
    centre: MapPointOut | None = Field(
        description="Where the lines from the headquarters end: the mean of the anchors"
    )
    organizations: list[MapOrganizationOut]
    attribution: str = Field(description="The map's credits and disclaimer, as the page says")
    sources: list[str] = Field(description="The rows of the reference data's sources")


class ReasonOut(Schema):
    code: str
    params: dict[str, Any]
    words: str


class AssignmentOut(Schema):
    task: int
    organization: str
    share: float
    role: str
    reasons: list[ReasonOut]


class GapOut(Schema):
    task: int
    share: float
    reasons: list[ReasonOut]


class FlagOut(Schema):
    task: int
    organizations: list[str]
    reasons: list[ReasonOut]


class PlanOut(Schema):
    id: int
    status: str
    proposed_at: dt.datetime
    adopted_at: dt.datetime | None
    objective: float
    greedy_objective: float
    uses_demo_data: bool
    assignments: list[AssignmentOut]
    gaps: list[GapOut]
    flags: list[FlagOut]


class CapabilityOut(Schema):
    organization: str
    domain: str
    effectiveness: float
    capacity: float
    unit: str = Field(description="The unit's key, as stored and compared")
    unit_name: str = Field(description="The unit in the reader's language")
    readiness_days: int
    reach: str
    is_demo: bool

    @staticmethod
    def resolve_organization(c: Capability) -> str:
        return c.organization.acronym

    @staticmethod
    def resolve_domain(c: Capability) -> str:
        return c.domain_id

    @staticmethod
    def resolve_unit_name(c: Capability) -> str:
        return unit_name(c.unit)


class NotificationOut(Schema):
    id: int
    situation: int
    organization: str
    status_before: str
    status_after: str
    drafted_at: dt.datetime
    sent_at: dt.datetime | None
    text: str
    texts: dict[str, str]
    version: int

    @staticmethod
    def resolve_texts(n: Notification) -> dict[str, str]:
        return stored(n, "text")

    @staticmethod
    def resolve_situation(n: Notification) -> int:
        return n.engagement.situation_id

    @staticmethod
    def resolve_organization(n: Notification) -> str:
        return n.engagement.organization.acronym


def _situation(request: HttpRequest, pk: int) -> Situation:
    try:
        return selectors.access_situation(api_user(request), pk, at=timezone.now())[0]
    except Http404:
        raise HttpError(404, "No situation with this number, or none you may see.") from None


def _plan_out(plan: Plan) -> dict[str, Any]:
    from interlock.situations.reasons import in_words

    def reasons(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**r, "words": in_words(r)} for r in items]

    return {
        "id": plan.pk,
        "status": plan.status,
        "proposed_at": plan.proposed_at,
        "adopted_at": plan.adopted_at,
        "objective": plan.objective,
        "greedy_objective": plan.greedy_objective,
        "uses_demo_data": plan.uses_demo_data,
        "assignments": [
            {**a, "reasons": reasons(a["reasons"])} for a in plan.result["assignments"]
        ],
        "gaps": [{**g, "reasons": reasons(g["reasons"])} for g in plan.result["gaps"]],
        "flags": [{**f, "reasons": reasons(f["reasons"])} for f in plan.result.get("flags", [])],
    }


@router.get(
    "/situations",
    response=list[SituationOut],
    summary="Situations you may see",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def situation_list(request: HttpRequest) -> object:
    return selectors.situation_list(api_user(request), at=timezone.now())


@router.get(
    "/situations/{pk}",
    response=SituationDetailOut,
    summary="One situation",
    openapi_extra=callers(Who.PUBLIC),
)
def situation_detail(request: HttpRequest, pk: int = PK) -> dict[str, Any]:
    situation = _situation(request, pk)
    return {
        "id": situation.pk,
        "title": situation.title,
        "kind": situation.kind,
        "phase": situation.phase,
        "countries": [c.pk for c in situation.countries.all()],
        "owner": situation.owner.acronym,
        "classification": situation.classification,
        "timeline": list(selectors.timeline(situation)),
        "authorizations": list(selectors.authorizations(situation)),
        "tasks": [
            {
                "id": t.pk,
                "domain": t.domain_id,
                "description": t.description,
                "amount": float(t.amount),
                "unit": t.unit,
                "unit_name": unit_name(t.unit),
                "priority": t.priority,
                "country": t.country_id,
                "enforcement": t.enforcement,
            }
            for t in selectors.tasks(situation)
        ],
        "engagements": [
            {
                "id": e.pk,
                "organization": e.organization.acronym,
                "task": e.task_id,
                "role": e.role,
                "status": e.status,
                "started_on": e.started_on,
                "ended_on": e.ended_on,
                "article_52_prior_effort": e.article_52_prior_effort,
                "source": e.source,
            }
            for e in selectors.engagements(situation)
        ],
    }


def _point(point: tuple[float, float] | None) -> dict[str, float] | None:
    return {"longitude": point[0], "latitude": point[1]} if point else None


@router.get(
    "/situations/{pk}/map",
    response=MapOut,
    summary="What the situation's map draws: its countries and the engaged organizations",
    openapi_extra=callers(Who.PUBLIC),
)
def situation_map(request: HttpRequest, pk: int = PK) -> dict[str, Any]:
    situation = _situation(request, pk)
    # The page's selector on the page's rows: the API shows what the page draws.
    drawn = selectors.situation_map(situation, list(selectors.engagements(situation)))
    return {
        "situation": situation.pk,
        "countries": [
            {"country": c["country"].pk, "name": c["country"].name, "anchor": _point(c["anchor"])}
            for c in drawn["countries"]
        ],
        "centre": _point(drawn["centre"]),
        "organizations": [
            {
                "number": o["number"],
                "organization": o["organization"].acronym,
                "name": o["organization"].short_name,
                "role": o["role"],
                "status": o["status"],
                "located": o["home"] is not None,
                "headquarters": {
                    "city": o["organization"].headquarters_city,
                    "name": place_name(o["organization"].headquarters_city),
                    "country": o["place_row"]["country"],
                    "longitude": o["place"][0],
                    "latitude": o["place"][1],
                    "geonameid": int(o["place_row"]["geonameid"]),
                    "source": o["place_row"]["source"],
                }
                if o["place"] and o["place_row"]
                else None,
            }
            for o in drawn["organizations"]
        ],
        "attribution": drawn["attribution"],
        "sources": list(drawn["sources"]),
    }


@router.get(
    "/situations/{pk}/plan",
    response=PlanOut,
    summary="The latest plan: assignments and gaps with their reasons (signed-in users)",
    openapi_extra=callers(Who.SIGNED_IN),
)
def situation_plan(request: HttpRequest, pk: int = PK) -> dict[str, Any]:
    api_signed_in(request)
    plan = selectors.latest_plan(_situation(request, pk))
    if plan is None:
        raise HttpError(404, "No plan yet.")
    return _plan_out(plan)


@router.post(
    "/situations/{pk}/plans",
    response={201: PlanOut},
    summary="Run the engine: propose a plan (the owner's staff or the secretariat)",
    openapi_extra=callers(Who.OWNER),
)
def plan_propose(request: HttpRequest, pk: int = PK) -> Status:
    api_signed_in(request)
    situation = _situation(request, pk)
    api_require(request, Action.EDIT_SITUATION, organization_id=situation.owner_id)
    plan = services.plan_propose(actor=api_user(request), situation=situation)
    return Status(201, _plan_out(plan))


@router.post(
    "/plans/{plan_id}/adopt",
    response=PlanOut,
    summary="Adopt a plan (the secretariat; idempotent)",
    openapi_extra=callers(Who.SECRETARIAT, conflict=True),
)
def plan_adopt(request: HttpRequest, plan_id: int = Path(..., ge=1, le=2**53)) -> dict[str, Any]:
    api_require(request, Action.ADOPT_PLAN)
    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is None:
        raise HttpError(404, "No plan with this number.")
    _situation(request, plan.situation_id)
    try:
        return _plan_out(services.plan_adopt(actor=api_user(request), plan=plan))
    except ValidationError as error:
        raise refused(error) from None


@router.get(
    "/capabilities",
    response=list[CapabilityOut],
    summary="Capabilities of the organizations (signed-in users)",
    openapi_extra=callers(Who.SIGNED_IN),
)
@paginate(Paging)
def capability_list(
    request: HttpRequest, organization: str = Query("", max_length=20, description="Acronym")
) -> object:
    api_signed_in(request)
    capabilities = selectors.capability_list()
    if organization:
        capabilities = capabilities.filter(organization__acronym=organization)
    return capabilities


@router.get(
    "/notifications",
    response=list[NotificationOut],
    summary="Article 54 notifications: pending first, then sent",
    openapi_extra=callers(Who.SIGNED_IN),
)
@paginate(Paging)
def notification_list(request: HttpRequest) -> object:
    api_require(request, Action.VIEW_NOTIFICATIONS)
    return selectors.notification_list(api_user(request), at=timezone.now())


class NotificationTextIn(Schema):
    language: Literal["ar", "zh-hans", "en", "fr", "ru", "es"]
    text: str = Field(..., min_length=1, max_length=20000)
    version: int = Field(..., ge=1, le=VERSION_MAX)


@router.post(
    "/notifications/{notification_id}/texts",
    response=NotificationOut,
    summary="Edit one language's text of a pending Article 54 notification (the secretariat)",
    openapi_extra=callers(Who.SECRETARIAT, conflict=True),
)
def notification_edit(
    request: HttpRequest,
    body: NotificationTextIn,
    notification_id: int = Path(..., ge=1, le=2**53),
) -> Notification:
    actor = api_require_write(request, Action.SEND_NOTIFICATIONS)
    try:
        notification = selectors.access_notification(actor, notification_id, at=timezone.now())
    except Http404:
        raise HttpError(404, "No notification with this number, or none you may see.") from None
    try:
        return services.notification_edit(
            actor=actor,
            notification=notification,
            language=body.language,
            text=body.text,
            version=body.version,
        )
    except ValidationError as error:
        raise refused(error) from None


class SeatReasonOut(Schema):
    code: str
    params: dict[str, Any] = Field(
        description="As stored: domain, country, M49 subregion and roles as keys"
    )
    names: dict[str, str] = Field(description="The keys' names in the reader's language")
    words: str


class SeatOut(Schema):
    organization: str
    status: str
    rank: int
    reasons: list[SeatReasonOut]

    @staticmethod
    def resolve_organization(s: ConfigurationSeat) -> str:
        return s.organization.acronym

    @staticmethod
    def resolve_reasons(s: ConfigurationSeat) -> list[dict[str, Any]]:
        # Named on the page's slice (selectors.name_seat_reasons): code and params keep the
        # keys (domain, country, roles); ``names`` and ``words`` are in the reader's language.
        return list(getattr(s, "shown_reasons", []))


class ConfigurationOut(Schema):
    id: int
    country: str
    established_on: dt.date | None
    seats: list[SeatOut]

    @staticmethod
    def resolve_country(c: PeacebuildingConfiguration) -> str:
        return c.country_id

    @staticmethod
    def resolve_seats(c: PeacebuildingConfiguration) -> list[ConfigurationSeat]:
        return list(c.seats.all())


@router.get(
    "/peacebuilding/configurations",
    response=list[ConfigurationOut],
    summary="The Peacebuilding Commission's country configurations and their seats (signed-in)",
    openapi_extra=callers(Who.SIGNED_IN),
)
@paginate(Paging)
def configuration_list(request: HttpRequest) -> object:
    api_signed_in(request)
    return NamedOnSlice(selectors.configuration_list(), selectors.name_seat_reasons)
