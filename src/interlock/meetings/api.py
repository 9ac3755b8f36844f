import datetime as dt

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from interlock.core.api_access import api_require
from interlock.core.i18n import stored_value
from interlock.core.paging import Paging
from interlock.domain.permissions import Action
from interlock.meetings import selectors
from interlock.meetings.models import Delegation, Meeting

router = Router(tags=["meetings"])


class MeetingOut(Schema):
    number: int
    title: str = Field(description="In the language asked for (Accept-Language), else English")
    theme: str
    title_en: str
    title_fr: str
    theme_en: str
    starts_on: dt.date
    ends_on: dt.date
    venue: str
    reported_participants: int | None
    reported_head_level: int | None
    delegation_count: int
    head_level_count: int
    source: str

    @staticmethod
    def resolve_source(m: Meeting) -> str:
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
    level_source: str | None
    representation_note: str
    source: str

    @staticmethod
    def resolve_organization(d: Delegation) -> str:
        return d.organization.acronym

    @staticmethod
    def resolve_organization_name(d: Delegation) -> str:
        return d.organization.name

    @staticmethod
    def resolve_level_source(d: Delegation) -> str | None:
        return d.level_source_id

    @staticmethod
    def resolve_source(d: Delegation) -> str:
        return d.source_id


class MeetingDetailOut(MeetingOut):
    delegations: list[DelegationOut]

    @staticmethod
    def resolve_delegations(m: Meeting) -> list[Delegation]:
        return list(m.delegations.all())


@router.get("/meetings", response=list[MeetingOut], summary="High-level meetings")
@paginate(Paging)
def meeting_list(request: HttpRequest) -> object:
    api_require(request, Action.VIEW_MEETINGS)
    return selectors.meeting_list()


@router.get(
    "/meetings/{number}", response=MeetingDetailOut, summary="One meeting with its delegations"
)
def meeting_detail(request: HttpRequest, number: int = Path(..., ge=1, le=32767)) -> Meeting:
    api_require(request, Action.VIEW_MEETINGS)
    try:
        return selectors.meeting_get(number=number)
    except Meeting.DoesNotExist:
        raise HttpError(404, "No meeting with this number.") from None
