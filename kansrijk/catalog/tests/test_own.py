"""own.py: adding, changing, proposing and accepting a coalition's own indicators."""

import pytest
from django.core.exceptions import ValidationError

from kansrijk.catalog.models import Indicator
from kansrijk.catalog.own import (
    accept_proposal,
    add_own_indicator,
    propose_indicator,
    update_own_indicator,
)
from kansrijk.catalog.tests.factories import ThemeFactory
from kansrijk.testing.factories import IndicatorFactory, PlanIndicatorFactory

REQUIRED = {"name_nl": "Bereik VoorZorg", "unit": "count", "direction": "higher"}


def test_it_adds_an_indicator_of_the_coalition(coalition, owner):
    theme = ThemeFactory(code="programme")
    indicator = add_own_indicator(
        coalition, code="bereik_voorzorg", created_by=owner, themes=[theme], **REQUIRED
    )
    assert indicator.coalition == coalition
    assert indicator.created_by == owner
    assert (indicator.indicator_set, indicator.phase) == ("other", "programme")
    assert list(indicator.themes.all()) == [theme]


def test_it_gives_an_own_indicator_the_coalitions_registration_as_source(coalition):
    indicator = add_own_indicator(coalition, code="bereik_voorzorg", **REQUIRED)
    source = indicator.sources.get()
    assert source.provider == "Registratie van Kansrijk Voorbeeldstad"
    assert "Eigen registratie" in source.how_to_obtain


def test_it_keeps_a_given_source(coalition):
    indicator = add_own_indicator(
        coalition,
        code="bereik_voorzorg",
        source={"provider": "JGZ Voorbeeldstad", "link": "https://jgz.example.org"},
        **REQUIRED,
    )
    assert indicator.sources.get().provider == "JGZ Voorbeeldstad"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"code": "Bereik VoorZorg"}, "code"),
        ({"code": "big2"}, "code"),
        ({"unit": "procent"}, "unit"),
        ({"direction": ""}, "direction"),
        ({"phase": "later"}, "phase"),
        ({"name_nl": "  "}, "name_nl"),
        ({"min_count": -1}, "min_count"),
        ({"source": {"link": "geen link"}}, "source_link"),
    ],
)
def test_it_names_the_field_of_a_problem(coalition, indicator, fields, field):
    arguments = {"code": "bereik_voorzorg", **REQUIRED, **fields}
    with pytest.raises(ValidationError) as error:
        add_own_indicator(coalition, **arguments)
    assert list(error.value.message_dict) == [field]
    assert not Indicator.objects.filter(coalition=coalition).exists()


def test_it_updates_an_own_indicator_but_not_its_code(coalition):
    indicator = add_own_indicator(coalition, code="bereik_voorzorg", **REQUIRED)
    update_own_indicator(
        indicator, name_nl="Bereik VoorZorg (gezinnen)", source={"provider": "JGZ"}
    )
    indicator.refresh_from_db()
    assert (indicator.code, indicator.name_nl) == ("bereik_voorzorg", "Bereik VoorZorg (gezinnen)")
    assert list(indicator.sources.values_list("provider", flat=True)) == ["JGZ"]


def test_it_refuses_to_update_a_shared_indicator(indicator):
    with pytest.raises(ValidationError):
        update_own_indicator(indicator, name_nl="Anders")


def test_proposing_marks_the_indicator_with_the_time(coalition):
    indicator = add_own_indicator(coalition, code="bereik_voorzorg", **REQUIRED)
    propose_indicator(indicator)
    indicator.refresh_from_db()
    assert indicator.proposed_for_catalogue
    assert indicator.proposed_at is not None


def test_proposing_twice_keeps_the_first_time(coalition):
    indicator = add_own_indicator(coalition, code="bereik_voorzorg", **REQUIRED)
    first = propose_indicator(indicator).proposed_at
    assert propose_indicator(indicator).proposed_at == first


def test_a_shared_indicator_cannot_be_proposed(indicator):
    with pytest.raises(ValidationError):
        propose_indicator(indicator)


def test_accepting_a_proposal_makes_it_shared_and_remembers_the_coalition(coalition):
    indicator = propose_indicator(add_own_indicator(coalition, code="bereik_voorzorg", **REQUIRED))
    accept_proposal(indicator)
    indicator.refresh_from_db()
    assert indicator.coalition is None
    assert indicator.origin_coalition == coalition
    assert not indicator.proposed_for_catalogue
    assert indicator.accepted_at is not None
    assert Indicator.objects.shared().filter(code="bereik_voorzorg").exists()


def test_the_coalition_keeps_its_plan_links_after_acceptance(coalition):
    indicator = propose_indicator(IndicatorFactory(code="bereik", coalition=coalition))
    link = PlanIndicatorFactory(indicator=indicator, goal__ambition__coalition=coalition)
    accept_proposal(indicator)
    link.refresh_from_db()
    assert link.indicator_id == indicator.pk


def test_an_indicator_that_was_not_proposed_cannot_be_accepted(coalition):
    indicator = IndicatorFactory(code="bereik", coalition=coalition)
    with pytest.raises(ValidationError):
        accept_proposal(indicator)


def test_a_shared_indicator_cannot_be_accepted_again(indicator):
    with pytest.raises(ValidationError):
        accept_proposal(indicator)
