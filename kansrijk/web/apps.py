from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kansrijk.web"
    label = "web"
