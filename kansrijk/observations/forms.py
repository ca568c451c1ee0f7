"""Forms for uploading a partner's file, mapping its columns and choosing a manual-entry grid.

Every form that offers partners or indicators takes the coalition, so its choices never reach
outside it.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kansrijk.catalog.models import Indicator
from kansrijk.lib import periods
from kansrijk.lib.tabular import ALLOWED_EXTENSIONS
from kansrijk.web.forms import NamedErrorsMixin

from .importers.columns import ROLE_LABELS
from .importers.registrations import upload_limits

YEAR_MIN = 2000


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f}"


class _CoalitionChoicesMixin:
    """Partners of the coalition and the indicators it may use (shared plus its own)."""

    def _limit_choices(self, coalition) -> None:
        self.fields["partner"].queryset = coalition.partners.order_by("name")
        self.fields["indicator"].queryset = Indicator.objects.visible_to([coalition.id]).order_by(
            "name_nl"
        )
        self.fields["indicator"].label_from_instance = lambda i: f"{i.name_nl} ({i.code})"


class UploadForm(NamedErrorsMixin, _CoalitionChoicesMixin, forms.Form):
    file = forms.FileField(label=_("Bestand"))
    partner = forms.ModelChoiceField(
        label=_("Van welke partner komen de cijfers?"), queryset=Indicator.objects.none()
    )
    indicator = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.none(),
        required=False,
        help_text=_(
            "Laat leeg als het bestand zelf een kolom ‘indicator’ heeft, of indicatoren als "
            "kolomnamen."
        ),
    )
    sheet = forms.CharField(
        label=_("Werkblad (alleen bij Excel)"),
        max_length=100,
        required=False,
        help_text=_("Leeg laten: het eerste zichtbare werkblad."),
    )

    def __init__(self, *args, coalition, initial_partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_choices(coalition)
        self.max_bytes = upload_limits().max_bytes
        self.fields["file"].help_text = gettext(
            "Een .csv-, .txt- of .xlsx-bestand van hoogstens %(mb)s MB."
        ) % {"mb": _megabytes(self.max_bytes)}
        self.fields["file"].widget.attrs["accept"] = ",".join(ALLOWED_EXTENSIONS)
        if initial_partner is not None:
            self.fields["partner"].initial = initial_partner.pk

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.max_bytes:
            raise forms.ValidationError(
                gettext("Het bestand is te groot; het mag hoogstens %(mb)s MB zijn.")
                % {"mb": _megabytes(self.max_bytes)}
            )
        if not upload.name.lower().endswith(ALLOWED_EXTENSIONS):
            raise forms.ValidationError(gettext("Kies een .csv-, .txt- of .xlsx-bestand."))
        return upload


class MappingForm(NamedErrorsMixin, forms.Form):
    """One choice of role per column of the uploaded file."""

    def __init__(self, *args, columns, sheets=(), sheet="", **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(role, gettext(label)) for role, label in ROLE_LABELS.items()]
        self.columns = columns
        if len(sheets) > 1:
            self.fields["sheet"] = forms.ChoiceField(
                label=_("Werkblad"), choices=[(name, name) for name in sheets], initial=sheet
            )
        for column in columns:
            self.fields[f"col_{column.index}"] = forms.ChoiceField(
                label=column.header, choices=choices, initial=column.role
            )

    def roles(self) -> dict[str, str]:
        """header → role, as the importer takes it."""
        return {c.header: self.cleaned_data[f"col_{c.index}"] for c in self.columns}

    def rows(self):
        """For the template: each column with its field."""
        for column in self.columns:
            yield column, self[f"col_{column.index}"]


class GridChoiceForm(NamedErrorsMixin, _CoalitionChoicesMixin, forms.Form):
    """Which grid to type: indicator, partner, year and kind of period."""

    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    partner = forms.ModelChoiceField(
        label=_("Van welke partner komen de cijfers?"), queryset=Indicator.objects.none()
    )
    year = forms.IntegerField(label=_("Jaar"))
    kind = forms.ChoiceField(
        label=_("Per"),
        choices=[
            (periods.YEAR, _("jaar")),
            (periods.QUARTER, _("kwartaal")),
            (periods.MONTH, _("maand")),
        ],
        initial=periods.QUARTER,
    )

    def __init__(self, *args, coalition, initial_partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_choices(coalition)
        this_year = timezone.localdate().year
        self.fields["year"].initial = this_year
        self.fields["year"].widget.attrs.update({"min": YEAR_MIN, "max": this_year})
        if initial_partner is not None:
            self.fields["partner"].initial = initial_partner.pk

    def clean_year(self):
        year = self.cleaned_data["year"]
        this_year = timezone.localdate().year
        if not YEAR_MIN <= year <= this_year:
            raise forms.ValidationError(
                gettext("Kies een jaar van %(low)s tot en met %(high)s.")
                % {"low": YEAR_MIN, "high": this_year}
            )
        return year
