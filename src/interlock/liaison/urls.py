from django.urls import path

from interlock.liaison import views

app_name = "liaison"
urlpatterns = [
    path("liaison/", views.directory, name="directory"),
    path("liaison/officials.vcf", views.directory_vcard, name="directory-vcard"),
    path("liaison/officials.csv", views.directory_csv, name="directory-csv"),
    path("organizations/<slug:acronym>/liaison-office/", views.office, name="office"),
    path(
        "organizations/<slug:acronym>/liaison-office/profile/",
        views.office_profile,
        name="office-profile",
    ),
    path(
        "organizations/<slug:acronym>/liaison-office/contact/",
        views.office_contact,
        name="office-contact",
    ),
    path(
        "organizations/<slug:acronym>/liaison-office/hand-over/",
        views.office_hand_over,
        name="office-hand-over",
    ),
    path("organizations/<slug:acronym>/liaison-office/end/", views.office_end, name="office-end"),
]
