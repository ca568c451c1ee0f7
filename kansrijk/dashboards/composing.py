"""Composing the dashboards: what a coordinator chooses for each audience.

The composer page saves everything at once with ``save_composition``; the small functions
(``publish``, ``choose_headline``, ``open_public_page`` …) do one thing each, for the demo,
the command line and tests:

    from kansrijk.dashboards.composing import open_public_page, publish

    open_public_page(coalition, intro="Hoe gaat het met jonge kinderen in onze stad?")
    publish(coalition, indicator, plain_text="…", show_wijken=True)
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from kansrijk.catalog.models import Indicator

from .models import Audience, DashboardItem, DashboardSettings, Order
from .tiles import plan_places

MAX_HEADLINES = 8


@dataclass
class Choice:
    """What the coordinator chose for one indicator of the plan."""

    indicator: Indicator
    position: int = 0
    for_council: bool = False
    council_text: str = ""
    published: bool = False
    public_text: str = ""
    show_wijken: bool = False


def settings_for(coalition) -> DashboardSettings:
    """The coalition's dashboard settings, made with the defaults on first use."""
    found, _created = DashboardSettings.objects.get_or_create(coalition=coalition)
    return found


def current_settings(coalition) -> DashboardSettings:
    """The settings as they are, without saving defaults (for pages that only read)."""
    found = DashboardSettings.objects.filter(coalition=coalition).first()
    return found or DashboardSettings(coalition=coalition)


def _next_position(coalition, audience) -> int:
    items = DashboardItem.objects.filter(coalition=coalition, audience=audience)
    highest = items.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


def _choose(coalition, indicator, audience, position, **fields) -> DashboardItem:
    if position is None:
        existing = DashboardItem.objects.filter(
            coalition=coalition, indicator=indicator, audience=audience
        ).first()
        position = existing.position if existing else _next_position(coalition, audience)
    item, _created = DashboardItem.objects.update_or_create(
        coalition=coalition,
        indicator=indicator,
        audience=audience,
        defaults={"position": position, **fields},
    )
    return item


def publish(
    coalition,
    indicator,
    *,
    plain_text: str = "",
    show_wijken: bool = False,
    position: int | None = None,
) -> DashboardItem:
    """Put an indicator on the public page (shown once the public page is open)."""
    return _choose(
        coalition,
        indicator,
        Audience.PUBLIEK,
        position,
        plain_text=plain_text,
        show_wijken=show_wijken,
    )


def unpublish(coalition, indicator) -> None:
    DashboardItem.objects.filter(
        coalition=coalition, indicator=indicator, audience=Audience.PUBLIEK
    ).delete()


def choose_headline(
    coalition, indicator, *, plain_text: str = "", position: int | None = None
) -> DashboardItem:
    """Show an indicator on the page for bestuur en raad."""
    return _choose(coalition, indicator, Audience.BESTUUR, position, plain_text=plain_text)


def drop_headline(coalition, indicator) -> None:
    DashboardItem.objects.filter(
        coalition=coalition, indicator=indicator, audience=Audience.BESTUUR
    ).delete()


def open_public_page(coalition, *, intro: str | None = None) -> DashboardSettings:
    settings = settings_for(coalition)
    settings.public_enabled = True
    if intro is not None:
        settings.public_intro = intro
    settings.save()
    return settings


def close_public_page(coalition) -> DashboardSettings:
    settings = settings_for(coalition)
    settings.public_enabled = False
    settings.save()
    return settings


def current_choices(coalition) -> list[Choice]:
    """One choice per indicator professionals see, as saved (three queries)."""
    indicators = [place.indicator for place in plan_places(coalition)]
    items = DashboardItem.objects.filter(coalition=coalition, indicator__in=indicators)
    by_key = {(item.indicator_id, item.audience): item for item in items}
    choices = []
    for index, indicator in enumerate(indicators):
        council = by_key.get((indicator.id, Audience.BESTUUR))
        public = by_key.get((indicator.id, Audience.PUBLIEK))
        saved = [item.position for item in (council, public) if item is not None]
        choices.append(
            Choice(
                indicator,
                position=min(saved) + 1 if saved else index + 1,
                for_council=council is not None,
                council_text=council.plain_text if council else "",
                published=public is not None,
                public_text=public.plain_text if public else "",
                show_wijken=public.show_wijken if public else False,
            )
        )
    return choices


@transaction.atomic
def save_composition(
    coalition,
    *,
    order: str = Order.PLAN,
    public_enabled: bool = False,
    public_intro: str = "",
    council_intro: str = "",
    choices: list[Choice],
) -> DashboardSettings:
    """Save the settings and the choices for both audiences at once: an indicator that is
    not chosen any more leaves that audience."""
    settings = settings_for(coalition)
    settings.order = order
    settings.public_enabled = public_enabled
    settings.public_intro = public_intro
    settings.council_intro = council_intro
    settings.save()
    DashboardItem.objects.filter(coalition=coalition).delete()
    items = []
    for choice in choices:
        position = max(choice.position - 1, 0)
        if choice.for_council:
            items.append(
                DashboardItem(
                    coalition=coalition,
                    indicator=choice.indicator,
                    audience=Audience.BESTUUR,
                    position=position,
                    plain_text=choice.council_text,
                )
            )
        if choice.published:
            items.append(
                DashboardItem(
                    coalition=coalition,
                    indicator=choice.indicator,
                    audience=Audience.PUBLIEK,
                    position=position,
                    plain_text=choice.public_text,
                    show_wijken=choice.show_wijken,
                )
            )
    DashboardItem.objects.bulk_create(items)
    return settings
