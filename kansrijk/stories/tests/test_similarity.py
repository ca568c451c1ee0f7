"""Theme suggestions from similar, already-coded stories."""

from kansrijk.stories.similarity import cosine, suggest_themes, tfidf_vectors, tokens

from .factories import StoryFactory, StoryThemeFactory


def _coded(coalition, text, *themes):
    story = StoryFactory(coalition=coalition, anonymised_text=text)
    story.themes.add(*themes)
    return story


def test_it_suggests_the_theme_of_stories_that_read_alike(coalition):
    housing = StoryThemeFactory(coalition=coalition, name="Woonruimte")
    language = StoryThemeFactory(coalition=coalition, name="Tolken")
    _coded(coalition, "Wij wonen met vier kinderen in twee kamers; het huis is te klein.", housing)
    _coded(coalition, "Het huis is klein en vochtig, met schimmel in de kamers.", housing)
    _coded(coalition, "Ik verstond de verloskundige niet zonder vertaler.", language)
    story = StoryFactory(coalition=coalition, anonymised_text="Ons huis heeft maar twee kamers.")
    suggestions = suggest_themes(story)
    assert suggestions[0].theme == housing
    assert suggestions[0].similar_stories == 2


def test_it_suggests_a_theme_whose_words_occur_in_the_story(coalition):
    money = StoryThemeFactory(coalition=coalition, name="Geldzorgen", description="schulden")
    story = StoryFactory(coalition=coalition, anonymised_text="We hadden grote schulden.")
    assert [s.theme for s in suggest_themes(story)] == [money]


def test_it_leaves_out_themes_the_story_already_has(coalition):
    money = StoryThemeFactory(coalition=coalition, name="Geldzorgen", description="schulden")
    story = StoryFactory(coalition=coalition, anonymised_text="We hadden grote schulden.")
    story.themes.add(money)
    assert suggest_themes(story) == []


def test_it_learns_only_from_the_coalitions_own_approved_stories(coalition, other_coalition):
    foreign_theme = StoryThemeFactory(coalition=other_coalition, name="Elders")
    _coded(other_coalition, "Het huis is te klein voor ons.", foreign_theme)
    story = StoryFactory(coalition=coalition, anonymised_text="Het huis is te klein voor ons.")
    assert suggest_themes(story) == []


def test_placeholders_and_stop_words_are_not_words_of_a_story():
    assert tokens("Ik en [NAAM] wonen in de Kerkstraat") == ["wonen", "kerkstraat"]


def test_identical_texts_are_fully_similar_and_unrelated_ones_not_at_all():
    same, other, unrelated = tfidf_vectors(
        [tokens("huis kamers klein"), tokens("huis kamers klein"), tokens("tolk taal")]
    )
    assert round(cosine(same, other), 6) == 1.0
    assert cosine(same, unrelated) == 0.0
