import datetime as dt
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from interlock.core.api_access import api_require, api_require_write, api_user
from interlock.core.api_schema import SOME_TEXT, VERSION_MAX, Day, Who, callers, refused
from interlock.core.paging import Paging
from interlock.decisions import selectors, services
from interlock.decisions.models import (
    Decision,
    Indicator,
    Proposal,
    ProposalStatus,
    SupportKind,
)
from interlock.domain.amendments import Kind
from interlock.domain.implementation import Status as ImplementationStatus
from interlock.domain.permissions import Action
from interlock.registry.models import Organization
from interlock.registry.services import ConflictError

router = Router(tags=["decisions"])

ID = Path(..., ge=1, le=2**53)
MEETING = Path(..., ge=1, le=999)
# decisions/forms.REFERENCE, as strict as JSON Schema can say it (spaces only, no other case).
REFERENCE_PATTERN = r"^( *([Hh][Ll][Mm])? *[0-9]{1,3} */ *[0-9]{1,5} *)?$"
# What a progress report may say: every state of implementation but "not yet reported".
ReportedStatus = Literal["not_started", "in_progress", "advanced", "completed", "discontinued"]


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
    organization: str = Field(
        "", max_length=20, description="Acronym of a lead or supporting org; unknown: none"
    )
    status: ImplementationStatus | None = Field(
        None, description="Decisions with an action in this state"
    )
    topic: str = Field("", max_length=60)
    overdue: bool = False


def _organization_id(acronym: str) -> int | None:
    """The organization a filter names; for an unknown acronym an id no organization has, so
    that the filter matches nothing (an empty list, not an error)."""
    if not acronym:
        return None
    pk = Organization.objects.filter(acronym=acronym).values_list("pk", flat=True).first()
    return int(pk) if pk is not None else -1


@router.get(
    "/decisions",
    response=list[DecisionOut],
    summary="Decisions and their progress",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def decision_list(request: HttpRequest, query: Query[DecisionQuery]) -> Any:
    api_require(request, Action.VIEW_DECISIONS)
    filters = selectors.DecisionFilters(
        meeting=query.meeting,
        organization=_organization_id(query.organization),
        status=query.status or "",
        topic=query.topic,
        overdue=query.overdue,
    )
    return selectors.decision_list(filters=filters, today=timezone.localdate())


@router.get(
    "/decisions/{meeting}/{number}",
    response=DecisionDetailOut,
    summary="One decision",
    openapi_extra=callers(Who.PUBLIC),
)
def decision_detail(request: HttpRequest, meeting: int = MEETING, number: int = ID) -> Any:
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


@router.get(
    "/monitor",
    response=MonitorOut,
    summary="The implementation monitor's figures",
    openapi_extra=callers(Who.PUBLIC),
)
def monitor(request: HttpRequest, meeting: int | None = Query(None, ge=1, le=999)) -> Any:
    api_require(request, Action.VIEW_DECISIONS)
    figures = selectors.monitor(today=timezone.localdate(), meeting=meeting, overdue_limit=0)
    return MonitorOut(
        today=figures.today,
        decisions=figures.decisions,
        actions=figures.total_actions,
        by_status=[
            StatusCount(status=s, label=lbl, actions=n) for s, lbl, n in figures.status_counts
        ],
        overdue_reports=figures.overdue_count,
        due_within_30_days=figures.due_soon_count,
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
    kind: Kind
    paragraph: int = Field(..., ge=0, le=999)
    text: str = Field("", max_length=5000)


class ModificationOut(Schema):
    id: int
    kind: str
    paragraph: int
    text: str
    status: str


@router.get(
    "/proposals",
    response=list[ProposalOut],
    summary="Proposals (participants)",
    openapi_extra=callers(Who.PARTICIPANTS),
)
@paginate(Paging)
def proposal_list(request: HttpRequest, status: ProposalStatus | None = None) -> Any:
    api_require(request, Action.VIEW_PROPOSALS)
    return selectors.proposal_list(api_user(request), status=status or "")


def _proposal(request: HttpRequest, pk: int) -> Proposal:
    api_require(request, Action.VIEW_PROPOSALS)
    try:
        return selectors.proposal_get(api_user(request), pk=pk)
    except Proposal.DoesNotExist:
        raise HttpError(404, "No such proposal.") from None


@router.get(
    "/proposals/{pk}",
    response=ProposalOut,
    summary="One proposal",
    openapi_extra=callers(Who.PARTICIPANTS),
)
def proposal_detail(request: HttpRequest, pk: int = ID) -> Any:
    return _proposal(request, pk)


@router.post(
    "/proposals/{pk}/modifications",
    response={201: ModificationOut},
    summary="Propose a modification to a paragraph",
    openapi_extra=callers(
        Who.PARTICIPANTS,
        conflict=True,
        rules_beyond_schema=[
            "paragraph: a paragraph of the proposal (or 0 to insert before the first)",
            "text: required to replace or insert",
        ],
    ),
)
def modification_create(request: HttpRequest, body: ModificationIn, pk: int = ID) -> Any:
    proposal = _proposal(request, pk)
    api_require(request, Action.PROPOSE)
    try:
        return Status(
            201,
            services.modification_propose(
                actor=api_user(request), proposal=proposal, **body.dict()
            ),
        )
    except (ValidationError, ConflictError) as error:
        raise refused(error) from None


class ReportIn(Schema):
    due_on: Day
    status: ReportedStatus
    progress: float | None = Field(None, ge=0, le=1)
    value: str = Field("", max_length=120)
    narrative: str = Field("", max_length=10_000)
    submit: bool = False
    version: int | None = Field(None, ge=1, le=VERSION_MAX)


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
    openapi_extra=callers(
        Who.LIAISON_OFFICIAL,
        conflict=True,
        rules_beyond_schema=["due_on: a day the indicator's schedule has a report due"],
    ),
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
        raise refused(error) from None


# Actions, indicators and support. Reads follow the pages: actions and indicators are public
# facts of the monitor; reports are shown to each reader as the decision's page shows them;
# supports are read by the participants who may read the proposal. Writes are those the pages
# allow, to the same people.


class IndicatorBrief(Schema):
    id: int
    title: str
    unit: str
    target: str
    reports_from: dt.date
    reports_until: dt.date
    every_months: int
    next_due_on: dt.date | None = Field(
        description="The first due date without a submitted report; null when all are in"
    )


class ActionOut(ActionBrief):
    decision: str = Field(description="The decision's reference, e.g. HLM6/2")
    indicators: list[IndicatorBrief]

    @staticmethod
    def resolve_decision(a: Any) -> str:
        return str(a.decision.reference)

    @staticmethod
    def resolve_indicators(a: Any) -> list[Any]:
        return list(a.indicators.all())


class ActionQuery(Schema):
    decision: str = Field(
        "", pattern=REFERENCE_PATTERN, description="A decision's reference, e.g. HLM6/2"
    )
    organization: str = Field(
        "", max_length=20, description="Acronym of a lead or supporting org; unknown: none"
    )
    status: ImplementationStatus | None = None


@router.get(
    "/actions",
    response=list[ActionOut],
    summary="Actions under decisions, with their indicators",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def action_list(request: HttpRequest, query: Query[ActionQuery]) -> Any:
    from interlock.decisions.forms import REFERENCE

    api_require(request, Action.VIEW_DECISIONS)
    reference = None
    if query.decision:
        match = REFERENCE.match(query.decision)
        assert match is not None  # the schema's pattern
        reference = (int(match[1]), int(match[2]))
    return selectors.action_list(
        decision=reference,
        organization=_organization_id(query.organization),
        status=query.status or "",
    )


class ActionIn(Schema):
    title: str = Field(..., min_length=1, max_length=300, pattern=SOME_TEXT)
    lead: str = Field(..., max_length=20, description="Acronym of the lead organization")
    supporting: list[Annotated[str, Field(max_length=20)]] = Field(
        default_factory=list, max_length=50
    )
    target_date: Day | None = None


@router.post(
    "/decisions/{meeting}/{number}/actions",
    response={201: ActionOut},
    summary="Add an action under a decision (the secretariat)",
    openapi_extra=callers(
        Who.SECRETARIAT,
        conflict=True,
        rules_beyond_schema=[
            "lead, supporting: acronyms of organizations in the registry",
            "supporting: not the lead organization",
        ],
    ),
)
def action_create(
    request: HttpRequest, body: ActionIn, meeting: int = MEETING, number: int = ID
) -> Any:
    actor = api_require_write(request, Action.MANAGE_DECISIONS)
    try:
        decision = selectors.decision_get(meeting=meeting, number=number)
    except Decision.DoesNotExist:
        raise HttpError(404, "No such decision.") from None
    named = {
        o.acronym: o for o in Organization.objects.filter(acronym__in=[body.lead, *body.supporting])
    }
    unknown = sorted({body.lead, *body.supporting} - set(named))
    if unknown:
        raise HttpError(422, "No organization with the acronym " + ", ".join(unknown) + ".")
    try:
        action = services.action_create(
            actor=actor,
            decision=decision,
            title=body.title,
            lead=named[body.lead],
            supporting=[named[a] for a in body.supporting],
            target_date=body.target_date,
        )
    except (ValidationError, ConflictError) as error:
        raise refused(error) from None
    return Status(201, selectors.action_list().get(pk=action.pk))


class IndicatorQuery(Schema):
    organization: str = Field(
        "", max_length=20, description="Acronym of the lead organization; unknown: none"
    )
    overdue: bool = Field(False, description="Only those with a report past its due date")


class IndicatorOut(IndicatorBrief):
    action: int
    decision: str
    lead: str
    overdue: bool

    @staticmethod
    def resolve_action(i: Any) -> int:
        return int(i.action_id)

    @staticmethod
    def resolve_decision(i: Any) -> str:
        return str(i.action.decision.reference)

    @staticmethod
    def resolve_lead(i: Any) -> str:
        return str(i.action.lead.acronym)

    @staticmethod
    def resolve_overdue(i: Any) -> bool:
        return i.next_due_on is not None and i.next_due_on < timezone.localdate()


@router.get(
    "/indicators",
    response=list[IndicatorOut],
    summary="Indicators and when their next report is due",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def indicator_list(request: HttpRequest, query: Query[IndicatorQuery]) -> Any:
    api_require(request, Action.VIEW_DECISIONS)
    return selectors.indicator_list(
        organization=_organization_id(query.organization),
        overdue=query.overdue,
        today=timezone.localdate(),
    )


class DueOut(Schema):
    due_on: dt.date
    standing: str = Field(description="submitted, overdue, due_soon (within 30 days) or upcoming")


class IndicatorDetailOut(IndicatorOut):
    schedule: list[DueOut]
    reports: list[ReportOut] = Field(
        description="The reports this reader may read: none for the public, drafts only to "
        "their own organization and the secretariat"
    )

    @staticmethod
    def resolve_reports(i: Any) -> list[Any]:
        return list(i.readable_reports)


@router.get(
    "/indicators/{pk}",
    response=IndicatorDetailOut,
    summary="One indicator: its schedule and the reports you may read",
    openapi_extra=callers(Who.PUBLIC),
)
def indicator_detail(request: HttpRequest, pk: int = ID) -> Any:
    from interlock.domain.implementation import standing

    api_require(request, Action.VIEW_DECISIONS)
    try:
        indicator = selectors.indicator_get(pk=pk)
    except Indicator.DoesNotExist:
        raise HttpError(404, "No such indicator.") from None
    reports = list(indicator.reports.all())
    submitted = {r.due_on for r in reports if r.state == "submitted"}
    today = timezone.localdate()
    indicator.schedule = [  # type: ignore[attr-defined]
        DueOut(due_on=due, standing=standing(due, submitted=due in submitted, today=today))
        for due in services.due_dates(indicator)
    ]
    indicator.readable_reports = selectors.visible_reports(api_user(request), reports)  # type: ignore[attr-defined]
    return indicator


class IndicatorIn(Schema):
    title: str = Field(..., min_length=1, max_length=300, pattern=SOME_TEXT)
    unit: str = Field("", max_length=60)
    target: str = Field("", max_length=120)
    reports_from: Day
    reports_until: Day
    every_months: int = Field(..., ge=1, le=60)


@router.post(
    "/actions/{pk}/indicators",
    response={201: IndicatorOut},
    summary="Set an indicator with its reporting schedule (the secretariat)",
    openapi_extra=callers(
        Who.SECRETARIAT,
        conflict=True,
        rules_beyond_schema=["reports_until: on or after reports_from"],
    ),
)
def indicator_create(request: HttpRequest, body: IndicatorIn, pk: int = ID) -> Any:
    from interlock.decisions.models import Action as DecisionAction

    actor = api_require_write(request, Action.MANAGE_DECISIONS)
    action = DecisionAction.objects.filter(pk=pk).first()
    if action is None:
        raise HttpError(404, "No such action.")
    try:
        indicator = services.indicator_create(actor=actor, action=action, **body.dict())
    except (ValidationError, ConflictError) as error:
        raise refused(error) from None
    return Status(201, selectors.indicator_get(pk=indicator.pk))


class SupportOut(Schema):
    organization: str
    kind: str = Field(description="co_sponsor or support")
    recorded_at: dt.datetime

    @staticmethod
    def resolve_organization(s: Any) -> str:
        return str(s.organization.acronym)


@router.get(
    "/proposals/{pk}/supports",
    response=list[SupportOut],
    summary="Who supports or co-sponsors a proposal (participants)",
    openapi_extra=callers(Who.PARTICIPANTS),
)
def support_list(request: HttpRequest, pk: int = ID) -> Any:
    return list(_proposal(request, pk).supports.all())


class SupportIn(Schema):
    kind: SupportKind


@router.post(
    "/proposals/{pk}/supports",
    response={201: SupportOut},
    summary="Record your organization's support (its liaison official)",
    openapi_extra=callers(Who.LIAISON_OFFICIAL, conflict=True),
)
def support_create(request: HttpRequest, body: SupportIn, pk: int = ID) -> Any:
    proposal = _proposal(request, pk)
    user = api_user(request)
    actor = api_require_write(
        request, Action.SPEAK_FOR_ORGANIZATION, organization_id=user.organization_id
    )
    try:
        return Status(
            201,
            services.support_record(
                actor=actor, proposal=proposal, organization=actor.organization, kind=body.kind
            ),
        )
    except (ValidationError, ConflictError) as error:
        raise refused(error) from None
