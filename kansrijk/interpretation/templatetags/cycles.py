"""The coalition overview's panel of open actions: ``{% load cycles %}{% open_actions_panel
coalition can_edit %}``. One query (two when there are more open actions than it shows)."""

from django import template

from ..cycles import open_actions

register = template.Library()

PANEL_SIZE = 10


@register.inclusion_tag("interpretation/_open_actions.html")
def open_actions_panel(coalition, can_edit=False):
    actions = list(open_actions(coalition)[: PANEL_SIZE + 1])
    total = open_actions(coalition).count() if len(actions) > PANEL_SIZE else len(actions)
    return {
        "coalition": coalition,
        "can_edit": can_edit,
        "actions": actions[:PANEL_SIZE],
        "more": total - len(actions[:PANEL_SIZE]),
    }
