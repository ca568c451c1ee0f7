from django.apps import AppConfig


class CoalitionsConfig(AppConfig):
    name = "kansrijk.coalitions"
    label = "coalitions"
