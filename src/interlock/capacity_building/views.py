"""Pages of capacity-building plans: parse, call a selector or a service, render. Forms are htmx
panels: an invalid form is swapped in place, a valid one sends the whole page to the plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from interlock.capacity_building import selectors, services
from interlock.capacity_building.forms import (
    ContributionEditForm,
    ContributionForm,
    MilestoneEditForm,
    MilestoneForm,
    PillarEditForm,
    PillarForm,
    PillarMoveForm,
    PlanEditForm,
    PlanForm,
    texts,
)
from interlock.capacity_building.models import (
    CapacityPlan,
    Contribution,
    Milestone,
    MilestoneStatus,
    Pillar,
)
from interlock.core.access import can, require
from interlock.core.forms import attach_errors
from interlock.domain import capacity
from interlock.domain.permissions import Action


def plan_url(plan: CapacityPlan) -> str:
    return reverse("capacity_building:plan", args=[plan.pk])


def _done(request: HttpRequest, url: str, message: str) -> HttpResponse:
    """After a successful form: htmx follows the redirect as a whole page, so does a browser."""
    messages.success(request, message)
    if request.htmx:  # type: ignore[attr-defined]  # set by django-htmx's middleware
        return HttpResponseClientRedirect(url)
    return redirect(url)


def _submit(form: Any, write: Callable[[], Any]) -> Any | None:
    """Run a service for a valid form; its refusals appear on the form, nothing is written."""
    if not form.is_valid():
        return None
    try:
        return write()
    except ValidationError as error:
        attach_errors(form, error)
    except services.ConflictError as error:
        form.add_error(None, str(error))
    return None


def _form_page(
    request: HttpRequest, form: Any, heading: str, plan: CapacityPlan | None
) -> HttpResponse:
    context = {"form": form, "heading": heading, "plan": plan}
    return render(request, "capacity_building/form_page.html", context)


def plan_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "rows": selectors.plan_list(user, at=timezone.now()),
        "may_create": bool(
            can(
                user,
                Action.KEEP_CAPACITY_PLAN,
                organization_id=getattr(user, "organization_id", None),
            )
        ),
    }
    return render(request, "capacity_building/plan_list.html", context)


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    now = timezone.now()
    plan, decision = selectors.access_plan(request.user, pk, at=now)
    page = selectors.plan_page(request.user, plan, at=now)
    context = {
        "plan": plan,
        "decision": decision,
        "page": page,
        # Narrower with fewer years, so that its words stay legible when scaled to a phone.
        "chart": capacity.chart(
            page.progress,
            width=min(640, max(320, 80 * len(page.years))),
            rtl=translation.get_language_bidi(),
        ),
        "legend": [(status, MilestoneStatus(status).label) for status in capacity.STATUSES],
        "may_keep": bool(
            can(request.user, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id)
        ),
    }
    return render(request, "capacity_building/plan_detail.html", context)


def _kept(request: HttpRequest, pk: int) -> CapacityPlan:
    """A plan the user may see (404 otherwise) and keep (403 otherwise)."""
    plan = selectors.access_plan(request.user, pk, at=timezone.now())[0]
    require(request.user, Action.KEEP_CAPACITY_PLAN, organization_id=plan.beneficiary_id)
    return plan


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(user, Action.KEEP_CAPACITY_PLAN, organization_id=getattr(user, "organization_id", None))
    form = PlanForm(request.POST or None, reader=user, initial={"status": "proposed"})

    def create() -> CapacityPlan:
        data = form.cleaned_data
        return services.plan_create(
            actor=user,
            beneficiary=data["beneficiary"],
            title=texts(data, "title"),
            summary=texts(data, "summary"),
            start_year=data["start_year"],
            end_year=data["end_year"],
            status=data["status"],
            classification=data["classification"],
            topics=data["topics"],
        )

    if request.method == "POST" and (plan := _submit(form, create)) is not None:
        return _done(request, plan_url(plan), _("The plan is recorded."))
    return _form_page(request, form, _("Record a capacity-building plan"), None)


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _kept(request, pk)
    initial = {
        field: getattr(plan, field) for field in (*services.PLAN_TITLES, *services.PLAN_SUMMARIES)
    }
    initial.update(
        start_year=plan.start_year,
        end_year=plan.end_year,
        status=plan.status,
        classification=plan.classification,
        topics=list(plan.topics.all()),
        version=plan.version,
    )
    form = PlanEditForm(request.POST or None, reader=request.user, initial=initial)

    def update() -> CapacityPlan:
        data = form.cleaned_data
        return services.plan_update(
            actor=request.user,
            plan=plan,
            expected_version=data["version"],
            title=texts(data, "title"),
            summary=texts(data, "summary"),
            start_year=data["start_year"],
            end_year=data["end_year"],
            status=data["status"],
            classification=data["classification"],
        )

    if request.method == "POST" and _submit(form, update) is not None:
        return _done(request, plan_url(plan), _("The plan is saved."))
    return _form_page(request, form, _("Edit the plan"), plan)


@login_required
def pillar_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _kept(request, pk)
    form = PillarForm(request.POST or None)

    def add() -> Pillar:
        data = form.cleaned_data
        return services.pillar_add(
            actor=request.user, plan=plan, title=texts(data, "title"), domains=data["domains"]
        )

    if request.method == "POST" and _submit(form, add) is not None:
        return _done(request, plan_url(plan) + "#pillars", _("The pillar is added."))
    return _form_page(request, form, _("Add a pillar"), plan)


@login_required
def pillar_edit(request: HttpRequest, pillar_id: int) -> HttpResponse:
    pillar = Pillar.objects.filter(pk=pillar_id).first()
    if pillar is None:
        raise Http404
    plan = _kept(request, pillar.plan_id)
    pillar.plan = plan
    initial: dict[str, Any] = {field: getattr(pillar, field) for field in services.PILLAR_TITLES}
    initial.update(domains=list(pillar.domains.all()), version=pillar.version)
    form = PillarEditForm(request.POST or None, initial=initial)

    def update() -> Pillar:
        data = form.cleaned_data
        return services.pillar_update(
            actor=request.user,
            pillar=pillar,
            expected_version=data["version"],
            title=texts(data, "title"),
            domains=data["domains"],
        )

    if request.method == "POST" and _submit(form, update) is not None:
        return _done(request, plan_url(plan) + "#pillars", _("The pillar is saved."))
    return _form_page(request, form, _("Edit the pillar"), plan)


@login_required
@require_POST
def pillar_move(request: HttpRequest, pillar_id: int) -> HttpResponse:
    pillar = Pillar.objects.filter(pk=pillar_id).first()
    if pillar is None:
        raise Http404
    plan = _kept(request, pillar.plan_id)
    pillar.plan = plan
    form = PillarMoveForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        services.pillar_move(
            actor=request.user,
            pillar=pillar,
            to=form.cleaned_data["to"],
            expected_version=form.cleaned_data["version"],
        )
    except (ValidationError, services.ConflictError) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
    else:
        messages.success(request, _("The pillar is moved."))
    return redirect(plan_url(plan) + "#pillars")


@login_required
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _kept(request, pk)
    form = MilestoneForm(request.POST or None, plan=plan, reader=request.user)

    def add() -> Milestone:
        data = form.cleaned_data
        return services.milestone_add(
            actor=request.user,
            pillar=data["pillar"],
            description=texts(data, "description"),
            target_year=data["target_year"],
            status=data["status"],
            evidence=data["evidence"],
        )

    if request.method == "POST" and _submit(form, add) is not None:
        return _done(request, plan_url(plan) + "#milestones", _("The milestone is added."))
    return _form_page(request, form, _("Add a milestone"), plan)


@login_required
def milestone_edit(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = Milestone.objects.select_related("pillar").filter(pk=milestone_id).first()
    if milestone is None:
        raise Http404
    plan = _kept(request, milestone.pillar.plan_id)
    milestone.pillar.plan = plan
    initial: dict[str, Any] = {field: getattr(milestone, field) for field in services.DESCRIPTIONS}
    initial.update(
        pillar=milestone.pillar,
        target_year=milestone.target_year,
        status=milestone.status,
        evidence=milestone.evidence_id,
        version=milestone.version,
    )
    form = MilestoneEditForm(request.POST or None, plan=plan, reader=request.user, initial=initial)

    def update() -> Milestone:
        data = form.cleaned_data
        return services.milestone_update(
            actor=request.user,
            milestone=milestone,
            expected_version=data["version"],
            pillar=data["pillar"],
            description=texts(data, "description"),
            target_year=data["target_year"],
            status=data["status"],
            evidence=data["evidence"],
        )

    if request.method == "POST" and _submit(form, update) is not None:
        return _done(request, plan_url(plan) + "#milestones", _("The milestone is saved."))
    return _form_page(request, form, _("Edit the milestone"), plan)


def _contribution_data(data: dict[str, Any]) -> dict[str, Any]:
    fields = ("partner", "pillar", "kind", "amount", "unit", "start_year", "end_year")
    return {field: data[field] for field in fields}


@login_required
def contribution_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _kept(request, pk)
    form = ContributionForm(request.POST or None, plan=plan)

    def add() -> Contribution:
        return services.contribution_add(
            actor=request.user, plan=plan, **_contribution_data(form.cleaned_data)
        )

    if request.method == "POST" and _submit(form, add) is not None:
        return _done(request, plan_url(plan) + "#contributions", _("The contribution is added."))
    return _form_page(request, form, _("Add a partner's contribution"), plan)


@login_required
def contribution_edit(request: HttpRequest, contribution_id: int) -> HttpResponse:
    contribution = Contribution.objects.filter(pk=contribution_id).first()
    if contribution is None:
        raise Http404
    plan = _kept(request, contribution.plan_id)
    contribution.plan = plan
    initial = {
        "partner": contribution.partner_id,
        "pillar": contribution.pillar_id,
        "kind": contribution.kind,
        "amount": contribution.amount,
        "unit": contribution.unit,
        "start_year": contribution.start_year,
        "end_year": contribution.end_year,
        "version": contribution.version,
    }
    form = ContributionEditForm(request.POST or None, plan=plan, initial=initial)

    def update() -> Contribution:
        data = form.cleaned_data
        return services.contribution_update(
            actor=request.user,
            contribution=contribution,
            expected_version=data["version"],
            **_contribution_data(data),
        )

    if request.method == "POST" and _submit(form, update) is not None:
        return _done(request, plan_url(plan) + "#contributions", _("The contribution is saved."))
    return _form_page(request, form, _("Edit the contribution"), plan)
