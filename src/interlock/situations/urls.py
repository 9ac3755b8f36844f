from django.urls import path

from interlock.situations import views

app_name = "situations"
urlpatterns = [
    path("", views.situation_list, name="list"),
    path("new/", views.situation_create, name="create"),
    path("<int:pk>/", views.situation_detail, name="situation"),
    path("<int:pk>/timeline/", views.timeline_add, name="timeline-add"),
    path("<int:pk>/authorizations/", views.authorization_add, name="authorization-add"),
    path("<int:pk>/tasks/", views.task_add, name="task-add"),
    path("<int:pk>/plans/", views.plan_propose, name="plan-propose"),
    path("<int:pk>/what-if/", views.what_if, name="what-if"),
    path("plans/<int:plan_id>/adopt/", views.plan_adopt, name="plan-adopt"),
    path("engagements/<int:engagement_id>/", views.engagement_status, name="engagement"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<int:notification_id>/", views.notification_detail, name="notification"),
    path(
        "notifications/<int:notification_id>/text/",
        views.notification_edit,
        name="notification-edit",
    ),
    path("notifications/<int:notification_id>/sent/", views.notification_sent, name="sent"),
    path("peacebuilding/", views.configuration_list, name="configurations"),
    path("peacebuilding/<int:pk>/", views.configuration_detail, name="configuration"),
    path("peacebuilding/<int:pk>/propose/", views.seats_propose, name="seats-propose"),
    path("peacebuilding/seats/<int:seat_id>/adopt/", views.seat_adopt, name="seat-adopt"),
    path("capabilities/", views.capability_list, name="capabilities"),
    path("capabilities/<slug:acronym>/", views.capability_edit, name="capability-edit"),
]
