"""The decisions of the sixth high-level meeting as reference data (decisions_2005.csv): each is
the source's own words, cites its paragraph, and starts "not yet reported": the source says
nothing of how far any was implemented, and nothing is invented to fill that gap."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from interlock.core.models import Source
from interlock.decisions.models import Decision

DATA = Path(__file__).resolve().parent / "data" / "decisions_2005.csv"
SOURCE_TITLE = "Conclusions of the Chairman of the sixth high-level meeting"
MEETING = 6


class DecisionDataError(ValueError):
    pass


def rows(path: Path = DATA) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        found = list(csv.DictReader(handle))
    errors = []
    numbers = set()
    for line, row in enumerate(found, start=2):
        where = f"{path.name}, line {line}"
        if not row["number"].isdigit() or row["number"] in numbers:
            errors.append(f"{where}: the number must be a new whole number")
        numbers.add(row["number"])
        for column in ("source_key", "locator", "title", "text"):
            if not row[column].strip():
                errors.append(f"{where}: {column} is empty")
        if len(row["title"]) > 300:
            errors.append(f"{where}: the title is longer than 300 characters")
    if errors:
        raise DecisionDataError("\n".join(errors))
    return found


def load_decisions(*, meeting: Any, upsert: Any, report: Any) -> None:
    """Upsert the sixth meeting's decisions through the reference loader's ``upsert``."""
    from interlock.documents.models import Topic

    topics = {t.key: t for t in Topic.objects.all()}
    for row in rows():
        source = upsert(
            Source,
            {"key": row["source_key"]},
            {"title": SOURCE_TITLE, "locator": row["locator"], "url": ""},
            report,
        )
        decision = upsert(
            Decision,
            {"meeting_id": meeting.pk, "number": int(row["number"])},
            {
                "title_en": row["title"],
                "text_en": row["text"],
                "locator": row["locator"],
                "source_id": source.pk,
            },
            report,
        )
        wanted = [topics[key] for key in row["topics"].split(";") if key]
        if {t.pk for t in decision.topics.all()} != {t.pk for t in wanted}:
            decision.topics.set(wanted)
    _leading_personalities(upsert, report)


def _leading_personalities(upsert: Any, report: Any) -> None:
    """The group the Appendix intends to establish, kept like a working group. Its members are
    not in the source: none are recorded."""
    from interlock.committees.models import BodyKind, WorkingGroup

    upsert(
        WorkingGroup,
        {"key": "leading-personalities"},
        {
            "kind": BodyKind.LEADING_PERSONALITIES,
            "name_en": "Group of leading personalities for a partnership among civilizations",
            "name_fr": "",
            "position": 7,
            "source_id": "seed-appendix-4",
        },
        report,
    )
