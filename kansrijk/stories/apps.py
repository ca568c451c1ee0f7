from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "kansrijk.stories"
    label = "stories"

    def ready(self) -> None:
        from django.urls import reverse

        from kansrijk.insight.outputs import Output, register_output

        register_output(
            Output(
                "stories:overview",
                "html",
                url=lambda c, i: reverse("stories:overview", kwargs={"slug": c.slug}),
                description="Overzicht van de verhalen per thema, levensfase en jaar",
            )
        )
