"""Downloads of the figures tables, mounted under /coalities/<slug>/export/."""

from django.urls import path

from . import views

app_name = "exports"
urlpatterns = [
    path("alles.csv", views.coalition_export, {"fmt": "csv"}, name="all-csv"),
    path("alles.xlsx", views.coalition_export, {"fmt": "xlsx"}, name="all-xlsx"),
    path("<slug:code>/<slug:table>.csv", views.table_export, {"fmt": "csv"}, name="table-csv"),
    path("<slug:code>/<slug:table>.xlsx", views.table_export, {"fmt": "xlsx"}, name="table-xlsx"),
]
