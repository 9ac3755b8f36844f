"""The division of labour by comparative advantage (DESIGN.md §4), as a linear programme.

Comparative advantage is relative: an organization should take the tasks at which it is
*relatively* strongest, given what else its capacity could do. The programme says exactly that,
and its dual values (the shadow prices of capacities) give the opportunity cost that explains it.

Variables ``x[t, o]`` ∈ [0, 1]: the share of task t given to organization o, created only where
the organization may act (mandate = a capability in the task's domain in the task's unit; reach;
readiness; Article 53). Maximize::

    Σ priority_t × amount_t × (effectiveness_o,d + regional bonus − switching cost) × x[t, o]

subject to Σ_o x[t, o] ≤ 1 for every task (the remainder is a reported gap) and
Σ_t amount_t × x[t, o] ≤ capacity_o,d for every organization and domain. Solved by HiGHS
(``scipy.optimize.linprog``); no hand-written solver.

Everything the engine says is a :class:`Reason` (a code and its numbers), so pages translate it.
Bad input never raises: a task with a bad amount, a capability in the wrong unit, a world where no
one can act, all come back as gaps with their reasons. Same input → same plan: tasks and
organizations are put in a stable order before the model is built.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix

from interlock.domain.chapter_viii import (
    Authorization,
    Shortfall,
    article_53,
    authorizing,
    shortfall,
    uncited,
)

# A share below this is the solver's noise, not an assignment.
EPSILON = 1e-7


class Reach(StrEnum):
    MEMBERS_ONLY = "members_only"
    REGION = "region"
    GLOBAL = "global"


class Code(StrEnum):
    """What a reason says; pages hold one sentence per code, filled with the reason's numbers."""

    # Why an organization was given (a share of) a task.
    RELATIVE_EFFECTIVENESS = "relative_effectiveness"
    ONLY_ONE_ABLE = "only_one_able"
    REGIONAL_OWNERSHIP = "regional_ownership"
    CAPACITY_SHADOW_PRICE = "capacity_shadow_price"
    CAPACITY_SPARE = "capacity_spare"
    STANDING_ENGAGEMENT = "standing_engagement"
    AUTHORIZED = "authorized"
    # Why (part of) a task is a gap.
    INVALID_AMOUNT = "invalid_amount"
    NO_CAPABILITY = "no_capability"
    WRONG_UNIT = "wrong_unit"
    INVALID_CAPABILITY = "invalid_capability"
    OUT_OF_REACH = "out_of_reach"
    NOT_READY = "not_ready"
    ARTICLE_53 = "article_53"
    UNCITED_AUTHORIZATION = "uncited_authorization"
    AUTHORIZATION_NOT_IN_FORCE = "authorization_not_in_force"
    AUTHORIZATION_NOT_NAMING = "authorization_not_naming"
    AUTHORIZATION_OTHER_DOMAINS = "authorization_other_domains"
    CAPACITY_EXHAUSTED = "capacity_exhausted"
    NOT_WORTHWHILE = "not_worthwhile"
    SOLVER_FAILED = "solver_failed"


Param = str | float | int


@dataclass(frozen=True)
class Reason:
    code: Code
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, code: Code, **params: Param) -> Reason:
        return cls(code, tuple(sorted(params.items())))

    @property
    def values(self) -> dict[str, Param]:
        return dict(self.params)


@dataclass(frozen=True)
class Task:
    key: str
    domain: str
    amount: float
    unit: str
    priority: float = 1.0
    country: str = ""
    region: str = ""
    enforcement: bool = False
    needed_within_days: int | None = None


@dataclass(frozen=True)
class Capability:
    domain: str
    effectiveness: float
    capacity: float
    unit: str
    readiness_days: int = 0
    reach: Reach = Reach.GLOBAL

    @property
    def valid(self) -> bool:
        return (
            math.isfinite(self.effectiveness)
            and 0.0 <= self.effectiveness <= 1.0
            and math.isfinite(self.capacity)
            and self.capacity >= 0.0
        )


@dataclass(frozen=True)
class Organization:
    key: str
    chapter_viii: bool = False
    members: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    capabilities: tuple[Capability, ...] = ()

    def capability(self, domain: str) -> Capability | None:
        return next((c for c in self.capabilities if c.domain == domain), None)


@dataclass(frozen=True)
class World:
    tasks: tuple[Task, ...]
    organizations: tuple[Organization, ...]
    authorizations: tuple[Authorization, ...] = ()
    # (task key, organization key) of engagements already standing: leaving them costs.
    standing: frozenset[tuple[str, str]] = frozenset()
    # In units of effectiveness: Article 52(2)'s preference, and the cost of switching away.
    regional_bonus: float = 0.1
    switching_cost: float = 0.05
    # The day the plan is for: Article 53 counts only the authorizations in force on it (None: all
    # recorded ones, whatever their dates).
    day: dt.date | None = None


@dataclass(frozen=True)
class Assignment:
    task: str
    organization: str
    share: float
    role: str  # "lead" or "support"
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Gap:
    task: str
    share: float  # the uncovered share of the task, 0..1
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Flag:
    """Article 53: organizations acting under Chapter VIII that hold the capability for an
    enforcement task but may not take it, and why each recorded authorization falls short."""

    task: str
    organizations: tuple[str, ...]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Plan:
    assignments: tuple[Assignment, ...]
    gaps: tuple[Gap, ...]
    objective: float
    greedy_objective: float
    flags: tuple[Flag, ...] = ()
    build_seconds: float = 0.0
    solve_seconds: float = 0.0
    variables: int = 0
    constraints: int = 0
    # Shadow price of each (organization, domain) capacity: objective gained per extra unit.
    shadow_prices: Mapping[tuple[str, str], float] = field(default_factory=dict)

    def lead(self, task: str) -> str | None:
        return next(
            (a.organization for a in self.assignments if a.task == task and a.role == "lead"),
            None,
        )

    def share_of(self, task: str, organization: str) -> float:
        return sum(
            a.share for a in self.assignments if a.task == task and a.organization == organization
        )


# --- what-if -------------------------------------------------------------------------------


def without_organization(world: World, key: str) -> World:
    return replace(world, organizations=tuple(o for o in world.organizations if o.key != key))


def with_capacity(world: World, organization: str, domain: str, capacity: float) -> World:
    def changed(org: Organization) -> Organization:
        if org.key != organization:
            return org
        caps = tuple(
            replace(c, capacity=capacity) if c.domain == domain else c for c in org.capabilities
        )
        return replace(org, capabilities=caps)

    return replace(world, organizations=tuple(changed(o) for o in world.organizations))


def with_task(world: World, task: Task) -> World:
    return replace(world, tasks=(*world.tasks, task))


# --- the model -----------------------------------------------------------------------------


@dataclass
class _Model:
    tasks: list[Task]
    orgs: list[Organization]
    pair_task: np.ndarray  # index into tasks, one per variable
    pair_org: np.ndarray  # index into orgs
    value: np.ndarray  # objective coefficient (to maximize)
    regional: np.ndarray  # bool
    standing: np.ndarray  # bool
    effectiveness: np.ndarray
    cap_row: np.ndarray  # index of the capacity row of each variable
    cap_keys: list[tuple[int, str]]  # (org index, domain) per capacity row
    cap_limits: np.ndarray


def _valid_amount(task: Task) -> bool:
    return math.isfinite(task.amount) and task.amount > 0 and math.isfinite(task.priority)


def _in_reach(org: Organization, cap: Capability, task: Task) -> bool:
    if cap.reach is Reach.GLOBAL:
        return True
    if task.country in org.members:
        return True
    return cap.reach is Reach.REGION and bool(task.region) and task.region in org.regions


def refusal(world: World, task: Task, org: Organization, cap: Capability | None) -> Reason | None:
    """Why ``org`` may not take ``task`` at all, or None when it may."""
    if cap is None:
        return Reason.of(Code.NO_CAPABILITY)
    if cap.unit != task.unit:
        return Reason.of(Code.WRONG_UNIT, organization=org.key, unit=cap.unit, expected=task.unit)
    if not cap.valid or cap.capacity == 0 or cap.effectiveness == 0:
        return Reason.of(Code.INVALID_CAPABILITY, organization=org.key)
    if not _in_reach(org, cap, task):
        return Reason.of(Code.OUT_OF_REACH, organization=org.key, reach=cap.reach.value)
    if task.needed_within_days is not None and cap.readiness_days > task.needed_within_days:
        return Reason.of(
            Code.NOT_READY,
            organization=org.key,
            days=cap.readiness_days,
            needed=task.needed_within_days,
        )
    decision = article_53(
        enforcement=task.enforcement,
        chapter_viii=org.chapter_viii,
        domain=task.domain,
        organization=org.key,
        authorizations=world.authorizations,
        on=world.day,
    )
    if not decision:
        return Reason.of(Code.ARTICLE_53, organization=org.key)
    return None


def _codes(values: list[str]) -> tuple[dict[str, int], np.ndarray]:
    index: dict[str, int] = {}
    return index, np.asarray([index.setdefault(v, len(index)) for v in values], dtype=np.int64)


def _build(world: World) -> _Model:
    """Eligibility and values computed domain by domain as arrays: no Python loop over pairs."""
    tasks = sorted(world.tasks, key=lambda t: t.key)
    orgs = sorted(world.organizations, key=lambda o: o.key)
    places, _ = _codes([t.country for t in tasks] + [c for o in orgs for c in sorted(o.members)])
    regions, _ = _codes([t.region for t in tasks] + [r for o in orgs for r in sorted(o.regions)])
    member = np.zeros((len(orgs), len(places) + 1), dtype=bool)
    in_region = np.zeros((len(orgs), len(regions) + 1), dtype=bool)
    for oi, org in enumerate(orgs):
        member[oi, [places[c] for c in org.members]] = True
        in_region[oi, [regions[r] for r in org.regions if r]] = True
    chapter_viii = np.asarray([o.chapter_viii for o in orgs], dtype=bool)
    standing_by_task: dict[str, set[str]] = defaultdict(set)
    for tk, ok in world.standing:
        standing_by_task[tk].add(ok)
    org_index = {o.key: i for i, o in enumerate(orgs)}

    tasks_of: dict[str, list[int]] = defaultdict(list)
    for ti, task in enumerate(tasks):
        if _valid_amount(task):
            tasks_of[task.domain].append(ti)
    capable: dict[str, list[tuple[int, Capability]]] = defaultdict(list)
    for oi, org in enumerate(orgs):
        seen: set[str] = set()
        for cap in org.capabilities:
            if cap.domain not in seen:  # one capability per domain: the first recorded
                seen.add(cap.domain)
                capable[cap.domain].append((oi, cap))

    blocks: list[tuple[np.ndarray, ...]] = []
    cap_keys: list[tuple[int, str]] = []
    cap_limits: list[float] = []
    for domain in sorted(tasks_of):
        tis = np.asarray(tasks_of[domain], dtype=np.int64)
        able = [
            (oi, cap)
            for oi, cap in capable.get(domain, [])
            if cap.valid and cap.capacity > 0 and cap.effectiveness > 0
        ]
        if not able:
            continue
        ois = np.asarray([oi for oi, _ in able], dtype=np.int64)
        dtasks = [tasks[i] for i in tis]
        units, task_unit = _codes([t.unit for t in dtasks])
        cap_unit = np.asarray([units.get(c.unit, -1) for _, c in able])
        country = np.asarray([places[t.country] for t in dtasks])
        region = np.asarray([regions[t.region] if t.region else len(regions) for t in dtasks])
        reach = np.asarray([c.reach.value for _, c in able])
        is_member = member[ois][:, country].T  # tasks × organizations
        is_in_region = in_region[ois][:, region].T
        in_reach = (
            (reach == Reach.GLOBAL.value)
            | is_member
            | ((reach == Reach.REGION.value) & is_in_region)
        )
        needed = np.asarray(
            [np.inf if t.needed_within_days is None else t.needed_within_days for t in dtasks]
        )
        ready = np.asarray([c.readiness_days for _, c in able])[None, :] <= needed[:, None]
        authorized = np.asarray(
            [
                bool(
                    article_53(
                        enforcement=True,
                        chapter_viii=True,
                        domain=domain,
                        organization=orgs[oi].key,
                        authorizations=world.authorizations,
                        on=world.day,
                    )
                )
                for oi in ois
            ]
        )
        enforcement = np.asarray([t.enforcement for t in dtasks])
        barred = enforcement[:, None] & (chapter_viii[ois] & ~authorized)[None, :]
        ok = (task_unit[:, None] == cap_unit[None, :]) & in_reach & ready & ~barred
        rows_t, cols_o = np.nonzero(ok)
        first_row = len(cap_limits)
        cap_keys.extend((int(oi), domain) for oi in ois)
        cap_limits.extend(c.capacity for _, c in able)
        effect = np.asarray([c.effectiveness for _, c in able])
        # chapter_viii.is_regional_to as arrays (a property test holds the two together).
        regional = chapter_viii[ois][None, :] & (is_member | is_in_region)
        blocks.append(
            (tis[rows_t], ois[cols_o], effect[cols_o], regional[rows_t, cols_o], first_row + cols_o)
        )

    if blocks:
        pair_task, pair_org, effectiveness, regional_, cap_row = (
            np.concatenate(parts) for parts in zip(*blocks, strict=True)
        )
    else:
        pair_task = pair_org = cap_row = np.zeros(0, dtype=np.int64)
        effectiveness = np.zeros(0)
        regional_ = np.zeros(0, dtype=bool)
    order = np.lexsort((pair_org, pair_task))  # variables in (task, organization) order
    pair_task, pair_org, effectiveness, regional_, cap_row = (
        a[order] for a in (pair_task, pair_org, effectiveness, regional_, cap_row)
    )
    task_index = {t.key: i for i, t in enumerate(tasks)}
    wanted = [
        task_index[tk] * len(orgs) + org_index[ok]
        for tk, ok in world.standing
        if tk in task_index and ok in org_index
    ]
    standing = np.isin(pair_task * len(orgs) + pair_org, np.asarray(wanted, dtype=np.int64))
    weight = np.asarray([t.priority * t.amount if _valid_amount(t) else 0.0 for t in tasks])
    has_standing = np.asarray([t.key in standing_by_task for t in tasks], dtype=bool)
    per_unit = (
        effectiveness
        + world.regional_bonus * regional_
        - world.switching_cost * (has_standing[pair_task] & ~standing)
        if len(tasks)
        else effectiveness
    )
    return _Model(
        tasks=tasks,
        orgs=orgs,
        pair_task=pair_task,
        pair_org=pair_org,
        value=weight[pair_task] * per_unit if len(tasks) else effectiveness,
        regional=regional_,
        standing=standing,
        effectiveness=effectiveness,
        cap_row=cap_row,
        cap_keys=cap_keys,
        cap_limits=np.asarray(cap_limits, dtype=float),
    )


def _matrices(model: _Model) -> tuple[csr_matrix, np.ndarray]:
    """Coverage rows (one per task), then capacity rows (one per organization and domain)."""
    n, n_tasks = len(model.value), len(model.tasks)
    amounts = np.asarray([t.amount if _valid_amount(t) else 0.0 for t in model.tasks])
    cols = np.arange(n)
    data = np.concatenate([np.ones(n), amounts[model.pair_task]])
    row_index = np.concatenate([model.pair_task, n_tasks + model.cap_row])
    shape = (n_tasks + len(model.cap_limits), n)
    matrix = csr_matrix((data, (row_index, np.concatenate([cols, cols]))), shape=shape)
    bounds = np.concatenate([np.ones(n_tasks), model.cap_limits])
    return matrix, bounds


def greedy(world: World) -> np.ndarray:
    """The baseline: each task, by priority, to the most effective organization still available
    (with capacity left), as much of it as that capacity allows. Returns shares per variable."""
    model = _build(world)
    return _greedy(model)


def _greedy(model: _Model) -> np.ndarray:
    shares = np.zeros(len(model.value))
    left = model.cap_limits.tolist()
    rows, effect, orgs = (
        model.cap_row.tolist(),
        model.effectiveness.tolist(),
        model.pair_org.tolist(),
    )
    candidates: dict[int, list[int]] = defaultdict(list)
    for j, ti in enumerate(model.pair_task.tolist()):
        candidates[ti].append(j)
    order = sorted(candidates, key=lambda ti: (-model.tasks[ti].priority, model.tasks[ti].key))
    for ti in order:
        open_ = [j for j in candidates[ti] if left[rows[j]] > EPSILON]
        if not open_:
            continue
        best = max(open_, key=lambda j: (effect[j], -orgs[j]))
        amount = model.tasks[ti].amount
        share = min(1.0, left[rows[best]] / amount)
        shares[best] = share
        left[rows[best]] -= share * amount
    return shares


def solve(world: World) -> Plan:
    started = time.perf_counter()
    model = _build(world)
    n = len(model.value)
    shares = np.zeros(n)
    duals = np.zeros(len(model.cap_limits))
    failed = False
    solve_seconds = 0.0
    matrix, bounds = _matrices(model)
    build_seconds = time.perf_counter() - started
    if n:
        solving = time.perf_counter()
        # Presolve is switched off: on this structure (one coverage row per task, one capacity row
        # per organization and domain) it costs more than it saves (about half the solve time
        # at 1,000 × 200), and the optimum is the same.
        result = linprog(
            -model.value,
            A_ub=matrix,
            b_ub=bounds,
            bounds=(0, 1),
            method="highs",
            options={"presolve": False},
        )
        solve_seconds = time.perf_counter() - solving
        if result.status == 0:
            shares = np.clip(result.x, 0.0, 1.0)
            # HiGHS reports marginals of the minimization (≤ 0 on binding ≤ rows); the shadow
            # price of a capacity in the maximization is their negation.
            duals = -np.asarray(result.ineqlin.marginals)[len(model.tasks) :]
        else:
            failed = True
            shares = _greedy(model)  # still a feasible plan, with the failure reported
    shares[shares < EPSILON] = 0.0
    greedy_shares = _greedy(model)
    assignments, gaps = _explain(world, model, shares, duals, failed)
    return Plan(
        assignments=assignments,
        gaps=gaps,
        objective=float(model.value @ shares),
        greedy_objective=float(model.value @ greedy_shares),
        flags=_flags(world, model),
        build_seconds=build_seconds,
        solve_seconds=solve_seconds,
        variables=n,
        constraints=int(matrix.shape[0]),
        shadow_prices={
            (model.orgs[oi].key, domain): round(float(duals[r]), 9)
            for r, (oi, domain) in enumerate(model.cap_keys)
        },
    )


# --- explanations ----------------------------------------------------------------------------


@dataclass
class _Facts:
    """What the explanations read, as plain Python lists (indexing numpy scalars is slow)."""

    task: list[int]
    org: list[int]
    share: list[float]
    effectiveness: list[float]
    value: list[float]
    regional: list[bool]
    standing: list[bool]
    row: list[int]
    duals: list[float]
    used: list[float]
    limits: list[float]


def _explain(
    world: World, model: _Model, shares: np.ndarray, duals: np.ndarray, failed: bool
) -> tuple[tuple[Assignment, ...], tuple[Gap, ...]]:
    amounts = np.asarray([t.amount if _valid_amount(t) else 0.0 for t in model.tasks])
    used = np.zeros(len(model.cap_limits))
    np.add.at(used, model.cap_row, shares * amounts[model.pair_task])
    facts = _Facts(
        task=model.pair_task.tolist(),
        org=model.pair_org.tolist(),
        share=shares.tolist(),
        effectiveness=model.effectiveness.tolist(),
        value=model.value.tolist(),
        regional=model.regional.tolist(),
        standing=model.standing.tolist(),
        row=model.cap_row.tolist(),
        duals=duals.tolist(),
        used=used.tolist(),
        limits=model.cap_limits.tolist(),
    )
    by_task: dict[int, list[int]] = defaultdict(list)
    for j, ti in enumerate(facts.task):
        by_task[ti].append(j)
    assignments: list[Assignment] = []
    gaps: list[Gap] = []
    for ti, task in enumerate(model.tasks):
        js = by_task.get(ti, [])
        chosen = sorted(
            (j for j in js if facts.share[j] > 0),
            key=lambda j: (-facts.share[j], model.orgs[facts.org[j]].key),
        )
        ranked = sorted(js, key=lambda k: (-facts.effectiveness[k], facts.org[k]))
        for rank, j in enumerate(chosen):
            assignments.append(
                Assignment(
                    task=task.key,
                    organization=model.orgs[facts.org[j]].key,
                    share=round(facts.share[j], 6),
                    role="lead" if rank == 0 else "support",
                    reasons=_why(world, model, facts, j, ranked),
                )
            )
        covered = sum(facts.share[j] for j in chosen)
        if covered < 1 - 1e-6:
            gaps.append(
                Gap(
                    task=task.key,
                    share=round(1 - covered, 6),
                    reasons=_why_gap(world, model, facts, ti, js, failed),
                )
            )
    return tuple(assignments), tuple(gaps)


def _why(
    world: World, model: _Model, facts: _Facts, j: int, ranked: list[int]
) -> tuple[Reason, ...]:
    task = model.tasks[facts.task[j]]
    org = model.orgs[facts.org[j]]
    effectiveness = round(facts.effectiveness[j], 3)
    best = next((k for k in ranked if k != j), None)  # the most effective alternative
    if best is None:
        reasons = [Reason.of(Code.ONLY_ONE_ABLE, effectiveness=effectiveness)]
    else:
        reasons = [
            Reason.of(
                Code.RELATIVE_EFFECTIVENESS,
                effectiveness=effectiveness,
                next_best=round(facts.effectiveness[best], 3),
                next_organization=model.orgs[facts.org[best]].key,
            )
        ]
    if facts.regional[j]:
        place = task.country or task.region
        reasons.append(Reason.of(Code.REGIONAL_OWNERSHIP, place=place, bonus=world.regional_bonus))
    if facts.standing[j]:
        reasons.append(Reason.of(Code.STANDING_ENGAGEMENT))
    row = facts.row[j]
    used, capacity = round(facts.used[row], 2), round(facts.limits[row], 2)
    if facts.duals[row] > EPSILON:
        # The opportunity cost: what this task's use of the capacity would earn elsewhere.
        reasons.append(
            Reason.of(
                Code.CAPACITY_SHADOW_PRICE,
                shadow_price=round(facts.duals[row], 4),
                opportunity_cost=round(facts.duals[row] * task.amount, 2),
                value=round(facts.value[j], 2),
                used=used,
                capacity=capacity,
            )
        )
    else:
        reasons.append(Reason.of(Code.CAPACITY_SPARE, used=used, capacity=capacity))
    if task.enforcement and org.chapter_viii:
        found = authorizing(
            domain=task.domain,
            organization=org.key,
            authorizations=world.authorizations,
            on=world.day,
        )
        reasons.append(Reason.of(Code.AUTHORIZED, symbol=found.symbol if found else ""))
    return tuple(reasons)


def _why_gap(
    world: World, model: _Model, facts: _Facts, ti: int, js: list[int], failed: bool
) -> tuple[Reason, ...]:
    task = model.tasks[ti]
    if not _valid_amount(task):
        return (Reason.of(Code.INVALID_AMOUNT, amount=str(task.amount)),)
    reasons: list[Reason] = [Reason.of(Code.SOLVER_FAILED)] if failed else []
    # Refusals are worked out again here, pair by pair, for the few tasks with a gap only.
    able = [o for o in model.orgs if o.capability(task.domain) is not None]
    refusals = [refusal(world, task, o, o.capability(task.domain)) for o in able]
    if not able:
        reasons.append(Reason.of(Code.NO_CAPABILITY, domain=task.domain))
    reasons.extend(_grouped(r for r in refusals if r is not None))
    barred = sorted(
        str(r.values["organization"])
        for r in refusals
        if r is not None and r.code is Code.ARTICLE_53
    )
    if task.enforcement and barred:
        reasons.extend(
            Reason.of(Code.UNCITED_AUTHORIZATION, symbol=a.symbol or "—")
            for a in uncited(world.authorizations)
        )
    full = sorted(
        {
            model.orgs[facts.org[j]].key
            for j in js
            if facts.used[facts.row[j]] >= facts.limits[facts.row[j]] - 1e-6
        }
    )
    if full:
        reasons.append(Reason.of(Code.CAPACITY_EXHAUSTED, organizations=", ".join(full)))
    elif js and not failed:
        reasons.append(Reason.of(Code.NOT_WORTHWHILE))
    return tuple(reasons)


def _flags(world: World, model: _Model) -> tuple[Flag, ...]:
    """One flag per enforcement task that Article 53 closes to some capable organization."""
    barred_in: dict[str, tuple[str, ...]] = {}
    flags: list[Flag] = []
    for task in model.tasks:
        if not task.enforcement or not _valid_amount(task):
            continue
        if task.domain not in barred_in:  # Article 53 depends on the domain, not the task
            barred_in[task.domain] = tuple(
                o.key
                for o in model.orgs
                if o.chapter_viii
                and o.capability(task.domain) is not None
                and not article_53(
                    enforcement=True,
                    chapter_viii=True,
                    domain=task.domain,
                    organization=o.key,
                    authorizations=world.authorizations,
                    on=world.day,
                )
            )
        barred = barred_in[task.domain]
        if barred:
            reasons = [Reason.of(Code.ARTICLE_53, organizations=", ".join(barred))]
            reasons.extend(
                Reason.of(Code.UNCITED_AUTHORIZATION, symbol=a.symbol or "—")
                for a in uncited(world.authorizations)
            )
            reasons.extend(_shortfalls(world, task, list(barred)))
            flags.append(Flag(task=task.key, organizations=barred, reasons=tuple(reasons)))
    return tuple(flags)


def _shortfalls(world: World, task: Task, barred: list[str]) -> list[Reason]:
    """For each cited authorization, why it does not authorize the barred organizations: not in
    force on the plan's day, other domains, or names other organizations (the reason says which)."""
    reasons: list[Reason] = []
    cited = sorted(
        (a for a in world.authorizations if a.cites_a_resolution),
        key=lambda a: (a.adopted_on or dt.date.min, a.symbol),
    )
    for a in cited:
        why = {o: shortfall(a, domain=task.domain, organization=o, on=world.day) for o in barred}
        if Shortfall.NOT_IN_FORCE in why.values():
            reasons.append(
                Reason.of(
                    Code.AUTHORIZATION_NOT_IN_FORCE,
                    symbol=a.symbol,
                    adopted_on=a.adopted_on.isoformat() if a.adopted_on else "",
                    until=a.until.isoformat() if a.until else "—",
                )
            )
        elif Shortfall.OTHER_DOMAINS in why.values():
            reasons.append(Reason.of(Code.AUTHORIZATION_OTHER_DOMAINS, symbol=a.symbol))
        elif Shortfall.NOT_NAMED in why.values():
            reasons.append(
                Reason.of(
                    Code.AUTHORIZATION_NOT_NAMING,
                    symbol=a.symbol,
                    named=", ".join(sorted(a.organizations)),
                    organizations=", ".join(o for o in barred if why[o] is Shortfall.NOT_NAMED),
                )
            )
    return reasons


def _grouped(refusals: Iterable[Reason]) -> list[Reason]:
    """One reason per code, naming the organizations it concerns (pages stay short)."""
    by_code: dict[Code, list[str]] = defaultdict(list)
    for reason in refusals:
        by_code[reason.code].append(str(reason.values.get("organization", "")))
    return [
        Reason.of(code, organizations=", ".join(sorted(set(names))))
        for code, names in sorted(by_code.items())
    ]
