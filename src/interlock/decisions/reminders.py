"""Reminders of progress reports (sent by ``core.reminders``): the lead organization's liaison
official is e-mailed 30 days before a report is due, and once it is overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interlock.core.reminders import Due, register, register_kind
from interlock.domain.implementation import Reminder

KIND_OF = {Reminder.BEFORE: "decisions.report_before", Reminder.OVERDUE: "decisions.report_overdue"}
REMINDER_OF = {kind: reminder for reminder, kind in KIND_OF.items()}
KINDS = frozenset(KIND_OF.values())
register_kind(KIND_OF[Reminder.BEFORE], gettext_lazy("Due soon"))
register_kind(KIND_OF[Reminder.OVERDUE], gettext_lazy("Overdue"))


@register
def progress_reports(today: dt.date) -> Iterator[Due]:
    """Each reminder owed today, to the lead organization's liaison official in post; an
    organization without one gets none (the monitor still shows the report due)."""
    from interlock.decisions.selectors import owed_reminders
    from interlock.registry.models import LiaisonAppointment

    owed = owed_reminders(today=today)
    officials = {
        a.organization_id: a.user
        for a in LiaisonAppointment.objects.filter(
            ended_on__isnull=True, organization_id__in={i.action.lead_id for i, _ in owed}
        ).select_related("user")
    }
    for indicator, reminders in owed:
        official = officials.get(indicator.action.lead_id)
        if official is None:
            continue
        for due_on, kind in reminders:
            yield Due(
                kind=KIND_OF[kind],
                target=indicator,
                occasion=due_on.isoformat(),
                recipient=official,
                subject=partial(_subject, indicator, due_on, kind),
                body=partial(_body, indicator, due_on),
            )


def _subject(indicator: Any, due_on: dt.date, kind: Reminder) -> str:
    words = (
        _("Report due on %(day)s: %(indicator)s")
        if kind is Reminder.BEFORE
        else _("Report overdue since %(day)s: %(indicator)s")
    )
    return words % {"day": due_on.isoformat(), "indicator": indicator.title}


def _body(indicator: Any, due_on: dt.date) -> str:
    return _("%(decision)s\nAction: %(action)s\nIndicator: %(indicator)s\nDue on: %(day)s\n") % {
        "decision": str(indicator.action.decision),
        "action": indicator.action.title,
        "indicator": indicator.title,
        "day": due_on.isoformat(),
    }
