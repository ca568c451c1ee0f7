"""factory_boy factories shared by every app's tests."""

from datetime import date

import factory
from django.contrib.auth import get_user_model

from kansrijk.areas.models import Area, Level
from kansrijk.catalog.models import Indicator
from kansrijk.coalitions.models import (
    Activity,
    Ambition,
    Coalition,
    Goal,
    Membership,
    Partner,
    PlanIndicator,
    Role,
)
from kansrijk.observations.models import ImportBatch, Observation, SourceKind

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}@example.org")
    email = factory.LazyAttribute(lambda u: u.username)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"GM{9000 + n:04d}")
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    level = Level.MUNICIPALITY


class CoalitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coalition
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Coalitie {n}")
    slug = factory.Sequence(lambda n: f"coalitie-{n}")
    contact_email = "coordinator@example.org"


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    coalition = factory.SubFactory(CoalitionFactory)
    name = factory.Sequence(lambda n: f"Partner {n}")
    domain = "medical"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    coalition = factory.SubFactory(CoalitionFactory)
    role = Role.VIEWER


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"indicator_{n}")
    name_nl = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "percentage"
    phase = "birth"
    direction = "lower"
    indicator_set = "basisset"


class AmbitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambition

    coalition = factory.SubFactory(CoalitionFactory)
    title = factory.Sequence(lambda n: f"Ambitie {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    ambition = factory.SubFactory(AmbitionFactory)
    title = factory.Sequence(lambda n: f"Doel {n}")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    goal = factory.SubFactory(GoalFactory)
    title = factory.Sequence(lambda n: f"Activiteit {n}")


class PlanIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanIndicator

    goal = factory.SubFactory(GoalFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    direction = "lower"


class ImportBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportBatch

    kind = SourceKind.CBS
    source_name = "CBS StatLine"
    table_or_file = "37230ned"


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.SubFactory(IndicatorFactory)
    area = factory.SubFactory(AreaFactory)
    period = "2023"
    period_kind = "year"
    period_start = date(2023, 1, 1)
    period_end = date(2023, 12, 31)
    numerator = 12
    denominator = 100
    value = 12.0
    batch = factory.SubFactory(ImportBatchFactory)
