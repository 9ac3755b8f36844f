"""The division-of-labour engine at 50 tasks × 20 organizations and 1,000 × 200: model-building
time, solve time (HiGHS), and the objective against the greedy baseline on the same worlds."""

from __future__ import annotations

import json
import os
import platform
import random
import statistics
import time

from bench.common import REPEATS, RESULTS
from interlock.domain.chapter_viii import Authorization
from interlock.domain.engine import Capability, Organization, Reach, Task, World, solve

DOMAINS = [
    "mediation",
    "military_peacekeeping",
    "police",
    "civilian_protection",
    "electoral_assistance",
    "human_rights_monitoring",
    "counter_terrorism",
    "disarmament",
    "disaster_relief",
    "humanitarian_assistance",
    "rule_of_law",
    "development_support",
]
REGIONS = ["africa", "europe", "americas", "asia", "pacific", "arab_states"]


def synthetic_world(tasks: int, organizations: int, seed: int = 2005) -> World:
    """A reproducible random world: each organization holds 3 to 6 capabilities."""
    rng = random.Random(seed)
    countries = [f"C{i:03d}" for i in range(150)]
    region_of = {c: REGIONS[i % len(REGIONS)] for i, c in enumerate(countries)}
    orgs = []
    for i in range(organizations):
        region = REGIONS[i % len(REGIONS)]
        members = frozenset(c for c in countries if region_of[c] == region and rng.random() < 0.7)
        caps = tuple(
            Capability(
                domain=d,
                effectiveness=round(rng.uniform(0.2, 1.0), 3),
                capacity=float(rng.randint(50, 2_000)),
                unit="personnel",
                readiness_days=rng.randint(0, 90),
                reach=rng.choice(list(Reach)),
            )
            for d in rng.sample(DOMAINS, rng.randint(3, 6))
        )
        orgs.append(
            Organization(
                key=f"O{i:04d}",
                chapter_viii=i % 5 != 0,
                members=members,
                regions=frozenset({region}),
                capabilities=caps,
            )
        )
    task_list = []
    for i in range(tasks):
        country = rng.choice(countries)
        task_list.append(
            Task(
                key=f"T{i:05d}",
                domain=rng.choice(DOMAINS),
                amount=float(rng.randint(10, 800)),
                unit="personnel",
                priority=float(rng.randint(1, 5)),
                country=country,
                region=region_of[country],
                enforcement=rng.random() < 0.1,
                needed_within_days=rng.choice([None, 30, 60, 120]),
            )
        )
    authorizations = (
        Authorization(symbol="S/RES/9999 (2026)", adopted_on=None),  # cites no date: ignored
        Authorization(
            symbol="S/RES/1590 (2005)",
            adopted_on=__import__("datetime").date(2005, 3, 24),
            domains=frozenset({"military_peacekeeping"}),
        ),
    )
    standing = frozenset(
        (task_list[i].key, orgs[rng.randrange(organizations)].key)
        for i in rng.sample(range(tasks), tasks // 10)
    )
    return World(tuple(task_list), tuple(orgs), authorizations, standing)


def cpu_times(world: World) -> tuple[float, float]:
    """CPU seconds (not wall clock, which a shared machine inflates) to build the model and for
    HiGHS to solve it."""
    from scipy.optimize import linprog

    from interlock.domain.engine import _build, _matrices

    started = time.process_time()
    model = _build(world)
    matrix, bounds = _matrices(model)
    built = time.process_time()
    linprog(
        -model.value,
        A_ub=matrix,
        b_ub=bounds,
        bounds=(0, 1),
        method="highs",
        options={"presolve": False},
    )
    return built - started, time.process_time() - built


def measure(tasks: int, organizations: int) -> dict[str, object]:
    world = synthetic_world(tasks, organizations)
    cpu = [cpu_times(world) for _ in range(max(3, REPEATS // 3))]
    cpu_build_ms = statistics.median(c[0] for c in cpu) * 1000
    cpu_solve_ms = statistics.median(c[1] for c in cpu) * 1000
    plan = solve(world)  # warm-up
    builds, solves, totals = [], [], []
    for _ in range(max(3, REPEATS // 3)):
        started = time.perf_counter()
        plan = solve(world)
        totals.append(time.perf_counter() - started)
        builds.append(plan.build_seconds)
        solves.append(plan.solve_seconds)
    build_ms = statistics.median(builds) * 1000
    solve_ms = statistics.median(solves) * 1000
    return {
        "tasks": tasks,
        "organizations": organizations,
        "variables": plan.variables,
        "constraints": plan.constraints,
        "build_ms": round(build_ms, 1),
        "solve_ms": round(solve_ms, 1),
        "build_to_solve": round(build_ms / solve_ms, 3) if solve_ms else None,
        "total_ms": round(statistics.median(totals) * 1000, 1),
        "cpu_build_ms": round(cpu_build_ms, 1),
        "cpu_solve_ms": round(cpu_solve_ms, 1),
        "cpu_build_to_solve": round(cpu_build_ms / cpu_solve_ms, 3) if cpu_solve_ms else None,
        "objective": round(plan.objective, 2),
        "greedy_objective": round(plan.greedy_objective, 2),
        "ratio_to_greedy": round(plan.objective / plan.greedy_objective, 4)
        if plan.greedy_objective
        else None,
        "assignments": len(plan.assignments),
        "gaps": len(plan.gaps),
    }


def main() -> dict[str, object]:
    rows = [measure(50, 20), measure(1_000, 200)]
    report = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "results": rows,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "engine.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        "# Engine benchmark (`make bench`, bench/engine.py)",
        "",
        "Medians of repeated solves on synthetic worlds (seeded, reproducible). Model building is",
        "everything before HiGHS is called; solve is HiGHS alone; total includes the explanations.",
        "Wall-clock times depend on the machine's load (shared by several engineers: load average",
        f"{report['load_average']} on {os.cpu_count()} cores during this run); CPU times do not.",
        "",
        "| tasks × organizations | variables | constraints | build ms | solve ms | build/solve "
        "| total ms | CPU build ms | CPU solve ms | CPU build/solve | objective | greedy "
        "| LP / greedy | gaps |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['tasks']} × {r['organizations']} | {r['variables']} | {r['constraints']} "
            f"| {r['build_ms']} | {r['solve_ms']} | {r['build_to_solve']} | {r['total_ms']} "
            f"| {r['cpu_build_ms']} | {r['cpu_solve_ms']} | {r['cpu_build_to_solve']} "
            f"| {r['objective']} | {r['greedy_objective']} | {r['ratio_to_greedy']} | {r['gaps']} |"
        )
    lines += ["", f"Machine: {report['machine']}, Python {report['python']}.", ""]
    (RESULTS / "engine.md").write_text("\n".join(lines))
    print("\n".join(lines))
    return report


if __name__ == "__main__":
    main()
