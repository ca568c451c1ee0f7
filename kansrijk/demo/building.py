"""``build_demo``: the fictitious coalition of Voorbeeldstad, built through the domain models.

It expects a migrated database with the catalogue loaded and without the demo areas (``kansrijk
demo`` starts from a fresh database). All figures are written through ``save_observations``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from kansrijk.areas.models import Area, Geometry, Level
from kansrijk.catalog.models import Direction, Indicator, Unit
from kansrijk.coalitions.models import (
    Activity,
    Ambition,
    Coalition,
    Goal,
    Membership,
    Partner,
    PlanIndicator,
)
from kansrijk.observations.importing import save_observations
from kansrijk.observations.models import ImportBatch, Observation, SourceKind

from . import content, shapes
from .figures import AreaIds, generate_own_rows, generate_public_rows
from .learning import compose_dashboard, create_cycles, create_stories

SEED = 20241000


class DemoError(Exception):
    """The demo cannot be built in this database; the message is Dutch."""


@dataclass
class DemoSummary:
    municipality: str
    wijken: int
    buurten: int
    partners: int
    ambitions: int
    goals: int
    activities: int
    plan_indicators: int
    indicators: int
    observations: int
    years: tuple[int, int]
    password: str
    logins: list[tuple[str, str]]  # (label, e-mail address)
    missing_codes: list[str] = field(default_factory=list)  # plan codes not in the catalogue
    stories: int = 0  # parents' stories (fictitious), approved or waiting for review
    approved_stories: int = 0
    quotes: int = 0
    public_quotes: int = 0  # quotes the parents agreed to publish
    published: int = 0  # indicators on the public page
    headlines: int = 0  # headline indicators for bestuur en raad
    cycles: list[tuple[str, str]] = field(default_factory=list)  # (title, status label)


@dataclass
class _Areas:
    country: Area
    municipality: Area
    wijken: dict[str, Area]  # suffix → wijk
    buurten: list[Area]

    def ids(self) -> AreaIds:
        return AreaIds(
            self.country.id,
            self.municipality.id,
            {suffix: wijk.id for suffix, wijk in self.wijken.items()},
        )


def _create_areas(rng: random.Random) -> _Areas:
    # Even the country is marked fictitious: in the demo database its figures are made up.
    country = Area.objects.create(
        code=content.COUNTRY_CODE,
        name=content.COUNTRY_NAME,
        level=Level.COUNTRY,
        inhabitants=17_942_942,
        is_fictitious=True,
    )
    # No parent, as the areas loader does: a municipality's parent would be its province.
    municipality = Area.objects.create(
        code=content.MUNICIPALITY_CODE,
        name=content.MUNICIPALITY_NAME,
        level=Level.MUNICIPALITY,
        inhabitants=sum(w.inhabitants for w in content.WIJKEN),
        is_fictitious=True,
    )
    grid = shapes.build_grid(3, 3, rng)
    geometries = [Geometry(area=municipality, geojson=shapes.to_geojson(shapes.outline()))]
    wijken: dict[str, Area] = {}
    for wijk in content.WIJKEN:
        area = Area.objects.create(
            code=f"WK{content.MUNICIPALITY_CODE[2:]}{wijk.suffix}",
            name=wijk.name,
            level=Level.DISTRICT,
            parent=municipality,
            inhabitants=wijk.inhabitants,
            is_fictitious=True,
        )
        wijken[wijk.suffix] = area
        geometries.append(
            Geometry(area=area, geojson=shapes.to_geojson(grid[(wijk.row, wijk.col)].ring()))
        )
    split = next(w for w in content.WIJKEN if w.suffix == content.BUURTEN_WIJK)
    quadrants = grid[(split.row, split.col)].quadrants()
    buurten = []
    for (suffix, name, share), ring in zip(content.BUURTEN, quadrants, strict=True):
        area = Area.objects.create(
            code=f"BU{content.MUNICIPALITY_CODE[2:]}{split.suffix}{suffix}",
            name=name,
            level=Level.NEIGHBOURHOOD,
            parent=wijken[split.suffix],
            inhabitants=round(split.inhabitants * share),
            is_fictitious=True,
        )
        buurten.append(area)
        geometries.append(Geometry(area=area, geojson=shapes.to_geojson(ring)))
    for geometry in geometries:
        geometry.year = content.GEOMETRY_YEAR
        geometry.source = content.GEOMETRY_SOURCE
    Geometry.objects.bulk_create(geometries)
    return _Areas(country, municipality, wijken, buurten)


def _create_coalition(areas: _Areas) -> tuple[Coalition, dict[str, Partner]]:
    coalition = Coalition.objects.create(
        name=content.COALITION_NAME,
        slug=content.COALITION_SLUG,
        description=content.COALITION_DESCRIPTION,
        contact_email=content.COALITION_EMAIL,
        is_fictitious=True,
    )
    coalition.areas.add(areas.municipality)
    partners = {
        name: Partner.objects.create(coalition=coalition, name=name, domain=domain)
        for name, domain in content.PARTNERS
    }
    return coalition, partners


def _create_users(coalition: Coalition, partners: dict[str, Partner]) -> dict[str, object]:
    User = get_user_model()
    users = {}
    for person in content.USERS:
        if person.is_staff:
            user = User.objects.create_superuser(
                username=person.email, email=person.email, password=content.DEMO_PASSWORD
            )
        else:
            user = User.objects.create_user(
                username=person.email, email=person.email, password=content.DEMO_PASSWORD
            )
            Membership.objects.create(
                user=user,
                coalition=coalition,
                role=person.role,
                partner=partners.get(person.partner),
            )
        user.first_name, user.last_name = person.first_name, person.last_name
        user.save(update_fields=["first_name", "last_name"])
        users[person.email] = user
    return users


def _write_public_figures(areas: _Areas, rng: random.Random) -> tuple[int, int]:
    indicators = list(Indicator.objects.shared().order_by("code"))
    years = range(content.FIRST_YEAR, content.LAST_YEAR + 1)
    rows = generate_public_rows(indicators, areas.ids(), rng, years)
    batch = ImportBatch.objects.create(
        kind=SourceKind.DEMO,
        source_name=content.SOURCE_NAME,
        table_or_file="Voorbeeldstad en Nederland, openbare cijfers",
        details={"seed": SEED, "years": [years.start, years.stop - 1]},
    )
    written = save_observations(batch, rows, {i.id: i.unit for i in indicators})
    return len(indicators), written


def _create_own_indicator(coalition, partners, coordinator, areas, rng) -> tuple[Indicator, int]:
    indicator = Indicator.objects.create(
        coalition=coalition, created_by=coordinator, **content.OWN_INDICATOR
    )
    batch = ImportBatch.objects.create(
        kind=SourceKind.DEMO,
        source_name=content.SOURCE_NAME,
        table_or_file="Registratie CenteringZwangerschap (fictief)",
        coalition=coalition,
        partner=partners[content.OWN_INDICATOR_PARTNER],
        created_by=coordinator,
    )
    rows = generate_own_rows(indicator, areas.ids(), rng)
    return indicator, save_observations(batch, rows, {indicator.id: indicator.unit})


def _baseline(link, indicator, areas, coalition) -> float:
    """The municipality's value in the baseline year; the year's total for quarterly counts."""
    observations = Observation.objects.visible_to_coalition(coalition).filter(
        indicator=indicator, area=areas.municipality
    )
    yearly = observations.filter(period=str(link.baseline_year)).first()
    if yearly is not None and yearly.value is not None:
        return yearly.value
    quarters = observations.filter(period__startswith=f"{link.baseline_year}-Q")
    return sum(o.value or 0 for o in quarters)


def _target(indicator: Indicator, baseline: float, improvement: float) -> float:
    lower = indicator.direction == Direction.LOWER
    target = baseline * (1 - improvement if lower else 1 + improvement)
    if indicator.unit == Unit.PERCENTAGE:
        target = min(target, 100.0)
    return round(target) if indicator.unit == Unit.COUNT else round(target, 1)


def _link(link, areas, coalition, codes) -> PlanIndicator | None:
    indicator = codes.get(link.code)
    if indicator is None:
        return None
    baseline = _baseline(link, indicator, areas, coalition)
    direction = indicator.direction if indicator.direction != Direction.NONE else Direction.HIGHER
    return PlanIndicator(
        indicator=indicator,
        baseline_value=round(baseline, 1),
        baseline_year=link.baseline_year,
        target_value=_target(indicator, baseline, link.improvement),
        target_year=content.TARGET_YEAR,
        direction=direction,
    )


def _create_plan(coalition, partners, areas) -> list[str]:
    """Ambitions, goals and activities with linked indicators; returns codes not found."""
    codes = {i.code: i for i in Indicator.objects.visible_to([coalition.id])}
    missing: list[str] = []
    for a_pos, ambition_spec in enumerate(content.PLAN):
        ambition = Ambition.objects.create(
            coalition=coalition,
            title=ambition_spec.title,
            description=ambition_spec.description,
            position=a_pos,
        )
        for g_pos, goal_spec in enumerate(ambition_spec.goals):
            goal = Goal.objects.create(
                ambition=ambition,
                title=goal_spec.title,
                description=goal_spec.description,
                position=g_pos,
            )
            for link in goal_spec.links:
                if plan_indicator := _link(link, areas, coalition, codes):
                    plan_indicator.goal = goal
                    plan_indicator.save()
                else:
                    missing.append(link.code)
            for act_pos, activity_spec in enumerate(goal_spec.activities):
                activity = Activity.objects.create(
                    goal=goal,
                    title=activity_spec.title,
                    description=activity_spec.description,
                    position=act_pos,
                )
                activity.partners.set([partners[name] for name in activity_spec.partners])
                for link in activity_spec.links:
                    if plan_indicator := _link(link, areas, coalition, codes):
                        plan_indicator.activity = activity
                        plan_indicator.save()
                    else:
                        missing.append(link.code)
    return missing


@transaction.atomic
def build_demo(seed: int = SEED) -> DemoSummary:
    """Build the fictitious Voorbeeldstad coalition with areas, plan, people and figures.

    The same seed gives the same demo. Raises ``DemoError`` when the demo areas exist already.
    """
    taken = Area.objects.filter(code__in=[content.COUNTRY_CODE, content.MUNICIPALITY_CODE])
    if taken.exists():
        raise DemoError(
            "Deze database bevat al NL01 of GM9999. Bouw de demo in een lege database, "
            "bijvoorbeeld met 'kansrijk demo'."
        )
    if not Indicator.objects.shared().exists():
        raise DemoError("De indicatorcatalogus is leeg. Laad eerst de catalogus.")
    rng = random.Random(seed)
    areas = _create_areas(rng)
    coalition, partners = _create_coalition(areas)
    users = _create_users(coalition, partners)
    indicator_count, public_rows = _write_public_figures(areas, rng)
    coordinator = users[content.USERS[0].email]
    _own, own_rows = _create_own_indicator(coalition, partners, coordinator, areas, rng)
    missing = _create_plan(coalition, partners, areas)
    stories = create_stories(
        coalition, areas=areas, partners=partners, users=users, coordinator=coordinator
    )
    board = compose_dashboard(coalition)
    rounds = create_cycles(coalition, stories.stories, author=coordinator)
    return DemoSummary(
        municipality=areas.municipality.name,
        wijken=len(areas.wijken),
        buurten=len(areas.buurten),
        partners=len(partners),
        ambitions=coalition.ambitions.count(),
        goals=Goal.objects.filter(ambition__coalition=coalition).count(),
        activities=Activity.objects.filter(goal__ambition__coalition=coalition).count(),
        plan_indicators=(
            PlanIndicator.objects.filter(goal__ambition__coalition=coalition).count()
            + PlanIndicator.objects.filter(activity__goal__ambition__coalition=coalition).count()
        ),
        indicators=indicator_count + 1,
        observations=public_rows + own_rows,
        years=(content.FIRST_YEAR, content.LAST_YEAR),
        password=content.DEMO_PASSWORD,
        logins=[(person.label, person.email) for person in content.USERS],
        missing_codes=sorted(set(missing) | set(stories.missing_codes)),
        stories=len(stories.stories),
        approved_stories=stories.approved,
        quotes=stories.quotes,
        public_quotes=stories.public_quotes,
        published=board.published,
        headlines=board.headlines,
        cycles=[
            (cycle.title, cycle.get_status_display().lower())
            for cycle in (rounds.closed, rounds.preparing)
        ],
    )


def describe_demo(summary: DemoSummary, url: str | None = None) -> str:
    """The Dutch text the demo command prints: what was built and how to log in."""
    first, last = summary.years
    observations = f"{summary.observations:,}".replace(",", ".")  # Dutch thousands separator
    lines = [
        f"Demo gebouwd: {summary.municipality} (fictief) met {summary.wijken} wijken en "
        f"{summary.buurten} buurten, {summary.partners} partners, {summary.ambitions} ambities, "
        f"{summary.goals} doelen, {summary.activities} activiteiten, "
        f"{summary.plan_indicators} indicatoren in het plan en "
        f"{observations} cijfers ({first}–{last}) voor {summary.indicators} indicatoren.",
    ]
    if summary.stories:
        waiting = summary.stories - summary.approved_stories
        lines.append(
            f"Ervaringsverhalen (fictief): {summary.approved_stories} goedgekeurd"
            + (f" en {waiting} wachtend op controle" if waiting else "")
            + f", met {summary.quotes} citaten (waarvan {summary.public_quotes} openbaar)."
        )
    if summary.published or summary.headlines:
        lines.append(
            f"Dashboards: {summary.headlines} kernindicatoren voor bestuur en raad, en een "
            f"openbare pagina met {summary.published} indicatoren."
        )
    if summary.cycles:
        lines.append(
            "Monitorrondes: "
            + ", ".join(f"{title} ({status})" for title, status in summary.cycles)
            + "."
        )
    if summary.missing_codes:
        lines.append(
            "Let op: niet in de catalogus, dus niet in het plan: "
            + ", ".join(sorted(summary.missing_codes))
        )
    lines += ["", "Inloggen" + (f" op {url}" if url else "") + ":"]
    width = max(len(label) for label, _email in summary.logins)
    lines += [f"  {label.ljust(width)}  {email}" for label, email in summary.logins]
    lines += [
        f"  wachtwoord (voor iedereen): {summary.password}",
        "  De beheerder kan ook naar /beheer/.",
    ]
    return "\n".join(lines)
