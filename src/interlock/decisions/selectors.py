"""Reads of proposals, decisions and their implementation. Every list is one query plus a fixed
number of prefetches; the monitor's figures are aggregates computed here, not in templates."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncMonth

from interlock.decisions.models import (
    STATUS_CHOICES,
    Action,
    Decision,
    Indicator,
    Modification,
    ProgressReport,
    Proposal,
    ProposalStatus,
    ReportState,
    Support,
)
from interlock.domain.implementation import REMIND_DAYS_BEFORE, Rollup, Status, rollup
from interlock.domain.permissions import Role


def _is_secretariat(user: Any) -> bool:
    return getattr(user, "role", None) == Role.SECRETARIAT


def visible_proposals(user: Any) -> QuerySet[Proposal]:
    """Proposals the user may see (who may see proposals at all is asked of the permission
    vocabulary first): a draft only by its own organization and the secretariat."""
    proposals = Proposal.objects.all()
    if _is_secretariat(user):
        return proposals
    return proposals.filter(
        ~Q(status=ProposalStatus.DRAFT) | Q(organization_id=user.organization_id)
    )


def proposal_list(user: Any, *, status: str = "") -> QuerySet[Proposal]:
    proposals = visible_proposals(user).select_related("organization", "working_group", "meeting")
    if status:
        proposals = proposals.filter(status=status)
    return proposals.annotate(
        support_count=Count("supports", distinct=True),
        modification_count=Count("modifications", distinct=True),
    ).order_by("-created_at", "-id")


def proposal_get(user: Any, *, pk: int) -> Proposal:
    return (
        visible_proposals(user)
        .select_related("organization", "working_group", "meeting", "source")
        .prefetch_related(
            Prefetch(
                "modifications",
                queryset=Modification.objects.select_related("organization", "proposed_by"),
            ),
            Prefetch("supports", queryset=Support.objects.select_related("organization")),
            Prefetch("decisions", queryset=Decision.objects.select_related("meeting")),
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class DecisionFilters:
    meeting: int | None = None
    organization: int | None = None
    status: str = ""
    topic: str = ""
    overdue: bool = False


def decision_list(*, filters: DecisionFilters | None = None, today: dt.date) -> QuerySet[Decision]:
    """Decisions with their actions (for the roll-up) in two queries, whatever their number."""
    filters = filters or DecisionFilters()
    decisions = Decision.objects.select_related("meeting", "source", "superseded_by__meeting")
    if filters.meeting:
        decisions = decisions.filter(meeting__number=filters.meeting)
    if filters.organization:
        decisions = decisions.filter(
            Q(actions__lead_id=filters.organization)
            | Q(actions__supporting__id=filters.organization)
        )
    if filters.status:
        decisions = decisions.filter(actions__status=filters.status)
    if filters.topic:
        decisions = decisions.filter(topics__key=filters.topic)
    if filters.overdue:
        decisions = decisions.filter(actions__indicators__next_due_on__lt=today)
    if filters.organization or filters.status or filters.topic or filters.overdue:
        decisions = decisions.distinct()
    return with_progress(decisions.order_by("meeting__number", "number"), today=today)


def with_progress(decisions: QuerySet[Decision], *, today: dt.date) -> QuerySet[Decision]:
    """Each decision with its overdue indicators counted and its actions prefetched for the
    roll-up: one query more, whatever the number of decisions."""
    # A correlated subquery, not a join and GROUP BY: the database counts for the rows of the
    # page only, and counting the rows for the paginator needs no aggregate at all (at 50,000
    # decisions the GROUP BY made the list page take seconds).
    overdue = (
        Indicator.objects.filter(action__decision=OuterRef("pk"), next_due_on__lt=today)
        .order_by()
        .values("action__decision")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return decisions.annotate(
        overdue_count=Coalesce(Subquery(overdue, output_field=IntegerField()), 0)
    ).prefetch_related(
        Prefetch("actions", queryset=Action.objects.only("id", "decision_id", "status", "progress"))
    )


def progress_of_decision(decision: Decision) -> Rollup:
    """From the prefetched actions: no query."""
    return rollup([(Status(a.status), a.progress) for a in decision.actions.all()])


def decision_get(*, meeting: int, number: int) -> Decision:
    return (
        Decision.objects.select_related("meeting", "source", "proposal", "superseded_by__meeting")
        .prefetch_related(
            "topics",
            Prefetch("related", queryset=Decision.objects.select_related("meeting")),
            Prefetch("supersedes", queryset=Decision.objects.select_related("meeting")),
            Prefetch(
                "actions",
                queryset=Action.objects.select_related("lead").prefetch_related(
                    "supporting",
                    Prefetch(
                        "indicators",
                        queryset=Indicator.objects.prefetch_related(
                            Prefetch(
                                "reports",
                                queryset=ProgressReport.objects.select_related(
                                    "organization", "author"
                                ),
                            )
                        ),
                    ),
                ),
            ),
        )
        .get(meeting__number=meeting, number=number)
    )


def visible_reports(user: Any, reports: list[ProgressReport]) -> list[ProgressReport]:
    """Drafts are their organization's own; submitted and archived reports are read by every
    participant; the anonymous public reads none (the monitor shows it their aggregate)."""
    if not getattr(user, "is_authenticated", False):
        return []
    if _is_secretariat(user):
        return reports
    return [
        r
        for r in reports
        if r.state != ReportState.DRAFT or r.organization_id == user.organization_id
    ]


@dataclass
class Monitor:
    """The standing committee's implementation monitor (¶7c), as figures and chart data."""

    today: dt.date
    status_counts: list[tuple[str, str, int]]  # (status, its label, actions)
    by_organization: list[tuple[Any, list[int]]]  # counts in the order of status_counts
    by_meeting: list[tuple[int, list[int]]]
    by_group: list[tuple[str, list[int]]]
    by_topic: list[tuple[str, list[int]]]
    overdue: list[Indicator]
    due_soon: list[Indicator]
    reports_by_month: list[tuple[dt.date, int]]
    month_bars: list[tuple[dt.date, int, float]] = field(default_factory=list)
    total_actions: int = 0
    decisions: int = 0
    overdue_count: int = 0  # all of them; ``overdue`` lists the first ones
    due_soon_count: int = 0
    bars: list[dict[str, Any]] = field(default_factory=list)


STATUS_ORDER = [s.value for s in Status]


def _grouped(rows: Any, key: str) -> dict[Any, list[int]]:
    """``{key: [actions in each status, in STATUS_ORDER]}`` from aggregate rows."""
    grouped: dict[Any, Counter[str]] = defaultdict(Counter)
    for row in rows:
        grouped[row[key]][row["status"]] += row["n"]
    return {k: [counts[s] for s in STATUS_ORDER] for k, counts in grouped.items()}


def monitor(*, today: dt.date, meeting: int | None = None, overdue_limit: int = 50) -> Monitor:
    """Implementation by status, organization, meeting, working group and topic; what is overdue
    and due soon; submitted reports by month. A fixed number of aggregate queries."""
    from interlock.registry.models import Organization

    actions = Action.objects.all()
    if meeting:
        actions = actions.filter(decision__meeting__number=meeting)
    by_status = dict(actions.values_list("status").annotate(n=Count("id")).order_by())
    labels = dict(STATUS_CHOICES)
    status_counts = [(s, str(labels[s]), by_status.get(s, 0)) for s in STATUS_ORDER]
    org_rows = _grouped(
        actions.values("lead_id", "status").annotate(n=Count("id")).order_by(), "lead_id"
    )
    organizations = Organization.objects.in_bulk(list(org_rows))
    meeting_rows = _grouped(
        actions.values("status", number=F("decision__meeting__number"))
        .annotate(n=Count("id"))
        .order_by(),
        "number",
    )
    group_rows = _grouped(
        actions.filter(decision__proposal__working_group__isnull=False)
        .values("status", group=F("decision__proposal__working_group__name_en"))
        .annotate(n=Count("id"))
        .order_by(),
        "group",
    )
    topic_rows = _grouped(
        actions.filter(decision__topics__isnull=False)
        .values("status", topic=F("decision__topics__key"))
        .annotate(n=Count("id", distinct=True))
        .order_by(),
        "topic",
    )
    indicators = Indicator.objects.select_related("action__lead", "action__decision__meeting")
    if meeting:
        indicators = indicators.filter(action__decision__meeting__number=meeting)
    overdue_indicators = indicators.filter(next_due_on__lt=today)
    soon_indicators = indicators.filter(
        next_due_on__gte=today, next_due_on__lte=today + dt.timedelta(days=REMIND_DAYS_BEFORE)
    )
    overdue = list(overdue_indicators.order_by("next_due_on")[:overdue_limit])
    due_soon = list(soon_indicators.order_by("next_due_on")[:overdue_limit])
    reports = ProgressReport.objects.filter(state=ReportState.SUBMITTED)
    if meeting:
        reports = reports.filter(indicator__action__decision__meeting__number=meeting)
    by_month = [
        (row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"], row["n"])
        for row in reports.annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .annotate(n=Count("id"))
        .order_by("month")
    ]
    decisions = Decision.objects.filter(meeting__number=meeting) if meeting else Decision.objects
    result = Monitor(
        today=today,
        status_counts=status_counts,
        by_organization=sorted(
            ((organizations[pk], counts) for pk, counts in org_rows.items()),
            key=lambda pair: pair[0].short_name_en,
        ),
        by_meeting=sorted(meeting_rows.items()),
        by_group=sorted(group_rows.items()),
        by_topic=sorted(topic_rows.items()),
        overdue=overdue,
        due_soon=due_soon,
        reports_by_month=by_month[-24:],
        total_actions=sum(by_status.values()),
        decisions=decisions.count(),
        overdue_count=overdue_indicators.count(),
        due_soon_count=soon_indicators.count(),
    )
    top = max((n for *_, n in status_counts), default=0) or 1
    result.bars = [
        {"status": status, "label": label, "count": n, "width": round(100 * n / top, 1)}
        for status, label, n in status_counts
    ]
    busiest = max((n for _, n in result.reports_by_month), default=0) or 1
    result.month_bars = [(m, n, round(100 * n / busiest, 1)) for m, n in result.reports_by_month]
    return result


def sent_reminders(indicator_ids: list[int]) -> dict[int, list[Any]]:
    """The reminders already sent about each indicator, as (due date, kind) (one query on the
    project's reminder records, ``core.ReminderSent``)."""
    from interlock.core.models import ReminderSent
    from interlock.decisions.reminders import REMINDER_OF

    sent: dict[int, list[Any]] = {}
    for target_id, kind, occasion in ReminderSent.objects.filter(
        target_type=Indicator._meta.label_lower,
        target_id__in=[str(pk) for pk in indicator_ids],
        kind__in=list(REMINDER_OF),
    ).values_list("target_id", "kind", "occasion"):
        sent.setdefault(int(target_id), []).append(
            (dt.date.fromisoformat(occasion), REMINDER_OF[kind])
        )
    return sent


def owed_reminders(*, today: dt.date) -> list[tuple[Indicator, list[Any]]]:
    """Indicators with a reminder owed today (30 days before a due date, or overdue)."""
    from interlock.decisions.services import due_dates
    from interlock.domain.implementation import reminders_owed

    horizon = today + dt.timedelta(days=REMIND_DAYS_BEFORE)
    indicators = (
        Indicator.objects.filter(next_due_on__lte=horizon)
        .select_related("action__lead", "action__decision__meeting")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=ProgressReport.objects.filter(state=ReportState.SUBMITTED),
                to_attr="submitted",
            ),
        )
    )
    owed: list[tuple[Indicator, list[Any]]] = []
    sent = sent_reminders([i.pk for i in indicators])
    for indicator in indicators:
        pending = reminders_owed(
            due_dates(indicator),
            submitted=[r.due_on for r in indicator.submitted],
            sent=sent.get(indicator.pk, []),
            today=today,
        )
        if pending:
            owed.append((indicator, pending))
    return owed


@dataclass(frozen=True)
class CarriedDecision:
    decision: Decision
    progress: Rollup
    overdue: int  # indicators with a report past its due date


@dataclass(frozen=True)
class CarryForward:
    """A meeting's decisions still open, for the next meeting's preparation (¶10): grouped by
    where they stand, least advanced first, with the reports that are overdue."""

    groups: list[tuple[str, str, list[CarriedDecision]]]  # (status, its label, decisions)
    overdue: list[Indicator]
    more_overdue: bool  # more overdue reports than those listed

    @property
    def count(self) -> int:
        return sum(len(rows) for *_, rows in self.groups)


def carried_forward(
    user: Any, *, meeting: Any, today: dt.date, overdue_limit: int = 50
) -> CarryForward | None:
    """The open (not completed) decisions of ``meeting`` that are not superseded, or ``None``
    when the reader may not see decisions. Three queries, whatever the number of decisions."""
    from interlock.core.access import can
    from interlock.domain.implementation import decision_status, is_open
    from interlock.domain.permissions import Action as Can

    if not can(user, Can.VIEW_DECISIONS):
        return None
    decisions = with_progress(
        Decision.objects.filter(meeting=meeting, superseded_by__isnull=True)
        .select_related("meeting")
        .order_by("number"),
        today=today,
    )
    grouped: dict[str, list[CarriedDecision]] = defaultdict(list)
    for decision in decisions:
        status = decision_status(Status(a.status) for a in decision.actions.all())
        if not is_open(status):
            continue
        grouped[status].append(
            CarriedDecision(
                decision, progress_of_decision(decision), getattr(decision, "overdue_count", 0)
            )
        )
    labels = dict(STATUS_CHOICES)
    groups = [(s, str(labels[s]), grouped[s]) for s in STATUS_ORDER if grouped.get(s)]
    # Overdue reports of work still open: a completed or discontinued action owes none.
    overdue = list(
        Indicator.objects.filter(
            action__decision__meeting=meeting,
            action__decision__superseded_by__isnull=True,
            next_due_on__lt=today,
        )
        .exclude(action__status__in=[Status.COMPLETED, Status.DISCONTINUED])
        .select_related("action__lead", "action__decision__meeting")
        .order_by("next_due_on", "id")[: overdue_limit + 1]
    )
    return CarryForward(groups, overdue[:overdue_limit], len(overdue) > overdue_limit)


def action_list(
    *, decision: tuple[int, int] | None = None, organization: int | None = None, status: str = ""
) -> QuerySet[Action]:
    """Actions with their decision, lead, supporting organizations and indicators: one query
    and two prefetches, whatever their number."""
    actions = Action.objects.select_related("lead", "decision__meeting")
    if decision:
        actions = actions.filter(
            decision__meeting__number=decision[0], decision__number=decision[1]
        )
    if organization:
        actions = actions.filter(
            Q(lead_id=organization) | Q(supporting__id=organization)
        ).distinct()
    if status:
        actions = actions.filter(status=status)
    return actions.prefetch_related("supporting", "indicators").order_by(
        "decision__meeting__number", "decision__number", "id"
    )


def indicator_list(
    *, organization: int | None = None, overdue: bool = False, today: dt.date
) -> QuerySet[Indicator]:
    """Indicators with their action, lead and decision, soonest due first: one query."""
    indicators = Indicator.objects.select_related("action__lead", "action__decision__meeting")
    if organization:
        indicators = indicators.filter(action__lead_id=organization)
    if overdue:
        indicators = indicators.filter(next_due_on__lt=today)
    return indicators.order_by(F("next_due_on").asc(nulls_last=True), "id")


def indicator_get(*, pk: int) -> Indicator:
    return (
        Indicator.objects.select_related("action__lead", "action__decision__meeting")
        .prefetch_related(
            Prefetch("reports", queryset=ProgressReport.objects.select_related("organization"))
        )
        .get(pk=pk)
    )
