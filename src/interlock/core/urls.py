from django.urls import path

from interlock.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("audit/", views.audit_list, name="audit"),
    path("health/", views.health, name="health"),
]
