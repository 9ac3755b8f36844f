from django.urls import path

from interlock.committees import views

app_name = "committees"
urlpatterns = [
    path("working-groups/", views.working_group_list, name="working-groups"),
    path("working-groups/new/", views.working_group_create, name="working-group-create"),
    path("working-groups/<slug:key>/", views.working_group_detail, name="working-group"),
    path(
        "working-groups/<slug:key>/documents/",
        views.working_group_document,
        name="working-group-document",
    ),
    path(
        "working-groups/<slug:key>/people/", views.working_group_people, name="working-group-people"
    ),
    path("standing-committee/", views.standing_committee, name="standing-committee"),
    path("standing-committee/seats/", views.seat_add, name="seat-add"),
    path("standing-committee/seats/<int:pk>/end/", views.seat_end, name="seat-end"),
    path("standing-committee/terms/", views.terms_create, name="terms-create"),
    path("standing-committee/terms/<int:pk>/consent/", views.consent, name="consent"),
]
