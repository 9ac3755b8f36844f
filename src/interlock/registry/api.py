import datetime as dt

from django.db.models import DateField, Value
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from interlock.core.api_access import api_require
from interlock.core.api_schema import Day, Who, callers
from interlock.core.i18n import stored, stored_value
from interlock.core.paging import Paging
from interlock.domain.permissions import Action
from interlock.registry import selectors
from interlock.registry.models import (
    COUNTED_AS_MEMBER,
    CharterBasis,
    Country,
    Membership,
    Organization,
    OrganizationKind,
    OrganizationName,
    ReportedMemberCount,
)

router = Router(tags=["organizations"])

IN_LANGUAGE = "In the language asked for (Accept-Language), English where none is stored"
EVERY_LANGUAGE = "Every official language's stored value; blank where none is stored"


class SourceOut(Schema):
    key: str
    title: str
    url: str
    locator: str


class LastReportedOut(Schema):
    count: int
    on: dt.date
    precision: str


class ReportedFigureOut(Schema):
    on: dt.date
    precision: str = Field(description="day, month or year: how exactly the record dates it")
    count: int
    counted: str = Field(description="What the figure counts, in the language asked for")
    counted_en: str
    counted_fr: str
    note: str
    source: SourceOut
    computed: int | None = Field(
        None, description="Members the dated list gives on that day; null without a list"
    )
    computed_is_lower_bound: bool | None = Field(
        None,
        description="True where some joining dates are recorded only as 'by' a later day: "
        "computed is then a lower bound, not a count",
    )

    @staticmethod
    def resolve_counted_fr(r: ReportedMemberCount) -> str:
        return stored_value(r, "counted", "fr")


class NamedOut(Schema):
    """A name in the language asked for, in every language, and the English and French fields."""

    name: str = Field(description=IN_LANGUAGE)
    names: dict[str, str] = Field(description=EVERY_LANGUAGE)
    name_en: str
    name_fr: str

    @staticmethod
    def resolve_names(o: Organization | OrganizationName | Country) -> dict[str, str]:
        return stored(o, "name")

    @staticmethod
    def resolve_name_fr(o: Organization | OrganizationName | Country) -> str:
        return stored_value(o, "name", "fr")


class FormerNameOut(NamedOut):
    short_name: str = Field(description=IN_LANGUAGE)
    short_name_en: str
    short_name_fr: str
    valid_from: dt.date | None = Field(description="Null where the start is not recorded")
    valid_until: dt.date = Field(description="The first day of the next name")
    source: SourceOut

    @staticmethod
    def resolve_short_name_fr(o: OrganizationName) -> str:
        return stored_value(o, "short_name", "fr")


class OrganizationOut(NamedOut):
    """``name``, ``names``, ``name_en`` and ``name_fr``: the current name."""

    acronym: str
    short_name: str = Field(description=IN_LANGUAGE)
    name_as_of: str = Field(
        description="The name in use on as_of, " + IN_LANGUAGE[0].lower() + IN_LANGUAGE[1:]
    )
    name_as_of_en: str = Field(description="The name in use on as_of")
    name_as_of_fr: str
    kind: str
    charter_basis: CharterBasis = Field(
        description="What the organization's own instrument or a recorded declaration states; "
        "not_declared where no source is recorded"
    )
    charter_basis_on: dt.date | None = Field(
        description="Date of the instrument or declaration; null when not declared"
    )
    headquarters_city: str | None
    headquarters_country: str | None
    website: str | None
    representation_note: str
    membership_recorded: bool
    member_count: int | None = Field(
        description="Members on as_of; null when unknown (no list, or dates of joining missing)"
    )
    members_at_least: int | None = Field(
        description="Members whose membership on as_of is recorded: a lower bound, equal to "
        "member_count when that is known; null without a list"
    )
    as_of: dt.date
    last_reported: LastReportedOut | None = Field(
        None, description="The last member figure a cited record reported on or before as_of"
    )

    @staticmethod
    def resolve_name_as_of(o: Organization) -> str:
        return o.named_on(o.as_of).name  # type: ignore[attr-defined]

    @staticmethod
    def resolve_name_as_of_en(o: Organization) -> str:
        return stored_value(o.named_on(o.as_of), "name", "en")  # type: ignore[attr-defined]

    @staticmethod
    def resolve_name_as_of_fr(o: Organization) -> str:
        return stored_value(o.named_on(o.as_of), "name", "fr")  # type: ignore[attr-defined]

    @staticmethod
    def resolve_headquarters_city(o: Organization) -> str | None:
        return o.headquarters_city or None

    @staticmethod
    def resolve_headquarters_country(o: Organization) -> str | None:
        return o.headquarters_country_id

    @staticmethod
    def resolve_website(o: Organization) -> str | None:
        return o.website or None

    @staticmethod
    def resolve_last_reported(o: Organization) -> dict[str, object] | None:
        count = getattr(o, "reported_count", None)
        if count is None:
            return None
        return {"count": count, "on": o.reported_on, "precision": o.reported_precision}  # type: ignore[attr-defined]

    @staticmethod
    def resolve_member_count(o: Organization) -> int | None:
        # Unknown, not zero, when the list is not recorded or some joining dates are missing.
        if not o.membership_recorded or o.count_uncertain:  # type: ignore[attr-defined]
            return None
        return o.member_count  # type: ignore[attr-defined]

    @staticmethod
    def resolve_members_at_least(o: Organization) -> int | None:
        return o.member_count if o.membership_recorded else None  # type: ignore[attr-defined]


class OrganizationDetailOut(OrganizationOut):
    charter_basis_source: SourceOut | None = Field(
        description="The instrument or declaration, with its article or paragraph"
    )
    charter_basis_words: str = Field(description="What the source says, in its own words")
    former_names: list[FormerNameOut]
    kind_source: SourceOut
    membership_source: SourceOut | None
    liaison_official: str | None
    reported_figures: list[ReportedFigureOut]

    @staticmethod
    def resolve_former_names(o: Organization) -> list[OrganizationName]:
        return list(o.former_names.all())

    @staticmethod
    def resolve_reported_figures(o: Organization) -> list[ReportedMemberCount]:
        return o.reported  # type: ignore[attr-defined]

    @staticmethod
    def resolve_liaison_official(o: Organization) -> str | None:
        current = next((a for a in o.liaison_appointments.all() if a.ended_on is None), None)
        return current.person_name if current else None


class OrganizationQuery(Schema):
    kind: OrganizationKind | None = None
    charter_basis: CharterBasis | None = None
    region: str | None = Field(None, max_length=3, description="An M49 region code")
    q: str | None = Field(None, max_length=100)
    as_of: Day | None = None


def _day(as_of: dt.date | None) -> dt.date:
    return as_of or timezone.localdate()


ACRONYM = Path(..., max_length=20)


@router.get(
    "/organizations",
    response=list[OrganizationOut],
    summary="Organizations, with member counts",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def organization_list(request: HttpRequest, filters: Query[OrganizationQuery]) -> object:
    api_require(request, Action.VIEW_REGISTRY)
    day = _day(filters.as_of)
    organizations = selectors.organization_list(
        as_of=day,
        filters=selectors.OrganizationFilters(
            kind=filters.kind or "",
            charter_basis=filters.charter_basis or "",
            region=filters.region or "",
            query=filters.q or "",
        ),
    )
    # The day travels with each row as a constant column, so pagination still slices in SQL.
    return organizations.annotate(as_of=Value(day, output_field=DateField()))


@router.get(
    "/organizations/{acronym}",
    response=OrganizationDetailOut,
    summary="One organization",
    openapi_extra=callers(Who.PUBLIC),
)
def organization_detail(
    request: HttpRequest, acronym: str = ACRONYM, as_of: Day | None = None
) -> Organization:
    api_require(request, Action.VIEW_REGISTRY)
    day = _day(as_of)
    try:
        organization = selectors.organization_get(acronym=acronym)
    except Organization.DoesNotExist:
        raise HttpError(404, "No organization with this acronym.") from None
    organization.member_count = (  # type: ignore[attr-defined]
        selectors.membership_list(  # type: ignore[attr-defined]
            organization=organization, as_of=day
        )
        .filter(status__in=COUNTED_AS_MEMBER)
        .count()
    )
    organization.count_uncertain = selectors.count_is_uncertain(  # type: ignore[attr-defined]
        organization=organization, as_of=day
    )
    organization.as_of = day  # type: ignore[attr-defined]
    organization.reported = list(selectors.reported_counts(organization=organization))  # type: ignore[attr-defined]
    last = next((r for r in reversed(organization.reported) if r.on <= day), None)  # type: ignore[attr-defined]
    if last is not None:
        organization.reported_count = last.count  # type: ignore[attr-defined]
        organization.reported_on = last.on  # type: ignore[attr-defined]
        organization.reported_precision = last.precision  # type: ignore[attr-defined]
    return organization


class MembershipOut(Schema):
    country: str
    country_name: str
    status: str
    started_on: dt.date
    started_precision: str
    ended_on: dt.date | None
    note: str
    source: str

    @staticmethod
    def resolve_country(m: Membership) -> str:
        return m.country_id

    @staticmethod
    def resolve_country_name(m: Membership) -> str:
        return m.country.name

    @staticmethod
    def resolve_source(m: Membership) -> str:
        return m.source_id


@router.get(
    "/organizations/{acronym}/members",
    response=list[MembershipOut],
    summary="Members of an organization: all periods, or those in force on as_of",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def membership_list(
    request: HttpRequest, acronym: str = ACRONYM, as_of: Day | None = None
) -> object:
    api_require(request, Action.VIEW_REGISTRY)
    organization = Organization.objects.filter(acronym=acronym).first()
    if organization is None:
        raise HttpError(404, "No organization with this acronym.")
    return selectors.membership_list(
        organization=organization, as_of=_day(as_of) if as_of else None
    )


class CountryOut(NamedOut):
    alpha3: str
    m49: str
    region_code: str
    region: str
    subregion_code: str
    subregion: str


@router.get(
    "/countries",
    response=list[CountryOut],
    summary="Countries (ISO 3166-1) with M49 regions",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(Paging)
def country_list(request: HttpRequest, region: str = Query("", max_length=3)) -> object:
    api_require(request, Action.VIEW_REGISTRY)
    return selectors.country_list(region=region)
