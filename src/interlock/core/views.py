from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from interlock.core import selectors
from interlock.core.access import require
from interlock.domain.permissions import Action
from interlock.meetings.selectors import meeting_list
from interlock.registry.models import Organization


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "organization_count": Organization.objects.exclude(kind="united_nations").count(),
        "meetings": list(meeting_list()[:3]),
    }
    return render(request, "core/home.html", context)


def audit_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_AUDIT)
    events = selectors.audit_event_list(action=request.GET.get("action", "")[:80])
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_list.html", {"page": page})


def health(request: HttpRequest) -> HttpResponse:
    Organization.objects.exists()  # the database answers
    return HttpResponse("ok", content_type="text/plain")
