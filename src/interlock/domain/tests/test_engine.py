"""The division-of-labour engine, as properties over random worlds (no database)."""

import datetime as dt
import math
from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interlock.domain.chapter_viii import Authorization, is_regional_to
from interlock.domain.engine import (
    Capability,
    Code,
    Organization,
    Reach,
    Task,
    World,
    refusal,
    solve,
    with_capacity,
    with_task,
    without_organization,
)

DOMAINS = ["mediation", "police", "disaster_relief"]
COUNTRIES = ["SDN", "TCD", "IDN", "LKA"]
REGION = {"SDN": "africa", "TCD": "africa", "IDN": "asia", "LKA": "asia"}
UNITS = ["personnel", "teams"]

capabilities = st.builds(
    Capability,
    domain=st.sampled_from(DOMAINS),
    effectiveness=st.floats(0, 1),
    capacity=st.one_of(st.floats(0, 500), st.just(-5.0)),
    unit=st.sampled_from(UNITS),
    readiness_days=st.integers(0, 60),
    reach=st.sampled_from(Reach),
)


@st.composite
def organizations(draw: st.DrawFn, key: str) -> Organization:
    members = draw(st.frozensets(st.sampled_from(COUNTRIES)))
    return Organization(
        key=key,
        chapter_viii=draw(st.booleans()),
        members=members,
        regions=frozenset(REGION[c] for c in members),
        capabilities=tuple(draw(st.lists(capabilities, max_size=3))),
    )


@st.composite
def tasks(draw: st.DrawFn, key: str) -> Task:
    country = draw(st.sampled_from(COUNTRIES))
    return Task(
        key=key,
        domain=draw(st.sampled_from(DOMAINS)),
        amount=draw(st.one_of(st.floats(1, 400), st.sampled_from([-10.0, 0.0, math.nan]))),
        unit=draw(st.sampled_from(UNITS)),
        priority=draw(st.integers(1, 5)),
        country=country,
        region=REGION[country],
        enforcement=draw(st.booleans()),
        needed_within_days=draw(st.one_of(st.none(), st.integers(0, 60))),
    )


authorizations = st.builds(
    Authorization,
    symbol=st.sampled_from(["S/RES/1590 (2005)", "", "S/RES/1556 (2004)"]),
    adopted_on=st.one_of(st.none(), st.just(dt.date(2005, 3, 24))),
    domains=st.frozensets(st.sampled_from(DOMAINS), max_size=1),
    organizations=st.frozensets(st.sampled_from(["O0", "O1", "O2"]), max_size=2),
    until=st.one_of(st.none(), st.just(dt.date(2005, 9, 24)), st.just(dt.date(2006, 3, 24))),
)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    n_tasks = draw(st.integers(0, 7))
    n_orgs = draw(st.integers(0, 5))
    task_list = tuple(draw(tasks(f"T{i}")) for i in range(n_tasks))
    org_list = tuple(draw(organizations(f"O{i}")) for i in range(n_orgs))
    standing = frozenset()
    if task_list and org_list:
        standing = draw(
            st.frozensets(
                st.tuples(
                    st.sampled_from([t.key for t in task_list]),
                    st.sampled_from([o.key for o in org_list]),
                ),
                max_size=3,
            )
        )
    return World(
        task_list,
        org_list,
        tuple(draw(st.lists(authorizations, max_size=2))),
        standing,
        day=draw(st.one_of(st.none(), st.just(dt.date(2005, 12, 1)), st.just(dt.date(2006, 6, 1)))),
    )


# Each example solves a linear programme; on a shared, loaded machine drawing and solving a world
# can take longer than Hypothesis' default budgets, which would fail the run for no fault of the rule.
ENGINE = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def _task(world: World, key: str) -> Task:
    return next(t for t in world.tasks if t.key == key)


def _org(world: World, key: str) -> Organization:
    return next(o for o in world.organizations if o.key == key)


@ENGINE
@given(worlds())
def test_no_plan_exceeds_a_capacity(world) -> None:
    plan = solve(world)
    used: dict[tuple[str, str], float] = defaultdict(float)
    # Shares are reported to six decimals: each may carry half a millionth of its task's amount.
    rounding: dict[tuple[str, str], float] = defaultdict(float)
    for a in plan.assignments:
        task = _task(world, a.task)
        used[(a.organization, task.domain)] += a.share * task.amount
        rounding[(a.organization, task.domain)] += 5e-7 * task.amount
    for key, amount in used.items():
        capability = _org(world, key[0]).capability(key[1])
        assert capability is not None
        assert amount <= capability.capacity * (1 + 1e-6) + 1e-6 + rounding[key]


@ENGINE
@given(worlds())
def test_no_plan_breaks_a_mandate_a_reach_or_article_53(world) -> None:
    for a in solve(world).assignments:
        task, org = _task(world, a.task), _org(world, a.organization)
        assert refusal(world, task, org, org.capability(task.domain)) is None
        if task.enforcement and org.chapter_viii:
            assert any(r.code is Code.AUTHORIZED for r in a.reasons)
            # Article 53 from its words: a cited resolution in force on the plan's day, for the
            # domain, naming the organization or addressed to all.
            symbol = next(r.values["symbol"] for r in a.reasons if r.code is Code.AUTHORIZED)
            assert any(
                x.symbol == symbol
                and x.symbol.strip()
                and x.adopted_on is not None
                and (world.day is None or x.adopted_on <= world.day)
                and (world.day is None or x.until is None or world.day <= x.until)
                and (not x.domains or task.domain in x.domains)
                and (not x.organizations or org.key in x.organizations)
                for x in world.authorizations
            )
        regional = is_regional_to(
            chapter_viii=org.chapter_viii,
            members=org.members,
            regions=org.regions,
            country=task.country,
            region=task.region,
        )
        assert regional == any(r.code is Code.REGIONAL_OWNERSHIP for r in a.reasons)


@ENGINE
@given(worlds())
def test_every_chapter_viii_organization_barred_by_article_53_is_flagged_with_its_task(world):
    plan = solve(world)
    flagged = {(f.task, o) for f in plan.flags for o in f.organizations}
    for task in world.tasks:
        for org in world.organizations:
            cap = org.capability(task.domain)
            refused = refusal(world, task, org, cap)
            if refused is not None and refused.code is Code.ARTICLE_53 and task.amount > 0:
                assert (task.key, org.key) in flagged
    for task_key, org_key in flagged:
        assert plan.share_of(task_key, org_key) == 0


@ENGINE
@given(worlds())
def test_each_task_is_covered_at_most_once_and_the_rest_is_a_gap_with_reasons(world) -> None:
    plan = solve(world)
    for task in world.tasks:
        covered = sum(a.share for a in plan.assignments if a.task == task.key)
        assert covered <= 1 + 1e-6
        gaps = [g for g in plan.gaps if g.task == task.key]
        if covered < 1 - 1e-6:
            assert len(gaps) == 1 and gaps[0].reasons
            assert math.isclose(gaps[0].share, 1 - covered, abs_tol=1e-5)


@ENGINE
@given(worlds())
def test_the_objective_is_never_below_the_greedy_baseline(world) -> None:
    plan = solve(world)
    assert plan.objective >= plan.greedy_objective - 1e-6 * max(1.0, abs(plan.greedy_objective))


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(worlds(), st.randoms(use_true_random=False))
def test_the_same_input_always_gives_the_same_plan_whatever_its_order(world, rng) -> None:
    shuffled = World(
        tuple(rng.sample(world.tasks, len(world.tasks))),
        tuple(rng.sample(world.organizations, len(world.organizations))),
        world.authorizations,
        world.standing,
        day=world.day,
    )
    first, again, other_order = solve(world), solve(world), solve(shuffled)
    assert first.assignments == again.assignments == other_order.assignments
    assert first.gaps == again.gaps == other_order.gaps


# --- worked examples -------------------------------------------------------------------------

AU = Organization(
    "AU",
    chapter_viii=True,
    members=frozenset({"SDN", "TCD"}),
    regions=frozenset({"africa"}),
    capabilities=(
        Capability("military_peacekeeping", 0.65, 7_000, "personnel", reach=Reach.REGION),
        Capability("mediation", 0.9, 3, "teams", reach=Reach.REGION),
    ),
)
EU = Organization(
    "EU",
    chapter_viii=True,
    members=frozenset({"FRA"}),
    regions=frozenset({"europe"}),
    capabilities=(Capability("military_peacekeeping", 0.8, 2_000, "personnel"),),
)
UN = Organization(
    "UN",
    capabilities=(
        Capability("military_peacekeeping", 0.7, 10_000, "personnel"),
        Capability("mediation", 0.8, 5, "teams"),
    ),
)
KEEPING = Task("keep", "military_peacekeeping", 6_000, "personnel", 5, "SDN", "africa", True)
RES_1590 = Authorization("S/RES/1590 (2005)", dt.date(2005, 3, 24))


def test_an_enforcement_task_without_an_authorization_is_flagged_for_chapter_viii_organizations():
    plan = solve(World((KEEPING,), (AU, EU)))
    assert plan.assignments == ()
    (gap,) = plan.gaps
    codes = {r.code: r.values for r in gap.reasons}
    assert codes[Code.ARTICLE_53]["organizations"] == "AU, EU"


def test_an_authorization_that_cites_no_resolution_authorizes_nothing_and_says_so():
    plan = solve(World((KEEPING,), (AU,), (Authorization("", dt.date(2005, 3, 24)),)))
    codes = [r.code for r in plan.gaps[0].reasons]
    assert Code.ARTICLE_53 in codes and Code.UNCITED_AUTHORIZATION in codes


def test_with_an_authorization_the_regional_organization_leads_and_the_reason_cites_it():
    plan = solve(World((KEEPING,), (AU, EU, UN), (RES_1590,)))
    assert plan.lead("keep") == "AU"
    lead = next(a for a in plan.assignments if a.organization == "AU")
    codes = {r.code: r.values for r in lead.reasons}
    assert Code.REGIONAL_OWNERSHIP in codes
    assert codes[Code.AUTHORIZED]["symbol"] == "S/RES/1590 (2005)"


def test_an_authorization_naming_another_organization_leaves_the_task_to_those_it_names():
    eu_only = Authorization(
        "S/RES/1556 (2004)", dt.date(2004, 7, 30), organizations=frozenset({"EU"})
    )
    plan = solve(World((KEEPING,), (AU, EU), (eu_only,)))
    assert plan.lead("keep") == "EU" and plan.share_of("keep", "AU") == 0
    (flag,) = plan.flags
    assert flag.task == "keep" and flag.organizations == ("AU",)
    codes = {r.code: r.values for r in flag.reasons}
    assert codes[Code.ARTICLE_53]["organizations"] == "AU"
    assert codes[Code.AUTHORIZATION_NOT_NAMING] == {
        "symbol": "S/RES/1556 (2004)",
        "named": "EU",
        "organizations": "AU",
    }


def test_an_authorization_no_longer_in_force_on_the_plans_day_authorizes_nothing():
    ended = Authorization("S/RES/1590 (2005)", dt.date(2005, 3, 24), until=dt.date(2005, 9, 24))
    assert solve(World((KEEPING,), (AU,), (ended,), day=dt.date(2005, 9, 1))).lead("keep") == "AU"
    plan = solve(World((KEEPING,), (AU,), (ended,), day=dt.date(2005, 10, 1)))
    assert plan.assignments == ()
    codes = {r.code: r.values for r in plan.flags[0].reasons}
    assert codes[Code.AUTHORIZATION_NOT_IN_FORCE]["until"] == "2005-09-24"


def test_a_binding_capacity_is_explained_by_its_shadow_price():
    talks = Task("talks", "mediation", 3, "teams", 5, "SDN", "africa")
    more = Task("more", "mediation", 3, "teams", 1, "TCD", "africa")
    plan = solve(World((talks, more), (AU,)))
    assert plan.share_of("talks", "AU") == 1.0  # the higher priority gets the scarce teams
    reasons = {r.code: r.values for r in plan.assignments[0].reasons}
    assert reasons[Code.CAPACITY_SHADOW_PRICE]["shadow_price"] > 0
    assert {r.code for r in plan.gaps[0].reasons} == {Code.CAPACITY_EXHAUSTED}


def test_bad_worlds_come_back_as_gaps_with_their_reasons():
    negative = Task("neg", "mediation", -3, "teams")
    wrong_unit = Task("unit", "mediation", 2, "personnel")
    nobody = Task("none", "counter_terrorism", 2, "teams")
    plan = solve(World((negative, wrong_unit, nobody), (AU, UN)))
    why = {g.task: {r.code for r in g.reasons} for g in plan.gaps}
    assert why == {
        "neg": {Code.INVALID_AMOUNT},
        "unit": {Code.WRONG_UNIT},
        "none": {Code.NO_CAPABILITY},
    }


def test_an_empty_world_is_an_empty_plan():
    plan = solve(World((), ()))
    assert plan.assignments == () and plan.gaps == () and plan.objective == 0


def test_what_if_runs_remove_an_organization_change_a_capacity_add_a_task():
    world = World((KEEPING,), (AU, UN), (RES_1590,))
    assert solve(without_organization(world, "AU")).lead("keep") == "UN"
    assert solve(with_capacity(world, "AU", "military_peacekeeping", 0)).lead("keep") == "UN"
    bigger = solve(with_task(world, Task("talks", "mediation", 2, "teams", 3, "SDN", "africa")))
    assert bigger.lead("talks") == "AU"


def test_a_standing_engagement_is_kept_when_the_difference_is_smaller_than_the_switching_cost():
    near = Organization("UN2", capabilities=(Capability("mediation", 0.82, 5, "teams"),))
    talks = Task("talks", "mediation", 2, "teams", 1, "IDN", "asia")
    assert solve(World((talks,), (UN, near))).lead("talks") == "UN2"
    assert (
        solve(World((talks,), (UN, near), standing=frozenset({("talks", "UN")}))).lead("talks")
        == "UN"
    )


def test_the_large_world_builds_in_at_most_half_the_solvers_time():
    from bench.engine import cpu_times, synthetic_world

    world = synthetic_world(1_000, 200)
    assert solve(world).variables > 10_000
    # CPU time, not wall clock: on a shared machine a preempted build says nothing of the code.
    build, solving = min(cpu_times(world) for _ in range(3))
    assert build <= solving / 2
