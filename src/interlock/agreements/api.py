import datetime as dt

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from ninja import Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from interlock.agreements import selectors
from interlock.agreements.models import Agreement
from interlock.core.api import ReferenceOut
from interlock.core.api_access import api_require, api_user
from interlock.core.api_schema import Who, callers
from interlock.core.paging import Paging
from interlock.core.references import NamedOnSlice, attach_foreign
from interlock.domain.permissions import Action

router = Router(tags=["agreements"])


class CoverageOut(Schema):
    topic: str
    up_to: str


class AgreementOut(Schema):
    id: int
    title: str
    kind: str
    parties: list[str]
    status: str
    signed_on: dt.date | None
    in_force_from: dt.datetime | None
    expires_at: dt.datetime | None
    terminated_at: dt.datetime | None
    covers_expertise: bool
    covers_resources: bool
    coverage: list[CoverageOut]
    text: ReferenceOut | None

    @staticmethod
    def resolve_text(a: Agreement) -> ReferenceOut | None:
        return ReferenceOut.of(a.text_reference)  # type: ignore[attr-defined]  # see below

    @staticmethod
    def resolve_kind(a: Agreement) -> str:
        return a.kind_id

    @staticmethod
    def resolve_parties(a: Agreement) -> list[str]:
        return [a.party_a.acronym, a.party_b.acronym]

    @staticmethod
    def resolve_status(a: Agreement) -> str:
        return selectors.status_of(a, timezone.now()).value

    @staticmethod
    def resolve_coverage(a: Agreement) -> list[CoverageOut]:
        return [CoverageOut(topic=c.topic_id, up_to=c.up_to) for c in a.coverage.all()]


@router.get(
    "/agreements",
    response=list[AgreementOut],
    summary="Agreements (signed-in users)",
    openapi_extra=callers(Who.SIGNED_IN),
)
@paginate(Paging)
def agreement_list(
    request: HttpRequest,
    organization: str = Query("", max_length=20, description="Acronym of either party"),
) -> object:
    api_require(request, Action.VIEW_AGREEMENTS)
    agreements = selectors.agreement_list()
    if organization:
        agreements = agreements.filter(
            Q(party_a__acronym=organization) | Q(party_b__acronym=organization)
        )
    reader = api_user(request)
    return NamedOnSlice(agreements, lambda rows: attach_foreign(reader, rows, "text"))


@router.get(
    "/agreements/{pk}",
    response=AgreementOut,
    summary="One agreement",
    openapi_extra=callers(Who.SIGNED_IN),
)
def agreement_detail(request: HttpRequest, pk: int = Path(..., ge=1, le=2**53)) -> Agreement:
    api_require(request, Action.VIEW_AGREEMENTS)
    try:
        agreement = selectors.agreement_get(pk=pk)
    except Agreement.DoesNotExist:
        raise HttpError(404, "No agreement with this number.") from None
    attach_foreign(api_user(request), [agreement], "text")
    return agreement
