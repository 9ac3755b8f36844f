from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interlock.core.access import can, require
from interlock.core.forms import attach_errors, run_service
from interlock.core.paging import query_without_page
from interlock.decisions import exports, selectors, services
from interlock.decisions.forms import (
    ActionForm,
    DecisionFilterForm,
    DecisionLinkForm,
    DispositionForm,
    IndicatorForm,
    ModificationForm,
    MoveForm,
    ProposalForm,
    ReportForm,
    SupportForm,
)
from interlock.decisions.models import (
    PROPOSAL_FLOW,
    Decision,
    Indicator,
    Modification,
    ProgressReport,
    Proposal,
    ProposalStatus,
)
from interlock.domain import amendments
from interlock.domain.implementation import standing
from interlock.domain.permissions import Action
from interlock.meetings.models import Meeting

PAGE_SIZE = 50


def _filters(request: HttpRequest) -> tuple[DecisionFilterForm, selectors.DecisionFilters]:
    meetings = list(Meeting.objects.order_by("number").values_list("number", flat=True))
    form = DecisionFilterForm(request.GET or None, meetings=meetings)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        return form, selectors.DecisionFilters(
            meeting=data["meeting"],
            organization=data["organization"].pk if data["organization"] else None,
            status=data["status"],
            topic=data["topic"].key if data["topic"] else "",
            overdue=data["overdue"],
        )
    return form, selectors.DecisionFilters()


def decision_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_DECISIONS)
    form, filters = _filters(request)
    if form.is_bound and not form.is_valid():
        # A bad filter shows its error and no list, never an unfiltered list under it.
        return render(request, "decisions/decision_list.html", {"form": form, "rows": []})
    today = timezone.localdate()
    page = Paginator(selectors.decision_list(filters=filters, today=today), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [(d, selectors.progress_of_decision(d)) for d in page.object_list]
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "query_string": query_without_page(request),
    }
    return render(request, "decisions/decision_list.html", context)


def _decision_or_404(meeting: int, number: int) -> Decision:
    try:
        return selectors.decision_get(meeting=meeting, number=number)
    except Decision.DoesNotExist:
        raise Http404 from None


def decision_detail(request: HttpRequest, meeting: int, number: int) -> HttpResponse:
    require(request.user, Action.VIEW_DECISIONS)
    decision = _decision_or_404(meeting, number)
    today = timezone.localdate()
    actions = []
    for action in decision.actions.all():
        indicators = []
        for indicator in action.indicators.all():
            reports = list(indicator.reports.all())
            submitted = {r.due_on for r in reports if r.state == "submitted"}
            schedule = [
                (due, standing(due, submitted=due in submitted, today=today))
                for due in services.due_dates(indicator)
            ]
            may_report = bool(
                can(request.user, Action.SPEAK_FOR_ORGANIZATION, organization_id=action.lead_id)
            )
            indicators.append(
                {
                    "indicator": indicator,
                    "schedule": schedule,
                    "reports": selectors.visible_reports(request.user, reports),
                    "may_report": may_report,
                    "report_form": ReportForm(initial={"due_on": indicator.next_due_on})
                    if may_report and indicator.next_due_on
                    else None,
                }
            )
        actions.append({"action": action, "indicators": indicators})
    may_manage = bool(can(request.user, Action.MANAGE_DECISIONS))
    context = {
        "decision": decision,
        "progress": selectors.progress_of_decision(decision),
        "actions": actions,
        "may_manage": may_manage,
        "action_form": ActionForm(prefix="action") if may_manage else None,
        "indicator_form": IndicatorForm(prefix="indicator") if may_manage else None,
        "link_form": DecisionLinkForm() if may_manage else None,
    }
    return render(request, "decisions/decision_detail.html", context)


_service_call = run_service


@login_required
@require_POST
def action_add(request: HttpRequest, meeting: int, number: int) -> HttpResponse:
    require(request.user, Action.MANAGE_DECISIONS)
    decision = _decision_or_404(meeting, number)
    _service_call(
        request,
        ActionForm(request.POST, prefix="action"),
        lambda d: services.action_create(
            actor=request.user,
            decision=decision,
            title=d["title"],
            lead=d["lead"],
            supporting=list(d["supporting"]),
            target_date=d["target_date"],
        ),
        _("The action is added."),
    )
    return redirect("decisions:decision", meeting=meeting, number=number)


@login_required
@require_POST
def indicator_add(request: HttpRequest, meeting: int, number: int, action_id: int) -> HttpResponse:
    require(request.user, Action.MANAGE_DECISIONS)
    decision = _decision_or_404(meeting, number)
    action = next((a for a in decision.actions.all() if a.pk == action_id), None)
    if action is None:
        raise Http404
    _service_call(
        request,
        IndicatorForm(request.POST, prefix="indicator"),
        lambda d: services.indicator_create(actor=request.user, action=action, **d),
        _("The indicator is added; its reports are now due on schedule."),
    )
    return redirect("decisions:decision", meeting=meeting, number=number)


@login_required
@require_POST
def decision_link(request: HttpRequest, meeting: int, number: int) -> HttpResponse:
    """Relate this decision to another, undo that, or record that another supersedes it."""
    require(request.user, Action.MANAGE_DECISIONS)
    decision = _decision_or_404(meeting, number)

    def link(data: dict[str, Any]) -> None:
        if data["kind"] == "supersedes":
            services.decision_supersede(actor=request.user, decision=decision, by=data["other"])
        else:
            services.decision_relate(
                actor=request.user,
                decision=decision,
                other=data["other"],
                related=data["kind"] == "related",
            )

    _service_call(request, DecisionLinkForm(request.POST), link, _("The link is saved."))
    return redirect("decisions:decision", meeting=meeting, number=number)


@login_required
@require_POST
def report_archive(request: HttpRequest, report_id: int) -> HttpResponse:
    """Archive a report (the secretariat): it stays on the page, marked, never deleted."""
    require(request.user, Action.MANAGE_DECISIONS)
    report = get_object_or_404(
        ProgressReport.objects.select_related("indicator__action__decision__meeting"),
        pk=report_id,
    )
    _service_call(
        request,
        Form(request.POST),  # nothing to fill in: the button is the whole request
        lambda _data: services.report_archive(actor=request.user, report=report),
        _("The report is archived; it stays on record."),
    )
    decision = report.indicator.action.decision
    return redirect("decisions:decision", meeting=decision.meeting.number, number=decision.number)


@login_required
@require_POST
def report_save(request: HttpRequest, indicator_id: int) -> HttpResponse:
    indicator = (
        Indicator.objects.select_related("action__decision__meeting")
        .filter(pk=indicator_id)
        .first()
    )
    if indicator is None:
        raise Http404
    require(request.user, Action.SPEAK_FOR_ORGANIZATION, organization_id=indicator.action.lead_id)
    decision = indicator.action.decision
    _service_call(
        request,
        ReportForm(request.POST),
        lambda d: services.report_save(
            actor=request.user,
            indicator=indicator,
            due_on=d["due_on"],
            status=d["status"],
            progress=d["progress"] / 100 if d["progress"] is not None else None,
            value=d["value"],
            narrative=d["narrative"],
            submit=d["submit"],
            expected_version=d["version"],
        ),
        _("The report is saved."),
    )
    return redirect("decisions:decision", meeting=decision.meeting.number, number=decision.number)


def monitor(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_DECISIONS)
    meeting = _meeting_param(request)
    figures = selectors.monitor(today=timezone.localdate(), meeting=meeting)
    return render(
        request,
        "decisions/monitor.html",
        {"monitor": figures, "meeting": meeting, "query_string": query_without_page(request)},
    )


def _meeting_param(request: HttpRequest) -> int | None:
    value = request.GET.get("meeting", "")
    return int(value) if value.isdigit() and len(value) < 5 else None


def monitor_csv(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_DECISIONS)
    meeting = _meeting_param(request)
    return exports.actions_csv(
        meeting=meeting, hxl=request.GET.get("hxl") == "1", today=timezone.localdate()
    )


def monitor_pdf(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_DECISIONS)
    meeting = _meeting_param(request)
    figures = selectors.monitor(today=timezone.localdate(), meeting=meeting)
    return exports.monitor_pdf(request, figures, meeting=meeting)


@login_required
def reminder_list(request: HttpRequest) -> HttpResponse:
    """The reminders of every app are listed on one page (core.reminders)."""
    require(request.user, Action.VIEW_REMINDERS)
    return redirect("core:reminders", permanent=True)


# Proposals


@login_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_PROPOSALS)
    status = request.GET.get("status", "")
    if status not in ProposalStatus.values:
        status = ""
    page = Paginator(selectors.proposal_list(request.user, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "status": status,
        "statuses": ProposalStatus.choices,
        "may_propose": bool(can(request.user, Action.PROPOSE)),
        "query_string": query_without_page(request),
    }
    return render(request, "decisions/proposal_list.html", context)


@login_required
def proposal_create(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.PROPOSE)
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.proposal_create(actor=request.user, **data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The proposal is saved as a draft."))
            return redirect("decisions:proposal", pk=proposal.pk)
    return render(request, "decisions/proposal_form.html", {"form": form})


def _proposal_or_404(request: HttpRequest, pk: int) -> Proposal:
    require(request.user, Action.VIEW_PROPOSALS)
    try:
        return selectors.proposal_get(request.user, pk=pk)
    except Proposal.DoesNotExist:
        raise Http404 from None


@login_required
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal_or_404(request, pk)
    final = proposal.final_paragraphs
    may_manage = bool(can(request.user, Action.MANAGE_DECISIONS))
    own = request.user.organization_id  # type: ignore[union-attr]
    context = {
        "proposal": proposal,
        "paragraphs": list(enumerate(proposal.paragraphs, start=1)),
        "diff": amendments.diff(proposal.paragraphs, final) if final else None,
        "modifications": list(proposal.modifications.all()),
        "supports": list(proposal.supports.all()),
        "may_manage": may_manage,
        "may_modify": proposal.status in ("draft", "submitted", "under_consideration", "deferred")
        and bool(can(request.user, Action.PROPOSE)),
        "may_support": bool(can(request.user, Action.SPEAK_FOR_ORGANIZATION, organization_id=own))
        and proposal.status not in ("draft", "withdrawn")
        and not any(s.organization_id == own for s in proposal.supports.all()),
        "next_states": [
            (s, ProposalStatus(s).label) for s in PROPOSAL_FLOW.get(proposal.status, ())
        ],
        "modification_form": ModificationForm(),
        "support_form": SupportForm(),
    }
    return render(request, "decisions/proposal_detail.html", context)


@login_required
@require_POST
def proposal_modify(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal_or_404(request, pk)
    _service_call(
        request,
        ModificationForm(request.POST),
        lambda d: services.modification_propose(actor=request.user, proposal=proposal, **d),
        _("The modification is proposed."),
    )
    return redirect("decisions:proposal", pk=pk)


@login_required
@require_POST
def modification_decide(request: HttpRequest, pk: int, modification_id: int) -> HttpResponse:
    proposal = _proposal_or_404(request, pk)
    require(request.user, Action.MANAGE_DECISIONS)
    modification = Modification.objects.filter(pk=modification_id, proposal=proposal).first()
    if modification is None:
        raise Http404
    modification.proposal = proposal
    _service_call(
        request,
        DispositionForm(request.POST),
        lambda d: services.modification_decide(
            actor=request.user, modification=modification, accept=d["accept"], reason=d["reason"]
        ),
        _("The modification is decided."),
    )
    return redirect("decisions:proposal", pk=pk)


@login_required
@require_POST
def proposal_move(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal_or_404(request, pk)
    require(request.user, Action.MANAGE_DECISIONS)
    _service_call(
        request,
        MoveForm(request.POST),
        lambda d: services.proposal_move(
            actor=request.user, proposal=proposal, to=d["to"], expected_version=d["version"]
        ),
        _("The proposal's state is changed."),
    )
    return redirect("decisions:proposal", pk=pk)


@login_required
@require_POST
def proposal_support(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal_or_404(request, pk)
    _service_call(
        request,
        SupportForm(request.POST),
        lambda d: services.support_record(
            actor=request.user,
            proposal=proposal,
            organization=request.user.organization,  # type: ignore[union-attr]
            kind=d["kind"],
        ),
        _("Your organization's support is recorded."),
    )
    return redirect("decisions:proposal", pk=pk)


@login_required
@require_POST
def decision_from_proposal(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the decision an endorsed proposal becomes, at the meeting that considered it."""
    proposal = _proposal_or_404(request, pk)
    require(request.user, Action.MANAGE_DECISIONS)
    if proposal.meeting is None:
        messages.error(request, _("Name the meeting that considered the proposal first."))
        return redirect("decisions:proposal", pk=pk)
    try:
        decision = services.decision_create(
            actor=request.user,
            meeting=proposal.meeting,
            title=proposal.title,
            text="\n\n".join(proposal.final_paragraphs or proposal.paragraphs),
            proposal=proposal,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("decisions:proposal", pk=pk)
    messages.success(request, _("The decision is recorded."))
    return redirect("decisions:decision", meeting=decision.meeting.number, number=decision.number)
