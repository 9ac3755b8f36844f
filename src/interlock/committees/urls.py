from django.urls import path

from interlock.committees import views

app_name = "committees"
urlpatterns = [path("working-groups/", views.working_group_list, name="working-groups")]
