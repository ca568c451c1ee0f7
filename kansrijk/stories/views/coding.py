"""Coding approved stories (themes, goals, indicators, quotes), the codebook and the overview."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..coding import QuoteError, add_quote, code_story
from ..collecting import settings_for
from ..counts import SMALL_COUNT_LIMIT
from ..forms import CodingForm, QuoteForm, ThemeForm
from ..models import Quote, StoryTheme
from ..overview import answer_summary, phase_counts, theme_tables
from ..similarity import suggest_themes
from ..visibility import can_collect, get_story_to_code
from .common import collector, form_data, member, story_url, story_view


def _code_url(story) -> str:
    return reverse(
        "stories:story-code", kwargs={"slug": story.coalition.slug, "story_id": story.pk}
    )


@story_view
def story_code(request, slug, story_id):
    membership = member(request, slug)
    story = get_story_to_code(membership, story_id)
    coalition = membership.coalition
    posted = form_data(request)
    adding_quote = posted is not None and "add_quote" in posted
    coding = CodingForm(
        None if adding_quote else posted,
        coalition=coalition,
        story=story,
        initial={
            "themes": list(story.themes.all()),
            "goals": list(story.goals.all()),
            "indicators": list(story.indicators.all()),
        },
    )
    quote_form = QuoteForm(posted if adding_quote else None)
    if adding_quote and quote_form.is_valid():
        try:
            add_quote(story, quote_form.cleaned_data["text"], user=request.user)
        except QuoteError as exc:
            quote_form.add_error("text", str(exc))
        else:
            messages.success(request, _("Het citaat is toegevoegd."))
            return redirect(_code_url(story))
    elif not adding_quote and coding.is_valid():
        code_story(
            story,
            themes=coding.cleaned_data["themes"],
            goals=coding.cleaned_data["goals"],
            indicators=coding.cleaned_data["indicators"],
        )
        messages.success(request, _("De codering is opgeslagen."))
        return redirect(story_url(story))
    context = {
        "coalition": coalition,
        "story": story,
        "coding": coding,
        "quote_form": quote_form,
        "quotes": story.quotes.all(),
        "suggestions": suggest_themes(story),
    }
    return render(request, "stories/story_code.html", context)


@story_view
def quote_delete(request, slug, story_id, quote_id):
    membership = member(request, slug)
    story = get_story_to_code(membership, story_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    get_object_or_404(Quote, story=story, pk=quote_id).delete()
    messages.success(request, _("Het citaat is verwijderd."))
    return redirect(_code_url(story))


def _themes_url(coalition) -> str:
    return reverse("stories:theme-list", kwargs={"slug": coalition.slug})


def _get_theme(coalition, theme_id: int) -> StoryTheme:
    return get_object_or_404(StoryTheme, coalition=coalition, pk=theme_id)


@story_view
def theme_list(request, slug):
    membership = member(request, slug)
    coalition = membership.coalition
    settings_for(coalition)
    themes = coalition.story_themes.prefetch_related("goals", "indicators").order_by("name")
    context = {"coalition": coalition, "themes": themes, "can_edit": can_collect(membership)}
    return render(request, "stories/theme_list.html", context)


def _theme_form(request, coalition, form, title):
    context = {
        "coalition": coalition,
        "form": form,
        "title": title,
        "cancel_url": _themes_url(coalition),
    }
    return render(request, "coalitions/item_form.html", context)


@story_view
def theme_create(request, slug):
    coalition = collector(request, slug).coalition
    form = ThemeForm(
        form_data(request), instance=StoryTheme(coalition=coalition), coalition=coalition
    )
    if form.is_valid():
        form.save()
        messages.success(request, _("Het thema is toegevoegd."))
        return redirect(_themes_url(coalition))
    return _theme_form(request, coalition, form, _("Thema toevoegen"))


@story_view
def theme_edit(request, slug, theme_id):
    coalition = collector(request, slug).coalition
    theme = _get_theme(coalition, theme_id)
    form = ThemeForm(form_data(request), instance=theme, coalition=coalition)
    if form.is_valid():
        form.save()
        messages.success(request, _("Het thema is opgeslagen."))
        return redirect(_themes_url(coalition))
    return _theme_form(request, coalition, form, _("Thema wijzigen"))


@story_view
def theme_delete(request, slug, theme_id):
    coalition = collector(request, slug).coalition
    theme = _get_theme(coalition, theme_id)
    if request.method == "POST":
        theme.delete()
        messages.success(request, _("Het thema “%(name)s” is verwijderd.") % {"name": theme.name})
        return redirect(_themes_url(coalition))
    context = {
        "coalition": coalition,
        "title": _("Thema verwijderen"),
        "question": _("Wilt u het thema “%(name)s” verwijderen?") % {"name": theme.name},
        "consequence": _("De verhalen blijven bestaan, maar hebben dit thema dan niet meer."),
        "cancel_url": _themes_url(coalition),
    }
    return render(request, "coalitions/item_confirm_delete.html", context)


@story_view
def overview(request, slug):
    membership = member(request, slug)
    coalition = membership.coalition
    settings_for(coalition)
    by_phase, by_year = theme_tables(coalition)
    context = {
        "coalition": coalition,
        "by_phase": by_phase,
        "by_year": by_year,
        "phases": phase_counts(coalition),
        "answers": answer_summary(coalition),
        "min_count": SMALL_COUNT_LIMIT,
    }
    return render(request, "stories/overview.html", context)
