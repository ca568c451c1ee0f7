"""Verdicts: the judgement against the desired direction and its basis in plain Dutch."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansrijk.insight import verdicts
from kansrijk.insight.trends import proportion_trend
from kansrijk.insight.verdicts import Point, build_verdict, classify_change, judge


@pytest.mark.parametrize(
    ("change", "direction", "expected"),
    [
        ("down", "lower", "gunstig"),
        ("up", "lower", "ongunstig"),
        ("up", "higher", "gunstig"),
        ("down", "higher", "ongunstig"),
        ("none", "lower", "geen duidelijke verandering"),
        ("", "higher", "onvoldoende gegevens"),
        ("down", "none", None),
        ("", "none", None),
    ],
)
def test_a_change_is_judged_against_the_desired_direction(change, direction, expected):
    assert judge(change, direction) == expected


@pytest.mark.parametrize(
    ("p_value", "statistic", "points", "expected"),
    [
        (0.01, -2.5, 5, "down"),
        (0.01, 2.5, 5, "up"),
        (0.2, -1.2, 5, "none"),
        (0.049, 2.0, 3, "up"),
        (0.001, -4.0, 2, ""),
        (float("nan"), 0.0, 5, ""),
    ],
)
def test_only_a_change_larger_than_chance_counts(p_value, statistic, points, expected):
    assert classify_change(p_value, statistic, points) == expected


def test_the_basis_names_the_published_values_in_plain_dutch():
    verdict = build_verdict(
        unit="percentage",
        direction="lower",
        change="down",
        first=Point("2020", 12.0),
        last=Point("2024", 9.0),
        points=5,
    )
    assert verdict.judgement == "gunstig"
    assert verdict.basis.startswith(
        "Het aandeel daalde van 12,0% in 2020 naar 9,0% in 2024; dat verschil is groter dan "
        "toeval waarschijnlijk maakt."
    )


def test_hidden_ends_are_not_named():
    verdict = build_verdict(
        unit="percentage",
        direction="lower",
        change="up",
        first=Point("2020", None),
        last=Point("2024", None),
        points=5,
    )
    assert verdict.judgement == "ongunstig"
    assert "%" not in verdict.basis and "te klein om te tonen" in verdict.basis


def test_ends_that_contradict_the_trend_give_no_clear_change():
    verdict = build_verdict(
        unit="percentage",
        direction="lower",
        change="down",
        first=Point("2020", 9.0),
        last=Point("2024", 9.5),
        points=5,
    )
    assert verdict.judgement == "geen duidelijke verandering"


def test_a_context_indicator_gets_no_judgement():
    verdict = build_verdict(
        unit="count",
        direction="none",
        change="up",
        first=Point("2020", 100),
        last=Point("2024", 180),
        points=5,
    )
    assert verdict.judgement is None
    assert verdict.label == "geen oordeel (context)"
    assert "geen oordeel" in verdict.basis


@pytest.mark.parametrize(
    ("direction", "latest", "target", "reached"),
    [("lower", 9.0, 10.0, True), ("lower", 11.0, 10.0, False), ("higher", 60.0, 50.0, True)],
)
def test_the_target_sentence_says_whether_the_latest_value_meets_it(
    direction, latest, target, reached
):
    text, is_reached = verdicts.describe_target(
        "percentage", direction, Point("2024", latest), target, 2027
    )
    assert is_reached is reached
    assert "Streefwaarde:" in text and "2027" in text


def test_a_hidden_latest_value_says_the_target_cannot_be_judged():
    text, reached = verdicts.describe_target("percentage", "lower", Point("2024", None), 8, 2027)
    assert reached is None and "niet te zeggen" in text


@given(
    st.integers(0, 200),
    st.integers(1, 200),
    st.lists(st.integers(1, 5), min_size=3, max_size=10),
    st.sampled_from(["lower", "higher"]),
)
def test_identical_proportions_are_never_called_favourable_or_unfavourable(
    events, extra, sizes, direction
):
    num = np.array([events * s for s in sizes], dtype=float)
    den = np.array([(events + extra) * s for s in sizes], dtype=float)
    years = np.arange(len(sizes), dtype=float)
    test = proportion_trend([num], [den], years)
    change = classify_change(test.p_value[0], test.statistic[0], int(test.points[0]))
    value = events / (events + extra) * 100
    verdict = build_verdict(
        unit="percentage",
        direction=direction,
        change=change,
        first=Point("2000", value),
        last=Point("2009", value),
        points=int(test.points[0]),
    )
    assert verdict.judgement == "geen duidelijke verandering"


@pytest.mark.parametrize(
    ("unit", "value", "expected"),
    [
        ("percentage", 12.345, "12,3%"),
        ("per_1000", 8.05, "8,1 per 1.000"),
        ("count", 62980, "62.980"),
        ("score", 6.8, "6,8"),
        ("yes_no", 1.0, "ja"),
        ("percentage", None, "."),
    ],
)
def test_values_read_the_dutch_way(unit, value, expected):
    assert verdicts.format_value(unit, value) == expected
