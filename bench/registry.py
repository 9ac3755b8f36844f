"""The organization list (page and API) at 21 and at 2,000 organizations with 200,000
memberships, as ratios to a bare Django view rendering a page of the same size (bench/urls.py)."""

from __future__ import annotations

import json
import platform
import time

from bench.common import REPEATS, RESULTS, median_ms, setup

LISTS = {
    "organization list page": ("/organizations/?as_of=2005-07-25", "/bench/floor/?limit=50"),
    "organization list API": (
        "/api/v1/organizations?limit=50&as_of=2005-07-25",
        "/bench/floor/?limit=50",
    ),
}


def measure(label: str) -> dict[str, object]:
    from django.test import Client

    from interlock.registry.models import Membership, Organization

    client, rows = Client(), {}
    for name, (url, floor) in LISTS.items():
        ms, queries = median_ms(client, url)
        floor_ms, floor_queries = median_ms(client, floor)
        rows[name] = {
            "median_ms": ms,
            "queries": queries,
            "floor_median_ms": floor_ms,
            "floor_queries": floor_queries,
            "ratio_to_floor": round(ms / floor_ms, 2),
        }
    return {
        "scale": label,
        "organizations": Organization.objects.count(),
        "memberships": Membership.objects.count(),
        "results": rows,
    }


def main() -> dict[str, object]:
    setup("registry")
    import django
    from django.core.management import call_command
    from django.test.utils import override_settings

    from interlock.reference.scale import scale_generate

    with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["testserver"]):
        small = measure("reference data (21 organizations)")
        started = time.perf_counter()
        scale_generate(organizations=1_979, memberships_per_organization=101)
        generated_s = time.perf_counter() - started
        call_command("optimize")
        large = measure("2,000 organizations, 200,000 memberships")
    report = {
        "benchmark": "registry",
        "database": django.db.connection.vendor,
        "python": platform.python_version(),
        "repeats": REPEATS,
        "scale_generation_seconds": round(generated_s, 1),
        "runs": [small, large],
        "large_to_small_ratio": {
            n: round(large["results"][n]["median_ms"] / small["results"][n]["median_ms"], 2)
            for n in LISTS
        },
        # The bare floor view slows too between the runs (it reads the same table, now larger,
        # right after 200,000 rows were generated): the growth of the lists beyond the floor's.
        "floor_large_to_small_ratio": round(
            large["results"]["organization list page"]["floor_median_ms"]
            / small["results"]["organization list page"]["floor_median_ms"],
            2,
        ),
        "large_to_small_ratio_floor_normalized": {
            n: round(
                large["results"][n]["ratio_to_floor"] / small["results"][n]["ratio_to_floor"], 2
            )
            for n in LISTS
        },
        "query_counts_constant": all(
            large["results"][n]["queries"] == small["results"][n]["queries"] for n in LISTS
        ),
    }
    (RESULTS / "registry.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        "# Registry benchmark",
        "",
        f"Database: {report['database']}; Python {report['python']}; median of {REPEATS} requests through "
        "Django's test client. Times vary by machine: read the ratios, measured in one run.",
        "",
        "| scale | list | queries | ratio to bare floor |",
        "|---|---|---:|---:|",
    ]
    for run in report["runs"]:
        for name, row in run["results"].items():
            lines.append(
                f"| {run['scale']} | {name} | {row['queries']} | {row['ratio_to_floor']} |"
            )
    lines += [
        "",
        "Large-to-small time ratio: "
        + ", ".join(f"{k} {v}" for k, v in report["large_to_small_ratio"].items()),
        f"The bare floor's own large-to-small ratio: {report['floor_large_to_small_ratio']}",
        "Large-to-small ratio of the ratios to the floor (growth beyond the floor's): "
        + ", ".join(f"{k} {v}" for k, v in report["large_to_small_ratio_floor_normalized"].items()),
        f"Query counts constant across sizes: {report['query_counts_constant']}",
        "",
    ]
    (RESULTS / "registry.md").write_text("\n".join(lines))
    print("\n".join(lines))
    return report
