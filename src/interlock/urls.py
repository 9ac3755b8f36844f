from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from interlock.api import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("", include("interlock.core.urls")),
    path("accounts/", include("interlock.accounts.urls")),
    path("organizations/", include("interlock.registry.urls")),
    path("", include("interlock.liaison.urls")),
    path("meetings/", include("interlock.meetings.urls")),
    path("groups/", include("interlock.committees.urls")),
    path("documents/", include("interlock.documents.urls")),
    path("agreements/", include("interlock.agreements.urls")),
    path("situations/", include("interlock.situations.urls")),
    path("", include("interlock.decisions.urls")),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]
