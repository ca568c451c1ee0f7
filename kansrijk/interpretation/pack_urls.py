"""The session pack, mounted at ``/coalities/<slug>/sessies/<session_id>/pakket/``."""

from django.urls import path

from .pack import views

app_name = "pack"
urlpatterns = [
    path("", views.pack_html, name="pack-html"),
    path("pakket.pdf", views.pack_pdf, name="pack-pdf"),
]
