from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "kansrijk.stories"
    label = "stories"
