"""The standing committee's terms of reference and the consent of the participating
organizations (¶7c), read by anyone as the committee's page shows them; consent recorded by each
organization's liaison official."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from interlock.committees import selectors, services
from interlock.committees.models import TermsOfReference
from interlock.core.api_access import api_require, api_require_write, api_user
from interlock.core.api_schema import Who, callers, refused
from interlock.core.paging import Paging
from interlock.domain.permissions import Action

router = Router(tags=["committees"])
ID = Path(..., ge=1, le=2**53)


class ConsentOut(Schema):
    organization: str
    consented_at: dt.datetime | None = Field(description="Null: consent is awaited")


class TermsOut(Schema):
    id: int
    title: str
    text: str
    meeting: str = Field(description="The meeting whose participants must all consent")
    adopted_at: dt.datetime | None = Field(
        description="When the last participating organization consented; null until then"
    )
    consents: list[ConsentOut]

    @staticmethod
    def resolve_meeting(t: Any) -> str:
        return f"{t.meeting.series.key}/{t.meeting.number}"

    @staticmethod
    def resolve_consents(t: Any) -> list[ConsentOut]:
        given = {c.organization_id: c.recorded_at for c in t.consents.all()}
        return [
            ConsentOut(
                organization=d.organization.acronym, consented_at=given.get(d.organization_id)
            )
            for d in t.meeting.delegations.all()
        ]


def _terms() -> Any:
    """Terms with their meeting's delegations and their consents prefetched: three queries for
    any number of terms."""
    from django.db.models import Prefetch

    from interlock.meetings.models import Delegation

    return (
        selectors.terms_list()
        .select_related("meeting__series")
        .prefetch_related(
            Prefetch(
                "meeting__delegations",
                queryset=Delegation.objects.select_related("organization").order_by(
                    "organization__short_name_en"
                ),
            )
        )
    )


@router.get(
    "/standing-committee/terms",
    response=list[TermsOut],
    summary="Terms of reference, and who has and has not consented",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def terms_list(request: HttpRequest) -> Any:
    api_require(request, Action.VIEW_MEETINGS)
    return _terms()


@router.post(
    "/standing-committee/terms/{pk}/consents",
    response={201: TermsOut},
    summary="Record your organization's consent (its liaison official)",
    openapi_extra=callers(Who.LIAISON_OFFICIAL, conflict=True),
)
def consent_create(request: HttpRequest, pk: int = ID) -> Any:
    user = api_user(request)
    actor = api_require_write(
        request,
        Action.SPEAK_FOR_ORGANIZATION,
        organization_id=getattr(user, "organization_id", None),
    )
    terms = TermsOfReference.objects.filter(pk=pk).first()
    if terms is None:
        raise HttpError(404, "No such terms of reference.")
    try:
        services.consent_record(actor=actor, terms=terms, organization=actor.organization)
    except ValidationError as error:
        raise refused(error) from None
    return Status(201, _terms().get(pk=pk))
