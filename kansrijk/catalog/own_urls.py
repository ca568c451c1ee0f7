"""URLs for a coalition's own indicators, mounted under /coalities/<slug>/indicatoren/."""

from django.urls import path

from . import views

app_name = "own-indicators"
urlpatterns = [
    path("", views.own_indicator_list, name="indicator-list"),
    path("nieuw/", views.own_indicator_create, name="indicator-create"),
    path("<slug:code>/bewerken/", views.own_indicator_edit, name="indicator-edit"),
    path("<slug:code>/voorstellen/", views.own_indicator_propose, name="indicator-propose"),
]
