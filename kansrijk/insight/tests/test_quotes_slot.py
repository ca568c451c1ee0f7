"""Parents' quotes beside the numbers on a coalition's indicator page, as consent allows."""

from django.urls import reverse

from kansrijk.stories.models import Consent, ReviewStatus
from kansrijk.stories.tests.factories import QuoteFactory, StoryFactory
from kansrijk.testing.factories import PlanIndicatorFactory


def page(client, user, coalition, indicator):
    client.force_login(user)
    url = reverse(
        "insight:indicator-detail", kwargs={"slug": coalition.slug, "code": indicator.code}
    )
    return client.get(url).content.decode()


def test_an_approved_quote_linked_to_the_indicator_appears_beside_its_numbers(
    client, member, coalition, indicator
):
    PlanIndicatorFactory(goal__ambition__coalition=coalition, indicator=indicator)
    story = StoryFactory(coalition=coalition, consent=Consent.SESSIONS)
    story.indicators.add(indicator)
    QuoteFactory(story=story, text="Ik voelde me eindelijk gehoord.")
    html = page(client, member, coalition, indicator)
    assert "Wat ouders vertellen" in html
    assert "Ik voelde me eindelijk gehoord." in html


def test_an_unapproved_story_never_fills_the_slot(client, member, coalition, indicator):
    PlanIndicatorFactory(goal__ambition__coalition=coalition, indicator=indicator)
    story = StoryFactory(coalition=coalition, review_status=ReviewStatus.PENDING)
    story.indicators.add(indicator)
    QuoteFactory(story=story, text="Dit mag nog niemand zien.")
    html = page(client, member, coalition, indicator)
    assert "Dit mag nog niemand zien." not in html
    assert "Wat ouders vertellen" not in html
