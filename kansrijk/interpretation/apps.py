from django.apps import AppConfig


class InterpretationConfig(AppConfig):
    verbose_name = "Duidingssessies"
    name = "kansrijk.interpretation"
    label = "interpretation"

    def ready(self) -> None:
        from .outputs import register_interpretation_outputs
        from .pack.outputs import register_pack_outputs

        register_interpretation_outputs()
        register_pack_outputs()
