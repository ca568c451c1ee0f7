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

        def national_values(level):
            def render(coalition, indicator):
                from django.contrib.auth.models import AnonymousUser
                from django.test import RequestFactory

                from .views.national import NationalValues

                url = reverse("api:indicator-national-values", kwargs={"code": indicator.code})
                request = RequestFactory().get(url, {"level": level, "limit": 1000})
                request.user = AnonymousUser()
                response = NationalValues.as_view()(request, code=indicator.code)
                return response.render().content

            return render

        register_output(
            Output(
                "api:national-values",
                "json",
                render=national_values("gemeente"),
                description="API: openbare cijfers van alle gemeenten",
            )
        )
        register_output(
            Output(
                "api:national-values-land",
                "json",
                render=national_values("land"),
                description="API: openbare cijfers van Nederland",
            )
        )
