from django.urls import path

from interlock.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("<int:number>/", views.meeting_detail, name="meeting"),
]
