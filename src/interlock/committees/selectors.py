from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from interlock.committees.models import (
    CommitteeMember,
    Consent,
    TermsOfReference,
    WorkingGroup,
)
from interlock.registry.models import Organization


def working_group_list() -> QuerySet[WorkingGroup]:
    return WorkingGroup.objects.select_related(
        "source", "details__convening_organization"
    ).order_by("position")


def working_group_get(*, key: str) -> WorkingGroup:
    return (
        WorkingGroup.objects.select_related("source", "details__convening_organization")
        .prefetch_related(
            "series",
            "details__organizations",
            Prefetch("details__people", queryset=_people().order_by("username")),
        )
        .get(key=key)
    )


def _people() -> QuerySet[Any]:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.select_related("organization")


def group_meetings(group: WorkingGroup, *, limit: int = 20) -> list[Any]:
    """The latest meetings of the group's series (the meetings app keeps a series per group)."""
    from interlock.meetings.models import Meeting

    return list(
        Meeting.objects.filter(series__working_group=group)
        .select_related("series")
        .order_by("-starts_on", "-number")[:limit]
    )


def group_documents(user: Any, group: WorkingGroup, *, at: Any, limit: int = 50) -> list[Any]:
    """The library documents linked to the group's work that ``user`` may read, newest first."""
    from interlock.documents.access import readable_documents

    return list(
        readable_documents(user, at=at)
        .filter(working_group_details__group=group)
        .select_related("owner")
        .order_by("-created_at", "-id")[:limit]
    )


def details_initial(group: WorkingGroup) -> dict[str, Any]:
    details = getattr(group, "details", None)
    if details is None:
        return {"version": 1}
    return {
        "theme": details.theme,
        "convening_organization": details.convening_organization,
        "chair": details.chair,
        "organizations": list(details.organizations.all()),
        "version": details.version,
    }


def group_proposals(user: Any, group: WorkingGroup) -> list[Any]:
    """The group's proposals the user may see (none for the anonymous public)."""
    from interlock.core.access import can
    from interlock.decisions.selectors import visible_proposals
    from interlock.domain.permissions import Action

    if not can(user, Action.VIEW_PROPOSALS):
        return []
    return list(visible_proposals(user).filter(working_group=group).order_by("-created_at"))


def consent_needed_from(terms: TermsOfReference) -> list[Organization]:
    """The organizations whose consent adopts the terms: those that took part in the meeting."""
    return list(
        Organization.objects.filter(delegations__meeting_id=terms.meeting_id).order_by(
            "short_name_en"
        )
    )


def terms_list() -> QuerySet[TermsOfReference]:
    return TermsOfReference.objects.select_related("meeting").prefetch_related(
        Prefetch("consents", queryset=Consent.objects.select_related("organization"))
    )


@dataclass(frozen=True)
class ConsentRow:
    organization: Organization
    consent: Consent | None


def consent_table(terms: TermsOfReference) -> list[ConsentRow]:
    """Who has and has not consented, one row per participating organization."""
    given = {c.organization_id: c for c in terms.consents.all()}
    return [ConsentRow(o, given.get(o.pk)) for o in consent_needed_from(terms)]


def committee_members() -> QuerySet[CommitteeMember]:
    return CommitteeMember.objects.filter(ended_on__isnull=True).select_related("organization")


@dataclass(frozen=True)
class CommitteeRoles:
    """The three roles of ¶7c, as the data shows them."""

    ideas: list[Any]  # proposals the committee put forward
    supports: int  # organizations' supports of proposals, counted
    supported_proposals: int
    decisions: int
    actions: int


def committee_roles() -> CommitteeRoles:
    from interlock.decisions.models import Action, Decision, Proposal, ProposalStatus, Support

    ideas = list(
        Proposal.objects.filter(proposer_kind="standing_committee")
        .exclude(status=ProposalStatus.DRAFT)
        .order_by("-created_at")[:20]
    )
    return CommitteeRoles(
        ideas=ideas,
        supports=Support.objects.count(),
        supported_proposals=Support.objects.values("proposal").distinct().count(),
        decisions=Decision.objects.count(),
        actions=Action.objects.count(),
    )
