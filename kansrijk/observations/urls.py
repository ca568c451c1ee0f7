"""URLs for a coalition's own data (import batches, uploads, manual entry), mounted under
/coalities/<slug>/gegevens/."""

from django.urls import path

from . import views

app_name = "observations"
urlpatterns = [
    path("", views.batch_list, name="batch-list"),
    path("uploaden/", views.upload, name="upload"),
    path("uploaden/<int:upload_id>/", views.upload_preview, name="upload-preview"),
    path("uploaden/<int:upload_id>/annuleren/", views.upload_discard, name="upload-discard"),
    path("invoeren/", views.manual_entry, name="manual-entry"),
    path("<int:batch_id>/terugdraaien/", views.batch_rollback, name="batch-rollback"),
    path("<int:batch_id>/bestand/", views.batch_file, name="batch-file"),
]
