from django.urls import path

from . import views

app_name = "catalog"
urlpatterns = [
    path("", views.indicator_list, name="indicator-list"),
    path("<slug:code>/", views.indicator_detail, name="indicator-detail"),
]
