"""Reads of capacity-building plans. Whether a plan may be seen is the information-sharing
policy's answer (DESIGN.md §3), asked through ``documents.access``'s filter and per-item
decision, as for documents and situations. Each page is a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from interlock.capacity_building.models import CapacityPlan, Contribution, Milestone, Pillar
from interlock.core import references
from interlock.documents.access import (
    agreement_terms,
    decision_or_404,
    policy_filter,
    reader_of,
)
from interlock.domain import capacity
from interlock.domain.decisions import Decision
from interlock.domain.sharing import Item, Level


def readable_plans(user: Any, *, at: dt.datetime) -> QuerySet[CapacityPlan]:
    """Every plan ``user`` may see at the instant ``at``."""
    reader = reader_of(user)
    terms = agreement_terms(organization_id=reader.organization) if reader.organization else []
    return CapacityPlan.objects.filter(
        policy_filter(
            reader,
            terms,
            at,
            named=lambda organization: CapacityPlan.named_readers.through.objects.filter(
                capacityplan_id=OuterRef("pk"), organization_id=organization
            ),
            covered=lambda topics: CapacityPlan.topics.through.objects.filter(
                capacityplan_id=OuterRef("pk"), topic_id__in=topics
            ),
            owner="beneficiary",
        )
    )


def _facts(milestones: Any) -> list[capacity.MilestoneFacts]:
    return [capacity.MilestoneFacts(status=m.status, target_year=m.target_year) for m in milestones]


def percent(share: Any) -> int | None:
    """A share as a whole percentage, for the pages (None stays None: unknown)."""
    return None if share is None else round(share * 100)


@dataclass
class PlanRow:
    plan: CapacityPlan
    progress: capacity.Progress

    @property
    def low(self) -> int | None:
        return percent(self.progress.low)

    @property
    def high(self) -> int | None:
        return percent(self.progress.high)


def plan_list(user: Any, *, at: dt.datetime, beneficiary: int | None = None) -> list[PlanRow]:
    """Two queries whatever the number of plans: the plans, then their milestones' statuses."""
    plans = readable_plans(user, at=at).select_related("beneficiary", "source")
    if beneficiary is not None:
        plans = plans.filter(beneficiary_id=beneficiary)
    rows = list(plans.order_by("-start_year", "title_en", "pk"))
    return with_progress(rows, year=at.year)


def with_progress(plans: list[CapacityPlan], *, year: int) -> list[PlanRow]:
    statuses: dict[int, list[capacity.MilestoneFacts]] = defaultdict(list)
    if plans:
        for plan_id, status, target_year in Milestone.objects.filter(
            pillar__plan__in=[p.pk for p in plans]
        ).values_list("pillar__plan_id", "status", "target_year"):
            statuses[plan_id].append(capacity.MilestoneFacts(status, target_year))
    return [PlanRow(p, capacity.progress(statuses[p.pk], year=year)) for p in plans]


def item_of(plan: CapacityPlan) -> Item:
    return Item(
        owner=plan.beneficiary_id,
        level=Level.named(plan.classification),
        topics=frozenset(t.pk for t in plan.topics.all()),
        named=frozenset(o.pk for o in plan.named_readers.all()),
    )


def access_plan(user: Any, pk: int, *, at: dt.datetime) -> tuple[CapacityPlan, Decision]:
    """The plan and why the user may see it, or ``Http404``: a reader who may not see it learns
    nothing of it, not even that it exists."""
    plan = (
        CapacityPlan.objects.select_related("beneficiary", "source")
        .prefetch_related("topics", "named_readers")
        .filter(pk=pk)
        .first()
    )
    if plan is None:
        raise Http404
    return plan, decision_or_404(user, item_of(plan), at=at)


@dataclass
class PlanPage:
    """Everything the plan's page shows, read in a fixed number of queries."""

    pillars: list[Pillar]
    milestones: list[Milestone]
    contributions: list[Contribution]
    progress: capacity.Progress
    years: list[int | None]
    # Per pillar, its milestones by target year: {pillar id: {year: [milestone, …]}}.
    grid: dict[int, dict[int | None, list[Milestone]]]

    @property
    def low(self) -> int | None:
        return percent(self.progress.low)

    @property
    def high(self) -> int | None:
        return percent(self.progress.high)

    def rows(self) -> list[tuple[Pillar, list[tuple[int | None, list[Milestone]]]]]:
        """The timeline table: each pillar with its milestones in each year's column."""
        return [
            (pillar, [(year, self.grid.get(pillar.pk, {}).get(year, [])) for year in self.years])
            for pillar in self.pillars
        ]


def plan_page(user: Any, plan: CapacityPlan, *, at: dt.datetime) -> PlanPage:
    pillars = list(
        plan.pillars.prefetch_related("domains").select_related("source").order_by("position")
    )
    milestones = list(
        Milestone.objects.filter(pillar__plan=plan)
        .select_related("source")
        .order_by("pillar__position", "target_year", "pk")
    )
    # The evidence is a document of the library: named to each reader through the policy.
    references.attach_foreign(user, milestones, "evidence", at=at)
    contributions = list(
        plan.contributions.select_related("partner", "pillar", "source").order_by(
            "partner__short_name_en", "pk"
        )
    )
    p = capacity.progress(_facts(milestones), year=at.year)
    grid: dict[int, dict[int | None, list[Milestone]]] = {pillar.pk: {} for pillar in pillars}
    for m in milestones:
        grid.setdefault(m.pillar_id, {}).setdefault(m.target_year, []).append(m)
    return PlanPage(
        pillars=pillars,
        milestones=milestones,
        contributions=contributions,
        progress=p,
        years=[y.year for y in p.by_year],
        grid=grid,
    )


def plans_of(user: Any, organization_id: int, *, at: dt.datetime) -> list[PlanRow]:
    """The plans an organization benefits from or contributes to, that ``user`` may see: two
    queries whatever their number."""
    contributing = Contribution.objects.filter(partner_id=organization_id).values("plan_id")
    rows = list(
        readable_plans(user, at=at)
        .filter(Q(beneficiary_id=organization_id) | Q(pk__in=contributing))
        .select_related("beneficiary")
        .order_by("-start_year", "title_en", "pk")
    )
    return with_progress(rows, year=at.year)


def pillars_with_milestones(plan: CapacityPlan) -> QuerySet[Pillar]:
    return plan.pillars.prefetch_related(
        "domains", Prefetch("milestones", queryset=Milestone.objects.order_by("target_year", "pk"))
    ).order_by("position")
