from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "kansrijk.areas"
    label = "areas"
