"""Coding stories: the codebook of themes, linking stories to themes, goals and indicators, and
marking quotable fragments.

A quote is always a fragment of the story's approved, anonymised text, so nothing of the
original can reach a quote.
"""

from __future__ import annotations

import re

from django.db import transaction

from .models import Quote, Story, StoryTheme

DEFAULT_THEMES = [
    (
        "Steun van familie en vrienden",
        "Hulp, steun of juist eenzaamheid: partner, familie, vrienden, buren, netwerk.",
    ),
    (
        "De periode na de geboorte",
        "Kraamtijd, herstel, borstvoeding, slapen, huilen, somberheid, de eerste maanden.",
    ),
    (
        "Taalbarrière",
        "Taal, tolk, vertalen, Nederlands niet goed spreken of lezen, folders begrijpen.",
    ),
    (
        "De juiste hulp vinden",
        "Hulp zoeken en vinden, wachtlijst, doorverwijzen, loket, wie moet ik bellen.",
    ),
    (
        "Geldzorgen",
        "Geld, schulden, rekeningen, kosten, toeslagen, uitkering, armoede, werk.",
    ),
    (
        "Huisvesting",
        "Woning, huis, kamer, verhuizen, woningnood, schimmel, te klein, dakloos.",
    ),
    (
        "Gehoord worden door professionals",
        "Luisteren, serieus genomen worden, uitleg, vertrouwen in verloskundige, arts, JGZ.",
    ),
]

MAX_QUOTE_CHARS = 1000


class QuoteError(ValueError):
    """A fragment that cannot be a quote; the message is Dutch."""


def seed_codebook(coalition) -> int:
    """Add the common themes the coalition does not have yet; answers how many were added."""
    existing = {name.lower() for name in coalition.story_themes.values_list("name", flat=True)}
    new = [
        StoryTheme(coalition=coalition, name=name, description=description)
        for name, description in DEFAULT_THEMES
        if name.lower() not in existing
    ]
    StoryTheme.objects.bulk_create(new)
    return len(new)


def code_story(story: Story, *, themes=(), goals=(), indicators=()) -> None:
    """Set the story's themes, plan goals and indicators (each replaces what was there)."""
    with transaction.atomic():
        story.themes.set(themes)
        story.goals.set(goals)
        story.indicators.set(indicators)


def _plain(text: str) -> str:
    return " ".join(text.split())


def _strip_quote_marks(text: str) -> str:
    return text.strip().strip("\"'“”‘’„").strip()


def add_quote(story: Story, text: str, *, user=None) -> Quote:
    """Mark a fragment of the story's approved anonymised text as a quote."""
    if not story.is_approved:
        raise QuoteError("Alleen uit een goedgekeurd verhaal kunnen citaten komen.")
    fragment = _plain(_strip_quote_marks(text or ""))
    if len(fragment) < 3:
        raise QuoteError("Het citaat is leeg of te kort.")
    if len(fragment) > MAX_QUOTE_CHARS:
        raise QuoteError(f"Een citaat is hoogstens {MAX_QUOTE_CHARS} tekens lang.")
    if fragment not in _plain(story.anonymised_text):
        raise QuoteError(
            "Het citaat moet letterlijk in de geanonimiseerde tekst staan. "
            "Kopieer het stuk uit de tekst hierboven."
        )
    if user is not None and not user.is_authenticated:
        user = None
    return Quote.objects.create(story=story, text=fragment, created_by=user)


def drop_stale_quotes(story: Story) -> int:
    """Remove quotes that no longer occur in the (edited) anonymised text; answers how many."""
    text = _plain(story.anonymised_text)
    stale = [quote.pk for quote in story.quotes.all() if _plain(quote.text) not in text]
    if stale:
        Quote.objects.filter(pk__in=stale).delete()
    return len(stale)


_WORD = re.compile(r"\w+", re.UNICODE)


def theme_keywords(theme: StoryTheme) -> set[str]:
    """Words that point at a theme: those of its name and description (four letters or more)."""
    words = _WORD.findall(f"{theme.name} {theme.description}".lower())
    return {word for word in words if len(word) >= 4}
