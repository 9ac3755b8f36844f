from django.urls import path

from interlock.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("export.csv", views.document_export, name="export"),
    path("new/", views.document_create, name="create"),
    path("choices/", views.document_choices, name="choices"),
    path("<int:pk>/", views.document_detail, name="document"),
    path("<int:pk>/versions/new/", views.document_add_version, name="add-version"),
    path("<int:pk>/texts/<int:text_id>/download/", views.document_download, name="download"),
    path("<int:pk>/reads/", views.document_reads, name="reads"),
]
