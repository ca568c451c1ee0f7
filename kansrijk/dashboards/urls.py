"""The dashboards of a coalition, mounted under /coalities/<slug>/dashboard/."""

from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bestuur/", views.council, name="council"),
    path("samenstellen/", views.compose, name="compose"),
]
