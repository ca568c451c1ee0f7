from django.apps import AppConfig


class ExportsConfig(AppConfig):
    verbose_name = "Exports"
    name = "kansrijk.exports"
    label = "exports"

    def ready(self) -> None:
        from . import outputs

        outputs.register_outputs()
