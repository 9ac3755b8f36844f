from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from interlock.accounts.services import home_visit_record
from interlock.core import selectors, services
from interlock.core.access import require
from interlock.core.home import home_for
from interlock.core.paging import query_without_page
from interlock.domain.permissions import Action
from interlock.meetings.selectors import meeting_list
from interlock.registry.models import Organization
from interlock.registry.selectors import participants


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return _own_home(request)
    context = {
        "organization_count": participants().count(),
        "meetings": list(meeting_list()[:3]),
    }
    return render(request, "core/home.html", context)


# The session keeps the visit before its first look at the home, so that reloading the home does
# not empty "shared since your last visit"; the next session starts from this one.
HOME_SINCE = "interlock_home_since"


def _own_home(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    user: Any = request.user
    if HOME_SINCE not in request.session:
        previous = user.home_seen_at
        request.session[HOME_SINCE] = previous.isoformat() if previous else ""
        home_visit_record(user=user, at=now)
    stored = request.session[HOME_SINCE]
    since = dt.datetime.fromisoformat(stored) if stored else None
    context = {"home": home_for(user, since=since, now=now), "today": now.date()}
    return render(request, "core/home_own.html", context)


@login_required  # the anonymous public signs in first, as on every page that needs an account
def audit_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_AUDIT)
    query = request.GET.get("q", "")[:200]
    events = selectors.audit_event_list(
        reader=request.user, action=request.GET.get("action", "")[:80], query=query
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    page.object_list = selectors.audit_events_named(
        reader=request.user, events=list(page.object_list)
    )
    context = {"page": page, "query": query, "query_string": query_without_page(request)}
    return render(request, "core/audit_list.html", context)


def health(request: HttpRequest) -> HttpResponse:
    Organization.objects.exists()  # the database answers
    return HttpResponse("ok", content_type="text/plain")


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """The reader's own notifications, newest first; each target named as the reader may see it."""
    require(request.user, Action.KEEP_OWN_INBOX)
    page = Paginator(selectors.notification_list(reader=request.user), 50).get_page(
        request.GET.get("page")
    )
    page.object_list = selectors.notifications_named(
        reader=request.user, notifications=list(page.object_list)
    )
    return render(request, "core/notification_list.html", {"page": page, "query_string": ""})


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    """Mark one notification read (``id``), or all of them; then back to the list."""
    chosen = request.POST.get("id", "")
    services.notifications_mark_read(
        actor=request.user, ids=[int(chosen)] if chosen.isdigit() and len(chosen) <= 15 else None
    )
    return redirect("core:notifications")


@login_required
def reminder_list(request: HttpRequest) -> HttpResponse:
    """The reminders every app sent by e-mail, newest first (core.reminders)."""
    require(request.user, Action.VIEW_REMINDERS)
    page = Paginator(selectors.reminder_list(), 50).get_page(request.GET.get("page"))
    page.object_list = selectors.reminders_named(reader=request.user, rows=list(page.object_list))
    return render(request, "core/reminder_list.html", {"page": page, "query_string": ""})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch; a signed-in user's choice is also kept as the language their
    e-mail and calendar feeds are written in (core.i18n.language_of)."""
    from django.views.i18n import set_language as switch

    response = switch(request)
    services.preferred_language_keep(actor=request.user, language=request.POST.get("language", ""))
    return response
