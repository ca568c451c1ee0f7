from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "kansrijk.insight"
    label = "insight"

    def ready(self) -> None:
        from . import outputs, versioning

        versioning.connect_signals()
        outputs.register_defaults()
