"""A coordinator's settings for stories: the public form, the retention period, the questions."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kansrijk.coalitions.access import get_coalition_for_coordinator

from ..collecting import settings_for
from ..forms import QuestionForm, StorySettingsForm
from ..models import Question
from .common import form_data, story_view


def _settings_url(coalition) -> str:
    return reverse("stories:settings", kwargs={"slug": coalition.slug})


@story_view
def story_settings(request, slug):
    coalition = get_coalition_for_coordinator(request.user, slug)
    form = StorySettingsForm(form_data(request), instance=settings_for(coalition))
    if form.is_valid():
        form.save()
        messages.success(request, _("De instellingen zijn opgeslagen."))
        return redirect(_settings_url(coalition))
    context = {
        "coalition": coalition,
        "form": form,
        "questions": coalition.story_questions.all(),
        "public_url": request.build_absolute_uri(
            reverse("tell:form", kwargs={"slug": coalition.slug})
        ),
    }
    return render(request, "stories/settings.html", context)


def _question_form(request, coalition, form, title):
    context = {
        "coalition": coalition,
        "form": form,
        "title": title,
        "cancel_url": _settings_url(coalition),
    }
    return render(request, "coalitions/item_form.html", context)


@story_view
def question_create(request, slug):
    coalition = get_coalition_for_coordinator(request.user, slug)
    form = QuestionForm(form_data(request), instance=Question(coalition=coalition))
    if form.is_valid():
        form.save()
        messages.success(request, _("De vraag is toegevoegd."))
        return redirect(_settings_url(coalition))
    return _question_form(request, coalition, form, _("Vraag toevoegen"))


@story_view
def question_edit(request, slug, question_id):
    coalition = get_coalition_for_coordinator(request.user, slug)
    question = get_object_or_404(Question, coalition=coalition, pk=question_id)
    form = QuestionForm(form_data(request), instance=question)
    if form.is_valid():
        form.save()
        messages.success(request, _("De vraag is opgeslagen."))
        return redirect(_settings_url(coalition))
    return _question_form(request, coalition, form, _("Vraag wijzigen"))
