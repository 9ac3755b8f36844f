from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interlock.agreements import selectors as agreement_selectors
from interlock.agreements.models import Agreement
from interlock.agreements.selectors import Status
from interlock.capacity_building.selectors import plans_of
from interlock.core.access import can, require
from interlock.core.forms import TranslationsForm, attach_errors
from interlock.core.paging import query_without_page
from interlock.domain.permissions import Action
from interlock.registry import selectors, services
from interlock.registry.charts import footprint_matrix, region_bars
from interlock.registry.forms import (
    LiaisonAppointForm,
    MembersAsOfForm,
    OrganizationCreateForm,
    OrganizationFilterForm,
)
from interlock.registry.models import COUNTED_AS_MEMBER, Organization

PAGE_SIZE = 50


def organization_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_REGISTRY)
    regions = selectors.region_choices()
    form = OrganizationFilterForm(request.GET or None, regions=regions)
    filters = selectors.OrganizationFilters()
    as_of = form.fields["as_of"].clean(None)
    refused = form.is_bound and not form.is_valid()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        as_of = data["as_of"]
        filters = selectors.OrganizationFilters(
            kind=data["kind"],
            charter_basis=data["charter_basis"],
            region=data["region"],
            query=data["q"],
        )
    # A bad filter shows its error and an empty list, never an unfiltered list under it.
    found = selectors.organization_list(as_of=as_of, filters=filters)
    page = Paginator(found.none() if refused else found, PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    organizations = list(page.object_list)
    context = {
        "form": form,
        "page": page,
        "organizations": organizations,
        "as_of": as_of,
        "as_of_param": _as_of_param(as_of),
        "footprint": footprint_matrix(organizations=organizations, regions=regions, as_of=as_of),
        "query_string": query_without_page(request),
        "refused": refused,
        "perms_may_register": bool(can(request.user, Action.MANAGE_REGISTRY)),
    }
    template = (
        "registry/_organization_results.html"
        if request.htmx  # type: ignore[attr-defined]  # set by django-htmx's middleware
        else "registry/organization_list.html"
    )
    return render(request, template, context)


def _as_of_param(as_of: dt.date) -> str:
    """The day to carry in links between the list and an organization's page ("?as_of="), or ""
    for today: the reader who chose a day keeps it from one page to the other and back."""
    return "" if as_of == timezone.localdate() else as_of.isoformat()


def _organization_or_404(acronym: str) -> Organization:
    try:
        return selectors.organization_get(acronym=acronym)
    except Organization.DoesNotExist:
        raise Http404(_("No organization with this acronym.")) from None


def organization_detail(request: HttpRequest, acronym: str) -> HttpResponse:
    require(request.user, Action.VIEW_REGISTRY)
    organization = _organization_or_404(acronym)
    form = MembersAsOfForm(request.GET or None)
    as_of = (
        form.cleaned_data["as_of"]
        if form.is_bound and form.is_valid()
        else form.fields["as_of"].clean(None)
    )
    memberships = list(selectors.membership_list(organization=organization, as_of=as_of))
    appointments = list(organization.liaison_appointments.all())
    context = {
        "organization": organization,
        "named": organization.named_on(as_of),
        "former_names": list(organization.former_names.all()),
        "form": form,
        "refused": form.is_bound and not form.is_valid(),
        "as_of": as_of,
        "as_of_param": _as_of_param(as_of),
        "memberships": memberships,
        "member_count": sum(1 for m in memberships if m.status in COUNTED_AS_MEMBER),
        "count_uncertain": selectors.count_is_uncertain(organization=organization, as_of=as_of),
        "history": list(selectors.membership_list(organization=organization)),
        "reported": list(selectors.reported_counts(organization=organization)),
        "bars": region_bars(selectors.members_by_region(organization=organization, as_of=as_of)),
        "liaison": next((a for a in appointments if a.ended_on is None), None),
        "liaison_history": appointments,
        "delegations": list(organization.delegations.select_related("meeting__series")),
        "may_appoint": bool(
            can(request.user, Action.APPOINT_LIAISON, organization_id=organization.pk)
        ),
        "appoint_form": LiaisonAppointForm(),
        "may_translate": bool(can(request.user, Action.MANAGE_REGISTRY)),
        "may_hold_post": bool(
            can(request.user, Action.HOLD_LIAISON_POST, organization_id=organization.pk)
        ),
        "agreements": _agreements_of(request, organization),
        # Plans it benefits from or contributes to (¶4), as the sharing policy lets the reader see.
        "capacity_plans": plans_of(request.user, organization.pk, at=timezone.now()),
    }
    return render(request, "registry/organization_detail.html", context)


def _agreements_of(
    request: HttpRequest, organization: Organization
) -> list[tuple[Agreement, Status]] | None:
    """The organization's agreements and their status, for those who may see agreements."""
    if not can(request.user, Action.VIEW_AGREEMENTS):
        return None
    return agreement_selectors.agreement_rows(
        reader=request.user, organization_id=organization.pk, at=timezone.now()
    )


@login_required
@require_POST
def liaison_appoint(request: HttpRequest, acronym: str) -> HttpResponse:
    organization = _organization_or_404(acronym)
    require(request.user, Action.APPOINT_LIAISON, organization_id=organization.pk)
    form = LiaisonAppointForm(request.POST)
    if form.is_valid():
        try:
            services.liaison_appoint(
                actor=request.user, organization=organization, **form.cleaned_data
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The liaison official is appointed."))
            return redirect("registry:organization", acronym=acronym)
    else:
        for field_errors in form.errors.values():
            for field_error in field_errors:
                messages.error(request, str(field_error))
    return redirect("registry:organization", acronym=acronym)


@login_required
def organization_translations(request: HttpRequest, acronym: str) -> HttpResponse:
    """The secretariat's page for an organization's names in the six official languages."""
    require(request.user, Action.MANAGE_REGISTRY)
    organization = _organization_or_404(acronym)
    form = TranslationsForm(request.POST or None, obj=organization)
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_translate(
                actor=request.user,
                organization=organization,
                expected_version=form.cleaned_data["version"],
                values=form.values(),
            )
        except (ValidationError, services.ConflictError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("The names are saved."))
            return redirect("registry:organization", acronym=acronym)
    context = {"organization": organization, "form": form}
    return render(request, "registry/organization_translations.html", context)


@login_required
def organization_create(request: HttpRequest) -> HttpResponse:
    """The secretariat adds a participating organization, citing its source."""
    require(request.user, Action.MANAGE_REGISTRY)
    form = OrganizationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organization = services.organization_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The organization is registered."))
            return redirect("registry:organization", acronym=organization.acronym)
    return render(request, "registry/organization_form.html", {"form": form})
