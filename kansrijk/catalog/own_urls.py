"""URLs for a coalition's own indicators, mounted under /coalities/<slug>/indicatoren/."""

app_name = "own-indicators"
urlpatterns: list = []
