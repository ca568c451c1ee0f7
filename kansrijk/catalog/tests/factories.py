"""Factories for catalogue objects that the shared factories do not cover."""

import factory

from kansrijk.catalog.models import Source, Theme
from kansrijk.testing.factories import IndicatorFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"theme_{n}")
    name_nl = factory.Sequence(lambda n: f"Thema {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    indicator = factory.SubFactory(IndicatorFactory)
    provider = "Perined"
    table = "Perinatale registratie"
