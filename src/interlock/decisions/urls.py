from django.urls import path

from interlock.decisions import views

app_name = "decisions"
urlpatterns = [
    path("decisions/", views.decision_list, name="list"),
    path("decisions/monitor/", views.monitor, name="monitor"),
    path("decisions/monitor.csv", views.monitor_csv, name="monitor-csv"),
    path("decisions/monitor.pdf", views.monitor_pdf, name="monitor-pdf"),
    path("decisions/reminders/", views.reminder_list, name="reminders"),
    path("decisions/<int:meeting>/<int:number>/", views.decision_detail, name="decision"),
    path("decisions/<int:meeting>/<int:number>/actions/", views.action_add, name="action-add"),
    path(
        "decisions/<int:meeting>/<int:number>/actions/<int:action_id>/indicators/",
        views.indicator_add,
        name="indicator-add",
    ),
    path("decisions/<int:meeting>/<int:number>/links/", views.decision_link, name="decision-link"),
    path("decisions/indicators/<int:indicator_id>/report/", views.report_save, name="report"),
    path("decisions/reports/<int:report_id>/archive/", views.report_archive, name="report-archive"),
    path("proposals/", views.proposal_list, name="proposals"),
    path("proposals/new/", views.proposal_create, name="proposal-create"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/modify/", views.proposal_modify, name="proposal-modify"),
    path(
        "proposals/<int:pk>/modifications/<int:modification_id>/",
        views.modification_decide,
        name="modification-decide",
    ),
    path("proposals/<int:pk>/move/", views.proposal_move, name="proposal-move"),
    path("proposals/<int:pk>/support/", views.proposal_support, name="proposal-support"),
    path("proposals/<int:pk>/decision/", views.decision_from_proposal, name="proposal-decision"),
]
