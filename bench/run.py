"""`make bench`: the organization list (page and API) at small and large scale, as ratios to a bare
Django view rendering a page of the same size, with query counts. Writes bench/results/registry.json
and registry.md. Runs on its own embedded database under var/bench (or DATABASE_URL if set).

Scale: the 21 organizations of the reference data, then 2,000 organizations with 200,000
membership rows (synthetic, marked as such).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_VAR = ROOT / "var" / "bench"
os.environ.setdefault("INTERLOCK_VAR_DIR", str(BENCH_VAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interlock.settings")
os.environ.setdefault("INTERLOCK_STATIC_MANIFEST", "false")
sys.path.insert(0, str(ROOT / "src"))

import django  # noqa: E402

REPEATS = int(os.environ.get("BENCH_REPEATS", "15"))


def _median_ms(client, url: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches, templates and the connection
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings), len(queries)


def measure(label: str) -> dict[str, object]:
    from django.test import Client

    from interlock.registry.models import Membership, Organization

    client = Client()
    rows = {}
    for name, url, floor in (
        ("organization list page", "/organizations/?as_of=2005-07-25", "/bench/floor/?limit=50"),
        (
            "organization list API",
            "/api/v1/organizations?limit=50&as_of=2005-07-25",
            "/bench/floor/?limit=50",
        ),
    ):
        ms, queries = _median_ms(client, url)
        floor_ms, floor_queries = _median_ms(client, floor)
        rows[name] = {
            "median_ms": round(ms, 2),
            "queries": queries,
            "floor_median_ms": round(floor_ms, 2),
            "floor_queries": floor_queries,
            "ratio_to_floor": round(ms / floor_ms, 2),
        }
    return {
        "scale": label,
        "organizations": Organization.objects.count(),
        "memberships": Membership.objects.count(),
        "results": rows,
    }


def main() -> None:
    if not os.environ.get("DATABASE_URL"):
        shutil.rmtree(BENCH_VAR, ignore_errors=True)
        BENCH_VAR.mkdir(parents=True)
    django.setup()
    from django.core.management import call_command
    from django.test.utils import override_settings

    from interlock.reference.loader import load
    from interlock.reference.scale import scale_generate

    call_command("migrate", verbosity=0)
    load()
    with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["testserver"]):
        small = measure("reference data (21 organizations)")
        started = time.perf_counter()
        scale_generate(organizations=1_979, memberships_per_organization=101)
        generated_s = time.perf_counter() - started
        large = measure("2,000 organizations, 200,000 memberships")
    report = {
        "benchmark": "registry",
        "database": django.db.connection.vendor,
        "python": platform.python_version(),
        "repeats": REPEATS,
        "scale_generation_seconds": round(generated_s, 1),
        "runs": [small, large],
        "large_to_small_ratio": {
            name: round(
                large["results"][name]["median_ms"] / small["results"][name]["median_ms"], 2
            )
            for name in small["results"]
        },
        "query_counts_constant": all(
            large["results"][n]["queries"] == small["results"][n]["queries"]
            for n in small["results"]
        ),
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "registry.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        "# Registry benchmark",
        "",
        f"Database: {report['database']}; Python {report['python']}; median of {REPEATS} requests "
        "through Django's test client. Times vary by machine: read the ratios, measured in one run.",
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
        f"Query counts constant across sizes: {report['query_counts_constant']}",
        "",
    ]
    (out / "registry.md").write_text("\n".join(lines))
    print("\n".join(lines))
    if not report["query_counts_constant"]:
        sys.exit("query counts grew with the data")


if __name__ == "__main__":
    main()
