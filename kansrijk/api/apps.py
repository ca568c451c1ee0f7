from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kansrijk.api"
    label = "api"

    def ready(self):
        from django.urls import reverse

        from kansrijk.insight.outputs import Output, register_output

        from . import authentication  # noqa: F401  (registers the OpenAPI security scheme)

        def values_url(level):
            def url(coalition, indicator):
                kwargs = {"slug": coalition.slug, "code": indicator.code}
                return reverse("api:indicator-values", kwargs=kwargs) + f"?level={level}"

            return url

        # Checked by kansrijk/insight/tests/test_output_paths.py for hidden small numbers.
        register_output(
            Output(
                "api:values", "json", url=values_url("wijk"), description="API: cijfers per wijk"
            )
        )
        register_output(
            Output(
                "api:values-gemeente",
                "json",
                url=values_url("gemeente"),
                description="API: cijfers per gemeente",
            )
        )
