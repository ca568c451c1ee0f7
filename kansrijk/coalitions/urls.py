from django.urls import path

from . import views

app_name = "coalitions"
urlpatterns = [
    path("", views.coalition_list, name="coalition-list"),
    path("<slug:slug>/", views.coalition_detail, name="coalition-detail"),
]
