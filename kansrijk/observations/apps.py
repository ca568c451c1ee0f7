from django.apps import AppConfig


class ObservationsConfig(AppConfig):
    name = "kansrijk.observations"
    label = "observations"
