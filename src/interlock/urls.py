from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from interlock.api import api
from interlock.core import views as core_views

urlpatterns = [
    # Django's language switch, which also keeps a signed-in user's choice for e-mail and feeds.
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("api/v1/", api.urls),
    path("", include("interlock.core.urls")),
    path("accounts/", include("interlock.accounts.urls")),
    path("organizations/", include("interlock.registry.urls")),
    path("", include("interlock.liaison.urls")),
    path("meetings/", include("interlock.meetings.urls")),
    path("groups/", include("interlock.committees.urls")),
    path("documents/", include("interlock.documents.urls")),
    path("agreements/", include("interlock.agreements.urls")),
    path("situations/capacity-building/", include("interlock.capacity_building.urls")),
    path("situations/", include("interlock.situations.urls")),
    path("", include("interlock.decisions.urls")),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]
