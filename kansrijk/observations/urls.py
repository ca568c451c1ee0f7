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
    path("openbaar/", views.public_data, name="public-data"),
    path("openbaar/bijwerken/", views.public_data_update, name="public-data-update"),
    path(
        "openbaar/bijwerken/<int:update_id>/",
        views.public_data_status,
        name="public-data-status",
    ),
]
