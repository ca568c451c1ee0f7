from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "kansrijk.catalog"
    label = "catalog"
