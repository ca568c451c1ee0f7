"""URLs of the figures pages, mounted under /coalities/<slug>/cijfers/."""

from django.urls import path

from . import views

app_name = "insight"
urlpatterns = [
    path("", views.indicator_overview, name="overview"),
    path("<slug:code>/", views.indicator_detail, name="indicator-detail"),
]
