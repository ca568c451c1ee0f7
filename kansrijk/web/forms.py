"""Form helpers shared by every app."""

from django import forms
from django.forms.utils import pretty_name
from django.utils.translation import gettext as _


def _messages_for(field: forms.Field, label_text: str) -> dict[str, str]:
    """Dutch error messages that name the field, so they also make sense in an error summary."""
    label = {"label": label_text}
    messages = {
        "required": _("“%(label)s” is verplicht.") % label,
        "invalid": _("“%(label)s” heeft geen geldige waarde.") % label,
        "invalid_choice": _("Kies een van de mogelijkheden bij “%(label)s”.") % label,
        "invalid_pk_value": _("Kies een van de mogelijkheden bij “%(label)s”.") % label,
        "invalid_list": _("Kies een of meer van de mogelijkheden bij “%(label)s”.") % label,
        "null_characters_not_allowed": _("“%(label)s” bevat een ongeldig teken.") % label,
    }
    # FloatField and DecimalField are subclasses of IntegerField: test them first.
    if isinstance(field, forms.FloatField | forms.DecimalField):
        messages["invalid"] = _("“%(label)s” moet een getal zijn, bijvoorbeeld 12,5.") % label
    elif isinstance(field, forms.IntegerField):
        messages["invalid"] = _("“%(label)s” moet een geheel getal zijn.") % label
    if getattr(field, "max_length", None):
        messages["max_length"] = _("“%(label)s” mag hoogstens %(max)s tekens lang zijn.") % {
            **label,
            "max": field.max_length,
        }
    low, high = getattr(field, "min_value", None), getattr(field, "max_value", None)
    if low is not None and high is not None:
        between = _("“%(label)s” moet tussen %(low)s en %(high)s liggen.") % {
            **label,
            "low": low,
            "high": high,
        }
        messages["min_value"] = messages["max_value"] = between
    elif low is not None:
        messages["min_value"] = _("“%(label)s” moet minstens %(low)s zijn.") % {**label, "low": low}
    elif high is not None:
        messages["max_value"] = _("“%(label)s” mag hoogstens %(high)s zijn.") % {
            **label,
            "high": high,
        }
    return messages


class NamedErrorsMixin:
    """Replace Django's generic error messages by ones naming the field.

    A form that wants a more specific message sets it after calling ``super().__init__``.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            label = field.label if field.label is not None else pretty_name(name)
            field.error_messages = {**field.error_messages, **_messages_for(field, str(label))}
