"""Data functions of the dashboards: tiles per indicator, grouped for each audience.

* ``professional_dashboard(coalition, order)``: every indicator of the plan (and the
  coalition's own indicators with figures), grouped by ambition → goal, or by life phase.
* ``council_dashboard(coalition)``: the headline indicators chosen for bestuur en raad.
* ``public_dashboard(coalition, items)``: the published indicators (``publication.py``).
* ``wijk_map(coalition, dashboard, code)``: the indicator shown on the map "Wijken in beeld".

Every number comes from ``kansrijk.insight.tables.overview_data`` (one batched call for all
tiles) or ``indicator_data`` (once, for the map), so it has passed ``disclose``. Quotes come
from ``kansrijk.stories.data.quotes_by_indicator`` (consent applied). A dashboard runs the same
number of queries for three indicators as for thirty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from kansrijk.catalog.models import Indicator, Phase
from kansrijk.coalitions.models import Ambition, Goal, PlanIndicator
from kansrijk.insight.disclosure import PublishedCell
from kansrijk.insight.engine import Comparison
from kansrijk.insight.tables import IndicatorPage, IndicatorSummary, indicator_data, overview_data
from kansrijk.insight.verdicts import Verdict
from kansrijk.observations.models import Observation
from kansrijk.stories.data import QuoteRecord, quotes_by_indicator

from .models import Audience, DashboardItem, Order
from .publication import public_summary

PROFESSIONALS = "professionals"
TILE_COMPARISONS = ("country", "ggd")  # NL and the rest of the GGD region
QUOTES_PER_TILE = 2
STORY_AUDIENCE = {PROFESSIONALS: "members", Audience.BESTUUR: "members", Audience.PUBLIEK: "public"}


@dataclass
class PlanPlace:
    """Where an indicator first appears in the plan (None for an own indicator outside it)."""

    indicator: Indicator
    ambition: Ambition | None
    goal: Goal | None


@dataclass
class Tile:
    indicator: Indicator
    summary: IndicatorSummary
    comparisons: list[Comparison] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    plain_text: str = ""
    wijken_shown: int = 0  # wijken with a published figure in the latest period
    sparkline: object | None = None  # a kansrijk.charts Chart

    @property
    def code(self) -> str:
        return self.summary.code

    @property
    def name(self) -> str:
        return self.summary.name

    @property
    def unit(self) -> str:
        return self.summary.unit

    @property
    def verdict(self) -> Verdict:
        return self.summary.verdict

    @property
    def latest(self) -> PublishedCell | None:
        return self.summary.latest

    @property
    def period(self) -> str:
        return self.summary.latest_period

    @property
    def is_suppressed(self) -> bool:
        return self.latest is not None and self.latest.suppressed

    @property
    def has_value(self) -> bool:
        return self.latest is not None and self.latest.is_published

    @property
    def sources(self) -> list[str]:
        return self.summary.table.sources


@dataclass
class Section:
    title: str
    kind: str  # "ambition", "goal", "phase", "own" or "" (one plain list)
    tiles: list[Tile] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    description: str = ""


@dataclass
class Dashboard:
    coalition: str
    is_fictitious: bool
    audience: str  # PROFESSIONALS, Audience.BESTUUR or Audience.PUBLIEK
    order: str
    sections: list[Section] = field(default_factory=list)
    tiles: list[Tile] = field(default_factory=list)  # every tile, in the order shown


@dataclass
class WijkMap:
    choices: list[tuple[str, str]]  # (code, name) of the indicators with wijk figures
    code: str = ""
    page: IndicatorPage | None = None
    chart: object | None = None  # a kansrijk.charts Chart


# The plan's order ---------------------------------------------------------------------------


def _plan_order(link: PlanIndicator):
    goal = link.goal or link.activity.goal
    return (
        goal.ambition.position,
        goal.ambition_id,
        goal.position,
        goal.id,
        0 if link.goal_id else 1,
        link.activity.position if link.activity_id else 0,
        link.id,
    )


def plan_places(coalition) -> list[PlanPlace]:
    """The plan's indicators in plan order, each at its first goal, then the coalition's own
    indicators with figures that are not in the plan: the indicators professionals see, as
    ``overview_data`` lists them (two queries)."""
    links = PlanIndicator.objects.filter(
        Q(goal__ambition__coalition=coalition) | Q(activity__goal__ambition__coalition=coalition)
    ).select_related("indicator", "goal__ambition", "activity__goal__ambition")
    places: dict[int, PlanPlace] = {}
    for link in sorted(links, key=_plan_order):
        goal = link.goal or link.activity.goal
        places.setdefault(link.indicator_id, PlanPlace(link.indicator, goal.ambition, goal))
    has_data = Observation.objects.filter(indicator=OuterRef("pk"), coalition=coalition)
    own = Indicator.objects.filter(coalition=coalition).filter(Exists(has_data)).order_by("code")
    for indicator in own:
        places.setdefault(indicator.id, PlanPlace(indicator, None, None))
    return list(places.values())


# Tiles ----------------------------------------------------------------------------------------


def _wijken_shown(summary: IndicatorSummary) -> int:
    """How many wijken have a published figure in the latest period."""
    return sum(
        1
        for row in summary.table.rows
        if row.role == "wijk" and row.cells and row.cells[-1].is_published
    )


def _tiles(
    coalition, indicators: Sequence[Indicator], audience: str, items=None
) -> dict[int, Tile]:
    """A tile per indicator (batched: one ``overview_data``, one ``quotes_by_indicator``)."""
    overview = overview_data(coalition)
    summaries = {summary.code: summary for summary in overview.indicators}
    items = items or {}
    wanted = [i for i in indicators if i.code in summaries]
    quotes = quotes_by_indicator(
        coalition, wanted, audience=STORY_AUDIENCE[audience], limit=QUOTES_PER_TILE
    )
    tiles = {}
    for indicator in wanted:
        summary = summaries[indicator.code]
        item = items.get(indicator.id)
        if audience == Audience.PUBLIEK:
            summary = public_summary(summary, item)
        tiles[indicator.id] = Tile(
            indicator,
            summary,
            [c for c in summary.comparisons if c.kind in TILE_COMPARISONS],
            quotes[indicator.id],
            plain_text=item.plain_text if item else "",
            wijken_shown=_wijken_shown(summary),
        )
    return tiles


def _add_sparklines(tiles: Sequence[Tile]) -> None:
    from kansrijk.charts.figures import sparkline

    for tile in tiles:
        tile.sparkline = sparkline(tile.summary)


def _by_plan(places: Sequence[PlanPlace], tiles: dict[int, Tile]) -> list[Section]:
    sections: list[Section] = []
    ambition_id = goal_id = None
    for place in places:
        tile = tiles.get(place.indicator.id)
        if tile is None:
            continue
        if place.ambition is None:
            if not sections or sections[-1].kind != "own":
                sections.append(Section(_("Eigen indicatoren buiten het plan"), "own"))
                ambition_id = goal_id = None
            sections[-1].tiles.append(tile)
            continue
        if place.ambition.id != ambition_id:
            ambition = place.ambition
            sections.append(Section(ambition.title, "ambition", description=ambition.description))
            ambition_id, goal_id = ambition.id, None
        if place.goal.id != goal_id:
            goal = place.goal
            sections[-1].sections.append(Section(goal.title, "goal", description=goal.description))
            goal_id = goal.id
        sections[-1].sections[-1].tiles.append(tile)
    return sections


def _by_phase(places: Sequence[PlanPlace], tiles: dict[int, Tile]) -> list[Section]:
    sections = []
    for phase in Phase:
        found = [
            tiles[p.indicator.id]
            for p in places
            if p.indicator.phase == phase and p.indicator.id in tiles
        ]
        if found:
            sections.append(Section(str(phase.label), "phase", found))
    known = {phase.value for phase in Phase}
    rest = [
        tiles[p.indicator.id]
        for p in places
        if p.indicator.phase not in known and p.indicator.id in tiles
    ]
    if rest:
        sections.append(Section(_("Zonder levensfase"), "phase", rest))
    return sections


def _flatten(sections: Sequence[Section]) -> list[Tile]:
    found = []
    for section in sections:
        found += section.tiles
        found += _flatten(section.sections)
    return found


def professional_dashboard(coalition, order: str = Order.PLAN, *, sparklines=True) -> Dashboard:
    """Every indicator professionals see, as tiles grouped by the plan or by life phase."""
    places = plan_places(coalition)
    tiles = _tiles(coalition, [p.indicator for p in places], PROFESSIONALS)
    sections = _by_phase(places, tiles) if order == Order.PHASE else _by_plan(places, tiles)
    board = Dashboard(coalition.name, coalition.is_fictitious, PROFESSIONALS, order, sections)
    board.tiles = _flatten(sections)
    if sparklines:
        _add_sparklines(board.tiles)
    return board


def _chosen_dashboard(coalition, audience, items: Sequence[DashboardItem], sparklines):
    by_indicator = {item.indicator_id: item for item in items}
    tiles = _tiles(coalition, [item.indicator for item in items], audience, by_indicator)
    ordered = [tiles[item.indicator_id] for item in items if item.indicator_id in tiles]
    board = Dashboard(
        coalition.name,
        coalition.is_fictitious,
        audience,
        "",
        [Section("", "", ordered)] if ordered else [],
        ordered,
    )
    if sparklines:
        _add_sparklines(board.tiles)
    return board


def headline_items(coalition) -> list[DashboardItem]:
    """The indicators the coordinator chose for bestuur en raad, in their order."""
    return list(
        DashboardItem.objects.filter(coalition=coalition, audience=Audience.BESTUUR)
        .filter(
            Q(indicator__plan_links__goal__ambition__coalition=coalition)
            | Q(indicator__plan_links__activity__goal__ambition__coalition=coalition)
            | Q(indicator__coalition=coalition)
        )
        .select_related("indicator")
        .distinct()
        .order_by("position", "id")
    )


def council_dashboard(coalition, items=None, *, sparklines=True) -> Dashboard:
    """The headline indicators for bestuur en raad: verdicts first, in plain words."""
    items = headline_items(coalition) if items is None else items
    return _chosen_dashboard(coalition, Audience.BESTUUR, items, sparklines)


def public_dashboard(coalition, items: Sequence[DashboardItem], *, sparklines=True) -> Dashboard:
    """The published indicators (``publication.published_items``), with public quotes only."""
    return _chosen_dashboard(coalition, Audience.PUBLIEK, items, sparklines)


# The map ------------------------------------------------------------------------------------


def map_choices(board: Dashboard) -> list[tuple[str, str]]:
    """(code, name) of the dashboard's indicators with published wijk figures."""
    return [(tile.code, tile.name) for tile in board.tiles if tile.wijken_shown]


def wijk_map(coalition, board: Dashboard, code: str = "", *, chart=True) -> WijkMap:
    """The map "Wijken in beeld": the chosen indicator (``code``), or else the first one of
    the dashboard with the most wijken published in the latest period; one
    ``indicator_data`` call."""
    choices = map_choices(board)
    found = WijkMap(choices)
    codes = [c for c, _name in choices]
    if not codes:
        return found
    if code in codes:
        found.code = code
    else:
        most = max(tile.wijken_shown for tile in board.tiles)
        found.code = next(tile.code for tile in board.tiles if tile.wijken_shown == most)
    tile = next(t for t in board.tiles if t.code == found.code)
    found.page = indicator_data(coalition, tile.indicator)
    if chart:
        from kansrijk.charts.maps import area_map

        found.chart = area_map(coalition, found.page)
    return found
