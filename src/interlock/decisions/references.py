"""How proposals, decisions and their monitoring are named elsewhere (audit labels, links).

Decisions, their actions and indicators are public facts of the meetings. A proposal's title is
named to those who may see it: a draft to its own organization and the secretariat, the rest to
participants. Progress reports follow the same rule as on the decision's page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from interlock.core.access import can
from interlock.core.references import register, register_public
from interlock.decisions.models import (
    Action,
    Decision,
    Indicator,
    ProgressReport,
    Proposal,
    ReportState,
)
from interlock.decisions.selectors import visible_proposals
from interlock.domain.permissions import Action as Can
from interlock.domain.permissions import Role


def _proposals(user: Any, at: dt.datetime) -> QuerySet[Proposal]:
    if not can(user, Can.VIEW_PROPOSALS):
        return Proposal.objects.none()
    return visible_proposals(user)


def _reports(user: Any, at: dt.datetime) -> QuerySet[ProgressReport] | None:
    if not getattr(user, "is_authenticated", False):
        return ProgressReport.objects.none()
    if getattr(user, "role", None) == Role.SECRETARIAT:
        return None
    return ProgressReport.objects.filter(
        ~Q(state=ReportState.DRAFT) | Q(organization_id=user.organization_id)
    )


register_public(Decision, noun=_("a decision"))
register_public(Action, noun=_("an action"))
register_public(Indicator, noun=_("an indicator"))
register(Proposal, noun=_("a proposal"), readable=_proposals)
register(ProgressReport, noun=_("a progress report"), readable=_reports)
