from django.apps import AppConfig


class ChartsConfig(AppConfig):
    verbose_name = "Grafieken en kaarten"
    name = "kansrijk.charts"
    label = "charts"

    def ready(self) -> None:
        from . import outputs

        outputs.register()
