"""search.py: levels and the providers a visitor may see."""

import pytest

from kansrijk.catalog.search import levels_at_or_below, provider_names, visible_indicators
from kansrijk.catalog.tests.factories import SourceFactory
from kansrijk.coalitions.models import Coalition
from kansrijk.testing.factories import IndicatorFactory


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("nl", ["nl", "ggd", "gemeente", "wijk", "buurt"]),
        ("gemeente", ["gemeente", "wijk", "buurt"]),
        ("wijk", ["wijk", "buurt"]),
        ("buurt", ["buurt"]),
    ],
)
def test_levels_at_or_below_include_the_finer_levels(level, expected):
    assert levels_at_or_below(level) == expected


def test_providers_of_another_coalitions_own_indicators_are_not_offered(coalition, other_coalition):
    SourceFactory(indicator=IndicatorFactory(code="gedeeld"), provider="CBS StatLine")
    SourceFactory(
        indicator=IndicatorFactory(code="eigen", coalition=coalition), provider="JGZ Voorbeeldstad"
    )
    SourceFactory(
        indicator=IndicatorFactory(code="elders", coalition=other_coalition), provider="JGZ Elders"
    )
    visible = visible_indicators(Coalition.objects.filter(pk=coalition.pk))
    assert provider_names(visible) == ["CBS StatLine", "JGZ Voorbeeldstad"]
