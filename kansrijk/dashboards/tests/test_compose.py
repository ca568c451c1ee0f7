"""The composer: a coordinator chooses the headlines for bestuur en raad, what is public, the
order and the intro texts; bad input gets a Dutch message that names the field."""

import pytest
from django.urls import reverse

from kansrijk.dashboards.composing import (
    choose_headline,
    current_choices,
    publish,
    save_composition,
)
from kansrijk.dashboards.models import DashboardItem, DashboardSettings
from kansrijk.dashboards.publication import published_indicators
from kansrijk.testing.factories import GoalFactory, IndicatorFactory, PlanIndicatorFactory


@pytest.fixture
def indicators(coalition):
    goal = GoalFactory(ambition__coalition=coalition)
    found = []
    for code, name in (("big2", "Te vroeg geboren"), ("roken", "Roken"), ("armoede", "Armoede")):
        indicator = IndicatorFactory(code=code, name_nl=name)
        PlanIndicatorFactory(goal=goal, indicator=indicator)
        found.append(indicator)
    return found


def compose_url(coalition):
    return reverse("dashboards:compose", kwargs={"slug": coalition.slug})


def form_data(indicators, **overrides):
    """Everything unticked, positions 1, 2, 3; then the overrides."""
    data = {
        "instellingen-order": "plan",
        "instellingen-public_intro": "",
        "instellingen-council_intro": "",
    }
    for position, indicator in enumerate(indicators, start=1):
        data[f"{indicator.code}-position"] = str(position)
        data[f"{indicator.code}-council_text"] = ""
        data[f"{indicator.code}-public_text"] = ""
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_coordinator_sees_every_plan_indicator_in_the_form(
    client, owner, coalition, indicators
):
    client.force_login(owner)

    html = client.get(compose_url(coalition)).content.decode()

    for name in ("Te vroeg geboren", "Roken", "Armoede"):
        assert f"<legend>{name}" in html
    assert 'aria-current="page">Samenstellen' in html


def test_the_coordinator_saves_headlines_publication_order_and_texts(
    client, owner, coalition, indicators
):
    client.force_login(owner)
    data = form_data(
        indicators,
        **{
            "instellingen-order": "phase",
            "instellingen-public_enabled": "on",
            "instellingen-public_intro": "Zo gaat het met de kinderen in onze stad.",
            "instellingen-council_intro": "Voor de raad.",
            "roken-position": "1",
            "big2-position": "2",
            "big2-for_council": "on",
            "big2-council_text": "Minder baby's te vroeg geboren.",
            "roken-for_council": "on",
            "roken-published": "on",
            "roken-public_text": "Minder moeders roken.",
            "roken-show_wijken": "on",
        },
    )

    response = client.post(compose_url(coalition), data)

    assert response.status_code == 302
    settings = DashboardSettings.objects.get(coalition=coalition)
    assert (settings.order, settings.public_enabled) == ("phase", True)
    assert settings.public_intro == "Zo gaat het met de kinderen in onze stad."
    assert published_indicators(coalition) == [indicators[1]]
    public = DashboardItem.objects.get(audience="publiek")
    assert (public.plain_text, public.show_wijken) == ("Minder moeders roken.", True)
    council = DashboardItem.objects.filter(audience="bestuur").order_by("position")
    assert [(i.indicator.code, i.plain_text) for i in council] == [
        ("roken", ""),
        ("big2", "Minder baby's te vroeg geboren."),
    ]


def test_unticking_removes_an_indicator_from_its_audience(client, owner, coalition, indicators):
    publish(coalition, indicators[0])
    choose_headline(coalition, indicators[0])
    client.force_login(owner)

    client.post(compose_url(coalition), form_data(indicators))

    assert not DashboardItem.objects.filter(coalition=coalition).exists()


def test_the_form_shows_what_was_saved(coalition, indicators):
    publish(coalition, indicators[2], plain_text="Uitleg", show_wijken=True, position=0)
    choose_headline(coalition, indicators[0], position=4)

    choices = {c.indicator.code: c for c in current_choices(coalition)}

    assert (choices["armoede"].published, choices["armoede"].public_text) == (True, "Uitleg")
    assert choices["armoede"].show_wijken and choices["armoede"].position == 1
    assert choices["big2"].for_council and choices["big2"].position == 5
    assert not choices["roken"].for_council and choices["roken"].position == 2


def test_save_composition_replaces_the_earlier_choices(coalition, indicators):
    publish(coalition, indicators[0])
    choices = current_choices(coalition)
    choices[0].published = False
    choices[1].for_council = True

    save_composition(coalition, choices=choices)

    assert [(i.indicator.code, i.audience) for i in DashboardItem.objects.all()] == [
        ("roken", "bestuur")
    ]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"big2-position": "0"}, "Te vroeg geboren, Volgorde: kies een getal van 1 tot 999."),
        ({"big2-position": "eerste"}, "Te vroeg geboren, Volgorde: vul een heel getal in."),
        ({"roken-position": None}, "Roken, Volgorde: vul dit in."),
        (
            {"armoede-public_text": "x" * 601},
            "Armoede, Uitleg voor ouders en inwoners (B1): gebruik hoogstens 600 tekens.",
        ),
        (
            {"armoede-show_wijken": "on"},
            "Armoede: cijfers per wijk kunnen alleen openbaar als de indicator zelf openbaar is.",
        ),
        (
            {"instellingen-public_enabled": "on"},
            "De openbare pagina staat aan: maak minstens één indicator openbaar",
        ),
        ({"instellingen-order": "alfabet"}, "Ordening van het dashboard:"),
        (
            {"instellingen-council_intro": "x" * 1201},
            "Inleiding voor bestuur en raad: gebruik hoogstens 1200 tekens",
        ),
    ],
)
def test_bad_input_gets_a_dutch_message_naming_the_field(
    client, owner, coalition, indicators, overrides, message
):
    client.force_login(owner)

    response = client.post(compose_url(coalition), form_data(indicators, **overrides))

    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not DashboardItem.objects.exists()


def test_more_headlines_than_the_limit_are_refused(client, owner, coalition):
    goal = GoalFactory(ambition__coalition=coalition)
    many = []
    for n in range(9):
        indicator = IndicatorFactory(code=f"kern_{n}")
        PlanIndicatorFactory(goal=goal, indicator=indicator)
        many.append(indicator)
    client.force_login(owner)
    ticks = {f"{indicator.code}-for_council": "on" for indicator in many}

    response = client.post(compose_url(coalition), form_data(many, **ticks))

    assert "Tonen aan bestuur en raad: kies hoogstens 8 indicatoren (nu 9)." in (
        response.content.decode()
    )
    assert not DashboardItem.objects.exists()


def test_an_editor_may_not_compose(client, editor, coalition, indicators):
    client.force_login(editor)

    assert client.get(compose_url(coalition)).status_code == 403
    assert client.post(compose_url(coalition), form_data(indicators)).status_code == 403
