"""What the benchmarks share: a fresh embedded database of their own, and a timing helper."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
REPEATS = int(os.environ.get("BENCH_REPEATS", "15"))


def setup(name: str) -> None:
    """A fresh database under var/bench/<name> (unless DATABASE_URL is set), migrated and loaded."""
    var = ROOT / "var" / "bench" / name
    os.environ["INTERLOCK_VAR_DIR"] = str(var)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interlock.settings")
    os.environ.setdefault("INTERLOCK_STATIC_MANIFEST", "false")
    sys.path.insert(0, str(ROOT / "src"))
    if not os.environ.get("DATABASE_URL"):
        shutil.rmtree(var, ignore_errors=True)
        var.mkdir(parents=True)
    import django

    django.setup()
    from django.core.management import call_command

    from interlock.reference.loader import load

    call_command("migrate", verbosity=0)
    load()
    RESULTS.mkdir(parents=True, exist_ok=True)


def median_ms(client: object, url: str) -> tuple[float, int]:
    """Median time of ``REPEATS`` GETs after a warm-up, and the number of queries one GET runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get() -> None:
        response = client.get(url)  # type: ignore[attr-defined]
        assert response.status_code == 200, (url, response.status_code)

    get()
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        get()
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        get()
    return round(statistics.median(timings), 2), len(queries)
