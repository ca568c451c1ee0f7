"""URLs for a coalition's stories, mounted under /coalities/<slug>/verhalen/."""

from django.urls import path

from . import views

app_name = "stories"
urlpatterns = [
    path("", views.story_list, name="story-list"),
    path("nieuw/", views.story_create, name="story-create"),
    path("controleren/", views.review_list, name="review-list"),
    path("export/", views.story_export, name="story-export"),
    path("overzicht/", views.overview, name="overview"),
    path("<int:story_id>/", views.story_detail, name="story-detail"),
    path("<int:story_id>/controleren/", views.story_review, name="story-review"),
    path("<int:story_id>/gegevens/", views.story_details, name="story-details"),
    path("<int:story_id>/verwijderen/", views.story_delete, name="story-delete"),
    path("<int:story_id>/coderen/", views.story_code, name="story-code"),
    path(
        "<int:story_id>/citaten/<int:quote_id>/verwijderen/",
        views.quote_delete,
        name="quote-delete",
    ),
    path("themas/", views.theme_list, name="theme-list"),
    path("themas/nieuw/", views.theme_create, name="theme-create"),
    path("themas/<int:theme_id>/wijzigen/", views.theme_edit, name="theme-edit"),
    path("themas/<int:theme_id>/verwijderen/", views.theme_delete, name="theme-delete"),
    path("instellingen/", views.story_settings, name="settings"),
    path("vragen/nieuw/", views.question_create, name="question-create"),
    path("vragen/<int:question_id>/wijzigen/", views.question_edit, name="question-edit"),
]
