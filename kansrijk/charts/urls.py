"""Chart downloads, mounted under /coalities/<slug>/cijfers/<code>/grafieken/."""

from django.urls import path

from . import views

app_name = "charts"
urlpatterns = [
    path("<slug:chart>.svg", views.chart_svg, name="chart-svg"),
    path("<slug:chart>.png", views.chart_png, name="chart-png"),
]
