from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from interlock.core import references
from interlock.core.access import can, require
from interlock.core.forms import attach_errors
from interlock.core.i18n import language_of
from interlock.core.paging import query_without_page
from interlock.core.pdf import pdf_response
from interlock.documents.access import access_document
from interlock.documents.services import document_read_record
from interlock.domain.decisions import Decision
from interlock.domain.meetings import CommentRound, DiffRow, may_comment
from interlock.domain.meetings import RecordStatus as RecordStatusRule
from interlock.domain.permissions import Action, Role
from interlock.meetings import selectors, services
from interlock.meetings.calendar import calendar_bytes
from interlock.meetings.forms import (
    AgendaDocumentForm,
    AgendaItemEditForm,
    AgendaItemForm,
    AgendaLinkForm,
    AgendaMoveForm,
    AgendaRemoveForm,
    AnswerForm,
    CalendarTokenForm,
    CommentForm,
    DelegationForm,
    DispositionForm,
    FeedWindowForm,
    InviteForm,
    MeetingEditForm,
    MeetingForm,
    OutcomeForm,
    RecordEditForm,
    RecordForm,
    RecordStepForm,
    SeriesForm,
    StatusForm,
)
from interlock.meetings.models import (
    HIGH_LEVEL,
    AgendaItem,
    CalendarToken,
    Disposition,
    Invitation,
    Meeting,
    MeetingSeries,
    Record,
)

PAGE_SIZE = 50


def _meeting_or_404(series: str, number: int) -> Meeting:
    try:
        return selectors.meeting_get(series=series, number=number)
    except Meeting.DoesNotExist:
        raise Http404(_("No meeting with this number.")) from None


def _editable_or_403(series: str, number: int) -> Meeting:
    meeting = _meeting_or_404(series, number)
    if meeting.source_id is not None:
        raise PermissionDenied(
            _("This meeting is kept as its cited source records it; it is not edited here.")
        )
    return meeting


def meeting_url(meeting: Meeting) -> str:
    return reverse("meetings:meeting", args=[meeting.series.key, meeting.number])


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


def meeting_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_MEETINGS)
    may_manage = bool(can(request.user, Action.MANAGE_MEETINGS))
    meetings = selectors.meeting_list(series=request.GET.get("series") or None)
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "meetings": list(page.object_list),
        "page": page,
        "query_string": query_without_page(request),
        "series": list(selectors.series_list()),
        "chosen": request.GET.get("series", ""),
        "may_manage": may_manage,
        "cycle": selectors.cycle(years=selectors.cycle_years(timezone.localdate()))
        if may_manage
        else [],
    }
    return render(request, "meetings/meeting_list.html", context)


def meeting_detail(request: HttpRequest, number: int, series: str = HIGH_LEVEL) -> HttpResponse:
    require(request.user, Action.VIEW_MEETINGS)
    meeting = _meeting_or_404(series, number)
    # Its conclusions are a document of the library: named and linked only for those who may read it.
    references.attach_foreign(request.user, [meeting], "outcome")
    invitations = list(meeting.invitations.all())
    own = next(
        (
            i
            for i in invitations
            if i.organization_id == getattr(request.user, "organization_id", 0)
        ),
        None,
    )
    context = {
        "meeting": meeting,
        "figures": selectors.attendance_figures(meeting),
        "invitations": invitations,
        "own_invitation": own
        if own and can(request.user, Action.ANSWER_INVITATION, organization_id=own.organization_id)
        else None,
        "registered": {d.organization_id for d in meeting.delegations.all()},
        "may_manage": bool(can(request.user, Action.MANAGE_MEETINGS)) and meeting.source_id is None,
        "status_form": StatusForm(initial={"version": meeting.version}),
    }
    return render(request, "meetings/meeting_detail.html", context)


@login_required
def series_create(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.MANAGE_MEETINGS)
    form = SeriesForm(request.POST or None)
    if request.method == "POST":
        series = _submit(
            form, lambda: services.series_create(actor=request.user, **form.cleaned_data)
        )
        if series is not None:
            return _done(
                request,
                reverse("meetings:list") + f"?series={series.key}",
                _("The series is added."),
            )
    return render(request, "meetings/form_page.html", {"form": form, "heading": _("Add a series")})


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.MANAGE_MEETINGS)
    series_key = request.GET.get("series") or HIGH_LEVEL
    series = MeetingSeries.objects.filter(key=series_key).first()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    proposal = selectors.council_proposal(year=year) if series_key == HIGH_LEVEL else None
    initial: dict[str, Any] = {"series": series_key}
    if series is not None:
        initial["number"] = selectors.next_number(series=series)
    if proposal is not None:
        initial.update(starts_on=proposal.starts_on, ends_on=proposal.ends_on)
    form = MeetingForm(request.POST or None, initial=initial)

    def create() -> Meeting:
        data = form.cleaned_data
        return services.meeting_create(
            actor=request.user,
            series=data["series"],
            number=data["number"],
            **{field: data[field] for field in services.MEETING_FIELDS},
        )

    if request.method == "POST" and (meeting := _submit(form, create)) is not None:
        return _done(request, meeting_url(meeting), _("The meeting is planned."))
    context = {"form": form, "heading": _("Plan a meeting"), "proposal": proposal, "year": year}
    return render(request, "meetings/form_page.html", context)


@login_required
def meeting_edit(request: HttpRequest, series: str, number: int) -> HttpResponse:
    require(request.user, Action.MANAGE_MEETINGS)
    meeting = _editable_or_403(series, number)
    initial = {field: getattr(meeting, field) for field in services.MEETING_FIELDS}
    form = MeetingEditForm(request.POST or None, initial={**initial, "version": meeting.version})

    def update() -> Meeting:
        data = form.cleaned_data
        return services.meeting_update(
            actor=request.user,
            meeting=meeting,
            expected_version=data["version"],
            **{field: data[field] for field in services.MEETING_FIELDS},
        )

    if request.method == "POST" and _submit(form, update) is not None:
        return _done(request, meeting_url(meeting), _("The meeting is updated."))
    return render(
        request, "meetings/form_page.html", {"form": form, "heading": _("Edit the meeting")}
    )


@login_required
def meeting_outcome(request: HttpRequest, series: str, number: int) -> HttpResponse:
    """Set, change or clear the meeting's conclusions, chosen by searching the library for what
    the chooser may read. The current one is named through the reading policy."""
    require(request.user, Action.MANAGE_MEETINGS)
    meeting = _editable_or_403(series, number)
    references.attach_foreign(request.user, [meeting], "outcome")
    initial = {"document": meeting.outcome_id, "version": meeting.version}
    form = OutcomeForm(request.POST or None, initial=initial, reader=request.user)

    def save() -> Meeting:
        return services.meeting_set_outcome(
            actor=request.user,
            meeting=meeting,
            document=form.cleaned_data["document"],
            expected_version=form.cleaned_data["version"],
        )

    if request.method == "POST" and (saved := _submit(form, save)) is not None:
        said = (
            _("The outcome document is set.")
            if saved.outcome_id
            else _("The outcome document is cleared.")
        )
        return _done(request, meeting_url(meeting), said)
    return render(request, "meetings/outcome_form.html", {"form": form, "meeting": meeting})


@login_required
@require_POST
def meeting_status(request: HttpRequest, series: str, number: int) -> HttpResponse:
    require(request.user, Action.MANAGE_MEETINGS)
    meeting = _meeting_or_404(series, number)
    form = StatusForm(request.POST)

    def move() -> Meeting:
        return services.meeting_set_status(
            actor=request.user,
            meeting=meeting,
            status=form.cleaned_data["status"],
            expected_version=form.cleaned_data["version"],
        )

    if _submit(form, move) is not None:
        messages.success(request, _("The meeting's status is changed."))
    else:
        for message in [m for errors in form.errors.values() for m in errors]:
            messages.error(request, str(message))
    return redirect(meeting_url(meeting))


@login_required
def meeting_invite(request: HttpRequest, series: str, number: int) -> HttpResponse:
    require(request.user, Action.MANAGE_MEETINGS)
    meeting = _editable_or_403(series, number)
    invited = [i.organization_id for i in meeting.invitations.all()]
    form = InviteForm(request.POST or None, initial={"organizations": invited})

    def invite() -> list[Invitation]:
        return services.meeting_invite(
            actor=request.user, meeting=meeting, organizations=form.cleaned_data["organizations"]
        )

    if request.method == "POST" and _submit(form, invite) is not None:
        return _done(request, meeting_url(meeting), _("The invitations are sent."))
    context = {"form": form, "heading": _("Invite organizations"), "meeting": meeting}
    return render(request, "meetings/form_page.html", context)


@login_required
def delegation_register(request: HttpRequest, series: str, number: int) -> HttpResponse:
    """The liaison official's page for the organization's invitation: answer and register."""
    meeting = _meeting_or_404(series, number)
    organization_id = request.user.organization_id  # type: ignore[union-attr]
    require(request.user, Action.ANSWER_INVITATION, organization_id=organization_id)
    invitation = next(
        (i for i in meeting.invitations.all() if i.organization_id == organization_id), None
    )
    if invitation is None:
        raise Http404(_("Your organization is not invited to this meeting."))
    answer_form = AnswerForm(request.POST if "accept" in request.POST else None)
    form = DelegationForm(request.POST if "level" in request.POST else None)
    if request.method == "POST" and "accept" in request.POST:
        written = _submit(
            answer_form,
            lambda: services.invitation_answer(
                actor=request.user,
                invitation=invitation,
                accept=answer_form.cleaned_data["accept"],
            ),
        )
        if written is not None:
            return _done(request, meeting_url(meeting), _("Your answer is recorded."))
    elif request.method == "POST":
        written = _submit(
            form,
            lambda: services.delegation_register(
                actor=request.user,
                meeting=meeting,
                organization=invitation.organization,
                **form.cleaned_data,
            ),
        )
        if written is not None:
            return _done(request, meeting_url(meeting), _("Your delegation is registered."))
    context = {
        "meeting": meeting,
        "invitation": invitation,
        "answer_form": answer_form,
        "form": form,
        "registered": any(d.organization_id == organization_id for d in meeting.delegations.all()),
    }
    return render(request, "meetings/delegation_form.html", context)


# The record and its comment round (¶10) -------------------------------------------------------


def _record_or_404(request: HttpRequest, series: str, number: int) -> tuple[Meeting, Record]:
    """The meeting and its record, or 404: a reader who may not read the record learns nothing
    of it, not even that it exists."""
    meeting = _meeting_or_404(series, number)
    record = selectors.record_for(request.user, meeting=meeting, at=timezone.now())
    if record is None:
        raise Http404(_("No record of this meeting that you may read."))
    return meeting, record


def _may_comment(user: Any, record: Record) -> Decision:
    return may_comment(
        organization=getattr(user, "organization_id", None),
        commenting_role=bool(can(user, Action.COMMENT_ON_RECORDS))
        and getattr(user, "role", None) in (Role.LIAISON_OFFICIAL, Role.MEMBER),
        round_=CommentRound(
            status=RecordStatusRule(record.status),
            deadline=record.comment_deadline,
            participants=services.participants_of(record.meeting),
        ),
        at=timezone.now(),
    )


def record_detail(request: HttpRequest, series: str, number: int) -> HttpResponse:
    require(request.user, Action.VIEW_MEETINGS)
    meeting, record = _record_or_404(request, series, number)
    page = selectors.record_page(record)
    context = {
        "meeting": meeting,
        "record": record,
        "page": page,
        "may_manage": bool(can(request.user, Action.MANAGE_RECORDS)),
        "may_comment": _may_comment(request.user, record),
        "comment_form": CommentForm(),
        "dispositions": Disposition.choices,
        "step_form": RecordStepForm(initial={"version": record.version}),
    }
    return render(request, "meetings/record_detail.html", context)


@login_required
def record_create(request: HttpRequest, series: str, number: int) -> HttpResponse:
    require(request.user, Action.MANAGE_RECORDS)
    meeting = _meeting_or_404(series, number)
    form = RecordForm(request.POST or None)

    def create() -> Record:
        data = form.cleaned_data
        return services.record_create(
            actor=request.user,
            meeting=meeting,
            text=data["text"],
            classification=data["classification"],
            topics=data["topics"],
        )

    if request.method == "POST" and _submit(form, create) is not None:
        return _done(request, record_url(meeting), _("The record is drafted."))
    context = {"form": form, "heading": _("Draft the record"), "meeting": meeting}
    return render(request, "meetings/form_page.html", context)


def record_url(meeting: Meeting) -> str:
    return reverse("meetings:record", args=[meeting.series.key, meeting.number])


@login_required
def record_edit(request: HttpRequest, series: str, number: int) -> HttpResponse:
    """Revise the text. If someone else saved meanwhile, their changes are shown beside the
    editor's text, which stays in the form: nothing is lost, and the next save is knowing."""
    require(request.user, Action.MANAGE_RECORDS)
    meeting, record = _record_or_404(request, series, number)
    current = selectors.record_page(record).current
    form = RecordEditForm(
        request.POST or None, initial={"text": current.text, "based_on": current.number}
    )
    theirs: list[DiffRow] | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_revise(
                actor=request.user,
                record=record,
                text=data["text"],
                based_on=data["based_on"],
                note=data["note"],
            )
        except services.RecordConflict as conflict:
            theirs = selectors.record_diff(record, old=data["based_on"], new=conflict.theirs.number)
            # The editor's text stays; the next save builds on the version now shown.
            resubmit = request.POST.copy()
            resubmit["based_on"] = str(conflict.theirs.number)
            form = RecordEditForm(resubmit)
            form.is_valid()
            form.add_error(None, str(conflict))
        except ValidationError as error:
            attach_errors(form, error)
        else:
            return _done(request, record_url(meeting), _("The record is saved."))
    context = {"form": form, "meeting": meeting, "record": record, "theirs": theirs}
    return render(request, "meetings/record_edit.html", context)


RECORD_STEPS = {"circulate": "circulated", "revise": "revised", "finalize": "final"}


@login_required
@require_POST
def record_step(request: HttpRequest, series: str, number: int, step: str) -> HttpResponse:
    require(request.user, Action.MANAGE_RECORDS)
    meeting, record = _record_or_404(request, series, number)
    if step not in RECORD_STEPS:
        raise Http404
    form = RecordStepForm(request.POST)

    def move() -> Record:
        return services.record_move(
            actor=request.user,
            record=record,
            to=RECORD_STEPS[step],
            expected_version=form.cleaned_data["version"],
            deadline=form.cleaned_data["deadline"],
        )

    _flash(request, form, move, _("The record moves to its next stage."))
    return redirect(record_url(meeting))


def _flash(request: HttpRequest, form: Any, write: Callable[[], Any], success: str) -> None:
    """For the small forms on a page: say the outcome at the top of the page it returns to."""
    if _submit(form, write) is not None:
        messages.success(request, success)
    else:
        for message in [m for errors in form.errors.values() for m in errors]:
            messages.error(request, str(message))


def _say(request: HttpRequest, write: Callable[[], Any], success: str) -> None:
    """For a button with no fields: the outcome at the top of the page it returns to."""
    try:
        write()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)


@login_required
@require_POST
def comment_add(request: HttpRequest, series: str, number: int) -> HttpResponse:
    meeting, record = _record_or_404(request, series, number)
    form = CommentForm(request.POST)
    _flash(
        request,
        form,
        lambda: services.comment_add(actor=request.user, record=record, **form.cleaned_data),
        _("Your comment is recorded."),
    )
    return redirect(record_url(meeting))


@login_required
@require_POST
def comment_dispose(
    request: HttpRequest, series: str, number: int, comment_id: int
) -> HttpResponse:
    require(request.user, Action.MANAGE_RECORDS)
    meeting, record = _record_or_404(request, series, number)
    comment = record.comments.filter(pk=comment_id).select_related("record").first()
    if comment is None:
        raise Http404
    form = DispositionForm(request.POST)
    _flash(
        request,
        form,
        lambda: services.comment_dispose(actor=request.user, comment=comment, **form.cleaned_data),
        _("The disposition is recorded."),
    )
    return redirect(record_url(meeting) + f"#comment-{comment.pk}")


def record_diff(request: HttpRequest, series: str, number: int) -> HttpResponse:
    require(request.user, Action.VIEW_MEETINGS)
    meeting, record = _record_or_404(request, series, number)
    versions = [v.number for v in selectors.record_page(record).versions]
    try:
        old = int(request.GET.get("from", versions[-1]))
        new = int(request.GET.get("to", versions[0]))
    except ValueError:
        raise Http404 from None
    rows = selectors.record_diff(record, old=old, new=new)
    if rows is None:
        raise Http404(_("No such version of the record."))
    context = {
        "meeting": meeting,
        "record": record,
        "rows": rows,
        "old": old,
        "new": new,
        "versions": versions,
    }
    return render(request, "meetings/record_diff.html", context)


def preparation(request: HttpRequest, series: str, number: int) -> HttpResponse:
    """¶10: what the previous meeting's record and working groups leave open for this one."""
    require(request.user, Action.VIEW_MEETINGS)
    meeting = _meeting_or_404(series, number)
    context = {
        "meeting": meeting,
        "prep": selectors.preparation(request.user, meeting=meeting, at=timezone.now()),
    }
    return render(request, "meetings/preparation.html", context)


# Calendar feeds (RFC 5545) ---------------------------------------------------------------------


def _calendar(request: HttpRequest, *, name: str, feed: selectors.Feed, file: str) -> HttpResponse:
    body = calendar_bytes(
        name=name,
        meetings=feed.meetings,
        deadlines=feed.deadlines,
        url_of=lambda m: request.build_absolute_uri(meeting_url(m)),
        record_url_of=lambda r: request.build_absolute_uri(record_url(r.meeting)),
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{file}.ics"'
    return response


def _windowed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A feed's window: ``?since=YYYY`` if given, else the default years (``selectors.
    feed_start``), passed to the view as ``start``. A bad year is refused in plain words, which
    a person trying the address reads (a calendar program only sees the status)."""

    @wraps(view)
    def windowed(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = FeedWindowForm(request.GET)
        if not form.is_valid():
            return HttpResponse(
                " ".join(str(e) for e in form.errors["since"]),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        since = form.cleaned_data["since"]
        start = selectors.feed_start(today=timezone.localdate(), since=since)
        return view(request, *args, start=start, **kwargs)

    return windowed


def _series_or_404(key: str) -> MeetingSeries:
    found = MeetingSeries.objects.filter(key=key).first()
    if found is None:
        raise Http404(_("No series with this key."))
    return found


@_windowed
def series_calendar(request: HttpRequest, series: str, start: dt.date) -> HttpResponse:
    """A series' public feed: what the anonymous public may read, whoever asks."""
    require(request.user, Action.VIEW_MEETINGS)
    found = _series_or_404(series)
    feed = selectors.feed_of_series(AnonymousUser(), series=found, at=timezone.now(), start=start)
    return _calendar(request, name=found.name, feed=feed, file=found.key)


def _token_or_404(token: str) -> CalendarToken:
    """The live calendar token; 404 if unknown, 410 Gone once revoked (clients stop polling)."""
    found = services.calendar_token_use(raw=token)
    if found is None:
        raise Http404(_("No calendar subscription at this address."))
    if found.revoked_at is not None:
        raise CalendarTokenGone
    return found


class CalendarTokenGone(Exception):  # noqa: N818 - named for the answer it becomes
    """A revoked calendar address: answered 410 Gone."""


def _gone() -> HttpResponse:
    return HttpResponse(
        _("This calendar subscription was revoked."),
        status=410,
        content_type="text/plain; charset=utf-8",
    )


@_windowed
def organization_calendar(request: HttpRequest, token: str, start: dt.date) -> HttpResponse:
    """The meetings that concern the token holder's organization, as the holder may read them."""
    try:
        holder = _token_or_404(token)
    except CalendarTokenGone:
        return _gone()
    with translation.override(language_of(holder.user)):
        feed = selectors.feed_of_organization(holder.user, at=timezone.now(), start=start)
        name = _("Meetings of %(organization)s") % {
            "organization": holder.user.organization.short_name
        }
        return _calendar(request, name=name, feed=feed, file="meetings")


@_windowed
def series_calendar_private(
    request: HttpRequest, token: str, series: str, start: dt.date
) -> HttpResponse:
    """A series' feed with the comment deadlines of the records the token holder may read."""
    try:
        holder = _token_or_404(token)
    except CalendarTokenGone:
        return _gone()
    found = _series_or_404(series)
    with translation.override(language_of(holder.user)):
        feed = selectors.feed_of_series(holder.user, series=found, at=timezone.now(), start=start)
        return _calendar(request, name=found.name, feed=feed, file=found.key)


@login_required
def calendar_subscriptions(request: HttpRequest) -> HttpResponse:
    """The user's private calendar addresses: made here, shown once, revoked here."""
    require(request.user, Action.SUBSCRIBE_CALENDARS)
    form = CalendarTokenForm(request.POST or None)
    if request.method == "POST":
        issued = _submit(
            form,
            lambda: services.calendar_token_issue(actor=request.user, **form.cleaned_data),
        )
        if issued is not None:
            # Shown once on the next page, then forgotten: only its digest is kept.
            request.session["new_calendar_token"] = issued[1]
            return _done(
                request,
                reverse("meetings:calendars"),
                _("Your subscription is made. Copy its addresses now: they are shown only once."),
            )
    raw = request.session.pop("new_calendar_token", None)
    series = list(selectors.series_list())

    def address(name: str, *args: str) -> str:
        return request.build_absolute_uri(reverse(f"meetings:{name}", args=args))

    context = {
        "form": form,
        "tokens": list(selectors.calendar_tokens(user=request.user)),
        "feed_start": selectors.feed_start(today=timezone.localdate()),
        "series": [(s, address("series-calendar", s.key)) for s in series],
        "new": {
            "organization": address("organization-calendar", raw),
            "series": [(s, address("series-calendar-private", raw, s.key)) for s in series],
        }
        if raw
        else None,
    }
    return render(request, "meetings/calendars.html", context)


# The agenda ------------------------------------------------------------------------------------


def agenda_url(meeting: Meeting) -> str:
    return reverse("meetings:agenda", args=[meeting.series.key, meeting.number])


def agenda(request: HttpRequest, series: str, number: int) -> HttpResponse:
    require(request.user, Action.VIEW_MEETINGS)
    meeting = _meeting_or_404(series, number)
    items = list(selectors.agenda_items(request.user, meeting=meeting))
    may_manage = bool(can(request.user, Action.MANAGE_MEETINGS))
    context = {
        "meeting": meeting,
        "rows": selectors.agenda_rows(request.user, items, at=timezone.now()),
        "visible": selectors.agenda_visible(request.user, meeting=meeting),
        "may_manage": may_manage
        and meeting.source_id is None
        and meeting.status not in ("concluded", "cancelled"),
        "form": AgendaItemForm(),
    }
    return render(request, "meetings/agenda.html", context)


def _item_or_404(request: HttpRequest, series: str, number: int, item_id: int) -> AgendaItem:
    """An item of the meeting the secretariat keeps (the only ones who change agendas)."""
    require(request.user, Action.MANAGE_MEETINGS)
    meeting = _meeting_or_404(series, number)
    item = AgendaItem.objects.filter(meeting=meeting, pk=item_id).first()
    if item is None:
        raise Http404(_("No such item on this agenda."))
    item.meeting = meeting
    return item


def _titles(data: dict[str, Any]) -> dict[str, Any]:
    return {field: data[field] for field in services.AGENDA_TITLES}


@login_required
def agenda_add(request: HttpRequest, series: str, number: int) -> HttpResponse:
    require(request.user, Action.MANAGE_MEETINGS)
    meeting = _editable_or_403(series, number)
    form = AgendaItemForm(request.POST or None)

    def add() -> AgendaItem:
        data = form.cleaned_data
        return services.agenda_item_add(
            actor=request.user,
            meeting=meeting,
            working_group=data["working_group"],
            **_titles(data),
        )

    if request.method == "POST" and (item := _submit(form, add)) is not None:
        return _done(request, agenda_url(meeting) + f"#item-{item.number}", _("The item is added."))
    return render(request, "meetings/agenda_add.html", {"form": form, "meeting": meeting})


@login_required
def agenda_item(request: HttpRequest, series: str, number: int, item_id: int) -> HttpResponse:
    """The secretariat's page for one item: its titles and result, its documents (chosen by
    searching the library), and the proposals and decisions taken up under it."""
    item = _item_or_404(request, series, number, item_id)
    initial = {field: getattr(item, field) for field in services.AGENDA_TITLES}
    initial.update(working_group=item.working_group, result=item.result, version=item.version)
    form = AgendaItemEditForm(request.POST or None, initial=initial)

    def update() -> AgendaItem:
        data = form.cleaned_data
        return services.agenda_item_update(
            actor=request.user,
            item=item,
            expected_version=data["version"],
            working_group=data["working_group"],
            result=data["result"],
            **_titles(data),
        )

    if request.method == "POST" and _submit(form, update) is not None:
        return _done(request, agenda_url(item.meeting), _("The item is saved."))
    (row,) = selectors.agenda_rows(request.user, [item], at=timezone.now())
    context = {
        "meeting": item.meeting,
        "item": item,
        "row": row,
        "form": form,
        "document_form": AgendaDocumentForm(reader=request.user),
        "link_form": AgendaLinkForm(reader=request.user, meeting=item.meeting),
        "may_change": item.meeting.source_id is None
        and item.meeting.status not in ("concluded", "cancelled"),
    }
    return render(request, "meetings/agenda_item.html", context)


def _item_url(item: AgendaItem) -> str:
    return reverse(
        "meetings:agenda-item", args=[item.meeting.series.key, item.meeting.number, item.pk]
    )


@login_required
@require_POST
def calendar_token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = selectors.calendar_tokens(user=request.user).filter(pk=token_id).first()
    if token is None:
        raise Http404(_("No calendar subscription at this address."))
    try:
        services.calendar_token_revoke(actor=request.user, token=token)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The subscription is revoked: its addresses answer no more."))
    return redirect("meetings:calendars")


def agenda_move(request: HttpRequest, series: str, number: int, item_id: int) -> HttpResponse:
    item = _item_or_404(request, series, number, item_id)
    form = AgendaMoveForm(request.POST)
    _flash(
        request,
        form,
        lambda: services.agenda_item_move(
            actor=request.user,
            item=item,
            to=form.cleaned_data["to"],
            expected_version=form.cleaned_data["version"],
        ),
        _("The item is moved."),
    )
    return redirect(agenda_url(item.meeting))


@login_required
@require_POST
def agenda_remove(request: HttpRequest, series: str, number: int, item_id: int) -> HttpResponse:
    item = _item_or_404(request, series, number, item_id)
    form = AgendaRemoveForm(request.POST)
    _flash(
        request,
        form,
        lambda: (
            services.agenda_item_remove(
                actor=request.user, item=item, expected_version=form.cleaned_data["version"]
            )
            or item
        ),
        _("The item is removed."),
    )
    return redirect(agenda_url(item.meeting))


@login_required
@require_POST
def agenda_publish(request: HttpRequest, series: str, number: int) -> HttpResponse:
    require(request.user, Action.MANAGE_MEETINGS)
    meeting = _meeting_or_404(series, number)
    _say(
        request,
        lambda: services.agenda_publish(actor=request.user, meeting=meeting),
        _("The agenda is published."),
    )
    return redirect(agenda_url(meeting))


@login_required
@require_POST
def agenda_document_add(
    request: HttpRequest, series: str, number: int, item_id: int
) -> HttpResponse:
    item = _item_or_404(request, series, number, item_id)
    form = AgendaDocumentForm(request.POST, reader=request.user)
    _flash(
        request,
        form,
        lambda: services.agenda_document_add(
            actor=request.user, item=item, document=form.cleaned_data["document"]
        ),
        _("The document is on the item."),
    )
    return redirect(_item_url(item))


@login_required
@require_POST
def agenda_document_remove(
    request: HttpRequest, series: str, number: int, item_id: int, document_id: int
) -> HttpResponse:
    item = _item_or_404(request, series, number, item_id)
    _say(
        request,
        lambda: services.agenda_document_remove(
            actor=request.user, item=item, document_id=document_id
        ),
        _("The document is taken off the item."),
    )
    return redirect(_item_url(item))


@login_required
@require_POST
def agenda_link(request: HttpRequest, series: str, number: int, item_id: int) -> HttpResponse:
    item = _item_or_404(request, series, number, item_id)
    if "remove" in request.POST:
        return _agenda_unlink(request, item)
    form = AgendaLinkForm(request.POST, reader=request.user, meeting=item.meeting)
    _flash(
        request,
        form,
        lambda: services.agenda_link(actor=request.user, item=item, **form.cleaned_data),
        _("It is taken up under the item."),
    )
    return redirect(_item_url(item))


def _agenda_unlink(request: HttpRequest, item: AgendaItem) -> HttpResponse:
    kind, _sep, pk = request.POST.get("remove", "").partition(":")
    if kind not in ("proposal", "decision") or not pk.isdigit() or len(pk) > 15:
        raise Http404
    _say(
        request,
        lambda: services.agenda_unlink(actor=request.user, item=item, **{f"{kind}_id": int(pk)}),
        _("It is no longer taken up under the item."),
    )
    return redirect(_item_url(item))


def outcome_pdf(request: HttpRequest, series: str, number: int) -> HttpResponse:
    """The meeting's outcome document as the UN prints it, in the reader's language where the
    library has that text (``?language=`` chooses), else in its original language. Read through
    the library's policy: a reader who may not read it gets 404, and a read of a restricted or
    confidential one is logged for its owner."""
    require(request.user, Action.VIEW_MEETINGS)
    meeting = _meeting_or_404(series, number)
    if meeting.outcome_id is None:
        raise Http404(_("No outcome document of this meeting is in the library."))
    document, decision = access_document(request.user, meeting.outcome_id, at=timezone.now())
    wanted = request.GET.get("language", "")
    language = wanted if wanted in dict(settings.LANGUAGES) else translation.get_language()
    found = selectors.outcome(document, language=language)
    if found is None:
        raise Http404(_("No outcome document of this meeting is in the library."))
    document_read_record(user=request.user, document=document, what="pdf", decision=decision)
    return pdf_response(
        request,
        "meetings/outcome_document.html",
        {"outcome": found, "layout": found.layout, "meeting": meeting},
        filename=f"{meeting.series.key}-{meeting.number}-outcome-{found.language}.pdf",
        language=found.language,
    )
