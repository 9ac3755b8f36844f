import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from interlock.core.api_access import api_require, api_user
from interlock.core.paging import Paging
from interlock.decisions import selectors, services
from interlock.decisions.models import Decision, Indicator, Proposal, ProposalStatus
from interlock.domain.permissions import Action
from interlock.registry.services import ConflictError

router = Router(tags=["decisions"])

ID = Path(..., ge=1, le=2**53)


class ProgressOut(Schema):
    progress: float | None = Field(description="Share implemented, 0–1; null when not reported")
    known: int
    unknown: int


class ActionBrief(Schema):
    id: int
    title: str
    lead: str
    supporting: list[str]
    target_date: dt.date | None
    status: str
    progress: float | None

    @staticmethod
    def resolve_lead(a: Any) -> str:
        return str(a.lead.acronym)

    @staticmethod
    def resolve_supporting(a: Any) -> list[str]:
        return sorted(o.acronym for o in a.supporting.all())


class DecisionOut(Schema):
    reference: str
    meeting: int
    number: int
    title: str
    locator: str
    overdue_reports: int = 0
    progress: ProgressOut

    @staticmethod
    def resolve_meeting(d: Decision) -> int:
        return d.meeting.number

    @staticmethod
    def resolve_overdue_reports(d: Any) -> int:
        return int(getattr(d, "overdue_count", 0))

    @staticmethod
    def resolve_progress(d: Decision) -> ProgressOut:
        r = selectors.progress_of_decision(d)
        return ProgressOut(progress=r.progress, known=r.known, unknown=r.unknown)


class DecisionDetailOut(DecisionOut):
    text: str
    topics: list[str]
    superseded_by: str | None
    actions: list[ActionBrief]

    @staticmethod
    def resolve_topics(d: Decision) -> list[str]:
        return [t.key for t in d.topics.all()]

    @staticmethod
    def resolve_superseded_by(d: Decision) -> str | None:
        return d.superseded_by.reference if d.superseded_by else None

    @staticmethod
    def resolve_actions(d: Decision) -> list[Any]:
        return list(d.actions.all())


class DecisionQuery(Schema):
    meeting: int | None = Field(None, ge=1, le=999)
    organization: str = Field("", max_length=20, description="Acronym of a lead or supporting org")
    status: str = Field("", max_length=20)
    topic: str = Field("", max_length=60)
    overdue: bool = False


@router.get("/decisions", response=list[DecisionOut], summary="Decisions and their progress")
@paginate(Paging)
def decision_list(request: HttpRequest, query: Query[DecisionQuery]) -> Any:
    api_require(request, Action.VIEW_DECISIONS)
    from interlock.registry.models import Organization

    organization = (
        Organization.objects.filter(acronym=query.organization).values_list("pk", flat=True).first()
        if query.organization
        else None
    )
    if query.organization and organization is None:
        raise HttpError(422, "No organization with this acronym.")
    filters = selectors.DecisionFilters(
        meeting=query.meeting,
        organization=organization,
        status=query.status,
        topic=query.topic,
        overdue=query.overdue,
    )
    return selectors.decision_list(filters=filters, today=timezone.localdate())


@router.get("/decisions/{meeting}/{number}", response=DecisionDetailOut, summary="One decision")
def decision_detail(
    request: HttpRequest, meeting: int = Path(..., ge=1, le=999), number: int = ID
) -> Any:
    api_require(request, Action.VIEW_DECISIONS)
    try:
        return selectors.decision_get(meeting=meeting, number=number)
    except Decision.DoesNotExist:
        raise HttpError(404, "No such decision.") from None


class StatusCount(Schema):
    status: str
    label: str
    actions: int


class MonitorOut(Schema):
    today: dt.date
    decisions: int
    actions: int
    by_status: list[StatusCount]
    overdue_reports: int
    due_within_30_days: int


@router.get("/monitor", response=MonitorOut, summary="The implementation monitor's figures")
def monitor(request: HttpRequest, meeting: int | None = Query(None, ge=1, le=999)) -> Any:
    api_require(request, Action.VIEW_DECISIONS)
    figures = selectors.monitor(today=timezone.localdate(), meeting=meeting, overdue_limit=10_000)
    return MonitorOut(
        today=figures.today,
        decisions=figures.decisions,
        actions=figures.total_actions,
        by_status=[
            StatusCount(status=s, label=lbl, actions=n) for s, lbl, n in figures.status_counts
        ],
        overdue_reports=len(figures.overdue),
        due_within_30_days=len(figures.due_soon),
    )


class ProposalOut(Schema):
    id: int
    title: str
    status: str
    proposer_kind: str
    organization: str
    working_group: str | None
    paragraphs: list[str]
    final_paragraphs: list[str] | None
    version: int

    @staticmethod
    def resolve_organization(p: Proposal) -> str:
        return p.organization.acronym

    @staticmethod
    def resolve_working_group(p: Proposal) -> str | None:
        return p.working_group.key if p.working_group else None


class ModificationIn(Schema):
    kind: str = Field(..., pattern="^(replace|insert|delete)$")
    paragraph: int = Field(..., ge=0, le=999)
    text: str = Field("", max_length=5000)


class ModificationOut(Schema):
    id: int
    kind: str
    paragraph: int
    text: str
    status: str


def _refuse(error: Exception) -> HttpError:
    if isinstance(error, ConflictError):
        return HttpError(409, str(error))
    messages = getattr(error, "messages", [str(error)])
    return HttpError(422, " ".join(messages))


@router.get("/proposals", response=list[ProposalOut], summary="Proposals (participants)")
@paginate(Paging)
def proposal_list(request: HttpRequest, status: str = Query("", max_length=40)) -> Any:
    api_require(request, Action.VIEW_PROPOSALS)
    if status and status not in ProposalStatus.values:
        raise HttpError(422, "Unknown state.")
    return selectors.proposal_list(api_user(request), status=status)


def _proposal(request: HttpRequest, pk: int) -> Proposal:
    api_require(request, Action.VIEW_PROPOSALS)
    try:
        return selectors.proposal_get(api_user(request), pk=pk)
    except Proposal.DoesNotExist:
        raise HttpError(404, "No such proposal.") from None


@router.get("/proposals/{pk}", response=ProposalOut, summary="One proposal")
def proposal_detail(request: HttpRequest, pk: int = ID) -> Any:
    return _proposal(request, pk)


@router.post(
    "/proposals/{pk}/modifications",
    response={201: ModificationOut},
    summary="Propose a modification to a paragraph",
)
def modification_create(request: HttpRequest, body: ModificationIn, pk: int = ID) -> Any:
    proposal = _proposal(request, pk)
    api_require(request, Action.PROPOSE)
    try:
        return 201, services.modification_propose(
            actor=api_user(request), proposal=proposal, **body.dict()
        )
    except (ValidationError, ConflictError) as error:
        raise _refuse(error) from None


class ReportIn(Schema):
    due_on: dt.date
    status: str = Field(..., max_length=20)
    progress: float | None = Field(None, ge=0, le=1)
    value: str = Field("", max_length=120)
    narrative: str = Field("", max_length=10_000)
    submit: bool = False
    version: int | None = Field(None, ge=1)


class ReportOut(Schema):
    id: int
    due_on: dt.date
    state: str
    status: str
    progress: float | None
    version: int


@router.post(
    "/indicators/{pk}/reports",
    response={200: ReportOut},
    summary="Write or submit a progress report (the lead organization's liaison official)",
)
def report_save(request: HttpRequest, body: ReportIn, pk: int = ID) -> Any:
    indicator = Indicator.objects.select_related("action").filter(pk=pk).first()
    if indicator is None:
        raise HttpError(404, "No such indicator.")
    api_require(request, Action.SPEAK_FOR_ORGANIZATION, organization_id=indicator.action.lead_id)
    data = body.dict()
    try:
        return services.report_save(
            actor=api_user(request),
            indicator=indicator,
            expected_version=data.pop("version"),
            **data,
        )
    except (ValidationError, ConflictError) as error:
        raise _refuse(error) from None
