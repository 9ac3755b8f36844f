"""Reads of the registry. Every list is one query (plus a fixed number of prefetches)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Lower

from interlock.core.i18n import in_reader_language, matches
from interlock.registry.models import (
    COUNTED_AS_MEMBER,
    PARTICIPANT_KINDS,
    Country,
    DatePrecision,
    LiaisonAppointment,
    Membership,
    Organization,
    OrganizationName,
    ReportedMemberCount,
)
from interlock.registry.regions import region_name

# A day: a date, or the column of an outer query (a reported figure's ``on``).
Day = dt.date | OuterRef


def membership_in_force(day: Day) -> Q:
    """Memberships in force on ``day`` (periods are half-open: [started_on, ended_on))."""
    return Q(started_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))


def joining_unrecorded_on(day: Day) -> Q:
    """Memberships whose start is known only as "by" a later day, and that had not ended by ``day``.

    Such a state may or may not have been a member on ``day``: while any exists, the count of an
    organization's members that day is a lower bound, not a fact.
    """
    return Q(started_precision=DatePrecision.BY, started_on__gt=day) & (
        Q(ended_on__isnull=True) | Q(ended_on__gt=day)
    )


def _members_counted_on(day: Day, organization: OuterRef) -> Coalesce:
    """The members of the outer row's organization on the day, as one correlated subquery.

    A subquery rather than a JOIN with GROUP BY: the database counts members only for the rows
    it returns, through the (organization, started_on) index.
    """
    members = (
        Membership.objects.filter(
            membership_in_force(day), organization=organization, status__in=COUNTED_AS_MEMBER
        )
        .order_by()
        .values("organization")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(members, output_field=IntegerField()), 0)


def _count_is_lower_bound_on(day: Day, organization: OuterRef) -> Exists:
    return Exists(Membership.objects.filter(joining_unrecorded_on(day), organization=organization))


def participants() -> QuerySet[Organization]:
    """The organizations taking part in the partnership besides the UN (¶11): neither the UN
    itself nor its research partner (¶7f)."""
    return Organization.objects.filter(kind__in=PARTICIPANT_KINDS)


def count_is_uncertain(*, organization: Organization, as_of: dt.date) -> bool:
    return organization.memberships.filter(joining_unrecorded_on(as_of)).exists()


@dataclass(frozen=True)
class OrganizationFilters:
    kind: str = ""
    charter_basis: str = ""
    region: str = ""
    query: str = ""


def organization_list(
    *, as_of: dt.date, filters: OrganizationFilters | None = None
) -> QuerySet[Organization]:
    """Organizations, each annotated with ``member_count`` as of the day.

    ``count_uncertain`` is true where some members' dates of joining are recorded only as "by" a
    later day: ``member_count`` is then the members known on the day, a lower bound.

    ``region`` (an M49 region code) keeps organizations with at least one member there that day.
    """
    filters = filters or OrganizationFilters()
    # The last figure a cited record reported on or before the day: what is known where the
    # member list is not recorded (three indexed lookups per row of the page, no query per row).
    reported = ReportedMemberCount.objects.filter(
        organization=OuterRef("pk"), on__lte=as_of
    ).order_by("-on", "-counted_en")  # the unique index's order: no sort per row
    organizations = Organization.objects.annotate(
        member_count=_members_counted_on(as_of, OuterRef("pk")),
        count_uncertain=_count_is_lower_bound_on(as_of, OuterRef("pk")),
        reported_count=Subquery(reported.values("count")[:1]),
        reported_on=Subquery(reported.values("on")[:1]),
        reported_precision=Subquery(reported.values("precision")[:1]),
    ).select_related("headquarters_country")
    # Former names, so that each row shows the name in use on the day (one query per page).
    organizations = organizations.prefetch_related("former_names")
    if filters.kind:
        organizations = organizations.filter(kind=filters.kind)
    if filters.charter_basis:
        organizations = organizations.filter(charter_basis=filters.charter_basis)
    if filters.region:
        present = Membership.objects.filter(
            membership_in_force(as_of),
            organization=OuterRef("pk"),
            country__region_code=filters.region,
            status__in=COUNTED_AS_MEMBER,
        )
        organizations = organizations.filter(Exists(present))
    if filters.query:
        q = filters.query
        organizations = organizations.filter(
            Q(acronym__icontains=q) | matches(q, "name", "short_name")
        )
    return organizations.order_by(Lower(name_shown_on(as_of)), "acronym")


def name_shown_on(day: dt.date) -> Coalesce:
    """The name the list shows for each organization on ``day`` (``registry|name_on``): the former
    name in use that day, else the current one, in the reader's language (English where blank).
    The list is in the alphabetical order of this name, so what the reader sees is in order."""
    former = OrganizationName.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=day),
        organization=OuterRef("pk"),
        valid_until__gt=day,
    ).order_by("valid_until")
    return Coalesce(
        Subquery(
            former.annotate(
                shown=ExpressionWrapper(in_reader_language("name"), CharField())
            ).values_list("shown")[:1]
        ),
        in_reader_language("name"),
        output_field=CharField(),
    )


def organization_get(*, acronym: str) -> Organization:
    """The organization with its sources, former names and liaison history, or
    ``Organization.DoesNotExist``."""
    return (
        Organization.objects.select_related(
            "headquarters_country", "charter_basis_source", "kind_source", "membership_source"
        )
        .prefetch_related(
            Prefetch("former_names", queryset=OrganizationName.objects.select_related("source")),
            Prefetch(
                "liaison_appointments",
                queryset=LiaisonAppointment.objects.select_related("user").order_by(
                    "-started_on", "-id"
                ),
            ),
        )
        .get(acronym=acronym)
    )


def reported_counts(*, organization: Organization) -> QuerySet[ReportedMemberCount]:
    """The member figures cited records report for the organization, oldest first.

    Where the member list is recorded, each figure carries ``computed``: the count of members
    the list gives on the figure's day, so that a difference is shown rather than hidden.
    """
    # Oldest first, ties in the order organization_list reads them newest first.
    rows = organization.reported_counts.select_related("source").order_by("on", "counted_en")
    if not organization.membership_recorded:
        return rows
    # Where some members' joining dates are recorded only as "by" a later day, ``computed`` is
    # a lower bound (``computed_is_lower_bound``): no difference can be claimed from it.
    return rows.annotate(
        computed=_members_counted_on(OuterRef("on"), OuterRef("organization")),
        computed_is_lower_bound=_count_is_lower_bound_on(OuterRef("on"), OuterRef("organization")),
    )


def membership_list(
    *, organization: Organization, as_of: dt.date | None = None
) -> QuerySet[Membership]:
    """Memberships of one organization: all periods, or those in force on ``as_of``."""
    memberships = organization.memberships.select_related("country", "source")
    if as_of is not None:
        memberships = memberships.filter(membership_in_force(as_of))
    return memberships.order_by(in_reader_language("country__name"), "started_on")


@dataclass(frozen=True)
class RegionCount:
    code: str
    name: str
    members: int


def members_by_region(*, organization: Organization, as_of: dt.date) -> list[RegionCount]:
    """How many members the organization has in each M49 region on the day (for the footprint)."""
    rows = (
        organization.memberships.filter(membership_in_force(as_of), status__in=COUNTED_AS_MEMBER)
        .values("country__region_code", "country__region")
        .annotate(members=Count("id"))
        .order_by("-members", "country__region")
    )
    return [
        RegionCount(
            code=row["country__region_code"],
            name=region_name(row["country__region_code"], row["country__region"]),
            members=row["members"],
        )
        for row in rows
    ]


def region_choices() -> list[tuple[str, str]]:
    """The M49 regions of the recorded countries, named and ordered in the reader's language."""
    regions = (
        Country.objects.exclude(region_code="").values_list("region_code", "region").distinct()
    )
    named = [(code, region_name(code, stored)) for code, stored in regions]
    return sorted(named, key=lambda choice: choice[1])


def country_list(*, region: str = "") -> QuerySet[Country]:
    countries = Country.objects.all()
    if region:
        countries = countries.filter(region_code=region)
    return countries.order_by("alpha3")
