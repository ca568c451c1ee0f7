from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("", include("kansrijk.web.urls")),
    path("catalogus/", include("kansrijk.catalog.urls")),
    path("coalities/<slug:slug>/indicatoren/", include("kansrijk.catalog.own_urls")),
    path("coalities/<slug:slug>/cijfers/<slug:code>/grafieken/", include("kansrijk.charts.urls")),
    path("coalities/<slug:slug>/cijfers/", include("kansrijk.insight.urls")),
    path("coalities/<slug:slug>/dashboard/", include("kansrijk.dashboards.urls")),
    path("coalities/<slug:slug>/export/", include("kansrijk.exports.urls")),
    path("coalities/<slug:slug>/monitorrondes/", include("kansrijk.interpretation.urls")),
    path(
        "coalities/<slug:slug>/sessies/<int:session_id>/pakket/",
        include("kansrijk.interpretation.pack_urls"),
    ),
    path("coalities/<slug:slug>/gegevens/", include("kansrijk.observations.urls")),
    path("coalities/<slug:slug>/verhalen/", include("kansrijk.stories.urls")),
    path("coalities/", include("kansrijk.coalitions.urls")),
    path("api/v1/", include("kansrijk.api.urls")),
    path("account/api-sleutels/", include("kansrijk.api.token_urls")),
    path("vertel/<slug:slug>/", include("kansrijk.stories.public_urls")),
    path("openbaar/<slug:slug>/", include("kansrijk.dashboards.public_urls")),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
