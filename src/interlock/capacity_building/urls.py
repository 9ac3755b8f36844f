from django.urls import path

from interlock.capacity_building import views

app_name = "capacity_building"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("new/", views.plan_create, name="create"),
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/edit/", views.plan_edit, name="plan-edit"),
    path("<int:pk>/pillars/new/", views.pillar_add, name="pillar-add"),
    path("<int:pk>/milestones/new/", views.milestone_add, name="milestone-add"),
    path("<int:pk>/contributions/new/", views.contribution_add, name="contribution-add"),
    path("pillars/<int:pillar_id>/", views.pillar_edit, name="pillar-edit"),
    path("pillars/<int:pillar_id>/move/", views.pillar_move, name="pillar-move"),
    path("milestones/<int:milestone_id>/", views.milestone_edit, name="milestone-edit"),
    path(
        "contributions/<int:contribution_id>/",
        views.contribution_edit,
        name="contribution-edit",
    ),
]
