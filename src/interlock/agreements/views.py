from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from interlock.agreements import selectors, services
from interlock.agreements.forms import AgreementForm, InstantForm
from interlock.agreements.models import Agreement
from interlock.core import references
from interlock.core.access import can, require
from interlock.core.forms import attach_errors
from interlock.domain.permissions import Action

STEP_DATE_MISSING = {
    "sign": gettext_lazy("Nothing was recorded: give the date and time of the signature."),
    "enter-into-force": gettext_lazy(
        "Nothing was recorded: give the date and time of entry into force."
    ),
    "terminate": gettext_lazy("Nothing was recorded: give the date and time of the termination."),
}


@login_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_AGREEMENTS)
    context = {
        "agreements": selectors.agreement_rows(reader=request.user, at=timezone.now()),
        "may_manage": bool(can(request.user, Action.MANAGE_AGREEMENTS)),
    }
    return render(request, "agreements/agreement_list.html", context)


def _agreement_or_404(pk: int) -> Agreement:
    try:
        return selectors.agreement_get(pk=pk)
    except Agreement.DoesNotExist:
        raise Http404 from None


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Action.VIEW_AGREEMENTS)
    agreement = _agreement_or_404(pk)
    references.attach_foreign(request.user, [agreement], "text")
    context = {
        "agreement": agreement,
        "status": selectors.status_of(agreement, timezone.now()),
        "may_manage": bool(can(request.user, Action.MANAGE_AGREEMENTS)),
        "instant_form": InstantForm(
            initial={"at": timezone.now().replace(second=0, microsecond=0)}
        ),
    }
    return render(request, "agreements/agreement_detail.html", context)


@login_required
def agreement_create(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.MANAGE_AGREEMENTS)
    form = AgreementForm(request.POST or None, reader=request.user)
    if request.method == "POST" and not form.is_valid():
        # Name every problem at once: also those between the fields that are valid so far.
        _attach_other_problems(form, request.user)
    elif request.method == "POST":
        data = form.cleaned_data
        try:
            agreement = services.agreement_create(
                actor=request.user,
                title=data["title"],
                kind=data["kind"],
                party_a=data["party_a"],
                party_b=data["party_b"],
                signed_on=data["signed_on"],
                in_force_from=data["in_force_from"],
                expires_at=data["expires_at"],
                coverage={topic: "restricted" for topic in data["restricted_topics"]},
                covers_expertise=data["covers_expertise"],
                covers_resources=data["covers_resources"],
                note=data["note"],
                text=data["text"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The agreement is recorded."))
            return redirect("agreements:agreement", pk=agreement.pk)
    return render(request, "agreements/agreement_form.html", {"form": form})


def _attach_other_problems(form: AgreementForm, actor: Any) -> None:
    known = {k: v for k, v in form.cleaned_data.items() if k in PROBLEM_FIELDS}
    problems = services.agreement_problems(actor=actor, **known)
    for field, message in problems.items():
        if field in form.fields and field not in form.errors:
            form.add_error(field, message)


PROBLEM_FIELDS = ("title", "party_a", "party_b", "signed_on", "in_force_from", "expires_at", "text")


@login_required
@require_POST
def agreement_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    require(request.user, Action.MANAGE_AGREEMENTS)
    agreement = _agreement_or_404(pk)
    form = InstantForm(request.POST)
    if not form.is_valid():
        # Name the step whose date is missing: three forms share this page.
        messages.error(request, STEP_DATE_MISSING.get(step, _("Give a valid date and time.")))
        return redirect("agreements:agreement", pk=pk)
    at = form.cleaned_data["at"]
    steps: dict[str, Any] = {
        "sign": lambda: services.agreement_sign(
            actor=request.user, agreement=agreement, signed_on=at.date()
        ),
        "enter-into-force": lambda: services.agreement_enter_into_force(
            actor=request.user, agreement=agreement, at=at
        ),
        "terminate": lambda: services.agreement_terminate(
            actor=request.user, agreement=agreement, at=at
        ),
    }
    if step not in steps:
        raise Http404
    try:
        steps[step]()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The agreement is updated."))
    return redirect("agreements:agreement", pk=pk)
