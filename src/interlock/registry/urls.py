from django.urls import path

from interlock.registry import views

app_name = "registry"
urlpatterns = [
    path("", views.organization_list, name="organizations"),
    path("new/", views.organization_create, name="organization-create"),
    path("<slug:acronym>/", views.organization_detail, name="organization"),
    path("<slug:acronym>/liaison/", views.liaison_appoint, name="liaison-appoint"),
    path(
        "<slug:acronym>/translations/",
        views.organization_translations,
        name="organization-translations",
    ),
]
