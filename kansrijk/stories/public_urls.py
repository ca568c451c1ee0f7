"""The public story form, mounted under /vertel/<slug>/ (no login)."""

from django.urls import path

from . import views

app_name = "tell"
urlpatterns = [
    path("", views.public_form, name="form"),
    path("bedankt/", views.public_thanks, name="thanks"),
]
