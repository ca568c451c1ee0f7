"""Plausible, made-up figures for Voorbeeldstad, its wijken and the country.

Every wijk gets a population per year (inhabitants, births, women aged 19–45, minors …). An
indicator counts part of one of those populations: its denominator is the population, its
numerator a random draw around a rate that depends on the indicator, the year (a gentle
trend) and the wijk (poorer wijken score worse on social indicators). The municipality is
the sum of its wijken, so wijk numerators and denominators always add up. The country gets
its own, much larger populations.

Indicators the tables below do not know (the catalogue grows) get a rate derived from their
unit, phase and direction, so every catalogue indicator has figures.
"""

from __future__ import annotations

import math
import random
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from kansrijk.catalog.models import Direction, Indicator, Phase, Unit
from kansrijk.lib.periods import quarter
from kansrijk.observations.importing import ObservationRow
from kansrijk.observations.models import Status

from . import content

# Live births in the Netherlands move a little from year to year (the 2021 peak is real).
BIRTH_YEAR_FACTOR = {2017: 1.0, 2018: 1.0, 2019: 1.0, 2020: 0.99, 2021: 1.05, 2022: 0.98}
LATER_BIRTH_YEAR_FACTOR = 0.96
NL_INHABITANTS_2018 = 17_180_000
NL_BIRTH_RATE = 9.8  # per 1,000 inhabitants
GROWTH = 1.006  # inhabitants per year

# Shares of the inhabitants, for the populations that are not births.
SHARES = {"women_19_45": 0.165, "residents_19_45": 0.33, "minors": 0.2}
MOTHERS_PER_BIRTH = 0.985  # twins: fewer mothers than births
PARENTS_PER_MOTHER = 1.85  # mother plus, mostly, a partner


@dataclass(frozen=True)
class Profile:
    """How an indicator's figures are generated.

    ``base`` names the population that is the denominator, ``rate`` is the share of it in
    the numerator (municipal average in the first year), ``trend`` the relative change per
    year, ``spread`` how strongly a wijk's rate follows its deprivation (0 = not at all,
    negative = better in poorer wijken) and ``national`` the rate of the country.
    """

    base: str
    rate: float
    trend: float = 0.0
    spread: float = 0.5
    national: float | None = None


PROFILES = {
    # before pregnancy
    "mental_health_problems_19_45": Profile("residents_19_45", 0.19, 0.01, 0.4, 0.18),
    "problematic_debt_19_45": Profile("residents_19_45", 0.045, -0.03, 1.2, 0.04),
    "smoking_women_19_45": Profile("women_19_45", 0.17, -0.03, 0.6, 0.16),
    "preconception_consult": Profile("mothers", 0.03, 0.1, -0.4, 0.035),
    "teen_births": Profile("births", 0.012, -0.04, 1.2, 0.01),
    # pregnancy
    "late_start_prenatal_care": Profile("births", 0.19, -0.025, 0.6, 0.17),
    "problematic_debt_pregnant": Profile("mothers", 0.065, -0.03, 1.3, 0.055),
    "mental_health_problems_parents": Profile("parents", 0.16, 0.01, 0.4, 0.15),
    "births_multiple_vulnerability": Profile("births", 0.065, 0.0, 1.5, 0.06),
    "smoking_during_pregnancy": Profile("births", 0.06, -0.04, 1.0, 0.055),
    "phb_jgz_reach": Profile("births", 0.015, 0.25, 0.8, 0.016),
    # birth
    "big2": Profile("births", 0.14, -0.01, 0.4, 0.125),
    "preterm_lt37": Profile("births", 0.07, -0.005, 0.3, 0.068),
    "very_preterm_lt32": Profile("births", 0.011, 0.0, 0.3, 0.01),
    "sga_p10": Profile("births", 0.075, -0.01, 0.5, 0.07),
    "low_birthweight_2500": Profile("births", 0.055, 0.0, 0.4, 0.052),
    "perinatal_mortality": Profile("births", 0.0085, -0.02, 0.5, 0.008),
    # after birth
    "no_maternity_care": Profile("mothers", 0.035, -0.04, 1.2, 0.03),
    "out_of_home_placement_0_2": Profile("children_0_1", 0.005, 0.0, 1.2, 0.004),
    "children_low_income": Profile("minors", 0.075, -0.03, 1.2, 0.065),
    "children_welfare_households": Profile("minors", 0.055, -0.02, 1.3, 0.045),
    "breastfeeding_3m": Profile("births", 0.45, 0.01, -0.3, 0.47),
    "breastfeeding_6m": Profile("births", 0.3, 0.01, -0.4, 0.32),
    "births_by_household_type": Profile("births", 0.12, 0.0, 1.0, 0.1),
    # programme
    "intervention_participants": Profile("births", 0.05, 0.1, 0.5, 0.05),
    "parent_experience": Profile("births", 0.02, 0.15, 0.0),  # stories: local only
}

# Context indicators are populations themselves: (numerator, denominator or None).
CONTEXT = {
    "live_births": ("births", None),
    "inhabitants": ("inhabitants", None),
    "birth_rate": ("births", "inhabitants"),
}

_BASE_BY_PHASE = {
    Phase.PRE: "residents_19_45",
    Phase.PREGNANCY: "births",
    Phase.BIRTH: "births",
    Phase.POST: "births",
    Phase.PROGRAMME: "births",
    Phase.CONTEXT: "inhabitants",
}

# Yes/no programme indicators switch to "yes" in this year; scores start at this value.
YES_FROM = 2020
SCORE_START, SCORE_STEP = 6.2, 0.15


def profile_for(indicator: Indicator) -> Profile:
    """The profile from the table above, or one derived from unit, phase and direction."""
    if indicator.code in PROFILES:
        return PROFILES[indicator.code]
    # A stable pseudo-random rate per code, so an unknown indicator still looks its own.
    wobble = (zlib.crc32(indicator.code.encode()) % 100) / 100
    rate = 0.005 + 0.01 * wobble if indicator.unit == Unit.PER_1000 else 0.04 + 0.1 * wobble
    if indicator.direction == Direction.LOWER:
        trend, spread = -0.02, 0.8
    elif indicator.direction == Direction.HIGHER:
        trend, spread = 0.03, -0.2
    else:
        trend, spread = 0.0, 0.3
    return Profile(_BASE_BY_PHASE.get(indicator.phase, "births"), rate, trend, spread)


def _birth_factor(year: int) -> float:
    return BIRTH_YEAR_FACTOR.get(year, LATER_BIRTH_YEAR_FACTOR)


def _draw(rng: random.Random, n: int, p: float) -> int:
    """A binomial draw: exact for small n, the normal approximation for large n."""
    p = min(max(p, 0.0), 1.0)
    if n <= 0:
        return 0
    if n < 60:
        return sum(rng.random() < p for _ in range(n))
    value = round(rng.gauss(n * p, math.sqrt(n * p * (1 - p))))
    return min(max(value, 0), n)


class Populations:
    """Populations per wijk (and for the country) per year, from a seeded generator."""

    def __init__(self, rng: random.Random, years: range):
        self.years = years
        self.wijk: dict[str, dict[str, dict[int, int]]] = {}
        self.country: dict[str, dict[int, int]] = {}
        all_years = range(years.start - 1, years.stop)  # children_0_1 needs the year before
        for wijk in content.WIJKEN:
            self.wijk[wijk.suffix] = self._for_area(
                rng,
                all_years,
                lambda y, w=wijk: w.inhabitants * GROWTH ** (y - content.LAST_YEAR),
                wijk.birth_rate,
                minors_factor=wijk.birth_rate / 10.5,
                noise=0.03,
            )
        self.country = self._for_area(
            rng,
            all_years,
            lambda y: NL_INHABITANTS_2018 * 1.0065 ** (y - 2018),
            NL_BIRTH_RATE,
            minors_factor=1.0,
            noise=0.002,
        )

    def _for_area(self, rng, years, inhabitants_in, birth_rate, minors_factor, noise):
        pops: dict[str, dict[int, int]] = {name: {} for name in (*SHARES, "inhabitants")}
        pops.update(births={}, mothers={}, parents={}, children_0_1={})
        for y in years:
            inhabitants = round(inhabitants_in(y) * (1 + rng.gauss(0, 0.003)))
            births = round(
                inhabitants * birth_rate / 1000 * _birth_factor(y) * (1 + rng.gauss(0, noise))
            )
            pops["inhabitants"][y] = inhabitants
            pops["births"][y] = births
            pops["mothers"][y] = round(births * MOTHERS_PER_BIRTH)
            pops["parents"][y] = round(births * MOTHERS_PER_BIRTH * PARENTS_PER_MOTHER)
            for name, share in SHARES.items():
                factor = minors_factor if name == "minors" else 1.0
                pops[name][y] = round(inhabitants * share * factor)
            if y - 1 in pops["births"]:
                pops["children_0_1"][y] = births + pops["births"][y - 1]
        return pops


@dataclass(frozen=True)
class AreaIds:
    country: int
    municipality: int
    wijken: dict[str, int]  # wijk suffix → area id


def _status(indicator: Indicator, year: int) -> str:
    # Perined-like birth figures of the last year are not final yet.
    if year == content.LAST_YEAR and indicator.phase in (Phase.PREGNANCY, Phase.BIRTH):
        return Status.PROVISIONAL
    return Status.DEFINITIVE


def _wijk_factors(rng: random.Random, spread: float) -> dict[str, float]:
    total = sum(w.inhabitants for w in content.WIJKEN)
    mean = sum(w.deprivation * w.inhabitants for w in content.WIJKEN) / total
    return {
        w.suffix: max(0.2, 1 + spread * (w.deprivation / mean - 1)) * rng.uniform(0.9, 1.1)
        for w in content.WIJKEN
    }


def _rate_rows(indicator, profile, pops, ids, rng) -> Iterable[ObservationRow]:
    factors = _wijk_factors(rng, profile.spread)
    national = profile.national if profile.national is not None else profile.rate * 0.95
    for year in pops.years:
        step = (1 + profile.trend) ** (year - pops.years.start)
        status = _status(indicator, year)
        sum_num = sum_den = 0
        for suffix, area_id in ids.wijken.items():
            den = pops.wijk[suffix][profile.base][year]
            num = _draw(rng, den, profile.rate * step * factors[suffix])
            sum_num, sum_den = sum_num + num, sum_den + den
            yield ObservationRow(indicator.id, area_id, str(year), num, den, status=status)
        yield ObservationRow(
            indicator.id, ids.municipality, str(year), sum_num, sum_den, status=status
        )
        den = pops.country[profile.base][year]
        num = round(den * national * step * (1 + rng.gauss(0, 0.01)))
        yield ObservationRow(indicator.id, ids.country, str(year), num, den, status=status)


def _context_rows(indicator, numerator, denominator, pops, ids) -> Iterable[ObservationRow]:
    for year in pops.years:
        sum_num = sum_den = 0
        for suffix, area_id in ids.wijken.items():
            num = pops.wijk[suffix][numerator][year]
            den = pops.wijk[suffix][denominator][year] if denominator else None
            sum_num, sum_den = sum_num + num, sum_den + (den or 0)
            yield ObservationRow(indicator.id, area_id, str(year), num, den)
        yield ObservationRow(
            indicator.id, ids.municipality, str(year), sum_num, sum_den if denominator else None
        )
        num = pops.country[numerator][year]
        den = pops.country[denominator][year] if denominator else None
        yield ObservationRow(indicator.id, ids.country, str(year), num, den)


def _count_rows(indicator, profile, pops, ids, rng) -> Iterable[ObservationRow]:
    factors = _wijk_factors(rng, profile.spread)
    for year in pops.years:
        step = (1 + profile.trend) ** (year - pops.years.start)
        total = 0
        for suffix, area_id in ids.wijken.items():
            base = pops.wijk[suffix][profile.base][year]
            num = _draw(rng, base, profile.rate * step * factors[suffix])
            total += num
            yield ObservationRow(indicator.id, area_id, str(year), num)
        yield ObservationRow(indicator.id, ids.municipality, str(year), total)
        if profile.national is not None:  # counts without a national rate stay local
            national = round(pops.country[profile.base][year] * profile.national * step)
            yield ObservationRow(indicator.id, ids.country, str(year), national)


def _municipal_value_rows(indicator, pops, ids, rng) -> Iterable[ObservationRow]:
    """Scores and yes/no values exist for the municipality only."""
    for year in pops.years:
        if indicator.unit == Unit.YES_NO:
            value = 1.0 if year >= YES_FROM else 0.0
        else:
            step = year - pops.years.start
            value = round(SCORE_START + SCORE_STEP * step + rng.uniform(-0.2, 0.2), 1)
        yield ObservationRow(indicator.id, ids.municipality, str(year), value=value)


def generate_public_rows(
    indicators: Iterable[Indicator], ids: AreaIds, rng: random.Random, years: range
) -> list[ObservationRow]:
    """Rows for every indicator: wijken, the municipality (their sum) and the country."""
    pops = Populations(rng, years)
    rows: list[ObservationRow] = []
    for indicator in indicators:
        if indicator.code in CONTEXT:
            numerator, denominator = CONTEXT[indicator.code]
            rows.extend(_context_rows(indicator, numerator, denominator, pops, ids))
        elif indicator.unit in (Unit.PERCENTAGE, Unit.PER_1000):
            rows.extend(_rate_rows(indicator, profile_for(indicator), pops, ids, rng))
        elif indicator.unit == Unit.COUNT:
            rows.extend(_count_rows(indicator, profile_for(indicator), pops, ids, rng))
        else:
            rows.extend(_municipal_value_rows(indicator, pops, ids, rng))
    return rows


def generate_own_rows(
    indicator: Indicator, ids: AreaIds, rng: random.Random
) -> list[ObservationRow]:
    """Quarterly registration counts per wijk, from the first quarter of OWN_FIRST_YEAR.

    Participation grows quarter by quarter and is highest in the wijken where the activity
    runs (Oosterpark and Kanaalzone); the municipality is the sum of the wijken.
    """
    focus = {"02", "08"}
    births = {w.suffix: w.inhabitants * w.birth_rate / 1000 for w in content.WIJKEN}
    quarters = [
        quarter(y, q)
        for y in range(content.OWN_FIRST_YEAR, content.LAST_YEAR + 1)
        for q in (1, 2, 3, 4)
    ]
    rows: list[ObservationRow] = []
    for index, period in enumerate(quarters):
        share = 0.03 + 0.008 * index
        total = 0
        for suffix, area_id in ids.wijken.items():
            p = share * (3 if suffix in focus else 0.6)
            count = _draw(rng, round(births[suffix] / 4), p)
            total += count
            rows.append(ObservationRow(indicator.id, area_id, period.label, count))
        rows.append(ObservationRow(indicator.id, ids.municipality, period.label, total))
    return rows
