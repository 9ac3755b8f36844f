"""Pages of situations: parse, call a selector or a service, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interlock.core.access import can, require
from interlock.core.forms import attach_errors
from interlock.domain import engine
from interlock.domain.permissions import Action
from interlock.registry.models import Organization
from interlock.situations import selectors, services
from interlock.situations.forms import (
    Article52Form,
    AuthorizationForm,
    CapabilityForm,
    ConfigurationForm,
    NotificationTextForm,
    SituationForm,
    StatusForm,
    TaskForm,
    TimelineForm,
    WhatIfForm,
)
from interlock.situations.models import (
    ConfigurationSeat,
    Engagement,
    Notification,
    PeacebuildingConfiguration,
    Plan,
    Situation,
)


def situation_list(request: HttpRequest) -> HttpResponse:
    context = {
        "situations": selectors.situation_list(request.user, at=timezone.now()),
        "may_record": bool(can(request.user, Action.RECORD_SITUATION)),
    }
    return render(request, "situations/situation_list.html", context)


@login_required
def situation_create(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.RECORD_SITUATION)
    form = SituationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            situation = services.situation_create(
                actor=request.user,
                owner=request.user.organization,  # type: ignore[union-attr]
                title=data["title"],
                kind=data["kind"],
                phase=data["phase"],
                classification=data["classification"],
                countries=data["countries"],
                topics=data["topics"],
                summary=data["summary"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The situation is recorded."))
            return redirect("situations:situation", pk=situation.pk)
    return render(request, "situations/situation_form.html", {"form": form})


def _situation(request: HttpRequest, pk: int) -> Situation:
    return selectors.access_situation(request.user, pk, at=timezone.now())[0]


def situation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    situation, decision = selectors.access_situation(request.user, pk, at=timezone.now())
    may_edit = bool(can(request.user, Action.EDIT_SITUATION, organization_id=situation.owner_id))
    # Capabilities are not public: the plan, its reasons and the what-if view are for the
    # participating organizations' signed-in users.
    signed_in = request.user.is_authenticated
    plan = selectors.latest_plan(situation) if signed_in else None
    task_rows = list(selectors.tasks(situation))
    engagement_rows = list(selectors.engagements(situation))
    context = {
        "situation": situation,
        "decision": decision,
        "timeline": selectors.timeline(situation),
        "authorizations": selectors.authorizations(situation),
        "tasks": task_rows,
        "engagements": engagement_rows,
        "map": selectors.situation_map(situation, engagement_rows),
        "plan": plan,
        "plan_rows": selectors.plan_rows(
            plan.result, task_rows, selectors.organizations_by_acronym()
        )
        if plan
        else [],
        "signed_in": signed_in,
        "may_edit": may_edit,
        "may_adopt": bool(can(request.user, Action.ADOPT_PLAN)),
        "timeline_form": TimelineForm(),
        "authorization_form": AuthorizationForm(),
        "task_form": TaskForm(),
        "what_if_form": WhatIfForm(),
        "status_form": StatusForm(),
        "article_52_form": Article52Form(),
    }
    return render(request, "situations/situation_detail.html", context)


def _post(
    request: HttpRequest,
    pk: int,
    form_class: type[Any],
    write: Callable[[Situation, dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    situation = _situation(request, pk)
    require(request.user, Action.EDIT_SITUATION, organization_id=situation.owner_id)
    form = form_class(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("situations:situation", pk=pk)
    try:
        write(situation, form.cleaned_data)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("situations:situation", pk=pk)


@login_required
@require_POST
def timeline_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(
        request,
        pk,
        TimelineForm,
        lambda situation, data: services.timeline_add(
            actor=request.user, situation=situation, **data
        ),
        _("The development is added to the timeline."),
    )


@login_required
@require_POST
def authorization_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(
        request,
        pk,
        AuthorizationForm,
        lambda situation, data: services.authorization_add(
            actor=request.user, situation=situation, **data
        ),
        _("The authorization is recorded."),
    )


@login_required
@require_POST
def task_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(
        request,
        pk,
        TaskForm,
        lambda situation, data: services.task_add(actor=request.user, situation=situation, **data),
        _("The task is added."),
    )


@login_required
@require_POST
def plan_propose(request: HttpRequest, pk: int) -> HttpResponse:
    situation = _situation(request, pk)
    services.plan_propose(actor=request.user, situation=situation)
    messages.success(request, _("The engine proposed a plan."))
    return redirect("situations:situation", pk=pk)


@login_required
@require_POST
def plan_adopt(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=plan_id)
    _situation(request, plan.situation_id)
    try:
        services.plan_adopt(actor=request.user, plan=plan)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The plan is adopted; the engagements are recorded."))
    return redirect("situations:situation", pk=plan.situation_id)


@login_required
@require_POST
def engagement_status(request: HttpRequest, engagement_id: int) -> HttpResponse:
    engagement = get_object_or_404(Engagement, pk=engagement_id)
    _situation(request, engagement.situation_id)
    form = StatusForm(request.POST)
    article_52 = Article52Form(request.POST)
    try:
        if form.is_valid():
            services.engagement_set_status(
                actor=request.user, engagement=engagement, status=form.cleaned_data["status"]
            )
        elif article_52.is_valid():
            services.engagement_record_article_52(
                actor=request.user, engagement=engagement, **article_52.cleaned_data
            )
        else:
            raise ValidationError(_("Choose a status from the list."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The engagement is updated."))
    return redirect("situations:situation", pk=engagement.situation_id)


@login_required
def what_if(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan now beside the plan with one change (htmx replaces the panel in place)."""
    situation = _situation(request, pk)
    form = WhatIfForm(request.GET or None)
    result = None
    if form.is_valid():
        data = form.cleaned_data
        capacity = None
        if data["capacity_of"] and data["capacity_domain"] and data["capacity"] is not None:
            capacity = (
                data["capacity_of"].acronym,
                data["capacity_domain"].pk,
                float(data["capacity"]),
            )
        add = None
        if data["add_domain"] and data["add_amount"] is not None:
            add = engine.Task(
                key="~new",
                domain=data["add_domain"].pk,
                amount=float(data["add_amount"]),
                unit=data["add_domain"].unit,
                priority=float(data["add_priority"] or 3),
            )
        result = selectors.what_if(
            situation,
            day=timezone.now().date(),
            remove=data["remove"].acronym if data["remove"] else None,
            capacity=capacity,
            add=add,
        )
    template = "situations/_what_if.html" if request.htmx else "situations/what_if.html"  # type: ignore[attr-defined]
    context = {"situation": situation, "form": form, "result": result}
    return render(request, template, context)


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_NOTIFICATIONS)
    context = {
        "notifications": selectors.notification_list(request.user, at=timezone.now()),
        "may_send": bool(can(request.user, Action.SEND_NOTIFICATIONS)),
    }
    return render(request, "situations/notification_list.html", context)


@login_required
def notification_detail(request: HttpRequest, notification_id: int) -> HttpResponse:
    """The letter in the six languages, each editable by the secretariat until it is sent, with
    the history of every text."""
    require(request.user, Action.VIEW_NOTIFICATIONS)
    notification = selectors.access_notification(request.user, notification_id, at=timezone.now())
    may_edit = notification.sent_at is None and bool(can(request.user, Action.SEND_NOTIFICATIONS))
    context = {
        "notification": notification,
        "texts": selectors.notification_texts(notification),
        "may_edit": may_edit,
        "may_send": may_edit,
    }
    return render(request, "situations/notification_detail.html", context)


@login_required
@require_POST
def notification_edit(request: HttpRequest, notification_id: int) -> HttpResponse:
    require(request.user, Action.SEND_NOTIFICATIONS)
    notification = selectors.access_notification(request.user, notification_id, at=timezone.now())
    form = NotificationTextForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        services.notification_edit(
            actor=request.user, notification=notification, **form.cleaned_data
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The text is saved; the earlier one is kept in the history."))
    return redirect("situations:notification", notification_id=notification.pk)


@login_required
@require_POST
def notification_sent(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=notification_id)
    services.notification_mark_sent(actor=request.user, notification=notification)
    messages.success(request, _("The notification is marked as sent."))
    return redirect("situations:notifications")


@login_required
def capability_list(request: HttpRequest) -> HttpResponse:
    capabilities = list(selectors.capability_list())
    context = {
        "capabilities": capabilities,
        "demo": any(c.is_demo for c in capabilities),
        "may_edit": bool(
            can(
                request.user,
                Action.EDIT_CAPABILITIES,
                organization_id=getattr(request.user, "organization_id", None),
            )
        ),
    }
    return render(request, "situations/capability_list.html", context)


@login_required
def capability_edit(request: HttpRequest, acronym: str) -> HttpResponse:
    organization = get_object_or_404(Organization, acronym=acronym)
    require(request.user, Action.EDIT_CAPABILITIES, organization_id=organization.pk)
    form = CapabilityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.capability_set(
                actor=request.user,
                organization=organization,
                domain=data["domain"],
                effectiveness=data["effectiveness"],
                capacity=data["capacity"],
                unit=data["domain"].unit,
                readiness_days=data["readiness_days"],
                reach=data["reach"],
                version=data["version"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The capability is recorded."))
            return redirect("situations:capabilities")
    capabilities = selectors.capability_list(organization=organization)
    context = {"form": form, "organization": organization, "capabilities": capabilities}
    return render(request, "situations/capability_form.html", context)


@login_required
def configuration_list(request: HttpRequest) -> HttpResponse:
    """The Peacebuilding Commission's country configurations; the secretariat adds one here."""
    may_manage = bool(can(request.user, Action.MANAGE_PEACEBUILDING))
    form = ConfigurationForm(request.POST or None)
    if request.method == "POST":
        require(request.user, Action.MANAGE_PEACEBUILDING)
        if form.is_valid():
            try:
                configuration = services.configuration_create(
                    actor=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(request, _("The configuration is recorded."))
                return redirect("situations:configuration", pk=configuration.pk)
    context = {
        "configurations": selectors.configuration_list(),
        "form": form,
        "may_manage": may_manage,
    }
    return render(request, "situations/configuration_list.html", context)


@login_required
def configuration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    configuration = get_object_or_404(selectors.configuration_list(), pk=pk)
    situation = configuration.situation
    # The situation it follows is named only to those the sharing policy lets see it.
    readable = (
        situation is not None
        and selectors.readable_situations(request.user, at=timezone.now())
        .filter(pk=situation.pk)
        .exists()
    )
    context = {
        "configuration": configuration,
        "situation": situation if readable else None,
        "rows": selectors.seat_rows(configuration),
        "demo": selectors.seats_rest_on_demo_data(configuration),
        "may_manage": bool(can(request.user, Action.MANAGE_PEACEBUILDING)),
    }
    return render(request, "situations/configuration_detail.html", context)


@login_required
@require_POST
def seats_propose(request: HttpRequest, pk: int) -> HttpResponse:
    configuration = get_object_or_404(PeacebuildingConfiguration, pk=pk)
    services.seats_propose(actor=request.user, configuration=configuration)
    messages.success(request, _("Seats are proposed from the record."))
    return redirect("situations:configuration", pk=pk)


@login_required
@require_POST
def seat_adopt(request: HttpRequest, seat_id: int) -> HttpResponse:
    seat = get_object_or_404(ConfigurationSeat.objects.select_related("organization"), pk=seat_id)
    services.seat_adopt(actor=request.user, seat=seat)
    messages.success(request, _("The seat is adopted."))
    return redirect("situations:configuration", pk=seat.configuration_id)
