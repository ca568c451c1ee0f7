"""The public page of a coalition, mounted under /openbaar/<slug>/: no login, only what the
coalition published (``kansrijk.dashboards.publication``)."""

from django.urls import path

from . import views

app_name = "public"
urlpatterns = [
    path("", views.public_home, name="dashboard"),
    path("<slug:code>/", views.public_indicator_page, name="indicator"),
    path(
        "<slug:code>/grafieken/<slug:chart>.<str:fmt>",
        views.public_chart,
        name="chart",
    ),
]
