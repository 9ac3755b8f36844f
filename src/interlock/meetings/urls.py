from django.urls import path

from interlock.meetings import views

app_name = "meetings"
MEETING = "<slug:series>/<int:number>/"
RECORD = MEETING + "record/"
AGENDA = MEETING + "agenda/"
ITEM = AGENDA + "<int:item_id>/"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("new/", views.meeting_create, name="create"),
    path("series/new/", views.series_create, name="series-create"),
    # Calendar feeds (RFC 5545): a series' public feed, and private ones behind a token.
    path("calendar/<slug:series>.ics", views.series_calendar, name="series-calendar"),
    path("feeds/", views.calendar_subscriptions, name="calendars"),
    path("feeds/<int:token_id>/revoke/", views.calendar_token_revoke, name="calendar-revoke"),
    path(
        "feeds/<str:token>/organization.ics",
        views.organization_calendar,
        name="organization-calendar",
    ),
    path(
        "feeds/<str:token>/series/<slug:series>.ics",
        views.series_calendar_private,
        name="series-calendar-private",
    ),
    # The high-level meetings keep their short addresses: /meetings/6/ is the sixth.
    path("<int:number>/", views.meeting_detail, name="high-level"),
    path(MEETING, views.meeting_detail, name="meeting"),
    path(MEETING + "edit/", views.meeting_edit, name="edit"),
    path(MEETING + "status/", views.meeting_status, name="status"),
    path(MEETING + "invite/", views.meeting_invite, name="invite"),
    path(MEETING + "delegation/", views.delegation_register, name="delegation"),
    path(MEETING + "preparation/", views.preparation, name="preparation"),
    path(AGENDA, views.agenda, name="agenda"),
    path(AGENDA + "new/", views.agenda_add, name="agenda-add"),
    path(AGENDA + "publish/", views.agenda_publish, name="agenda-publish"),
    path(ITEM, views.agenda_item, name="agenda-item"),
    path(ITEM + "move/", views.agenda_move, name="agenda-move"),
    path(ITEM + "remove/", views.agenda_remove, name="agenda-remove"),
    path(ITEM + "documents/", views.agenda_document_add, name="agenda-document-add"),
    path(
        ITEM + "documents/<int:document_id>/remove/",
        views.agenda_document_remove,
        name="agenda-document-remove",
    ),
    path(ITEM + "links/", views.agenda_link, name="agenda-link"),
    path(MEETING + "outcome/", views.meeting_outcome, name="outcome"),
    path(MEETING + "outcome.pdf", views.outcome_pdf, name="outcome-pdf"),
    path(RECORD, views.record_detail, name="record"),
    path(RECORD + "new/", views.record_create, name="record-create"),
    path(RECORD + "edit/", views.record_edit, name="record-edit"),
    path(RECORD + "diff/", views.record_diff, name="record-diff"),
    path(RECORD + "comments/", views.comment_add, name="comment-add"),
    path(
        RECORD + "comments/<int:comment_id>/disposition/",
        views.comment_dispose,
        name="comment-dispose",
    ),
    path(RECORD + "step/<slug:step>/", views.record_step, name="record-step"),
]
