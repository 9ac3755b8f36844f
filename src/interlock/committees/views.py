from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interlock.committees import selectors, services
from interlock.committees.forms import (
    GroupDocumentForm,
    GroupPeopleForm,
    SeatEndForm,
    SeatForm,
    TermsForm,
    WorkingGroupDetailsForm,
    WorkingGroupForm,
)
from interlock.committees.models import CommitteeMember, TermsOfReference, WorkingGroup
from interlock.core.access import can, require
from interlock.core.forms import attach_errors, run_service
from interlock.domain.permissions import Action
from interlock.registry.services import ConflictError


def working_group_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_MEETINGS)
    groups = list(selectors.working_group_list())
    context = {"groups": groups, "may_manage": bool(can(request.user, Action.MANAGE_REGISTRY))}
    return render(request, "committees/working_group_list.html", context)


def _group_or_404(key: str) -> WorkingGroup:
    try:
        return selectors.working_group_get(key=key)
    except WorkingGroup.DoesNotExist:
        raise Http404 from None


def working_group_detail(request: HttpRequest, key: str) -> HttpResponse:
    require(request.user, Action.VIEW_MEETINGS)
    group = _group_or_404(key)
    details = getattr(group, "details", None)
    may_manage = bool(can(request.user, Action.MANAGE_REGISTRY))
    form = None
    if may_manage:
        form = WorkingGroupDetailsForm(
            request.POST or None, initial=selectors.details_initial(group)
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.working_group_update(
                    actor=request.user,
                    group=group,
                    expected_version=data["version"],
                    theme=data["theme"],
                    convening_organization=data["convening_organization"],
                    chair=data["chair"],
                    organizations=list(data["organizations"]),
                )
            except (ValidationError, ConflictError) as error:
                form.add_error(
                    None, error.messages if isinstance(error, ValidationError) else str(error)
                )
            else:
                messages.success(request, _("The group is updated."))
                return redirect("committees:working-group", key=key)
    elif request.method == "POST":
        require(request.user, Action.MANAGE_REGISTRY)
    signed_in = request.user.is_authenticated
    context = {
        "group": group,
        "details": details,
        "proposals": selectors.group_proposals(request.user, group),
        "meetings": selectors.group_meetings(group),
        "documents": selectors.group_documents(request.user, group, at=timezone.now()),
        # People are named to the signed-in participants only, as proposals are.
        "people": list(details.people.all()) if details and signed_in else [],
        "form": form,
        "document_form": GroupDocumentForm() if may_manage else None,
        "people_form": GroupPeopleForm(
            initial={"people": list(details.people.all()) if details else []}
        )
        if may_manage
        else None,
    }
    return render(request, "committees/working_group_detail.html", context)


@login_required
def working_group_create(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.MANAGE_REGISTRY)
    form = WorkingGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.working_group_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The group is added."))
            return redirect("committees:working-group", key=group.key)
    return render(request, "committees/working_group_form.html", {"form": form})


def standing_committee(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_MEETINGS)
    user = request.user
    terms = [(t, selectors.consent_table(t)) for t in selectors.terms_list()]
    own = getattr(user, "organization_id", None)
    context = {
        "members": selectors.committee_members(),
        "terms": terms,
        "may_manage": bool(can(user, Action.MANAGE_DECISIONS)),
        "may_consent_for": own
        if own and can(user, Action.SPEAK_FOR_ORGANIZATION, organization_id=own)
        else None,
        "roles": selectors.committee_roles(),
        "terms_form": TermsForm() if can(user, Action.MANAGE_DECISIONS) else None,
        "seat_form": SeatForm() if can(user, Action.MANAGE_DECISIONS) else None,
        "seat_end_form": SeatEndForm() if can(user, Action.MANAGE_DECISIONS) else None,
    }
    return render(request, "committees/standing_committee.html", context)


@login_required
@require_POST
def terms_create(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.MANAGE_DECISIONS)
    form = TermsForm(request.POST)
    if form.is_valid():
        try:
            services.terms_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The terms of reference are put to the participants."))
    else:
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, str(problem))
    return redirect("committees:standing-committee")


@login_required
@require_POST
def consent(request: HttpRequest, pk: int) -> HttpResponse:
    terms = TermsOfReference.objects.filter(pk=pk).first()
    if terms is None:
        raise Http404
    organization = request.user.organization  # type: ignore[union-attr]
    try:
        services.consent_record(actor=request.user, terms=terms, organization=organization)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Your organization's consent is recorded."))
    return redirect("committees:standing-committee")


@login_required
@require_POST
def working_group_document(request: HttpRequest, key: str) -> HttpResponse:
    require(request.user, Action.MANAGE_REGISTRY)
    group = _group_or_404(key)
    form = GroupDocumentForm(request.POST)
    unlink = request.POST.get("unlink") == "1"
    run_service(
        request,
        form,
        lambda d: services.working_group_document(
            actor=request.user, group=group, reference=d["document"], linked=not unlink
        ),
        _("The document is unlinked from the group.")
        if unlink
        else _("The document is linked to the group."),
    )
    return redirect("committees:working-group", key=key)


@login_required
@require_POST
def working_group_people(request: HttpRequest, key: str) -> HttpResponse:
    require(request.user, Action.MANAGE_REGISTRY)
    group = _group_or_404(key)
    run_service(
        request,
        GroupPeopleForm(request.POST),
        lambda d: services.working_group_people(
            actor=request.user, group=group, people=list(d["people"])
        ),
        _("The group's people are saved."),
    )
    return redirect("committees:working-group", key=key)


@login_required
@require_POST
def seat_add(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.MANAGE_DECISIONS)
    run_service(
        request,
        SeatForm(request.POST),
        lambda d: services.committee_seat_add(actor=request.user, **d),
        _("The seat is recorded."),
    )
    return redirect("committees:standing-committee")


@login_required
@require_POST
def seat_end(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Action.MANAGE_DECISIONS)
    seat = CommitteeMember.objects.filter(pk=pk).first()
    if seat is None:
        raise Http404
    run_service(
        request,
        SeatEndForm(request.POST),
        lambda d: services.committee_seat_end(actor=request.user, seat=seat, **d),
        _("The seat is ended."),
    )
    return redirect("committees:standing-committee")
