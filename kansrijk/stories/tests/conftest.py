"""Stories in ``coalition`` and look-alike ones in ``other_coalition``, wijken to tell them
in, and a partner whose name the de-identifier must remove."""

import pytest
from django.core.cache import cache

from kansrijk.areas.models import Level
from kansrijk.coalitions.models import Membership
from kansrijk.stories.collecting import settings_for
from kansrijk.stories.models import ReviewStatus
from kansrijk.testing.factories import AreaFactory, GoalFactory, PartnerFactory

from .factories import StoryFactory, StoryThemeFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """The public form's rate limit lives in the cache: every test starts afresh."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def wijk(municipality):
    return AreaFactory(code="WK999901", name="Centrum", level=Level.DISTRICT, parent=municipality)


@pytest.fixture
def other_wijk(municipality):
    return AreaFactory(code="WK999902", name="Noord", level=Level.DISTRICT, parent=municipality)


@pytest.fixture
def partner(coalition):
    return PartnerFactory(coalition=coalition, name="Verloskundigenpraktijk Zuid")


@pytest.fixture
def story_settings(coalition):
    return settings_for(coalition)


@pytest.fixture
def open_form(story_settings):
    story_settings.public_form_open = True
    story_settings.save()
    return story_settings


@pytest.fixture
def story(coalition):
    """An approved story of the coalition."""
    return StoryFactory(coalition=coalition)


@pytest.fixture
def pending_story(coalition, editor):
    """A story the editor collected, waiting for review."""
    return StoryFactory(
        coalition=coalition, collected_by=editor, review_status=ReviewStatus.PENDING
    )


@pytest.fixture
def theme(coalition):
    return StoryThemeFactory(coalition=coalition, name="Geldzorgen")


@pytest.fixture
def goal(coalition):
    return GoalFactory(ambition__coalition=coalition, title="Minder geldzorgen bij jonge ouders")


@pytest.fixture
def editor_membership(editor, coalition):
    return Membership.objects.get(user=editor, coalition=coalition)


@pytest.fixture
def foreign_story(other_coalition, outsider):
    return StoryFactory(coalition=other_coalition, collected_by=outsider)
