"""``{% story_quotes coalition goal=goal audience="public" %}``: parents' quotes next to the
numbers, for dashboards and reports. It renders ``stories/_quotes.html`` with the records of
``kansrijk.stories.data.quotes_for``, so consent is always applied."""

from django import template

from ..data import quotes_for

register = template.Library()


@register.inclusion_tag("stories/_quotes.html")
def story_quotes(coalition, *, goal=None, indicator=None, theme=None, audience="members", limit=3):
    quotes = quotes_for(
        coalition, goal=goal, indicator=indicator, theme=theme, audience=audience, limit=limit
    )
    return {"quotes": quotes}


@register.simple_tag
def story_quotes_for(
    coalition, *, goal=None, indicator=None, theme=None, audience="members", limit=3
):
    """The same quotes as ``story_quotes``, as a list, so a page can leave out an empty slot:
    ``{% story_quotes_for coalition indicator=indicator as quotes %}``."""
    return quotes_for(
        coalition, goal=goal, indicator=indicator, theme=theme, audience=audience, limit=limit
    )
