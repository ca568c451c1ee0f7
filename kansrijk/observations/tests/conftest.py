"""A coalition with wijken, partners and registration indicators to import into."""

from datetime import date

import pytest

from kansrijk.areas.models import Level
from kansrijk.testing.factories import AreaFactory, IndicatorFactory, PartnerFactory

# Far enough in the future for every period in the test files (2015–2024).
TODAY = date(2024, 12, 31)
WIJKEN = [
    ("WK999901", "Wijk 01 Centrum"),
    ("WK999902", "Noord"),
    ("WK999903", "Súdwest"),
    ("WK999904", "Oost"),
    ("WK999905", "'t Hoogeland"),
]


@pytest.fixture
def wijken(coalition, municipality):
    return [
        AreaFactory(code=code, name=name, level=Level.DISTRICT, parent=municipality)
        for code, name in WIJKEN
    ]


@pytest.fixture
def partner(coalition):
    return PartnerFactory(coalition=coalition, name="Verloskundigenpraktijk Zuid")


@pytest.fixture
def centering(db):
    return IndicatorFactory(
        code="centering_pregnancy",
        name_nl="Deelname CenteringPregnancy",
        unit="percentage",
        direction="higher",
    )


@pytest.fixture
def voorzorg(db):
    return IndicatorFactory(
        code="voorzorg_gezinnen", name_nl="VoorZorg gezinnen", unit="count", direction="none"
    )


@pytest.fixture
def nu_niet_zwanger(db):
    return IndicatorFactory(
        code="nu_niet_zwanger", name_nl="Deelnemers Nu Niet Zwanger", unit="count", direction="none"
    )


@pytest.fixture
def setting_up(wijken, partner, centering, voorzorg, nu_niet_zwanger):
    """Everything an import needs; tests ask for this one fixture."""
    return {"partner": partner}
