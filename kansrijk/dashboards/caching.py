"""The rendered tiles of a dashboard, cached until something they show changes.

A dashboard's tiles (numbers, sparklines, quotes, the wijk map) are rendered once and kept in
the cache under a key made of:

* the coalition and the audience (professionals, bestuur, publiek) and the reader's choices
  (order, map indicator) and language;
* the data version (``kansrijk.insight.versioning``): every import, rollback, area change;
* the coalition's dashboard version, ``DashboardSettings.version``: a counter in the database
  (so every process sees it) that the receivers below raise, in the same transaction as the
  change, whenever the coalition, its plan (ambitions, goals, activities, plan indicators),
  its composition (settings, headline and published indicators), its stories, quotes or story
  themes (and their links) change. (Saving an indicator changes the data version.)

Both versions come with the dashboard settings in one query (``versioned_settings``), so a
warm dashboard is a handful of queries: session, user, membership, settings, cache. Stale
entries are never read again and simply expire.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db.models import F, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

from kansrijk.insight.versioning import current_data_version, data_version_subquery

from .models import DashboardSettings

TIMEOUT = 24 * 60 * 60
PREFIX = "dashboards:v1"
_DISPATCH = "kansrijk.dashboards.caching"


# Reading ------------------------------------------------------------------------------------


def versioned_settings(coalition) -> DashboardSettings:
    """The coalition's dashboard settings with ``data_version`` set (one query; the row is
    made with the defaults when a coalition has none yet)."""
    found = (
        DashboardSettings.objects.filter(coalition=coalition)
        .annotate(data_version=Subquery(data_version_subquery()))
        .first()
    )
    if found is None:
        found, _created = DashboardSettings.objects.get_or_create(coalition=coalition)
        found.refresh_from_db(fields=["version"])
        found.data_version = None
    if found.data_version is None:
        found.data_version = current_data_version()
    found.coalition = coalition
    return found


def with_data_version(settings: DashboardSettings, token: str | None) -> DashboardSettings:
    """``settings`` with the data version fetched beside them (``data_version_subquery``)."""
    settings.data_version = token or current_data_version()
    return settings


def _choice_part(value: str) -> str:
    """A reader's choice as part of a key: short and safe whatever was typed."""
    return hashlib.sha256(value.encode()).hexdigest()[:16] if value else "-"


def fragment_key(settings: DashboardSettings, audience: str, *choices: str) -> str:
    parts = [
        PREFIX,
        audience,
        str(settings.coalition_id),
        str(settings.version),
        str(settings.data_version),
        translation.get_language() or "",
        *(_choice_part(choice) for choice in choices),
    ]
    return ":".join(parts)


def cached_fragment(key: str, render) -> str:
    """The cached HTML under ``key``; else ``render()``, kept under it."""
    found = cache.get(key)
    if found is None:
        found = render()
        cache.set(key, found, TIMEOUT)
    return found


# Invalidation -------------------------------------------------------------------------------


def bump_coalitions(coalition_ids) -> None:
    """Mark the cached dashboards of these coalitions as stale (one query)."""
    ids = [pk for pk in set(coalition_ids) if pk is not None]
    if ids:
        DashboardSettings.objects.filter(coalition_id__in=ids).update(version=F("version") + 1)


def bump_all_coalitions() -> None:
    """Mark every cached dashboard as stale (a shared indicator changed)."""
    DashboardSettings.objects.update(version=F("version") + 1)


def _coalition_ids(model, pks) -> list[int]:
    """The coalitions of rows of plan and story models, by primary key (one query)."""
    from kansrijk.coalitions.models import Activity, Ambition, Goal, PlanIndicator
    from kansrijk.stories.models import Quote, Story, StoryTheme

    paths = {
        Ambition: ["coalition_id"],
        Goal: ["ambition__coalition_id"],
        Activity: ["goal__ambition__coalition_id"],
        PlanIndicator: [
            "goal__ambition__coalition_id",
            "activity__goal__ambition__coalition_id",
        ],
        Story: ["coalition_id"],
        StoryTheme: ["coalition_id"],
        Quote: ["story__coalition_id"],
    }
    rows = model.objects.filter(pk__in=list(pks)).values_list(*paths[model])
    return [pk for row in rows for pk in row if pk is not None]


def _indicator_changed(instance) -> None:
    if instance.coalition_id is None:
        bump_all_coalitions()
    else:
        bump_coalitions([instance.coalition_id])


def _saved_or_deleted(sender, instance, **kwargs) -> None:
    """A row a dashboard shows changed: raise its coalition's dashboard version."""
    from kansrijk.coalitions.models import Activity, Ambition, Coalition, Goal, PlanIndicator
    from kansrijk.stories.models import Quote, Story, StoryTheme

    from .models import DashboardItem

    if kwargs.get("raw"):  # loading fixtures
        return
    if sender is Coalition:
        bump_coalitions([instance.pk])
    elif sender in (Ambition, Story, StoryTheme, DashboardItem, DashboardSettings):
        bump_coalitions([instance.coalition_id])
    elif sender is Goal:  # its parents still exist when it is deleted on its own
        bump_coalitions(_coalition_ids(Ambition, [instance.ambition_id]))
    elif sender is Activity:
        bump_coalitions(_coalition_ids(Goal, [instance.goal_id]))
    elif sender is PlanIndicator:
        if instance.goal_id:
            bump_coalitions(_coalition_ids(Goal, [instance.goal_id]))
        else:
            bump_coalitions(_coalition_ids(Activity, [instance.activity_id]))
    elif sender is Quote:
        bump_coalitions(_coalition_ids(Story, [instance.story_id]))


def _links_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    """A story or story theme was linked to (or unlinked from) a goal, indicator or theme."""
    from kansrijk.catalog.models import Indicator
    from kansrijk.coalitions.models import Goal

    if not action.startswith("post_"):
        return
    if not reverse:  # instance: the story or theme
        bump_coalitions([instance.coalition_id])
    elif pk_set:  # instance: a goal, indicator or theme; pk_set: stories or themes
        bump_coalitions(_coalition_ids(model, pk_set))
    elif isinstance(instance, Indicator):  # cleared from the indicator's side
        _indicator_changed(instance)
    elif isinstance(instance, Goal):
        bump_coalitions(_coalition_ids(Goal, [instance.pk]))
    else:  # a theme's stories cleared
        bump_coalitions([instance.coalition_id])


def _settings_created(sender, instance, created, **kwargs) -> None:
    """Every coalition gets its dashboard settings (and so its version) when it is made."""
    if created and not kwargs.get("raw"):
        DashboardSettings.objects.get_or_create(coalition_id=instance.pk)  # not cached on it


def connect_signals() -> None:
    from kansrijk.coalitions.models import Activity, Ambition, Coalition, Goal, PlanIndicator
    from kansrijk.stories.models import Quote, Story, StoryTheme

    from .models import DashboardItem

    post_save.connect(_settings_created, sender=Coalition, dispatch_uid=f"{_DISPATCH}.created")
    watched = (
        Coalition,
        Ambition,
        Goal,
        Activity,
        PlanIndicator,
        DashboardItem,
        DashboardSettings,
        Story,
        StoryTheme,
        Quote,
    )
    for model in watched:
        uid = f"{_DISPATCH}.{model._meta.label_lower}"
        post_save.connect(_saved_or_deleted, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_saved_or_deleted, sender=model, dispatch_uid=f"{uid}.delete")
    links = (
        Story.themes.through,
        Story.goals.through,
        Story.indicators.through,
        StoryTheme.goals.through,
        StoryTheme.indicators.through,
    )
    for through in links:
        m2m_changed.connect(
            _links_changed, sender=through, dispatch_uid=f"{_DISPATCH}.{through._meta.label_lower}"
        )
