"""``/api/v1/coalitions/{slug}/stories`` and ``/themes``: approved, anonymised stories and the
codebook with its shown counts, for members only, through ``kansrijk.stories.data`` and
``kansrijk.stories.overview``."""

import json

import pytest

from kansrijk.insight.disclosure import SUPPRESSED_MARK
from kansrijk.stories.models import Consent, ReviewStatus, StoryPhase
from kansrijk.stories.overview import themes_by_phase
from kansrijk.stories.tests.factories import StoryFactory, StoryThemeFactory
from kansrijk.testing.factories import GoalFactory, IndicatorFactory

from .test_openapi import assert_matches_declaration

STORIES = "/api/v1/coalitions/voorbeeldstad/stories"
THEMES = "/api/v1/coalitions/voorbeeldstad/themes"


@pytest.fixture
def document(client, db):
    return client.get("/api/v1/openapi.json").json()


@pytest.fixture
def theme(coalition):
    return StoryThemeFactory(coalition=coalition, name="Geldzorgen")


@pytest.fixture
def stories(coalition, other_coalition, theme, editor):
    """Two approved stories (one coded, with a goal and an indicator), one waiting for review,
    one rejected, and an approved one of another coalition."""
    coded = StoryFactory(
        coalition=coalition,
        original_text="Ik ben Jan de Vries, Dorpsstraat 12, 06-12345678.",
        anonymised_text="Ik ben [NAAM], [ADRES], [TELEFOON]. De huur was te hoog.",
        phase=StoryPhase.BIRTH,
        consent=Consent.INTERNAL,
    )
    coded.themes.add(theme)
    coded.goals.add(GoalFactory(ambition__coalition=coalition))
    coded.indicators.add(IndicatorFactory(code="eigen_ind", coalition=coalition))
    plain = StoryFactory(
        coalition=coalition, anonymised_text="De kraamzorg was fijn.", phase=StoryPhase.MATERNITY
    )
    StoryFactory(
        coalition=coalition,
        anonymised_text="Nog niet gecontroleerd.",
        review_status=ReviewStatus.PENDING,
        collected_by=editor,
    )
    StoryFactory(
        coalition=coalition, anonymised_text="Afgewezen.", review_status=ReviewStatus.REJECTED
    )
    StoryFactory(coalition=other_coalition, anonymised_text="Verhaal van elders.")
    return {"coded": coded, "plain": plain}


def texts(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [story["text"] for story in response.json()["results"]]


def test_a_member_sees_approved_anonymised_stories_only(client, document, member, stories):
    client.force_login(member)
    response = client.get(STORIES)
    assert_matches_declaration(document, "/api/v1/coalitions/{slug}/stories", response)
    assert sorted(texts(response)) == sorted(
        [stories["coded"].anonymised_text, stories["plain"].anonymised_text]
    )
    (coded,) = [s for s in response.json()["results"] if s["id"] == stories["coded"].pk]
    assert coded["phase"] == "birth"
    assert coded["catalogue_phase"] == "birth"
    assert coded["month"] == "2024-03"
    assert coded["themes"] == ["Geldzorgen"]
    assert coded["goals"] == [stories["coded"].goals.get().pk]
    assert coded["indicators"] == ["eigen_ind"]
    assert "original_text" not in coded


def test_an_identifier_in_the_original_text_never_reaches_the_json(client, editor, stories):
    client.force_login(editor)
    body = json.dumps(client.get(STORIES).json())
    for identifier in ["Jan de Vries", "Vries", "Dorpsstraat", "06-12345678", "Oorspronkelijk"]:
        assert identifier not in body
    assert "Nog niet gecontroleerd" not in body
    assert "Afgewezen" not in body
    assert "elders" not in body


def test_an_outsider_gets_a_404_and_an_anonymous_caller_a_401(client, outsider, stories):
    assert client.get(STORIES).status_code == 401
    assert client.get(THEMES).status_code == 401
    client.force_login(outsider)
    for url in [STORIES, THEMES, STORIES + "?phase=birth"]:
        response = client.get(url)
        assert response.status_code == 404
        assert "elders" not in response.content.decode()


def test_the_filters(client, member, stories, theme):
    client.force_login(member)
    coded, plain = stories["coded"].anonymised_text, stories["plain"].anonymised_text
    assert texts(client.get(STORIES + "?q=huur hoog")) == [coded]
    assert texts(client.get(STORIES + "?q=huur kraamzorg")) == []
    assert texts(client.get(STORIES + "?phase=maternity")) == [plain]
    assert texts(client.get(f"{STORIES}?theme={theme.pk}")) == [coded]
    assert texts(client.get(f"{STORIES}?theme={theme.pk}&phase=maternity")) == []


def test_a_token_works_too(client, member, stories, bearer):
    response = client.get(STORIES, headers=bearer(member))
    assert len(texts(response)) == 2


@pytest.mark.parametrize(
    "query, name",
    [
        ("phase=zwanger", "phase"),
        ("theme=abc", "theme"),
        ("theme=0", "theme"),
        ("fase=pre", "fase"),
    ],
)
def test_a_bad_parameter_is_a_400_that_names_it(client, member, stories, query, name):
    client.force_login(member)
    response = client.get(f"{STORIES}?{query}")
    assert response.status_code == 400
    assert f"‘{name}’" in response.json()["detail"]


def test_a_theme_of_another_coalition_is_a_400(client, member, stories, other_coalition):
    foreign = StoryThemeFactory(coalition=other_coalition, name="Geheim thema")
    client.force_login(member)
    response = client.get(f"{STORIES}?theme={foreign.pk}")
    assert response.status_code == 400
    assert "Geheim" not in response.json()["detail"]


def test_the_themes_with_the_counts_the_overview_shows(client, document, member, coalition, theme):
    for _ in range(6):
        StoryFactory(coalition=coalition, phase=StoryPhase.BIRTH).themes.add(theme)
    for _ in range(5):
        StoryFactory(coalition=coalition, phase=StoryPhase.MATERNITY).themes.add(theme)
    rare = StoryThemeFactory(coalition=coalition, name="Zeldzaam")
    StoryFactory(coalition=coalition, phase=StoryPhase.PREGNANCY).themes.add(rare)
    StoryFactory(
        coalition=coalition, phase=StoryPhase.WISH, review_status=ReviewStatus.PENDING
    ).themes.add(theme)
    client.force_login(member)
    response = client.get(THEMES)
    assert response.status_code == 200
    assert_matches_declaration(document, "/api/v1/coalitions/{slug}/themes", response)
    rows = {row["name"]: row for row in response.json()["results"]}
    shown = {row.theme.name: row.cells for row in themes_by_phase(coalition).rows}
    assert set(rows) == set(shown)
    assert len(rows) > 2  # the common themes of a new codebook too
    for name, row in rows.items():
        assert [cell["count"] for cell in row["stories_by_phase"]] == shown[name]
    counts = {cell["phase"]: cell["count"] for cell in rows["Geldzorgen"]["stories_by_phase"]}
    assert counts["birth"] == "6"
    assert counts["maternity"] == "5"
    assert counts["pre"] == "0"  # the pending story is not counted
    rare_counts = {cell["phase"]: cell["count"] for cell in rows["Zeldzaam"]["stories_by_phase"]}
    assert rare_counts["pregnancy"] == SUPPRESSED_MARK  # one story: too small to show
