"""The monitor's exports: the actions as CSV (with an optional HXL hashtag row) and the
implementation report as a PDF laid out like a UN document (WeasyPrint)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse

from interlock.core.csv_files import csv_lines
from interlock.core.pdf import pdf_response
from interlock.decisions.models import Action
from interlock.decisions.selectors import Monitor

COLUMNS = {
    "decision": "#meta+decision",
    "meeting": "#event+num",
    "action": "#activity+name",
    "lead": "#org+lead",
    "supporting": "#org+supporting",
    "status": "#status",
    "progress": "#indicator+pct",
    "target_date": "#date+end",
    "next_report_due": "#date+due",
    "overdue": "#status+overdue",
}


def actions_csv(*, meeting: int | None, hxl: bool, today: dt.date) -> HttpResponse:
    actions = (
        Action.objects.select_related("decision__meeting", "lead")
        .prefetch_related("supporting", "indicators")
        .order_by("decision__meeting__number", "decision__number", "id")
    )
    if meeting:
        actions = actions.filter(decision__meeting__number=meeting)

    def rows() -> Iterator[list[Any]]:
        yield list(COLUMNS)
        if hxl:
            yield list(COLUMNS.values())
        for action in actions.iterator(chunk_size=2000):
            dues = [i.next_due_on for i in action.indicators.all() if i.next_due_on]
            yield [
                action.decision.reference,
                action.decision.meeting.number,
                action.title,
                action.lead.acronym,
                " ".join(sorted(o.acronym for o in action.supporting.all())),
                action.status,
                "" if action.progress is None else round(action.progress * 100),
                action.target_date.isoformat() if action.target_date else "",
                min(dues).isoformat() if dues else "",
                "yes" if dues and min(dues) < today else "no",
            ]

    # The project's one CSV writer neutralizes formula cells (core/csv_files.py).
    response = HttpResponse("".join(csv_lines(rows())), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="interlock-implementation.csv"'
    return response


def monitor_pdf(request: HttpRequest, figures: Monitor, *, meeting: int | None) -> HttpResponse:
    return pdf_response(
        request,
        "decisions/monitor_report.html",
        {"monitor": figures, "meeting": meeting},
        filename="interlock-implementation-report.pdf",
    )
