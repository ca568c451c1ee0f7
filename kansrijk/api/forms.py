from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kansrijk.web.forms import NamedErrorsMixin


class TokenForm(NamedErrorsMixin, forms.Form):
    name = forms.CharField(
        label=_("Naam"),
        max_length=100,
        help_text=_(
            "Waar u de sleutel gebruikt, bijvoorbeeld “dashboard gemeente” of “script Jan”."
        ),
    )
    expires_on = forms.DateField(
        label=_("Geldig tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leeg laten: de sleutel verloopt niet. U kunt haar altijd intrekken."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].error_messages["invalid"] = gettext(
            "“Geldig tot en met” moet een datum zijn, bijvoorbeeld 2026-12-31."
        )

    def clean_expires_on(self):
        expires_on = self.cleaned_data["expires_on"]
        if expires_on is not None and expires_on < timezone.localdate():
            raise forms.ValidationError(gettext("Kies een datum vanaf vandaag."))
        return expires_on
