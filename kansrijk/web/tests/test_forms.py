import pytest
from django import forms

from kansrijk.web.forms import NamedErrorsMixin


class ExampleForm(NamedErrorsMixin, forms.Form):
    name = forms.CharField(label="Naam", max_length=5)
    year = forms.IntegerField(label="Jaar", min_value=1990, max_value=2100)
    count = forms.IntegerField(label="Aantal", min_value=0, required=False)
    share = forms.FloatField(label="Aandeel", required=False)
    kind = forms.ChoiceField(label="Soort", choices=[("a", "A")], required=False)
    untitled = forms.IntegerField(required=False, max_value=9)


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"year": "2000"}, "name", "“Naam” is verplicht."),
        (
            {"name": "Te lange naam", "year": "2000"},
            "name",
            "“Naam” mag hoogstens 5 tekens lang zijn.",
        ),
        ({"name": "a", "year": "1800"}, "year", "“Jaar” moet tussen 1990 en 2100 liggen."),
        ({"name": "a", "year": "twee"}, "year", "“Jaar” moet een geheel getal zijn."),
        ({"name": "a", "year": "2000", "count": "-1"}, "count", "“Aantal” moet minstens 0 zijn."),
        (
            {"name": "a", "year": "2000", "share": "veel"},
            "share",
            "“Aandeel” moet een getal zijn, bijvoorbeeld 12,5.",
        ),
        (
            {"name": "a", "year": "2000", "kind": "z"},
            "kind",
            "Kies een van de mogelijkheden bij “Soort”.",
        ),
        (
            {"name": "a", "year": "2000", "untitled": "10"},
            "untitled",
            "“Untitled” mag hoogstens 9 zijn.",
        ),
    ],
)
def test_error_messages_name_the_field(data, field, message):
    form = ExampleForm(data)
    assert not form.is_valid()
    assert form.errors[field] == [message]
