from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from interlock.committees import selectors
from interlock.core.access import require
from interlock.domain.permissions import Action


def working_group_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_MEETINGS)
    groups = list(selectors.working_group_list())
    return render(request, "committees/working_group_list.html", {"groups": groups})
