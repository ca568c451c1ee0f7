"""URLs under /api/v1/. Every endpoint here is in the OpenAPI document and in docs/api.md
(``tests/test_documentation.py`` fails otherwise)."""

from django.urls import path, re_path

from .views import areas, catalog, coalitions, meta, national

app_name = "api"
urlpatterns = [
    path("openapi.json", meta.SchemaView.as_view(), name="schema"),
    path("docs", meta.DocsView.as_view(url_name="api:schema"), name="docs"),
    path("indicators", catalog.IndicatorList.as_view(), name="indicator-list"),
    path("indicators/<slug:code>", catalog.IndicatorDetail.as_view(), name="indicator-detail"),
    path(
        "indicators/<slug:code>/values",
        national.NationalValues.as_view(),
        name="indicator-national-values",
    ),
    path("areas", areas.AreaList.as_view(), name="area-list"),
    path("areas/<str:code>", areas.AreaDetail.as_view(), name="area-detail"),
    path("coalitions", coalitions.CoalitionList.as_view(), name="coalition-list"),
    path("coalitions/<slug:slug>", coalitions.CoalitionDetail.as_view(), name="coalition-detail"),
    path(
        "coalitions/<slug:slug>/indicators/<slug:code>/values",
        coalitions.IndicatorValues.as_view(),
        name="indicator-values",
    ),
    path("coalitions/<slug:slug>/stories", coalitions.StoryList.as_view(), name="story-list"),
    path("coalitions/<slug:slug>/themes", coalitions.StoryThemeList.as_view(), name="theme-list"),
    re_path(r"^.*$", meta.UnknownPath.as_view(), name="unknown"),
]
