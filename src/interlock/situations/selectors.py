"""Reads of situations. Whether a situation may be seen is the information-sharing policy's
answer (DESIGN.md §3), asked through ``documents.access``'s filter and per-item decision."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import F, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from interlock.documents.access import (
    agreement_terms,
    decision_or_404,
    policy_filter,
    reader_of,
)
from interlock.domain import engine, geography, peacebuilding
from interlock.domain.chapter_viii import Authorization as AuthorizationTerms
from interlock.domain.decisions import Decision
from interlock.domain.sharing import Item, Level
from interlock.reference import world
from interlock.registry.models import (
    COUNTED_AS_MEMBER,
    Membership,
    Organization,
    OrganizationKind,
)
from interlock.registry.selectors import membership_in_force
from interlock.situations.models import (
    AddressedTo,
    Capability,
    CapabilityDomain,
    ConfigurationSeat,
    Engagement,
    EngagementStatus,
    Notification,
    NotificationRevision,
    PeacebuildingConfiguration,
    Plan,
    Situation,
    Task,
)

STANDING = (EngagementStatus.ALERTED, EngagementStatus.STANDING_BY, EngagementStatus.ACTIVE)


def readable_situations(user: Any, *, at: dt.datetime) -> QuerySet[Situation]:
    """Every situation ``user`` may see at the instant ``at``."""
    reader = reader_of(user)
    terms = agreement_terms(organization_id=reader.organization) if reader.organization else []
    return Situation.objects.filter(
        policy_filter(
            reader,
            terms,
            at,
            named=lambda organization: Situation.named_readers.through.objects.filter(
                situation_id=OuterRef("pk"), organization_id=organization
            ),
            covered=lambda topics: Situation.topics.through.objects.filter(
                situation_id=OuterRef("pk"), topic_id__in=topics
            ),
        )
    )


def situation_list(user: Any, *, at: dt.datetime) -> QuerySet[Situation]:
    """One query plus one prefetch (the countries)."""
    return (
        readable_situations(user, at=at)
        .select_related("owner")
        .prefetch_related("countries")
        .order_by("-created_at", "-pk")
    )


def item_of(situation: Situation) -> Item:
    return Item(
        owner=situation.owner_id,
        level=Level.named(situation.classification),
        topics=frozenset(t.pk for t in situation.topics.all()),
        named=frozenset(o.pk for o in situation.named_readers.all()),
    )


def access_situation(user: Any, pk: int, *, at: dt.datetime) -> tuple[Situation, Decision]:
    """The situation and why the user may see it, or ``Http404``: a reader who may not see it
    learns nothing of it, not even that it exists."""
    situation = (
        Situation.objects.select_related("owner", "source")
        .prefetch_related("topics", "named_readers", "countries")
        .filter(pk=pk)
        .first()
    )
    if situation is None:
        raise Http404
    return situation, decision_or_404(user, item_of(situation), at=at)


def timeline(situation: Situation) -> QuerySet[Any]:
    return situation.timeline.select_related("source")


def authorizations(situation: Situation) -> QuerySet[Any]:
    return situation.authorizations.select_related("source").prefetch_related(
        "domains", "organizations"
    )


def tasks(situation: Situation) -> QuerySet[Task]:
    return situation.tasks.filter(withdrawn_at__isnull=True).select_related("domain", "country")


def engagements(situation: Situation) -> QuerySet[Engagement]:
    return situation.engagements.select_related(
        "organization", "task", "task__domain", "source"
    ).order_by("task_id", "role", "organization__short_name_en", "pk")


def plans(situation: Situation) -> QuerySet[Plan]:
    return situation.plans.select_related("proposed_by", "adopted_by")


def capability_list(*, organization: Organization | None = None) -> QuerySet[Capability]:
    capabilities = Capability.objects.select_related("organization", "domain")
    if organization is not None:
        capabilities = capabilities.filter(organization=organization)
    return capabilities.order_by("organization__short_name_en", "domain__name_en", "pk")


def notification_list(user: Any, *, at: dt.datetime) -> QuerySet[Notification]:
    """Pending first, then sent; only on situations the user may see, and (outside the
    secretariat) only those of the user's own organization."""
    notifications = Notification.objects.select_related(
        "engagement__organization", "engagement__situation", "sent_by"
    ).filter(engagement__situation__in=readable_situations(user, at=at).values("pk"))
    reader = reader_of(user)
    if reader.organization is None:
        return notifications.none()
    if not reader.is_secretariat:
        notifications = notifications.filter(engagement__organization_id=reader.organization)
    # Pending (not yet sent) first: NULLs of sent_at sort first on both databases this way.
    return notifications.order_by(F("sent_at").asc(nulls_first=True), "-drafted_at", "-pk")


def access_notification(user: Any, pk: int, *, at: dt.datetime) -> Notification:
    """One notification the user may see (as on the list), or ``Http404``."""
    notification = notification_list(user, at=at).filter(pk=pk).first()
    if notification is None:
        raise Http404
    return notification


def notification_texts(notification: Notification) -> list[dict[str, Any]]:
    """Each of the six languages' current text with its revisions, newest first (one query)."""
    from interlock.core.i18n import CONTENT_LANGUAGES, column

    revisions: dict[str, list[NotificationRevision]] = defaultdict(list)
    for revision in notification.revisions.select_related("edited_by").order_by(
        "language", "-number"
    ):
        revisions[revision.language].append(revision)
    return [
        {
            "language": language,
            "text": getattr(notification, column("text", language)) or "",
            "revisions": revisions[language],
        }
        for language in CONTENT_LANGUAGES
    ]


# --- the engine's world, read from the database ----------------------------------------------


def world_of(situation: Situation, *, day: dt.date) -> tuple[engine.World, bool]:
    """The engine's input for a situation on a day, and whether it rests on demo capabilities.

    A fixed number of queries whatever the size: tasks, capabilities, memberships in force,
    authorizations (with their domains), standing engagements.
    """
    task_rows = list(tasks(situation))
    capabilities = list(capability_list())
    members: dict[int, set[str]] = defaultdict(set)
    regions: dict[int, set[str]] = defaultdict(set)
    # A "region" is the M49 subregion (Caribbean, Eastern Africa, …): the M49 regions are
    # continents, and North America's OSCE members would make the OSCE "regional" to Haiti.
    for organization_id, country, region in Membership.objects.filter(
        membership_in_force(day), status__in=COUNTED_AS_MEMBER
    ).values_list("organization_id", "country_id", "country__subregion_code"):
        members[organization_id].add(country)
        if region:
            regions[organization_id].add(region)
    by_org: dict[int, list[Capability]] = defaultdict(list)
    for capability in capabilities:
        by_org[capability.organization_id].append(capability)
    organizations = tuple(
        engine.Organization(
            key=caps[0].organization.acronym,
            chapter_viii=caps[0].organization.acts_under_chapter_viii,
            members=frozenset(members[organization_id]),
            regions=frozenset(regions[organization_id]),
            capabilities=tuple(
                engine.Capability(
                    domain=c.domain_id,
                    effectiveness=float(c.effectiveness),
                    capacity=float(c.capacity),
                    unit=c.unit,
                    readiness_days=c.readiness_days,
                    reach=engine.Reach(c.reach),
                )
                for c in caps
            ),
        )
        for organization_id, caps in by_org.items()
    )
    world = engine.World(
        tasks=tuple(
            engine.Task(
                key=str(t.pk),
                domain=t.domain_id,
                amount=float(t.amount),
                unit=t.unit,
                priority=float(t.priority),
                country=t.country_id or "",
                region=t.country.subregion_code if t.country else "",
                enforcement=t.enforcement,
                needed_within_days=t.needed_within_days,
            )
            for t in task_rows
        ),
        organizations=organizations,
        authorizations=tuple(
            AuthorizationTerms(
                symbol=a.symbol,
                adopted_on=a.adopted_on,
                domains=frozenset(d.pk for d in a.domains.all()),
                # Addressed to all: no name narrows it. Named with no one left (an organization
                # removed from the registry) keeps a name no one holds: it authorizes no one.
                organizations=(
                    frozenset(o.acronym for o in a.organizations.all()) or frozenset({"—"})
                )
                if a.addressed_to == AddressedTo.NAMED
                else frozenset(),
                until=a.in_force_until,
            )
            for a in authorizations(situation)
        ),
        day=day,
        standing=frozenset(
            (str(task_id), acronym)
            for task_id, acronym in situation.engagements.filter(
                status__in=STANDING, task__isnull=False
            ).values_list("task_id", "organization__acronym")
        ),
    )
    return world, any(c.is_demo for c in capabilities)


def plan_as_json(plan: engine.Plan) -> dict[str, Any]:
    def reasons(items: tuple[engine.Reason, ...]) -> list[dict[str, Any]]:
        return [{"code": r.code.value, "params": r.values} for r in items]

    return {
        "assignments": [
            {
                "task": int(a.task),
                "organization": a.organization,
                "share": a.share,
                "role": a.role,
                "reasons": reasons(a.reasons),
            }
            for a in plan.assignments
        ],
        "gaps": [
            {"task": int(g.task), "share": g.share, "reasons": reasons(g.reasons)}
            for g in plan.gaps
        ],
        "flags": [
            {
                "task": int(f.task),
                "organizations": list(f.organizations),
                "reasons": reasons(f.reasons),
            }
            for f in plan.flags
        ],
    }


def organizations_by_acronym() -> dict[str, Organization]:
    return {o.acronym: o for o in Organization.objects.all()}


def latest_plan(situation: Situation) -> Plan | None:
    return plans(situation).first()


# --- pages: the plan with its reasons, and the what-if view -------------------------------------


def plan_rows(
    result: dict[str, Any], task_rows: list[Task], organizations: dict[str, Organization]
) -> list[dict[str, Any]]:
    """Each task with its lead, its supporting organizations (reasons in words) and its gap."""
    from interlock.situations.reasons import in_words

    rows: dict[int, dict[str, Any]] = {
        t.pk: {"task": t, "assignments": [], "gap": None, "flag": None} for t in task_rows
    }
    for a in result.get("assignments", []):
        if a["task"] in rows:
            rows[a["task"]]["assignments"].append(
                {
                    **a,
                    "org": organizations.get(a["organization"]),
                    "words": [in_words(r) for r in a["reasons"]],
                }
            )
    for g in result.get("gaps", []):
        if g["task"] in rows:
            rows[g["task"]]["gap"] = {**g, "words": [in_words(r) for r in g["reasons"]]}
    for f in result.get("flags", []):  # plans proposed before flags were kept have none
        if f["task"] in rows:
            rows[f["task"]]["flag"] = {**f, "words": [in_words(r) for r in f["reasons"]]}
    return list(rows.values())


def what_if(
    situation: Situation,
    *,
    day: dt.date,
    remove: str | None = None,
    capacity: tuple[str, str, float] | None = None,
    add: engine.Task | None = None,
) -> dict[str, Any]:
    """The current world's plan beside a changed world's, task by task. Nothing is stored."""
    world, demo = world_of(situation, day=day)
    changed = world
    if remove:
        changed = engine.without_organization(changed, remove)
    if capacity:
        changed = engine.with_capacity(changed, *capacity)
    if add is not None:
        changed = engine.with_task(changed, add)
    current, other = engine.solve(world), engine.solve(changed)

    def cell(plan: engine.Plan, key: str) -> dict[str, Any]:
        shares = [(a.organization, a.share, a.role) for a in plan.assignments if a.task == key]
        gap = next((g.share for g in plan.gaps if g.task == key), 0.0)
        return {"shares": shares, "gap": gap}

    names = {str(t.pk): t.description for t in tasks(situation)}
    keys = [t.key for t in sorted(changed.tasks, key=lambda t: t.key)]
    return {
        "rows": [
            {
                "task": names.get(key, key),
                "now": cell(current, key),
                "then": cell(other, key),
                "changed": cell(current, key) != cell(other, key),
            }
            for key in keys
        ],
        "objective_now": round(current.objective, 2),
        "objective_then": round(other.objective, 2),
        "demo": demo,
    }


# --- the Peacebuilding Commission's country configurations ------------------------------------

# Peacebuilding's capability domains: reconstruction and institution-building (A/RES/60/180, ¶2(b)),
# political dialogue and reconciliation, elections, human rights, disarmament and reintegration.
PEACEBUILDING_DOMAINS = (
    "mediation",
    "rule-of-law",
    "development-support",
    "electoral-assistance",
    "human-rights-monitoring",
    "disarmament-verification",
)


def configuration_list() -> QuerySet[PeacebuildingConfiguration]:
    """One query plus two prefetches (seats with their organizations; nothing per row)."""
    return PeacebuildingConfiguration.objects.select_related(
        "country", "situation"
    ).prefetch_related(
        Prefetch("seats", queryset=ConfigurationSeat.objects.select_related("organization"))
    )


def seat_proposals(
    configuration: PeacebuildingConfiguration, *, day: dt.date
) -> tuple[peacebuilding.SeatProposal, ...]:
    """The engine's input read in a fixed number of queries: regional and subregional
    organizations, their memberships in force, their peacebuilding capabilities, and their
    standing engagements in the situation the configuration follows."""
    country = configuration.country
    regional = Organization.objects.filter(
        kind__in=(OrganizationKind.REGIONAL, OrganizationKind.SUBREGIONAL)
    )
    members: dict[int, set[str]] = defaultdict(set)
    regions: dict[int, set[str]] = defaultdict(set)
    for organization_id, member, region in Membership.objects.filter(
        membership_in_force(day), status__in=COUNTED_AS_MEMBER, organization__in=regional
    ).values_list("organization_id", "country_id", "country__subregion_code"):
        members[organization_id].add(member)
        if region:
            regions[organization_id].add(region)
    effectiveness: dict[int, dict[str, float]] = defaultdict(dict)
    for organization_id, domain, value in Capability.objects.filter(
        organization__in=regional, domain_id__in=PEACEBUILDING_DOMAINS
    ).values_list("organization_id", "domain_id", "effectiveness"):
        effectiveness[organization_id][domain] = float(value)
    roles: dict[int, list[str]] = defaultdict(list)
    if configuration.situation_id:
        for organization_id, role in Engagement.objects.filter(
            situation_id=configuration.situation_id, status__in=STANDING
        ).values_list("organization_id", "role"):
            roles[organization_id].append(role)
    candidates = [
        peacebuilding.Candidate(
            key=o.acronym,
            regional=True,
            members=frozenset(members[o.pk]),
            regions=frozenset(regions[o.pk]),
            engaged_roles=tuple(roles[o.pk]),
            effectiveness=effectiveness[o.pk],
        )
        for o in regional
    ]
    return peacebuilding.propose_seats(
        candidates, country=country.pk, region=country.subregion_code
    )


def seat_rows(configuration: PeacebuildingConfiguration) -> list[dict[str, Any]]:
    """Each seat with its reasons in words (the seats are prefetched)."""
    name_seat_reasons([configuration])
    return [
        {"seat": seat, "words": [r["words"] for r in seat.shown_reasons]}  # type: ignore[attr-defined]
        for seat in configuration.seats.all()
    ]


def name_seat_reasons(
    configurations: list[PeacebuildingConfiguration],
) -> list[PeacebuildingConfiguration]:
    """Give each prefetched seat ``shown_reasons``: every stored reason (code and params, keys
    as stored) with ``names`` (its keys' names in the reader's language) and ``words`` (the
    sentence made with them). One query (the domains' names), whatever the number of seats."""
    from interlock.situations.reasons import seat_in_words, seat_names

    domains = domain_names()
    for configuration in configurations:
        countries = {configuration.country_id: configuration.country.name}
        for seat in configuration.seats.all():
            shown = []
            for reason in seat.reasons:
                names = seat_names(reason, domains, countries)
                shown.append({**reason, "names": names, "words": seat_in_words(reason, names)})
            seat.shown_reasons = shown  # type: ignore[attr-defined]
    return configurations


def seats_rest_on_demo_data(configuration: PeacebuildingConfiguration) -> bool:
    """Whether a seat's comparative advantage is read from a demo capability (pages say so)."""
    cited = {
        (seat.organization_id, str(r["params"].get("domain")))
        for seat in configuration.seats.all()
        for r in seat.reasons
        if r.get("code") == peacebuilding.SeatCode.COMPARATIVE_ADVANTAGE
    }
    if not cited:
        return False
    demo = Capability.objects.filter(
        is_demo=True, organization_id__in={o for o, _ in cited}
    ).values_list("organization_id", "domain_id")
    return any(pair in cited for pair in demo)


def domain_names() -> dict[str, str]:
    """Each capability domain's name in the reader's language (English where none is stored)."""
    return {d.pk: d.name for d in CapabilityDomain.objects.all()}


# --- the situation's map: its countries and the engaged organizations' headquarters ------------

# Stronger first: an organization with several engagements is drawn by its strongest role and
# its most engaged status (the legend and the table name every one).
ROLE_ORDER = ("lead", "partner", "support")
STATUS_ORDER = ("active", "standing_by", "alerted", "unable_to_act", "deactivated")
MARKER_RADIUS = 16


def situation_map(situation: Situation, engagement_rows: list[Engagement]) -> dict[str, Any]:
    """What the situation's map draws, from rows already read (no query of its own): the
    situation's countries (prefetched) and the engagements the page's table lists, which are
    the ones the reader may see. Each engaged organization gets a number, a marker at its
    headquarters where the city is located (``reference/data/headquarters_places.csv``), and a
    line from there to the situation."""
    rings, paths = world.country_rings(), world.country_paths()
    countries = list(situation.countries.all())
    anchored = [(c, geography.anchor(rings.get(c.pk, []))) for c in countries]
    anchors = [a for _, a in anchored if a]
    # Where the lines end (longitude, latitude): the mean of the countries' anchors.
    centre = (
        (sum(a[0] for a in anchors) / len(anchors), sum(a[1] for a in anchors) / len(anchors))
        if anchors
        else None
    )
    target = world.FRAME.at(*centre) if centre else None
    by_org: dict[int, list[Engagement]] = defaultdict(list)
    for e in engagement_rows:
        by_org[e.organization_id].append(e)
    places, place_rows = world.headquarters_places(), world.headquarters_rows()
    organizations: list[dict[str, Any]] = []
    for number, rows in enumerate(by_org.values(), start=1):
        organization = rows[0].organization
        key = (organization.headquarters_city, organization.headquarters_country_id or "")
        place = places.get(key)
        organizations.append(
            {
                "number": number,
                "organization": organization,
                # Where the marker stands (longitude, latitude) and the row that cites it.
                "place": place,
                "place_row": place_rows.get(key),
                "role": min((e.role for e in rows), key=ROLE_ORDER.index),
                "status": min((e.status for e in rows), key=STATUS_ORDER.index),
                "parts": [
                    (e.get_role_display(), e.get_status_display())
                    for e in sorted(
                        {(e.role, e.status): e for e in rows}.values(),
                        key=lambda e: (ROLE_ORDER.index(e.role), STATUS_ORDER.index(e.status)),
                    )
                ],
                "home": world.FRAME.at(*place) if place else None,
            }
        )
    located = [o for o in organizations if o["home"]]
    # Markers grow to a radius of 16 units at phone width (interlock.css): set apart by that.
    markers = geography.spread([o["home"] for o in located], MARKER_RADIUS)
    for o, marker in zip(located, markers, strict=True):
        o["marker"] = marker
        o["line"] = geography.arc(marker, target) if target else None
    # Lines under markers, the strongest drawn last (on top).
    lines = sorted(
        (o for o in located if o["line"]),
        key=lambda o: (-ROLE_ORDER.index(o["role"]), -STATUS_ORDER.index(o["status"])),
    )
    return {
        "view_box": world.FRAME.view_box,
        "land": world.land_path(),
        "highlighted": [{"country": c, "d": paths[c.pk]} for c in countries if c.pk in paths],
        "not_drawn": [c for c in countries if c.pk not in paths],
        "countries": [{"country": c, "anchor": a} for c, a in anchored],
        "centre": centre,
        "target": target,
        "organizations": organizations,
        "lines": lines,
        "markers": located,
        "unlocated": [o for o in organizations if not o["home"]],
        "attribution": map_attribution(),
        "attribution_html": map_attribution(html=True),
        "sources": MAP_SOURCES,
    }


# The rows of sources.csv the map is drawn from: country shapes, headquarters places.
MAP_SOURCES = ("natural-earth-110m", "geonames-cities15000")
MAP_CREDITS = {"natural_earth": "Natural Earth", "geonames": "GeoNames (CC BY 4.0)"}


def map_attribution(*, html: bool = False) -> str:
    """The map's credits and the UN's map disclaimer in the reader's language. In HTML the
    sources' Latin names are isolated (``<bdi>``) so that a right-to-left sentence keeps their
    parentheses in place."""
    message = _(
        "Country shapes: %(natural_earth)s (public domain); headquarters: %(geonames)s. The "
        "boundaries and names shown and the designations used on this map do not imply "
        "official endorsement or acceptance by the United Nations."
    )
    if not html:
        return message % MAP_CREDITS
    isolated = {key: format_html("<bdi>{}</bdi>", name) for key, name in MAP_CREDITS.items()}
    return mark_safe(conditional_escape(message) % isolated)  # noqa: S308 - escaped above
