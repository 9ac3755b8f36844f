"""Document list and search for a reader with several agreements, at 10,000 and 1,000,000
documents (issue: "Agreements and information sharing", Speed). The policy runs in SQL; the
result is the large-to-small time ratio per request, with query counts.

Writes bench/results/documents.json and documents.md. BENCH_DOCUMENTS_LARGE changes the large size.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time

from bench.common import RESULTS, median_ms, setup

SMALL = 10_000
LARGE = int(os.environ.get("BENCH_DOCUMENTS_LARGE", "1000000"))
PATHS = {
    "library page": "/documents/",
    "library API": "/api/v1/documents?limit=25",
    "search page (rare word: 10 matches at both sizes)": "/documents/?q=cyclone",
    "search API (rare word: 10 matches at both sizes)": "/api/v1/documents?q=cyclone&limit=25",
    "search page (word in 1 document of 1,000)": "/documents/?q=tsunami",
    "search API (word in 1 document of 1,000)": "/api/v1/documents?q=tsunami&limit=25",
    "filtered page (topic, classification)": "/documents/?topic=peacekeeping&classification=restricted",
}


def _reader() -> object:
    from interlock.accounts.models import User
    from interlock.agreements.models import AgreementKind
    from interlock.agreements.services import agreement_create
    from interlock.documents.models import Topic
    from interlock.registry.models import Organization

    orgs = {o.acronym: o for o in Organization.objects.all()}
    secretariat = User.objects.create(
        username="bench.secretariat", organization=orgs["UN"], role="secretariat"
    )
    reader = User.objects.create(
        username="bench.reader", organization=orgs["EU"], role="liaison_official"
    )
    kind = AgreementKind.objects.get(key="information-sharing-arrangement")
    since = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    for partner, topics in {
        "AU": ["peacekeeping", "conflict-prevention"],
        "UN": ["disaster-relief", "peacekeeping"],
        "NATO": ["disarmament"],
        "OSCE": ["peacebuilding", "conflict-prevention"],
    }.items():
        agreement_create(
            actor=secretariat,
            title=f"EU–{partner}",
            kind=kind,
            party_a=orgs["EU"],
            party_b=orgs[partner],
            in_force_from=since,
            coverage={Topic.objects.get(key=t): "restricted" for t in topics},
        )
    return reader


def measure(client: object) -> dict[str, dict[str, float]]:
    return {
        name: dict(zip(("median_ms", "queries"), median_ms(client, path), strict=True))
        for name, path in PATHS.items()
    }


def main() -> dict[str, object]:
    setup("documents")
    from django.core.management import call_command
    from django.test import Client

    from interlock.documents.models import Document
    from interlock.reference.scale import scale_documents

    reader = _reader()
    client = Client()
    client.force_login(reader)
    scale_documents(count=SMALL, seed=1)
    call_command("optimize")  # as an operator does after an import (docs/operations.md)
    small = measure(client)
    started = time.perf_counter()
    scale_documents(count=LARGE - SMALL, seed=2)
    generation = time.perf_counter() - started
    call_command("optimize")
    large = measure(client)
    report = {
        "benchmark": "documents",
        "reader": "EU liaison official with 4 agreements in force (AU, UN, NATO, OSCE)",
        "sizes": [SMALL, Document.objects.count()],
        "generation_seconds": round(generation, 1),
        "small": small,
        "large": large,
        "large_to_small_ratio": {
            n: round(large[n]["median_ms"] / small[n]["median_ms"], 2) for n in PATHS
        },
        "query_counts_constant": all(large[n]["queries"] == small[n]["queries"] for n in PATHS),
    }
    (RESULTS / "documents.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        "# Documents benchmark",
        "",
        f"Reader: {report['reader']}. Sizes: {report['sizes'][0]:,} and {report['sizes'][1]:,} documents. "
        "Median of repeated requests through Django's test client; read the ratios, measured in one run.",
        "",
        "| request | queries | large / small time |",
        "|---|---:|---:|",
        *(f"| {n} | {large[n]['queries']} | {report['large_to_small_ratio'][n]} |" for n in PATHS),
        "",
        f"Query counts constant across sizes: {report['query_counts_constant']}. Target ratio: ≤ 2.",
        "",
    ]
    (RESULTS / "documents.md").write_text("\n".join(lines))
    print("\n".join(lines))
    return report


if __name__ == "__main__":
    main()
