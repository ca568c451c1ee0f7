"""Forms for cycles, sessions and what a session records.

Every form that offers indicators, stories, goals or activities takes the coalition (or the
session), so its choices never reach outside it. Error messages name their field
(``NamedErrorsMixin``).
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kansrijk.coalitions.models import Activity, Goal
from kansrijk.web.forms import NamedErrorsMixin

from .models import (
    DEFAULT_QUESTIONS,
    Action,
    ActionStatus,
    Conclusion,
    Cycle,
    NoteKind,
    ParticipantRole,
)
from .preparing import (
    MAX_QUESTION_LENGTH,
    MAX_QUESTIONS,
    clean_questions,
    questions_as_text,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_PARTICIPANTS = 999
STORY_LABEL_LENGTH = 140
PLAN_CHANGES_HELP = _(
    "Wat de coalitie na deze ronde aan haar ambities, doelen of activiteiten verandert."
)


def _date_field(label, *, required=True, help_text=""):
    return forms.DateField(label=label, required=required, widget=DATE_WIDGET, help_text=help_text)


def _textarea(rows=3):
    return forms.Textarea(attrs={"rows": rows})


# Cycles ----------------------------------------------------------------------------------


class CycleForm(NamedErrorsMixin, forms.Form):
    """A new cycle; after a previous one, also which of its actions to carry over."""

    title = forms.CharField(
        label=_("Naam van de monitorronde"),
        max_length=200,
        help_text=_("Bijvoorbeeld “Monitor 2025”."),
    )
    started_on = _date_field(_("Startdatum"))
    data_note = forms.CharField(
        label=_("Stand van de gegevens"),
        required=False,
        widget=_textarea(),
        help_text=_(
            "Welke cijfers deze ronde gebruikt, bijvoorbeeld “CBS-cijfers tot en met 2024, "
            "registratie van de JGZ tot en met het tweede kwartaal van 2025”."
        ),
    )
    carry_over = forms.TypedMultipleChoiceField(
        label=_("Acties meenemen naar de nieuwe ronde"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Open acties en acties die nog bezig zijn. Een meegenomen actie komt met haar "
            "status in de nieuwe ronde; in de vorige ronde blijft ze staan zoals ze was."
        ),
    )
    close_previous = forms.BooleanField(
        label=_("De vorige ronde afsluiten op de startdatum van deze ronde"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, previous: Cycle | None = None, carriable=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.previous = previous
        self.carriable = {action.pk: action for action in carriable}
        self.fields["carry_over"].choices = [
            (action.pk, _action_label(action)) for action in self.carriable.values()
        ]
        if not self.carriable:
            del self.fields["carry_over"]
        if previous is None or previous.closed_on is not None:
            del self.fields["close_previous"]
        self.initial.setdefault("started_on", timezone.localdate())
        self.initial.setdefault(
            "title", gettext("Monitor %(year)s") % {"year": timezone.localdate().year}
        )

    def clean_started_on(self):
        started_on = self.cleaned_data["started_on"]
        if self.previous is not None and started_on < self.previous.started_on:
            raise forms.ValidationError(
                gettext("“Startdatum” ligt vóór de start van de vorige ronde (%(date)s).")
                % {"date": self.previous.started_on.strftime("%d-%m-%Y")},
                code="before_previous",
            )
        return started_on

    def actions_to_carry_over(self) -> list[Action]:
        return [self.carriable[pk] for pk in self.cleaned_data.get("carry_over", [])]


def _action_label(action: Action) -> str:
    text = gettext("%(what)s (status: %(status)s)") % {
        "what": action.what,
        "status": action.get_status_display(),
    }
    if action.who:
        text += " – " + gettext("wie: %(who)s") % {"who": action.who}
    return text


class CycleEditForm(NamedErrorsMixin, forms.ModelForm):
    title = forms.CharField(label=_("Naam van de monitorronde"), max_length=200)
    started_on = _date_field(_("Startdatum"))
    data_note = forms.CharField(
        label=_("Stand van de gegevens"), required=False, widget=_textarea()
    )
    plan_changes = forms.CharField(
        label=_("Wijzigingen in het plan"),
        required=False,
        widget=_textarea(5),
        help_text=_(
            "Wat de coalitie na deze ronde aan haar ambities, doelen of activiteiten verandert."
        ),
    )

    class Meta:
        model = Cycle
        fields = ["title", "started_on", "data_note", "plan_changes"]

    def clean_started_on(self):
        started_on = self.cleaned_data["started_on"]
        closed_on = self.instance.closed_on
        if closed_on is not None and started_on > closed_on:
            raise forms.ValidationError(
                gettext("“Startdatum” ligt na de datum waarop de ronde is afgesloten."),
                code="after_close",
            )
        return started_on


class CycleCloseForm(NamedErrorsMixin, forms.Form):
    closed_on = _date_field(_("Afgesloten op"))
    plan_changes = forms.CharField(
        label=_("Wijzigingen in het plan"),
        required=False,
        widget=_textarea(5),
        help_text=_(
            "Wat de coalitie na deze ronde aan haar ambities, doelen of activiteiten verandert."
        ),
    )

    def __init__(self, *args, cycle: Cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.cycle = cycle
        self.initial.setdefault("closed_on", cycle.closed_on or timezone.localdate())
        self.initial.setdefault("plan_changes", cycle.plan_changes)

    def clean_closed_on(self):
        closed_on = self.cleaned_data["closed_on"]
        if closed_on < self.cycle.started_on:
            raise forms.ValidationError(
                gettext("“Afgesloten op” ligt vóór de startdatum van de ronde (%(date)s).")
                % {"date": self.cycle.started_on.strftime("%d-%m-%Y")},
                code="before_start",
            )
        return closed_on


# Sessions --------------------------------------------------------------------------------


def _goal_queryset(coalition):
    return Goal.objects.filter(ambition__coalition=coalition).order_by(
        "ambition__position", "ambition_id", "position", "id"
    )


class GoalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, goal):
        return goal.title


class GoalPickForm(NamedErrorsMixin, forms.Form):
    """Start a session from a goal: its indicators and stories are selected."""

    doel = GoalChoiceField(
        label=_("Doel"),
        queryset=Goal.objects.none(),
        empty_label=_("Kies een doel"),
    )

    def __init__(self, *args, coalition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doel"].queryset = _goal_queryset(coalition)


def story_label(record) -> str:
    """A story as a choice: its phase, month and the start of its anonymised text."""
    text = " ".join(record.text.split())
    if len(text) > STORY_LABEL_LENGTH:
        text = text[:STORY_LABEL_LENGTH].rsplit(" ", 1)[0] + "…"
    facts = [record.phase_label]
    if record.month:
        facts.append(record.month)
    if record.themes:
        facts.append(", ".join(record.themes))
    return f"{' · '.join(facts)}: “{text}”"


def _count_field(label):
    return forms.IntegerField(label=label, required=False, min_value=0, max_value=MAX_PARTICIPANTS)


def _names_field(label):
    return forms.CharField(
        label=label,
        required=False,
        max_length=500,
        help_text=_("Namen of organisaties, als u die wilt vastleggen."),
    )


class SessionForm(NamedErrorsMixin, forms.Form):
    """Prepare (or change) a session: what it looks at, who takes part, what it asks."""

    title = forms.CharField(
        label=_("Titel van de sessie"),
        max_length=200,
        help_text=_("Bijvoorbeeld “Duidingssessie geboortezorg”."),
    )
    held_on = _date_field(
        _("Datum"), required=False, help_text=_("Leeg laten als de datum nog niet vaststaat.")
    )
    purpose = forms.CharField(
        label=_("Doel van de sessie"),
        required=False,
        widget=_textarea(),
        help_text=_("Wat de coalitie van deze sessie wil leren; het komt bovenaan de agenda."),
    )
    indicators = forms.TypedMultipleChoiceField(
        label=_("Indicatoren"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De indicatoren uit het monitoringsplan en de eigen indicatoren."),
    )
    stories = forms.TypedMultipleChoiceField(
        label=_("Verhalen"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Goedgekeurde verhalen waarvoor ouders toestemming gaven om ze in duidingssessies "
            "te gebruiken. Alleen de geanonimiseerde tekst wordt getoond."
        ),
    )
    questions = forms.CharField(
        label=_("Leidende vragen"),
        widget=_textarea(5),
        help_text=_("Eén vraag per regel. U kunt de vragen aanpassen, weghalen of aanvullen."),
    )

    count_professional = _count_field(_("Professionals: aantal"))
    names_professional = _names_field(_("Professionals: wie"))
    count_resident = _count_field(_("Ouders en inwoners: aantal"))
    names_resident = _names_field(_("Ouders en inwoners: wie"))
    count_manager = _count_field(_("Managers: aantal"))
    names_manager = _names_field(_("Managers: wie"))
    count_policy = _count_field(_("Beleid: aantal"))
    names_policy = _names_field(_("Beleid: wie"))

    def __init__(self, *args, indicators=(), stories=(), goal=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.goal = goal
        self.offered_indicators = {indicator.pk: indicator for indicator in indicators}
        self.fields["indicators"].choices = [
            (indicator.pk, _indicator_label(indicator)) for indicator in indicators
        ]
        self.fields["stories"].choices = [(record.id, story_label(record)) for record in stories]
        if not stories:
            self.fields["stories"].help_text = gettext(
                "Er zijn nog geen goedgekeurde verhalen met toestemming voor duidingssessies."
            )
        self.initial.setdefault("questions", questions_as_text(DEFAULT_QUESTIONS))
        for name in self.participant_field_names():
            if name.startswith("count_"):
                self.fields[name].widget.attrs["inputmode"] = "numeric"

    @staticmethod
    def participant_field_names() -> list[str]:
        return [f"{kind}_{role}" for role in ParticipantRole.values for kind in ("count", "names")]

    def participant_rows(self):
        """(role label, count field, names field) per role, for the template."""
        return [
            (label, self[f"count_{role}"], self[f"names_{role}"])
            for role, label in ParticipantRole.choices
        ]

    def main_fields(self):
        return [self[name] for name in ("title", "held_on", "purpose")]

    def clean_questions(self):
        questions = clean_questions(self.cleaned_data["questions"])
        label = self.fields["questions"].label
        if not questions:
            raise forms.ValidationError(
                gettext("“%(label)s” moet minstens één vraag bevatten.") % {"label": label},
                code="required",
            )
        if len(questions) > MAX_QUESTIONS:
            raise forms.ValidationError(
                gettext("“%(label)s”: hoogstens %(max)s vragen.")
                % {"label": label, "max": MAX_QUESTIONS},
                code="too_many",
            )
        if any(len(question) > MAX_QUESTION_LENGTH for question in questions):
            raise forms.ValidationError(
                gettext("“%(label)s”: een vraag mag hoogstens %(max)s tekens lang zijn.")
                % {"label": label, "max": MAX_QUESTION_LENGTH},
                code="too_long",
            )
        return questions

    def clean(self):
        cleaned = super().clean()
        if (
            "indicators" not in self.errors
            and "stories" not in self.errors
            and not cleaned.get("indicators")
            and not cleaned.get("stories")
        ):
            self.add_error(
                "indicators",
                gettext("Kies minstens één indicator of één verhaal om te bespreken."),
            )
        return cleaned

    def chosen_indicators(self):
        return [self.offered_indicators[pk] for pk in self.cleaned_data.get("indicators", [])]

    def participants(self) -> dict[str, tuple[int, str]]:
        return {
            role: (
                self.cleaned_data.get(f"count_{role}") or 0,
                (self.cleaned_data.get(f"names_{role}") or "").strip(),
            )
            for role in ParticipantRole.values
        }

    def session_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "held_on": data["held_on"],
            "indicators": self.chosen_indicators(),
            "stories": list(data.get("stories", [])),
            "participants": self.participants(),
            "questions": data["questions"],
            "goal": self.goal,
            "purpose": data.get("purpose", ""),
        }


def _indicator_label(indicator) -> str:
    if indicator.coalition_id:
        return gettext("%(name)s (eigen indicator)") % {"name": indicator.name_nl}
    return indicator.name_nl


class SessionEditForm(SessionForm):
    refresh_figures = forms.BooleanField(
        label=_("Cijfers opnieuw vastleggen zoals ze nu zijn"),
        required=False,
        help_text=_(
            "Normaal blijven de cijfers zoals ze bij de voorbereiding waren. Vink dit aan als "
            "de sessie met de nieuwste cijfers moet werken."
        ),
    )


# Recording -------------------------------------------------------------------------------


class _SessionIndicatorField(forms.ModelChoiceField):
    def label_from_instance(self, indicator):
        return indicator.name_nl


class NoteForm(NamedErrorsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort aantekening"),
        choices=NoteKind.choices,
        initial=NoteKind.OBSERVATION,
        widget=forms.RadioSelect,
        help_text=_(
            "Een waarneming: wat de deelnemers zien of herkennen. Een verklaring: wat zij "
            "als uitleg geven, bijvoorbeeld “het tempo van de groepen en de taalbarrière”."
        ),
    )
    indicator = _SessionIndicatorField(
        label=_("Over de indicator"),
        required=False,
        queryset=None,
        empty_label=_("De sessie als geheel"),
    )
    question = forms.ChoiceField(label=_("Bij de vraag"), required=False)
    text = forms.CharField(label=_("Aantekening"), widget=_textarea(4))

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = session.indicators.order_by("name_nl", "code")
        self.fields["question"].choices = [("", gettext("Geen bepaalde vraag"))] + [
            (question, question) for question in session.questions
        ]


class ConclusionForm(NamedErrorsMixin, forms.ModelForm):
    text = forms.CharField(label=_("Conclusie"), widget=_textarea(3))
    indicator = _SessionIndicatorField(
        label=_("Over de indicator"),
        required=False,
        queryset=None,
        empty_label=_("Geen bepaalde indicator"),
    )
    goal = GoalChoiceField(
        label=_("Bij het doel"),
        required=False,
        queryset=Goal.objects.none(),
        empty_label=_("Geen bepaald doel"),
    )

    class Meta:
        model = Conclusion
        fields = ["text", "indicator", "goal"]

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        coalition = session.cycle.coalition
        self.fields["indicator"].queryset = session.indicators.order_by("name_nl", "code")
        self.fields["goal"].queryset = _goal_queryset(coalition)


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, activity):
        return gettext("%(activity)s (doel: %(goal)s)") % {
            "activity": activity.title,
            "goal": activity.goal.title,
        }


class ActionForm(NamedErrorsMixin, forms.ModelForm):
    what = forms.CharField(label=_("Wat"), widget=_textarea(3))
    who = forms.CharField(
        label=_("Wie"),
        required=False,
        max_length=200,
        help_text=_("Een persoon, organisatie of werkgroep."),
    )
    due_on = _date_field(_("Uiterlijk op"), required=False)
    goal = GoalChoiceField(
        label=_("Bij het doel"),
        required=False,
        queryset=Goal.objects.none(),
        empty_label=_("Geen bepaald doel"),
    )
    activity = ActivityChoiceField(
        label=_("Bij de activiteit"),
        required=False,
        queryset=Activity.objects.none(),
        empty_label=_("Geen bepaalde activiteit"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ActionStatus.choices,
        initial=ActionStatus.OPEN,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Action
        fields = ["what", "who", "due_on", "goal", "activity", "status"]

    def __init__(self, *args, coalition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = _goal_queryset(coalition)
        self.fields["activity"].queryset = (
            Activity.objects.filter(goal__ambition__coalition=coalition)
            .select_related("goal")
            .order_by("goal__ambition__position", "goal__position", "goal_id", "position", "id")
        )
