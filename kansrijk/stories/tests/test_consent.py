"""A story without consent for a use never appears in that use."""

import pytest

from kansrijk.stories.data import approved_stories_for, quotes_for
from kansrijk.stories.models import Consent, ReviewStatus

from .factories import QuoteFactory, StoryFactory


@pytest.fixture
def quotes(coalition):
    """One quote per consent level, and one from a story still waiting for review."""
    made = {}
    for consent in Consent:
        story = StoryFactory(
            coalition=coalition, consent=consent, anonymised_text=f"Verhaal met {consent}."
        )
        made[consent] = QuoteFactory(story=story, text=f"Verhaal met {consent}")
    pending = StoryFactory(
        coalition=coalition,
        consent=Consent.PUBLISH,
        review_status=ReviewStatus.PENDING,
        anonymised_text="Wacht nog.",
    )
    made["pending"] = QuoteFactory(story=pending, text="Wacht nog")
    return made


def _texts(records):
    return sorted(record.text for record in records)


def test_public_quotes_come_only_from_stories_whose_parents_agreed_to_publication(
    coalition, quotes
):
    assert _texts(quotes_for(coalition, audience="public")) == ["Verhaal met publish"]


def test_members_see_quotes_of_every_approved_story(coalition, quotes):
    assert _texts(quotes_for(coalition, audience="members")) == [
        "Verhaal met internal",
        "Verhaal met publish",
        "Verhaal met sessions",
    ]


def test_sessions_get_quotes_only_from_stories_with_consent_for_sessions_or_more(coalition, quotes):
    assert _texts(quotes_for(coalition, audience="sessions")) == [
        "Verhaal met publish",
        "Verhaal met sessions",
    ]


def test_a_rejected_or_waiting_story_gives_no_quote_to_anyone(coalition, quotes):
    for audience in ("members", "sessions", "public"):
        assert "Wacht nog" not in _texts(quotes_for(coalition, audience=audience))


def test_stories_for_sessions_leave_out_those_for_internal_use_only(coalition, member, quotes):
    texts = _texts(approved_stories_for(member, coalition, "sessions"))
    assert texts == ["Verhaal met publish.", "Verhaal met sessions."]


def test_whole_stories_are_never_handed_out_for_public_use(coalition, member, quotes):
    with pytest.raises(ValueError):
        approved_stories_for(member, coalition, "public")


def test_people_outside_the_coalition_get_no_stories(coalition, outsider, quotes):
    assert approved_stories_for(outsider, coalition, "internal") == []
    assert approved_stories_for(None, coalition, "internal") == []


def test_quotes_of_another_coalition_never_appear(coalition, other_coalition, quotes):
    foreign = StoryFactory(coalition=other_coalition, consent=Consent.PUBLISH)
    QuoteFactory(story=foreign, text="Van elders")
    assert "Van elders" not in _texts(quotes_for(coalition, audience="public"))


def test_an_unknown_audience_is_refused(coalition):
    with pytest.raises(ValueError):
        quotes_for(coalition, audience="everyone")


@pytest.mark.parametrize(
    ("consent", "use", "allowed"),
    [
        (Consent.INTERNAL, "internal", True),
        (Consent.INTERNAL, "sessions", False),
        (Consent.INTERNAL, "public", False),
        (Consent.SESSIONS, "sessions", True),
        (Consent.SESSIONS, "public", False),
        (Consent.PUBLISH, "internal", True),
        (Consent.PUBLISH, "public", True),
    ],
)
def test_a_wider_consent_includes_the_narrower_uses(consent, use, allowed):
    assert Consent.allows(consent, use) is allowed
