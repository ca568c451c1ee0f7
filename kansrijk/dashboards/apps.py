from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    verbose_name = "Dashboards"
    name = "kansrijk.dashboards"
    label = "dashboards"

    def ready(self) -> None:
        from .caching import connect_signals
        from .outputs import register_outputs

        register_outputs()
        connect_signals()
