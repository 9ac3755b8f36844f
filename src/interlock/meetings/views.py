from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from interlock.core.access import require
from interlock.domain.permissions import Action
from interlock.meetings import selectors
from interlock.meetings.models import Meeting


def meeting_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_MEETINGS)
    return render(
        request, "meetings/meeting_list.html", {"meetings": list(selectors.meeting_list())}
    )


def meeting_detail(request: HttpRequest, number: int) -> HttpResponse:
    require(request.user, Action.VIEW_MEETINGS)
    try:
        meeting = selectors.meeting_get(number=number)
    except Meeting.DoesNotExist:
        raise Http404(_("No meeting with this number.")) from None
    context = {"meeting": meeting, "figures": selectors.attendance_figures(meeting)}
    return render(request, "meetings/meeting_detail.html", context)
