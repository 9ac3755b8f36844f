import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from interlock.core import references
from interlock.core.api import ReferenceOut
from interlock.core.api_access import api_require, api_require_write, api_signed_in, api_user
from interlock.core.api_schema import SOME_TEXT, VERSION_MAX, Day, Who, callers, refused
from interlock.core.i18n import stored, stored_value
from interlock.core.paging import Paging
from interlock.core.references import NamedOnSlice
from interlock.documents.models import Classification, Document, Topic
from interlock.domain.meetings import DiffRow
from interlock.domain.permissions import Action
from interlock.meetings import selectors, services
from interlock.meetings.models import (
    HIGH_LEVEL,
    CalendarToken,
    Comment,
    Delegation,
    DelegationLevel,
    Disposition,
    Invitation,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Record,
    RecordStatus,
    SeriesKind,
)
from interlock.registry.models import Organization

router = Router(tags=["meetings"])
T = TypeVar("T")


class SeriesOut(Schema):
    key: str
    kind: str
    name: str
    working_group: str | None
    meeting_count: int

    @staticmethod
    def resolve_working_group(s: MeetingSeries) -> str | None:
        return s.working_group.key if s.working_group else None


class MeetingOut(Schema):
    series: str
    number: int
    title: str = Field(description="In the language asked for (Accept-Language), else English")
    theme: str
    title_en: str
    title_fr: str
    theme_en: str
    starts_on: dt.date
    ends_on: dt.date
    time_zone: str
    venue: str
    online: bool
    chair: str
    status: str
    version: int
    reported_participants: int | None
    reported_head_level: int | None
    delegation_count: int
    head_level_count: int
    source: str | None

    @staticmethod
    def resolve_series(m: Meeting) -> str:
        return m.series.key

    @staticmethod
    def resolve_source(m: Meeting) -> str | None:
        return m.source_id

    @staticmethod
    def resolve_title_fr(m: Meeting) -> str:
        return stored_value(m, "title", "fr")

    @staticmethod
    def resolve_theme_en(m: Meeting) -> str:
        return stored_value(m, "theme", "en")


class DelegationOut(Schema):
    organization: str
    organization_name: str
    level: str
    head_name: str
    head_title: str
    members: list[str]
    level_source: str | None
    representation_note: str
    source: str | None

    @staticmethod
    def resolve_organization(d: Delegation) -> str:
        return d.organization.acronym

    @staticmethod
    def resolve_organization_name(d: Delegation) -> str:
        return d.organization.name

    @staticmethod
    def resolve_members(d: Delegation) -> list[str]:
        return d.member_list

    @staticmethod
    def resolve_level_source(d: Delegation) -> str | None:
        return d.level_source_id

    @staticmethod
    def resolve_source(d: Delegation) -> str | None:
        return d.source_id


class InvitationOut(Schema):
    organization: str
    answer: str
    invited_at: dt.datetime
    answered_at: dt.datetime | None

    @staticmethod
    def resolve_organization(i: Invitation) -> str:
        return i.organization.acronym


class FiguresOut(Schema):
    counted_participants: int
    confirmed_head_level: int
    unknown_level: int
    by_level: dict[str, int]
    participants_agreement: str
    head_level_agreement: str


class MeetingDetailOut(MeetingOut):
    delegations: list[DelegationOut]
    invitations: list[InvitationOut]
    figures: FiguresOut
    outcome: ReferenceOut | None = Field(
        description="The meeting's conclusions in the library, named through the reading policy"
    )

    @staticmethod
    def resolve_outcome(m: Meeting, context: Any) -> ReferenceOut | None:
        reader = api_user(context["request"])
        references.attach_foreign(reader, [m], "outcome")
        return ReferenceOut.of(m.outcome_reference)  # type: ignore[attr-defined]  # just set

    @staticmethod
    def resolve_delegations(m: Meeting) -> list[Delegation]:
        return list(m.delegations.all())

    @staticmethod
    def resolve_invitations(m: Meeting) -> list[Invitation]:
        return list(m.invitations.all())

    @staticmethod
    def resolve_figures(m: Meeting) -> FiguresOut:
        f = selectors.attendance_figures(m)
        return FiguresOut(
            counted_participants=f.counted_participants,
            confirmed_head_level=f.confirmed_head_level,
            unknown_level=f.unknown_level,
            by_level={level: count for level, _label, count in f.by_level},
            participants_agreement=f.participants_agreement.value,
            head_level_agreement=f.head_level_agreement.value,
        )


class SeriesIn(Schema):
    key: str = Field(..., min_length=1, max_length=60, pattern=r"^[-a-z0-9_]+$")
    kind: SeriesKind
    name: str = Field(..., max_length=200, pattern=SOME_TEXT)


class MeetingFieldsIn(Schema):
    title_en: str = Field(..., max_length=300, pattern=SOME_TEXT)
    title_fr: str = Field("", max_length=300)
    theme_en: str = Field("", max_length=300)
    theme_fr: str = Field("", max_length=300)
    starts_on: Day
    ends_on: Day
    time_zone: str = Field("America/New_York", max_length=64)
    venue: str = Field("", max_length=200)
    online: bool = False
    chair: str = Field("", max_length=200)


class MeetingIn(MeetingFieldsIn):
    series: str = Field(..., max_length=60)
    number: int = Field(..., ge=1, le=32767)


class MeetingUpdateIn(MeetingFieldsIn):
    version: int = Field(..., ge=1, le=VERSION_MAX)


class StatusIn(Schema):
    status: MeetingStatus
    version: int = Field(..., ge=1, le=VERSION_MAX)


class InviteIn(Schema):
    organizations: list[Annotated[str, Field(max_length=20)]] = Field(
        ..., min_length=1, max_length=200
    )


class OutcomeIn(Schema):
    document: int | None = Field(
        ..., ge=1, le=2**53, description="A document you may read (`/documents`); null clears"
    )
    version: int = Field(..., ge=1, le=VERSION_MAX)


class AnswerIn(Schema):
    accept: bool


class DelegationIn(Schema):
    organization: str = Field(..., max_length=20)
    level: DelegationLevel
    head_name: str = Field(..., max_length=200, pattern=SOME_TEXT)
    head_title: str = Field("", max_length=200)
    members: list[Annotated[str, Field(max_length=200)]] = Field(
        default_factory=list, max_length=100
    )


def _written(write: Callable[[], T]) -> T:
    """A service's refusals as the API says them (core/api_schema.py): 409 for a stale edit or a
    step the stored state refuses, 422 for a field."""
    try:
        return write()
    except (ValidationError, services.ConflictError) as error:
        raise refused(error) from None


def _meeting(series: str, number: int) -> Meeting:
    try:
        return selectors.meeting_get(series=series, number=number)
    except Meeting.DoesNotExist:
        raise HttpError(404, "No meeting with this number in this series.") from None


def _organization(acronym: str, *, status: int = 422) -> Organization:
    """The organization named in the body (422 if none) or in the path (``status=404``)."""
    organization = Organization.objects.filter(acronym=acronym).first()
    if organization is None:
        raise HttpError(status, f"No organization {acronym!r}.")
    return organization


NUMBER = Path(..., ge=1, le=32767)
MEETING_RULES = [
    "ends_on: on or after starts_on",
    "time_zone: a name of the IANA time zone database, such as Europe/Zurich",
    "venue: required unless the meeting is online",
]
KEY = Path(..., max_length=60)


@router.get(
    "/series",
    response=list[SeriesOut],
    summary="Series of meetings",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def series_list(request: HttpRequest) -> object:
    api_require(request, Action.VIEW_MEETINGS)
    return selectors.series_list()


@router.post(
    "/series",
    response={201: SeriesOut},
    summary="Add a series (the secretariat)",
    openapi_extra=callers(
        Who.SECRETARIAT, rules_beyond_schema=["key: not taken by another series"]
    ),
)
def series_create(request: HttpRequest, payload: SeriesIn) -> Status:
    actor = api_require_write(request, Action.MANAGE_MEETINGS)
    series = _written(lambda: services.series_create(actor=actor, **payload.dict()))
    return Status(201, selectors.series_list().get(pk=series.pk))


@router.get(
    "/meetings",
    response=list[MeetingOut],
    summary="Meetings, of every series or one",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def meeting_list(
    request: HttpRequest, series: str = Query("", max_length=60, description="A series' key")
) -> object:
    api_require(request, Action.VIEW_MEETINGS)
    return selectors.meeting_list(series=series or None)


@router.post(
    "/meetings",
    response={201: MeetingDetailOut},
    summary="Plan a meeting",
    openapi_extra=callers(
        Who.SECRETARIAT,
        conflict=True,
        rules_beyond_schema=["series: the key of an existing series", *MEETING_RULES],
    ),
)
def meeting_create(request: HttpRequest, payload: MeetingIn) -> Status:
    actor = api_require_write(request, Action.MANAGE_MEETINGS)
    values = payload.dict()
    series = MeetingSeries.objects.filter(key=values.pop("series")).first()
    if series is None:
        raise HttpError(422, "No series with this key.")
    number = values.pop("number")
    meeting = _written(
        lambda: services.meeting_create(actor=actor, series=series, number=number, **values)
    )
    return Status(201, _meeting(series.key, meeting.number))


@router.get(
    "/meetings/{number}",
    response=MeetingDetailOut,
    summary="One high-level meeting by number",
    openapi_extra=callers(Who.PUBLIC),
)
def meeting_detail(request: HttpRequest, number: int = NUMBER) -> Meeting:
    api_require(request, Action.VIEW_MEETINGS)
    return _meeting(HIGH_LEVEL, number)


@router.get(
    "/series/{key}/meetings/{number}",
    response=MeetingDetailOut,
    summary="One meeting",
    openapi_extra=callers(Who.PUBLIC),
)
def series_meeting(request: HttpRequest, key: str = KEY, number: int = NUMBER) -> Meeting:
    api_require(request, Action.VIEW_MEETINGS)
    return _meeting(key, number)


@router.patch(
    "/series/{key}/meetings/{number}",
    response=MeetingDetailOut,
    summary="Change a meeting (refused with 409 if changed since `version`)",
    openapi_extra=callers(Who.SECRETARIAT, conflict=True, rules_beyond_schema=MEETING_RULES),
)
def meeting_update(
    request: HttpRequest, payload: MeetingUpdateIn, key: str = KEY, number: int = NUMBER
) -> Meeting:
    actor = api_require_write(request, Action.MANAGE_MEETINGS)
    meeting = _meeting(key, number)
    values = payload.dict()
    version = values.pop("version")
    _written(
        lambda: services.meeting_update(
            actor=actor, meeting=meeting, expected_version=version, **values
        )
    )
    return _meeting(key, number)


@router.post(
    "/series/{key}/meetings/{number}/status",
    response=MeetingDetailOut,
    summary="Next status",
    openapi_extra=callers(Who.SECRETARIAT, conflict=True),
)
def meeting_status(
    request: HttpRequest, payload: StatusIn, key: str = KEY, number: int = NUMBER
) -> Meeting:
    actor = api_require_write(request, Action.MANAGE_MEETINGS)
    meeting = _meeting(key, number)
    _written(
        lambda: services.meeting_set_status(
            actor=actor, meeting=meeting, status=payload.status, expected_version=payload.version
        )
    )
    return _meeting(key, number)


@router.put(
    "/series/{key}/meetings/{number}/outcome",
    response=MeetingDetailOut,
    summary="Set or clear the meeting's outcome document (refused with 409 if changed since "
    "`version`)",
    openapi_extra=callers(
        Who.SECRETARIAT,
        conflict=True,
        rules_beyond_schema=["document: a document you may read"],
    ),
)
def meeting_outcome(
    request: HttpRequest, payload: OutcomeIn, key: str = KEY, number: int = NUMBER
) -> Meeting:
    """A document the caller may not read is refused as one that does not exist (422)."""
    actor = api_require_write(request, Action.MANAGE_MEETINGS)
    meeting = _meeting(key, number)
    wanted = payload.document
    document = Document.objects.filter(pk=wanted).first() if wanted is not None else None

    def choose() -> Meeting:
        # A missing document is refused by the same exception as an unreadable one, and so
        # answered in the same words whatever says the service's refusals.
        if wanted is not None and document is None:
            raise services.document_refused()
        return services.meeting_set_outcome(
            actor=actor, meeting=meeting, document=document, expected_version=payload.version
        )

    _written(choose)
    return _meeting(key, number)


@router.get(
    "/series/{key}/meetings/{number}/invitations",
    response=list[InvitationOut],
    summary="The organizations invited and their answers",
    openapi_extra=callers(Who.PUBLIC),
)
def invitation_list(request: HttpRequest, key: str = KEY, number: int = NUMBER) -> Any:
    api_require(request, Action.VIEW_MEETINGS)
    return list(_meeting(key, number).invitations.all())


@router.post(
    "/series/{key}/meetings/{number}/invitations",
    response={201: list[InvitationOut]},
    summary="Invite organizations (by acronym)",
    openapi_extra=callers(
        Who.SECRETARIAT,
        conflict=True,
        rules_beyond_schema=["organizations: acronyms of organizations in the registry"],
    ),
)
def meeting_invite(
    request: HttpRequest, payload: InviteIn, key: str = KEY, number: int = NUMBER
) -> Status:
    actor = api_require_write(request, Action.MANAGE_MEETINGS)
    meeting = _meeting(key, number)
    organizations = [_organization(acronym) for acronym in payload.organizations]
    _written(
        lambda: services.meeting_invite(actor=actor, meeting=meeting, organizations=organizations)
    )
    return Status(201, list(_meeting(key, number).invitations.all()))


@router.post(
    "/series/{key}/meetings/{number}/invitations/{acronym}/answer",
    response=InvitationOut,
    summary="The liaison official answers the organization's invitation",
    openapi_extra=callers(Who.LIAISON_OFFICIAL, conflict=True),
)
def invitation_answer(
    request: HttpRequest,
    payload: AnswerIn,
    key: str = KEY,
    number: int = NUMBER,
    acronym: str = Path(..., max_length=20),
) -> Invitation:
    api_signed_in(request)
    organization = _organization(acronym, status=404)
    actor = api_require_write(request, Action.ANSWER_INVITATION, organization_id=organization.pk)
    meeting = _meeting(key, number)
    invitation = next(
        (i for i in meeting.invitations.all() if i.organization_id == organization.pk), None
    )
    if invitation is None:
        raise HttpError(404, "This organization is not invited to this meeting.")
    return _written(
        lambda: services.invitation_answer(
            actor=actor, invitation=invitation, accept=payload.accept
        )
    )


@router.get(
    "/series/{key}/meetings/{number}/delegations",
    response=list[DelegationOut],
    summary="The delegations registered",
    openapi_extra=callers(Who.PUBLIC),
)
def delegation_list(request: HttpRequest, key: str = KEY, number: int = NUMBER) -> Any:
    api_require(request, Action.VIEW_MEETINGS)
    return list(_meeting(key, number).delegations.all())


@router.post(
    "/series/{key}/meetings/{number}/delegations",
    response={201: DelegationOut},
    summary="Register the organization's delegation (its liaison official)",
    openapi_extra=callers(
        Who.LIAISON_OFFICIAL,
        conflict=True,
        rules_beyond_schema=["organization: the acronym of an organization in the registry"],
    ),
)
def delegation_register(
    request: HttpRequest, payload: DelegationIn, key: str = KEY, number: int = NUMBER
) -> Status:
    api_signed_in(request)
    organization = _organization(payload.organization)
    actor = api_require_write(request, Action.ANSWER_INVITATION, organization_id=organization.pk)
    meeting = _meeting(key, number)
    delegation = _written(
        lambda: services.delegation_register(
            actor=actor,
            meeting=meeting,
            organization=organization,
            level=payload.level,
            head_name=payload.head_name,
            head_title=payload.head_title,
            members="\n".join(payload.members),
        )
    )
    return Status(201, Delegation.objects.select_related("organization").get(pk=delegation.pk))


# The record and its comment round (¶10) -------------------------------------------------------


class VersionOut(Schema):
    number: int
    created_at: dt.datetime
    note: str
    paragraphs: list[str]


class CommentOut(Schema):
    id: int
    paragraph: int
    on_version: int
    organization: str
    text: str
    created_at: dt.datetime
    disposition: str
    reason: str

    @staticmethod
    def resolve_on_version(c: Comment) -> int:
        return c.on_version.number

    @staticmethod
    def resolve_organization(c: Comment) -> str:
        return c.organization.acronym


class RecordOut(Schema):
    title: str
    status: str
    comment_deadline: dt.datetime | None
    version: int
    classification: str
    current: VersionOut
    versions: list[int]


class DiffRowOut(Schema):
    kind: str
    old_number: int | None
    new_number: int | None
    words: list[tuple[str, str]]


class ConflictOut(Schema):
    detail: str
    theirs: int
    changes: list[DiffRowOut]


class RecordIn(Schema):
    text: str = Field(..., max_length=200_000, pattern=SOME_TEXT)
    classification: Classification = Classification.PARTNERSHIP
    topics: list[Annotated[str, Field(max_length=60)]] = Field(default_factory=list, max_length=20)


class RevisionIn(Schema):
    text: str = Field(..., max_length=200_000, pattern=SOME_TEXT)
    based_on: int = Field(..., ge=1, le=VERSION_MAX)
    note: str = Field("", max_length=300)


class RecordStatusIn(Schema):
    to: RecordStatus
    version: int = Field(..., ge=1, le=VERSION_MAX)
    deadline: dt.datetime | None = None


class CommentIn(Schema):
    paragraph: int = Field(..., ge=1, le=32767)
    text: str = Field(..., max_length=10_000, pattern=SOME_TEXT)


class DispositionIn(Schema):
    disposition: Disposition
    reason: str = Field("", max_length=2000)


def _record(request: HttpRequest, key: str, number: int) -> Record:
    meeting = _meeting(key, number)
    record = selectors.record_for(api_user(request), meeting=meeting, at=timezone.now())
    if record is None:
        raise HttpError(404, "No record of this meeting that you may read.")
    return record


def _record_out(record: Record) -> RecordOut:
    page = selectors.record_page(record)
    return RecordOut(
        title=record.document.title,
        status=record.status,
        comment_deadline=record.comment_deadline,
        version=record.version,
        classification=record.document.classification,
        current=VersionOut(
            number=page.current.number,
            created_at=page.current.created_at,
            note=page.current.note,
            paragraphs=page.current.paragraphs,
        ),
        versions=[v.number for v in page.versions],
    )


RECORD = "/series/{key}/meetings/{number}/record"


@router.get(
    RECORD,
    response=RecordOut,
    summary="The meeting's record, if you may read it",
    openapi_extra=callers(Who.PUBLIC),
)
def record_detail(request: HttpRequest, key: str = KEY, number: int = NUMBER) -> RecordOut:
    api_require(request, Action.VIEW_MEETINGS)
    return _record_out(_record(request, key, number))


@router.post(
    RECORD,
    response={201: RecordOut},
    summary="Draft the record (the secretariat)",
    openapi_extra=callers(
        Who.SECRETARIAT,
        conflict=True,
        rules_beyond_schema=[
            "topics: keys of known topics",
            "text: at least one paragraph (paragraphs are separated by an empty line)",
        ],
    ),
)
def record_create(
    request: HttpRequest, payload: RecordIn, key: str = KEY, number: int = NUMBER
) -> Status:
    actor = api_require_write(request, Action.MANAGE_RECORDS)
    meeting = _meeting(key, number)
    topics = list(Topic.objects.filter(key__in=payload.topics))
    if len(topics) != len(set(payload.topics)):
        raise HttpError(422, "Unknown topic.")
    record = _written(
        lambda: services.record_create(
            actor=actor,
            meeting=meeting,
            text=payload.text,
            classification=payload.classification,
            topics=topics,
        )
    )
    return Status(201, _record_out(record))


@router.post(
    RECORD + "/versions",
    response={201: RecordOut, 409: ConflictOut},
    summary="Save a new version (409 with the other's version if someone saved since `based_on`)",
    openapi_extra=callers(
        Who.SECRETARIAT,
        conflict=True,
        rules_beyond_schema=[
            "text: at least one paragraph (paragraphs are separated by an empty line)"
        ],
    ),
)
def record_revise(
    request: HttpRequest, payload: RevisionIn, key: str = KEY, number: int = NUMBER
) -> Status:
    actor = api_require_write(request, Action.MANAGE_RECORDS)
    record = _record(request, key, number)
    try:
        services.record_revise(
            actor=actor,
            record=record,
            text=payload.text,
            based_on=payload.based_on,
            note=payload.note,
        )
    except ValidationError as error:
        raise refused(error) from None
    except services.RecordConflict as conflict:
        rows = selectors.record_diff(record, old=payload.based_on, new=conflict.theirs.number)
        return Status(
            409,
            ConflictOut(
                detail=str(conflict),
                theirs=conflict.theirs.number,
                changes=[_row(r) for r in rows or []],
            ),
        )
    return Status(201, _record_out(Record.objects.select_related("document").get(pk=record.pk)))


@router.post(
    RECORD + "/status",
    response=RecordOut,
    summary="Circulate, revise or finalize",
    openapi_extra=callers(
        Who.SECRETARIAT,
        conflict=True,
        rules_beyond_schema=["deadline: in the future, when circulating for comment"],
    ),
)
def record_status(
    request: HttpRequest, payload: RecordStatusIn, key: str = KEY, number: int = NUMBER
) -> RecordOut:
    actor = api_require_write(request, Action.MANAGE_RECORDS)
    record = _record(request, key, number)
    _written(
        lambda: services.record_move(
            actor=actor,
            record=record,
            to=payload.to,
            expected_version=payload.version,
            deadline=payload.deadline,
        )
    )
    return _record_out(record)


@router.get(
    RECORD + "/comments",
    response=list[CommentOut],
    summary="The comments on the record and their dispositions",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def comment_list(request: HttpRequest, key: str = KEY, number: int = NUMBER) -> object:
    api_require(request, Action.VIEW_MEETINGS)
    return _record(request, key, number).comments.select_related("organization", "on_version")


@router.post(
    RECORD + "/comments",
    response={201: CommentOut},
    summary="Comment on a paragraph",
    openapi_extra=callers(
        Who.STAFF,
        conflict=True,
        rules_beyond_schema=["paragraph: a paragraph of the record's current version"],
    ),
)
def comment_add(
    request: HttpRequest, payload: CommentIn, key: str = KEY, number: int = NUMBER
) -> Status:
    actor = api_require_write(request, Action.COMMENT_ON_RECORDS)
    record = _record(request, key, number)
    comment = _written(
        lambda: services.comment_add(
            actor=actor, record=record, paragraph=payload.paragraph, text=payload.text
        )
    )
    return Status(201, comment)


@router.post(
    RECORD + "/comments/{comment_id}/disposition",
    response=CommentOut,
    summary="Dispose of a comment (the secretariat)",
    openapi_extra=callers(
        Who.SECRETARIAT,
        conflict=True,
        rules_beyond_schema=["reason: required unless the comment is accepted"],
    ),
)
def comment_dispose(
    request: HttpRequest,
    payload: DispositionIn,
    key: str = KEY,
    number: int = NUMBER,
    comment_id: int = Path(..., ge=1, le=2**53),
) -> Comment:
    actor = api_require_write(request, Action.MANAGE_RECORDS)
    record = _record(request, key, number)
    comment = (
        record.comments.select_related("record", "organization", "on_version")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None:
        raise HttpError(404, "No such comment on this record.")
    return _written(
        lambda: services.comment_dispose(
            actor=actor, comment=comment, disposition=payload.disposition, reason=payload.reason
        )
    )


def _row(row: DiffRow) -> DiffRowOut:
    return DiffRowOut(
        kind=row.kind, old_number=row.old_number, new_number=row.new_number, words=list(row.words)
    )


@router.get(
    RECORD + "/diff",
    response=list[DiffRowOut],
    summary="Changes between two versions",
    openapi_extra=callers(Who.PUBLIC),
)
def record_diff(
    request: HttpRequest,
    key: str = KEY,
    number: int = NUMBER,
    old: int = Query(1, alias="from", ge=1, le=100_000),
    new: int = Query(2, alias="to", ge=1, le=100_000),
) -> list[DiffRowOut]:
    api_require(request, Action.VIEW_MEETINGS)
    rows = selectors.record_diff(_record(request, key, number), old=old, new=new)
    if rows is None:
        raise HttpError(404, "No such version of the record.")
    return [_row(r) for r in rows]


# The agenda --------------------------------------------------------------------------------------


class AgendaItemOut(Schema):
    number: int
    title: str = Field(description="In the language asked for (Accept-Language), else English")
    titles: dict[str, str] = Field(description="Every language's stored title, blank where none")
    working_group: str | None
    result: str
    version: int
    documents: list[ReferenceOut] = Field(description="Named through the reading policy")
    proposals: list[ReferenceOut]
    decisions: list[ReferenceOut]


class AgendaRowView:
    """An agenda row as the schema reads it (the item's fields and its named links)."""

    def __init__(self, row: selectors.AgendaRow) -> None:
        item = row.item
        self.number, self.title, self.result, self.version = (
            item.number,
            item.title,
            item.result,
            item.version,
        )
        self.titles = stored(item, "title")
        self.working_group = item.working_group.key if item.working_group else None
        self.documents = [ReferenceOut.of(n.reference) for n in row.documents]
        self.proposals = [ReferenceOut.of(n.reference) for n in row.proposals]
        self.decisions = [ReferenceOut.of(n.reference) for n in row.decisions]


AGENDA = "/series/{key}/meetings/{number}/agenda"


@router.get(
    AGENDA,
    response=list[AgendaItemOut],
    summary="The meeting's agenda (empty until published, except for the secretariat)",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def agenda_list(request: HttpRequest, key: str = KEY, number: int = NUMBER) -> object:
    api_require(request, Action.VIEW_MEETINGS)
    reader = api_user(request)
    items = selectors.agenda_items(reader, meeting=_meeting(key, number))
    at = timezone.now()
    return NamedOnSlice(
        items,
        lambda rows: [AgendaRowView(r) for r in selectors.agenda_rows(reader, rows, at=at)],
    )


@router.get(
    AGENDA + "/{item}",
    response=AgendaItemOut,
    summary="One item of the agenda",
    openapi_extra=callers(Who.PUBLIC),
)
def agenda_detail(
    request: HttpRequest, key: str = KEY, number: int = NUMBER, item: int = NUMBER
) -> AgendaRowView:
    api_require(request, Action.VIEW_MEETINGS)
    reader = api_user(request)
    found = selectors.agenda_items(reader, meeting=_meeting(key, number)).filter(number=item)
    rows = selectors.agenda_rows(reader, list(found), at=timezone.now())
    if not rows:
        raise HttpError(404, "No such item on an agenda you may see.")
    return AgendaRowView(rows[0])


# Calendar subscriptions (RFC 5545): the caller's own private feed addresses --------------------


class CalendarTokenOut(Schema):
    """A calendar subscription's facts; never its secret, which only the answer that made it
    carries (only a digest is kept)."""

    id: int
    name: str
    prefix: str = Field(description="The first characters of the token, to recognize it")
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    active: bool

    @staticmethod
    def resolve_active(t: CalendarToken) -> bool:
        return t.revoked_at is None


class CalendarAddressesOut(Schema):
    organization: str = Field(description="The meetings that concern your organization")
    series: dict[str, str] = Field(description="Each series by its key, with your deadlines")


class CalendarTokenIssuedOut(CalendarTokenOut):
    token: str = Field(description="The secret, shown this once: keep it to yourself")
    addresses: CalendarAddressesOut


class CalendarTokenIn(Schema):
    name: str = Field(..., max_length=100, pattern=SOME_TEXT)


TOKENS = "/me/calendar-tokens"
TOKEN_ID = Path(..., ge=1, le=2**53)


@router.get(
    TOKENS,
    response=list[CalendarTokenOut],
    summary="Your calendar subscriptions",
    openapi_extra=callers(Who.SIGNED_IN),
)
@paginate(Paging)
def calendar_token_list(request: HttpRequest) -> object:
    api_require(request, Action.SUBSCRIBE_CALENDARS)
    return selectors.calendar_tokens(user=api_user(request))


@router.post(
    TOKENS,
    response={201: CalendarTokenIssuedOut},
    summary="Make a calendar subscription (its secret and addresses are shown this once)",
    openapi_extra=callers(Who.SIGNED_IN),
)
def calendar_token_issue(request: HttpRequest, payload: CalendarTokenIn) -> Status:
    actor = api_require_write(request, Action.SUBSCRIBE_CALENDARS)
    token, raw = _written(lambda: services.calendar_token_issue(actor=actor, name=payload.name))

    def address(name: str, *args: str) -> str:
        return request.build_absolute_uri(reverse(f"meetings:{name}", args=args))

    # Read by CalendarTokenIssuedOut: the secret and its addresses travel in this answer only.
    token.token = raw  # type: ignore[attr-defined]
    token.addresses = CalendarAddressesOut(  # type: ignore[attr-defined]
        organization=address("organization-calendar", raw),
        series={
            s.key: address("series-calendar-private", raw, s.key) for s in selectors.series_list()
        },
    )
    return Status(201, token)


@router.post(
    TOKENS + "/{token_id}/revoke",
    response=CalendarTokenOut,
    summary="Revoke a calendar subscription: its addresses answer 410 Gone from now on",
    openapi_extra=callers(Who.SIGNED_IN, conflict=True),
)
def calendar_token_revoke(request: HttpRequest, token_id: int = TOKEN_ID) -> CalendarToken:
    """404 for a subscription that is not yours, as for one that does not exist."""
    actor = api_require_write(request, Action.SUBSCRIBE_CALENDARS)
    token = selectors.calendar_tokens(user=actor).filter(pk=token_id).first()
    if token is None:
        raise HttpError(404, _("No calendar subscription at this address."))
    return _written(lambda: services.calendar_token_revoke(actor=actor, token=token))
