"""Reads for the signed-in home: what concerns the reader's organization, and what awaits the
secretariat's action. Every block is one query (plus the reading policy's own, fixed, lookups),
whatever the number of rows, and shows at most ``SHOWN`` rows with a link to the whole list.

Everything named here is named through the reading policy: documents and records through
``documents.access.readable_documents``, situations (plans, Article 54 notifications) through
``situations.selectors.readable_situations``, proposals through ``visible_proposals``; meetings,
invitations, decisions and agreements are shown only where the permission vocabulary lets the
reader see them at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db.models import Case, Count, F, OuterRef, Q, QuerySet, Subquery, Value, When

from interlock.agreements.models import Agreement
from interlock.core.access import can
from interlock.decisions.models import Indicator, ProposalStatus
from interlock.decisions.selectors import visible_proposals
from interlock.documents.access import readable_documents, readable_filter, reader_of, reader_terms
from interlock.documents.models import Document, DocumentText
from interlock.domain.implementation import REMIND_DAYS_BEFORE
from interlock.domain.permissions import Action, Role
from interlock.domain.sharing import AgreementTerms
from interlock.liaison.selectors import current_appointment
from interlock.meetings.models import Invitation, InvitationAnswer, RecordStatus
from interlock.meetings.selectors import records_readable
from interlock.registry.models import LiaisonAppointment, Organization
from interlock.situations.models import Notification, Plan, PlanStatus
from interlock.situations.selectors import notification_list, readable_situations

SHOWN = 10
# Agreements coming into force or expiring within this many days are announced.
AGREEMENT_HORIZON_DAYS = 90
# Without an earlier visit, "new" means shared within this many days.
FIRST_VISIT_DAYS = 30
# Why a document is listed as shared since the last visit (``shared_since``).
NEW, NEWLY_SHARED, NEW_VERSION = "new", "newly_shared", "new_version"

T = TypeVar("T")


@dataclass(frozen=True)
class Block(Generic[T]):
    """Up to ``SHOWN`` rows of a list, and whether it holds more."""

    rows: list[T]
    more: bool

    @classmethod
    def of(cls, queryset: QuerySet[Any] | list[Any]) -> Block[T]:
        found = list(queryset[: SHOWN + 1])
        return cls(found[:SHOWN], len(found) > SHOWN)


@dataclass(frozen=True)
class AgreementEvent:
    agreement: Agreement
    event: str  # "in_force_from" or "expires_at"
    on: dt.datetime
    other_party: Organization | None


@dataclass
class Home:
    organization: Organization
    liaison: LiaisonAppointment | None
    since: dt.datetime
    first_visit: bool
    is_secretariat: bool
    shared: Block[Document] | None = None
    agreements: Block[AgreementEvent] | None = None
    invitations: Block[Invitation] | None = None
    comment_rounds: Block[Any] | None = None
    reports: Block[Indicator] | None = None
    # The secretariat's actions.
    unanswered: Block[Invitation] | None = None
    dispositions: Block[Any] | None = None
    proposals: Block[Any] | None = None
    overdue: Block[Indicator] | None = None
    notifications: Block[Notification] | None = None
    plans: Block[Plan] | None = None
    may_answer: bool = False
    may_report: bool = False


def home_for(user: Any, *, since: dt.datetime | None, now: dt.datetime) -> Home:
    """The home of a signed-in ``user``: what was shared with their organization since ``since``
    (their previous visit; None on the first, then the last ``FIRST_VISIT_DAYS``), and what
    awaits them or, for the secretariat, the secretariat's action."""
    organization = user.organization
    home = Home(
        organization=organization,
        liaison=current_appointment(organization=organization),
        since=since or now - dt.timedelta(days=FIRST_VISIT_DAYS),
        first_visit=since is None,
        is_secretariat=user.role == Role.SECRETARIAT,
    )
    if can(user, Action.VIEW_AGREEMENTS):
        home.agreements = agreements_ahead(
            organization_id=None if home.is_secretariat else organization.pk, now=now
        )
    if home.is_secretariat:
        _secretariat_blocks(home, user, now=now)
    else:
        _organization_blocks(home, user, now=now)
    return home


def _organization_blocks(home: Home, user: Any, *, now: dt.datetime) -> None:
    organization_id = home.organization.pk
    # The reader's agreements, looked up once for every block that asks the reading policy.
    terms = reader_terms(reader_of(user))
    home.shared = shared_since(user, since=home.since, now=now, terms=terms)
    home.invitations = Block.of(
        _open_invitations(now)
        .filter(organization_id=organization_id)
        .order_by("meeting__starts_on", "pk")
    )
    home.may_answer = bool(can(user, Action.ANSWER_INVITATION, organization_id=organization_id))
    if can(user, Action.COMMENT_ON_RECORDS):
        home.comment_rounds = Block.of(
            records_readable(user, at=now, documents=readable_documents(user, at=now, terms=terms))
            .filter(
                status=RecordStatus.CIRCULATED,
                comment_deadline__gt=now,
                meeting__delegations__organization_id=organization_id,
            )
            .select_related("meeting__series")
            .order_by("comment_deadline", "pk")
        )
    home.reports = Block.of(
        _indicators()
        .filter(
            action__lead_id=organization_id,
            next_due_on__lte=now.date() + dt.timedelta(days=REMIND_DAYS_BEFORE),
        )
        .order_by("next_due_on", "pk")
    )
    home.may_report = bool(
        can(user, Action.SPEAK_FOR_ORGANIZATION, organization_id=organization_id)
    )


def _secretariat_blocks(home: Home, user: Any, *, now: dt.datetime) -> None:
    home.unanswered = Block.of(
        _open_invitations(now)
        .select_related("organization")
        .order_by("meeting__starts_on", "organization__acronym", "pk")
    )
    home.dispositions = Block.of(
        records_readable(user, at=now)
        .filter(status=RecordStatus.CIRCULATED, comment_deadline__lte=now)
        .annotate(undisposed=Count("comments", filter=Q(comments__disposition="")))
        .order_by("comment_deadline", "pk")
    )
    home.proposals = Block.of(
        visible_proposals(user)
        .filter(status=ProposalStatus.SUBMITTED)
        .select_related("organization")
        .order_by("created_at", "pk")
    )
    home.overdue = Block.of(
        _indicators()
        .filter(next_due_on__lt=now.date())
        .select_related("action__lead")
        .order_by("next_due_on", "pk")
    )
    home.notifications = Block.of(notification_list(user, at=now).filter(sent_at__isnull=True))
    home.plans = Block.of(
        Plan.objects.filter(
            status=PlanStatus.PROPOSED,
            situation__in=readable_situations(user, at=now).values("pk"),
        )
        .select_related("situation__owner")
        .order_by("proposed_at", "pk")
    )


def shared_since(
    user: Any, *, since: dt.datetime, now: dt.datetime, terms: list[AgreementTerms]
) -> Block[Document]:
    """Documents of other organizations that ``user`` may read now and that are news since
    ``since``, newest first, each with ``shared_as`` saying why: added since (``new``); older but
    readable only since, as an agreement came into force (``newly_shared``); or given a new
    version or language version since (``new_version``). ``terms``: the reader's agreements
    (``reader_terms``), which judge both instants with no further query."""
    reader = reader_of(user)
    added = Q(created_at__gt=since, created_at__lte=now)
    newly_shared = Q(created_at__lte=since) & ~readable_filter(reader, terms, since)
    versions = DocumentText.objects.filter(
        document_id=OuterRef("pk"), created_at__gt=since, created_at__lte=now
    ).order_by("-created_at")
    return Block.of(
        readable_documents(user, at=now, terms=terms)
        .exclude(owner_id=user.organization_id)
        .annotate(new_version_at=Subquery(versions.values("created_at")[:1]))
        .filter(added | newly_shared | Q(new_version_at__isnull=False))
        .annotate(
            shared_as=Case(
                When(added, then=Value(NEW)),
                When(newly_shared, then=Value(NEWLY_SHARED)),
                default=Value(NEW_VERSION),
            ),
            shared_at=Case(
                When(added, then=F("created_at")),
                When(newly_shared, then=Value(_came_into_force(terms, since=since, now=now))),
                default=F("new_version_at"),
            ),
        )
        .select_related("owner")
        .order_by("-shared_at", "-id")
    )


def _came_into_force(
    terms: list[AgreementTerms], *, since: dt.datetime, now: dt.datetime
) -> dt.datetime:
    """When the reader's documents last became newly readable: the latest of its agreements to
    come into force between the two instants (its most recent reason to announce one)."""
    return max(
        (t.in_force_from for t in terms if t.in_force_from and since < t.in_force_from <= now),
        default=since,
    )


def agreements_ahead(*, organization_id: int | None, now: dt.datetime) -> Block[AgreementEvent]:
    """Agreements (of the organization, or all) coming into force or expiring within
    ``AGREEMENT_HORIZON_DAYS``, soonest first (two queries); a terminated one announces nothing."""
    horizon = now + dt.timedelta(days=AGREEMENT_HORIZON_DAYS)
    agreements = Agreement.objects.filter(
        Q(terminated_at__isnull=True) | Q(terminated_at__gt=now)
    ).select_related("party_a", "party_b")
    if organization_id is not None:
        agreements = agreements.filter(
            Q(party_a_id=organization_id) | Q(party_b_id=organization_id)
        )
    events = []
    for event in ("in_force_from", "expires_at"):
        window = {f"{event}__gt": now, f"{event}__lte": horizon}
        for agreement in agreements.filter(**window).order_by(event, "pk")[: SHOWN + 1]:
            other = _other_party(agreement, organization_id)
            events.append(AgreementEvent(agreement, event, getattr(agreement, event), other))
    events.sort(key=lambda e: (e.on, e.agreement.pk))
    return Block(events[:SHOWN], len(events) > SHOWN)


def _other_party(agreement: Agreement, organization_id: int | None) -> Organization | None:
    if organization_id is None:
        return None
    return agreement.party_b if agreement.party_a_id == organization_id else agreement.party_a


def _open_invitations(now: dt.datetime) -> QuerySet[Invitation]:
    """Invitations not yet answered to meetings that have not ended."""
    return Invitation.objects.filter(
        answer=InvitationAnswer.PENDING, meeting__ends_on__gte=now.date()
    ).select_related("meeting__series")


def _indicators() -> QuerySet[Indicator]:
    return Indicator.objects.filter(next_due_on__isnull=False).select_related(
        "action__decision__meeting"
    )
