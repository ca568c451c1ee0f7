from django.apps import AppConfig


class InterpretationConfig(AppConfig):
    verbose_name = "Duidingssessies"
    name = "kansrijk.interpretation"
    label = "interpretation"
