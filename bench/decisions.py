"""The decisions list and the implementation monitor (page and API) at 100 and at 50,000
decisions, each with two actions, an indicator per action and two submitted reports per
indicator: the query count must not change, and the large-to-small time ratio is reported."""

from __future__ import annotations

import datetime as dt
import json
import platform
import time

from bench.common import REPEATS, RESULTS, median_ms, setup

PAGES = {
    "decisions list page": "/decisions/",
    "decisions list API": "/api/v1/decisions?limit=50",
    "monitor page": "/decisions/monitor/",
    "monitor API": "/api/v1/monitor",
}
PER_MEETING = 10_000  # a decision's number is a small integer: spread them over meetings


def grow(total: int) -> float:
    """Decisions up to ``total``, with actions, indicators and reports in proportion (bulk
    inserts); the seconds it took."""
    from interlock.decisions.models import Action, Decision, Indicator, ProgressReport
    from interlock.documents.models import Topic
    from interlock.meetings.models import Meeting, MeetingSeries
    from interlock.registry.models import Organization

    started = time.perf_counter()
    series = MeetingSeries.objects.get(key="high-level")
    organizations = list(Organization.objects.filter(delegations__meeting__number=6))
    topics = list(Topic.objects.all())
    have = Decision.objects.count()
    statuses = ["not_reported", "not_started", "in_progress", "advanced", "completed"]
    while have < total:
        meeting_number = 6 + have // PER_MEETING
        meeting, _created = Meeting.objects.get_or_create(
            series=series, number=meeting_number,
            defaults={"title": f"High-level meeting {meeting_number}", "online": True,
                      "starts_on": dt.date(2005 + meeting_number, 7, 1),
                      "ends_on": dt.date(2005 + meeting_number, 7, 2)},
        )  # fmt: skip
        first = Decision.objects.filter(meeting=meeting).order_by("-number").first()
        start = first.number + 1 if first else 1
        batch = min(total - have, PER_MEETING - start + 1, 5_000)
        decisions = Decision.objects.bulk_create(
            Decision(meeting=meeting, number=start + k, title=f"Decision {start + k}",
                     title_en=f"Decision {start + k}", text="…", text_en="…")
            for k in range(batch)
        )  # fmt: skip
        Decision.topics.through.objects.bulk_create(
            Decision.topics.through(decision_id=d.pk, topic_id=topics[d.number % len(topics)].pk)
            for d in decisions
        )  # fmt: skip
        actions = Action.objects.bulk_create(
            Action(decision=d, title="Action", lead=organizations[(d.number + k) % len(organizations)],
                   status=statuses[(d.number + k) % len(statuses)])
            for d in decisions for k in range(2)
        )  # fmt: skip
        Action.supporting.through.objects.bulk_create(
            Action.supporting.through(action_id=a.pk, organization_id=organizations[a.pk % len(organizations)].pk)
            for a in actions
        )  # fmt: skip
        indicators = Indicator.objects.bulk_create(
            Indicator(action=a, title="Indicator", reports_from=dt.date(2025, 1, 1),
                      reports_until=dt.date(2027, 12, 31), every_months=6,
                      next_due_on=dt.date(2026, 1, 1) if a.pk % 3 else dt.date(2027, 1, 1))
            for a in actions
        )  # fmt: skip
        ProgressReport.objects.bulk_create(
            ProgressReport(indicator=i, due_on=due, organization_id=organizations[0].pk,
                           state="submitted", status="in_progress",
                           submitted_at=dt.datetime(due.year, due.month, 2, tzinfo=dt.UTC))
            for i in indicators for due in (dt.date(2025, 1, 1), dt.date(2025, 7, 1))
        )  # fmt: skip
        have += batch
    return time.perf_counter() - started


def measure(label: str) -> dict[str, object]:
    from django.test import Client

    from interlock.decisions.models import Action, Decision, Indicator, ProgressReport

    client = Client()
    rows = {}
    for name, url in PAGES.items():
        ms, queries = median_ms(client, url)
        rows[name] = {"median_ms": ms, "queries": queries}
    return {
        "scale": label,
        "decisions": Decision.objects.count(),
        "actions": Action.objects.count(),
        "indicators": Indicator.objects.count(),
        "reports": ProgressReport.objects.count(),
        "results": rows,
    }


def main() -> dict[str, object]:
    setup("decisions")
    import django
    from django.core.management import call_command

    grow(100)
    small = measure("100 decisions")
    generated_s = grow(50_000)
    call_command("optimize")
    large = measure("50,000 decisions")
    report = {
        "benchmark": "decisions",
        "database": django.db.connection.vendor,
        "python": platform.python_version(),
        "repeats": REPEATS,
        "generation_seconds": round(generated_s, 1),
        "runs": [small, large],
        "large_to_small_ratio": {
            n: round(large["results"][n]["median_ms"] / small["results"][n]["median_ms"], 2)
            for n in PAGES
        },
        "query_counts_constant": all(
            large["results"][n]["queries"] == small["results"][n]["queries"] for n in PAGES
        ),
    }
    (RESULTS / "decisions.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        "# Decisions benchmark",
        "",
        f"Database: {report['database']}; Python {report['python']}; median of {REPEATS} requests "
        "through Django's test client, as the anonymous public. Each decision has two actions, "
        "an indicator per action and two submitted reports per indicator. Times vary by machine: "
        "read the ratios, measured in one run.",
        "",
        "| scale | decisions | actions | reports | page | queries | median ms |",
        "|---|---:|---:|---:|---|---:|---:|",
    ]
    for run in report["runs"]:
        for name, row in run["results"].items():
            lines.append(
                f"| {run['scale']} | {run['decisions']} | {run['actions']} | {run['reports']} "
                f"| {name} | {row['queries']} | {row['median_ms']} |"
            )
    lines += [
        "",
        "Large-to-small time ratio: "
        + ", ".join(f"{k} {v}" for k, v in report["large_to_small_ratio"].items()),
        f"Query counts constant across sizes: {report['query_counts_constant']}",
        "",
    ]
    (RESULTS / "decisions.md").write_text("\n".join(lines))
    print("\n".join(lines))
    if not report["query_counts_constant"]:
        raise SystemExit("the query count grows with the number of decisions")
    return report
