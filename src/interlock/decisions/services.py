"""Writes of proposals, decisions and their monitoring. Each validates, writes and audits; a stale
edit is refused (optimistic lock on ``version``); nothing is deleted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from interlock.committees.models import WorkingGroup
from interlock.core.access import require
from interlock.core.services import StateRefusedError, audit_record, link_toggle
from interlock.decisions.models import (
    OPEN_FOR_MODIFICATION,
    PROPOSAL_FLOW,
    Action,
    Decision,
    Indicator,
    Modification,
    ModificationStatus,
    ProgressReport,
    Proposal,
    ProposalStatus,
    ProposerKind,
    ReportState,
    Support,
)
from interlock.domain import amendments
from interlock.domain.implementation import Schedule, Status, progress_of
from interlock.domain.permissions import Action as Can
from interlock.registry.models import Organization
from interlock.registry.services import ConflictError

MODIFICATION_ERRORS = {
    "no_such_paragraph": gettext_noop("The text has no paragraph %(n)s."),
    "empty_text": gettext_noop("Give the text of the modification to paragraph %(n)s."),
    "conflicting_modifications": gettext_noop("Two accepted modifications change paragraph %(n)s."),
}


def _modification_error(error: amendments.ModificationError) -> ValidationError:
    message = _(MODIFICATION_ERRORS[error.code]) % {"n": error.paragraph}
    return ValidationError({"paragraph": message})


def paragraphs_from(text: str) -> list[str]:
    """Numbered paragraphs from text typed with blank lines between them."""
    return [
        " ".join(block.split()) for block in text.replace("\r", "").split("\n\n") if block.strip()
    ]


def proposal_create(
    *,
    actor: Any,
    title: str,
    text: str,
    proposer_kind: str,
    working_group: WorkingGroup | None = None,
    meeting: Any | None = None,
) -> Proposal:
    """Put forward a proposal on behalf of the actor's organization, its working group or the
    standing committee. It starts as a draft that only its organization and the secretariat see."""
    require(actor, Can.PROPOSE)
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Give the proposal a title.")
    paragraphs = paragraphs_from(text)
    if not paragraphs:
        errors["text"] = _("Write the text in paragraphs separated by a blank line.")
    if proposer_kind == ProposerKind.WORKING_GROUP and working_group is None:
        errors["working_group"] = _("Name the working group that puts it forward.")
    if proposer_kind not in ProposerKind.values:
        errors["proposer_kind"] = _("Choose who puts it forward.")
    if errors:
        raise ValidationError(errors)
    # Atomic: the proposal and its audit event stand or fall together.
    with transaction.atomic():
        proposal = Proposal.objects.create(
            title=title.strip(),
            proposer_kind=proposer_kind,
            working_group=working_group if proposer_kind == ProposerKind.WORKING_GROUP else None,
            organization_id=actor.organization_id,
            meeting=meeting,
            paragraphs=paragraphs,
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action="proposal.create",
            target=proposal,
            changes={"title": [None, proposal.title], "paragraphs": [None, len(paragraphs)]},
        )
    return proposal


def _lock(model: Any, pk: int, expected_version: int) -> None:
    updated = model.objects.filter(pk=pk, version=expected_version).update(
        version=expected_version + 1
    )
    if not updated:
        raise ConflictError(_("Someone else changed this while you were working on it. Reload."))


def proposal_move(*, actor: Any, proposal: Proposal, to: str, expected_version: int) -> Proposal:
    """Set the proposal's state (the secretariat). "Endorsed with modifications" makes the final
    text from the original and the accepted modifications; "endorsed" keeps the original."""
    require(actor, Can.MANAGE_DECISIONS)
    if to not in PROPOSAL_FLOW.get(proposal.status, ()):
        raise StateRefusedError(
            _("A proposal cannot go from “%(from)s” to “%(to)s”.")
            % {
                "from": ProposalStatus(proposal.status).label,
                "to": ProposalStatus(to).label if to in ProposalStatus.values else to,
            }
        )
    final = None
    if to == ProposalStatus.ENDORSED_WITH_MODIFICATIONS:
        accepted = _accepted(proposal)
        if not accepted:
            raise StateRefusedError(
                _("No modification is accepted: endorse the proposal as it stands instead.")
            )
        try:
            final = amendments.apply(proposal.paragraphs, accepted)
        except amendments.ModificationError as error:
            raise _modification_error(error) from None
    elif to == ProposalStatus.ENDORSED:
        final = list(proposal.paragraphs)
    # Atomic: the version check, the new state and the audit event are one step.
    with transaction.atomic():
        _lock(Proposal, proposal.pk, expected_version)
        before = proposal.status
        Proposal.objects.filter(pk=proposal.pk).update(status=to, final_paragraphs=final)
        audit_record(
            actor=actor,
            action="proposal.move",
            target=proposal,
            changes={"status": [before, to]},
            organization=proposal.organization,
        )
    proposal.refresh_from_db()
    return proposal


def _accepted(proposal: Proposal) -> list[amendments.Modification]:
    return [
        amendments.Modification(amendments.Kind(m.kind), m.paragraph, m.text)
        for m in proposal.modifications.filter(status=ModificationStatus.ACCEPTED).order_by("id")
    ]


def modification_propose(
    *, actor: Any, proposal: Proposal, kind: str, paragraph: int, text: str = ""
) -> Modification:
    require(actor, Can.PROPOSE)
    if proposal.status not in OPEN_FOR_MODIFICATION:
        raise StateRefusedError(_("This proposal's text is settled; it takes no modification."))
    if kind not in amendments.Kind.__members__.values():
        raise ValidationError({"kind": _("Choose replace, insert or delete.")})
    try:
        amendments.check(
            proposal.paragraphs, amendments.Modification(amendments.Kind(kind), paragraph, text)
        )
    except amendments.ModificationError as error:
        raise _modification_error(error) from None
    with transaction.atomic():
        modification = Modification.objects.create(
            proposal=proposal,
            kind=kind,
            paragraph=paragraph,
            text=text.strip() if kind != amendments.Kind.DELETE else "",
            organization_id=actor.organization_id,
            proposed_by=actor,
        )
        audit_record(
            actor=actor,
            action="proposal.modification.propose",
            target=proposal,
            changes={"modification": [None, f"{kind} {paragraph}"]},
        )
    return modification


def modification_decide(
    *, actor: Any, modification: Modification, accept: bool, reason: str = ""
) -> Modification:
    """Accept a modification or not (the secretariat, as agreed at the meeting). An accepted
    modification must not contradict another accepted one."""
    require(actor, Can.MANAGE_DECISIONS)
    proposal = modification.proposal
    if proposal.status not in OPEN_FOR_MODIFICATION:
        raise StateRefusedError(_("This proposal's text is settled; it takes no modification."))
    if modification.status != ModificationStatus.PENDING:
        raise StateRefusedError(_("This modification has already been decided."))
    if not accept and not reason.strip():
        raise ValidationError({"reason": _("Say why the modification is not accepted.")})
    if accept:
        try:
            amendments.apply(
                proposal.paragraphs,
                [
                    *_accepted(proposal),
                    amendments.Modification(
                        amendments.Kind(modification.kind),
                        modification.paragraph,
                        modification.text,
                    ),
                ],
            )
        except amendments.ModificationError as error:
            raise _modification_error(error) from None
    status = ModificationStatus.ACCEPTED if accept else ModificationStatus.NOT_ACCEPTED
    with transaction.atomic():
        updated = Modification.objects.filter(
            pk=modification.pk, status=ModificationStatus.PENDING
        ).update(status=status, reason=reason.strip())
        if not updated:
            raise ConflictError(_("This modification was decided by someone else meanwhile."))
        audit_record(
            actor=actor,
            action="proposal.modification.decide",
            target=proposal,
            changes={f"modification {modification.pk}": [ModificationStatus.PENDING, status]},
            organization=proposal.organization,
        )
    modification.refresh_from_db()
    return modification


def support_record(
    *, actor: Any, proposal: Proposal, organization: Organization, kind: str
) -> Support:
    """An organization supports or co-sponsors a proposal; its liaison official says so."""
    require(actor, Can.SPEAK_FOR_ORGANIZATION, organization_id=organization.pk)
    if proposal.status in (ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN):
        raise StateRefusedError(_("Only a submitted proposal can be supported."))
    try:
        with transaction.atomic():
            support = Support.objects.create(
                proposal=proposal, organization=organization, kind=kind, recorded_by=actor
            )
            audit_record(
                actor=actor,
                action="proposal.support",
                target=proposal,
                changes={"support": [None, f"{organization.acronym} {kind}"]},
            )
    except IntegrityError:
        raise StateRefusedError(
            _("%(organization)s already supports this proposal.")
            % {"organization": organization.short_name}
        ) from None
    return support


def decision_create(
    *,
    actor: Any,
    meeting: Any,
    title: str,
    text: str,
    locator: str = "",
    proposal: Proposal | None = None,
    topics: Iterable[Any] = (),
    supersedes: Decision | None = None,
    related: Iterable[Decision] = (),
) -> Decision:
    require(actor, Can.MANAGE_DECISIONS)
    if proposal is not None and proposal.status not in (
        ProposalStatus.ENDORSED,
        ProposalStatus.ENDORSED_WITH_MODIFICATIONS,
    ):
        raise ValidationError({"proposal": _("A decision comes from an endorsed proposal.")})
    if not title.strip() or not text.strip():
        raise ValidationError(_("A decision needs a title and a text."))
    # Atomic: the number is taken under the write lock, so two decisions never share one.
    with transaction.atomic():
        last = Decision.objects.filter(meeting=meeting).order_by("-number").first()
        decision = Decision.objects.create(
            meeting=meeting,
            number=(last.number + 1) if last else 1,
            # English is the stored original and everyone's fallback (core/i18n.py).
            title_en=title.strip(),
            text_en=text.strip(),
            locator=locator.strip(),
            proposal=proposal,
        )
        decision.topics.set(list(topics))
        decision.related.set(list(related))
        if supersedes is not None:
            Decision.objects.filter(pk=supersedes.pk).update(superseded_by=decision)
        audit_record(
            actor=actor, action="decision.create", target=decision, changes={"title": [None, title]}
        )
    return decision


def _chain(decision: Decision) -> list[int]:
    """The decisions that supersede ``decision``, nearest first (one query per step; chains are
    a few decisions long)."""
    chain, seen = [], {decision.pk}
    current = decision.superseded_by_id
    while current is not None and current not in seen:
        chain.append(current)
        seen.add(current)
        current = Decision.objects.filter(pk=current).values_list("superseded_by_id", flat=True)[0]
    return chain


def decision_supersede(
    *, actor: Any, decision: Decision, by: Decision, expected_version: int | None = None
) -> Decision:
    """Record that ``by`` supersedes ``decision`` (the secretariat). The superseded decision stays,
    marked, and leaves the carry-forward; its actions and reports stay as they are."""
    require(actor, Can.MANAGE_DECISIONS)
    if by.pk == decision.pk:
        raise ValidationError({"other": _("A decision cannot supersede itself.")})
    if decision.superseded_by_id is not None:
        raise StateRefusedError({"other": _("This decision is already superseded.")})
    if decision.pk in _chain(by):
        raise ValidationError(
            {"other": _("That decision is itself superseded by this one, directly or not.")}
        )
    # Atomic: the lock, the link and its audit event are one change.
    with transaction.atomic():
        _lock(
            Decision,
            decision.pk,
            decision.version if expected_version is None else expected_version,
        )
        Decision.objects.filter(pk=decision.pk).update(superseded_by=by)
        audit_record(
            actor=actor,
            action="decision.supersede",
            target=decision,
            changes={"superseded_by": [None, by.reference]},
        )
    decision.superseded_by = by
    decision.version += 1
    return decision


def decision_relate(
    *, actor: Any, decision: Decision, other: Decision, related: bool = True
) -> None:
    """Link two decisions as related, or undo the link (the secretariat). The link is both ways."""
    require(actor, Can.MANAGE_DECISIONS)
    if other.pk == decision.pk:
        raise ValidationError({"other": _("A decision is not related to itself.")})
    link_toggle(
        actor=actor,
        links=decision.related,
        item=other,
        link=related,
        field="other",
        already=_("These decisions are already related."),
        absent=_("These decisions are not related."),
        action="decision.relate" if related else "decision.unrelate",
        target=decision,
        label=other.reference,
    )


def action_create(
    *,
    actor: Any,
    decision: Decision,
    title: str,
    lead: Organization,
    supporting: Sequence[Organization] = (),
    target_date: dt.date | None = None,
) -> Action:
    require(actor, Can.MANAGE_DECISIONS)
    if not title.strip():
        raise ValidationError({"title": _("Name the action.")})
    if lead in supporting:
        raise ValidationError({"supporting": _("The lead organization is not also in support.")})
    with transaction.atomic():
        action = Action.objects.create(
            decision=decision, title=title.strip(), lead=lead, target_date=target_date
        )
        action.supporting.set(supporting)
        audit_record(
            actor=actor,
            action="decision.action.create",
            target=action,
            changes={"lead": [None, lead.acronym]},
        )
    return action


def indicator_create(
    *,
    actor: Any,
    action: Action,
    title: str,
    reports_from: dt.date,
    reports_until: dt.date,
    every_months: int,
    unit: str = "",
    target: str = "",
) -> Indicator:
    require(actor, Can.MANAGE_DECISIONS)
    try:
        Schedule(reports_from, reports_until, every_months)
    except ValueError:
        if reports_until < reports_from:
            raise ValidationError(
                {"reports_until": _("The reporting schedule cannot end before it starts.")}
            ) from None
        raise ValidationError(
            {"every_months": _("Reports are due at least every month.")}
        ) from None
    if not title.strip():
        raise ValidationError({"title": _("Name the indicator.")})
    with transaction.atomic():
        indicator = Indicator.objects.create(
            action=action,
            title=title.strip(),
            unit=unit.strip(),
            target=target.strip(),
            reports_from=reports_from,
            reports_until=reports_until,
            every_months=every_months,
            next_due_on=reports_from,
        )
        audit_record(
            actor=actor,
            action="decision.indicator.create",
            target=indicator,
            changes={"every_months": [None, every_months]},
            organization=action.lead,
        )
    return indicator


def due_dates(indicator: Indicator) -> list[dt.date]:
    return Schedule(
        indicator.reports_from, indicator.reports_until, indicator.every_months
    ).due_dates()


def report_save(
    *,
    actor: Any,
    indicator: Indicator,
    due_on: dt.date,
    status: str,
    progress: float | None = None,
    value: str = "",
    narrative: str = "",
    submit: bool = False,
    expected_version: int | None = None,
) -> ProgressReport:
    """Write (or rewrite) the draft report of the responsible organization for one due date, and
    submit it if asked. A submitted report is final; only the secretariat archives it."""
    organization_id = indicator.action.lead_id
    require(actor, Can.SPEAK_FOR_ORGANIZATION, organization_id=organization_id)
    errors: dict[str, str] = {}
    if due_on not in due_dates(indicator):
        errors["due_on"] = _("No report is due on that day for this indicator.")
    if status not in Status.__members__.values() or status == Status.NOT_REPORTED:
        errors["status"] = _("Choose the state of implementation.")
    if progress is not None and not 0 <= progress <= 1:
        errors["progress"] = _("Progress is a share between 0 and 100 %.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    fields = {
        "status": status,
        "progress": progress,
        "value": value.strip(),
        "narrative": narrative.strip(),
    }
    # Atomic: the report, the action's status it feeds and the audit event are one step.
    with transaction.atomic():
        report = (
            ProgressReport.objects.select_for_update()
            .filter(indicator=indicator, due_on=due_on)
            .exclude(state=ReportState.ARCHIVED)
            .first()
        )
        if report is None:
            report = ProgressReport.objects.create(
                indicator=indicator,
                due_on=due_on,
                organization_id=organization_id,
                author=actor,
                **fields,
            )
        else:
            if report.state == ReportState.SUBMITTED:
                raise StateRefusedError(_("This report is submitted; it can no longer change."))
            if expected_version is not None and report.version != expected_version:
                raise ConflictError(
                    _("Someone else changed this report while you were editing it. Reload.")
                )
            ProgressReport.objects.filter(pk=report.pk).update(
                **fields, author=actor, version=report.version + 1
            )
        if submit:
            ProgressReport.objects.filter(pk=report.pk).update(
                state=ReportState.SUBMITTED, submitted_at=now
            )
            _action_follows_report(indicator.action, Status(status), progress)
            _advance_next_due(indicator)
        audit_record(
            actor=actor,
            action="decision.report.submit" if submit else "decision.report.save",
            target=report,
            changes={"status": [None, status], "due_on": [None, due_on.isoformat()]},
        )
    report.refresh_from_db()
    return report


def _action_follows_report(action: Action, status: Status, progress: float | None) -> None:
    # The latest submitted report sets where the action stands.
    Action.objects.filter(pk=action.pk).update(
        status=status, progress=progress_of(status, progress)
    )


def _advance_next_due(indicator: Indicator) -> None:
    # Kept on the indicator so that "overdue" is one indexed comparison on every list.
    submitted = set(
        indicator.reports.filter(state=ReportState.SUBMITTED).values_list("due_on", flat=True)
    )
    pending = [due for due in due_dates(indicator) if due not in submitted]
    Indicator.objects.filter(pk=indicator.pk).update(next_due_on=pending[0] if pending else None)


def report_archive(*, actor: Any, report: ProgressReport) -> None:
    """Archive a report (the secretariat): it stays, read-only and marked; a new one may be
    written for its due date."""
    require(actor, Can.MANAGE_DECISIONS)
    with transaction.atomic():
        updated = (
            ProgressReport.objects.filter(pk=report.pk)
            .exclude(state=ReportState.ARCHIVED)
            .update(state=ReportState.ARCHIVED, archived_at=timezone.now())
        )
        if not updated:
            raise StateRefusedError(_("This report is already archived."))
        audit_record(
            actor=actor,
            action="decision.report.archive",
            target=report,
            changes={"state": [report.state, ReportState.ARCHIVED]},
            organization=report.organization,
        )
        _advance_next_due(report.indicator)


def reminders_send(*, today: dt.date) -> list[Any]:
    """E-mail the reminders of progress reports owed today (``decisions.reminders``), each once,
    through the project's one reminder mechanism (``core.reminders``)."""
    from interlock.core.services import reminders_send as send
    from interlock.decisions.reminders import KINDS

    return send(today=today, kinds=KINDS)
