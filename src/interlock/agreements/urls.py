from django.urls import path

from interlock.agreements import views

app_name = "agreements"
urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("new/", views.agreement_create, name="create"),
    path("<int:pk>/", views.agreement_detail, name="agreement"),
    path("<int:pk>/<slug:step>/", views.agreement_step, name="step"),
]
