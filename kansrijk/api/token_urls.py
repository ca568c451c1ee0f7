"""URLs under /account/api-sleutels/: the user's own API tokens."""

from django.urls import path

from .views import tokens

app_name = "api-tokens"
urlpatterns = [
    path("", tokens.token_list, name="token-list"),
    path("<int:token_id>/intrekken/", tokens.token_revoke, name="token-revoke"),
]
