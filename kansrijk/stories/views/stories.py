"""A coalition's stories: the list with search, entering a story, reviewing its anonymised
text, its details, deleting it and the CSV export."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.coalitions.models import Membership

from ..collecting import StoryError, collect_story, organisation_names, settings_for
from ..data import approved_stories_for, search_filter
from ..deidentify import remaining_kinds
from ..exporting import stories_csv
from ..forms import ReviewForm, SearchForm, StoryDetailsForm, StoryForm, answers_from
from ..models import ReviewStatus
from ..reviewing import approve_story, reject_story, update_anonymised_text
from ..visibility import (
    awaiting_review_by,
    can_collect,
    can_review,
    can_see_original,
    get_story,
    get_story_to_review,
    stories_for_member,
)
from .common import collector, form_data, list_url, member, story_url, story_view

PAGE_SIZE = 25


@story_view
def story_list(request, slug):
    membership = member(request, slug)
    coalition = membership.coalition
    settings_for(coalition)
    search = SearchForm(request.GET or None, coalition=coalition)
    stories = stories_for_member(membership).filter(review_status=ReviewStatus.APPROVED)
    if search.is_valid():
        stories = stories.filter(search_filter(search.cleaned_data["q"]))
        if search.cleaned_data["theme"]:
            stories = stories.filter(themes=search.cleaned_data["theme"])
        if search.cleaned_data["phase"]:
            stories = stories.filter(phase=search.cleaned_data["phase"])
    stories = stories.select_related("area").prefetch_related("themes").order_by("-told_on", "-id")
    page = Paginator(stories, PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {
        "coalition": coalition,
        "can_collect": can_collect(membership),
        "is_coordinator": membership.role == "coordinator",
        "search": search,
        "page": page,
        "waiting": awaiting_review_by(membership).count(),
        "query_string": _without_page(request.GET),
    }
    return render(request, "stories/story_list.html", context)


def _without_page(query) -> str:
    params = query.copy()
    params.pop("pagina", None)
    return params.urlencode()


def _own_partner(membership: Membership):
    return membership.partner


@story_view
def story_create(request, slug):
    membership = collector(request, slug)
    coalition = membership.coalition
    settings_for(coalition)
    questions = coalition.story_questions.filter(is_active=True)
    form = StoryForm(
        form_data(request),
        coalition=coalition,
        questions=questions,
        initial_partner=_own_partner(membership),
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            story = collect_story(
                coalition,
                data["text"],
                phase=data["phase"],
                consent=data["consent"],
                method=data["method"],
                told_on=data["told_on"],
                area=data["area"],
                partner=data["partner"],
                collected_by=request.user,
                language=data["language"],
                retain_until=data["retain_until"],
                answers=answers_from(form, form.questions),
            )
        except StoryError as exc:
            form.add_error("text", str(exc))
        else:
            messages.success(
                request,
                _("Het verhaal is opgeslagen. Controleer nu de geanonimiseerde tekst."),
            )
            return redirect("stories:story-review", slug=coalition.slug, story_id=story.pk)
    context = {"coalition": coalition, "form": form}
    return render(request, "stories/story_form.html", context)


@story_view
def review_list(request, slug):
    membership = collector(request, slug)
    stories = awaiting_review_by(membership).select_related("collected_by").order_by("created_at")
    context = {"coalition": membership.coalition, "stories": stories}
    return render(request, "stories/review_list.html", context)


@story_view
def story_detail(request, slug, story_id):
    membership = member(request, slug)
    story = get_story(membership, story_id)
    context = {
        "coalition": membership.coalition,
        "story": story,
        "can_review": can_review(membership, story),
        "can_code": can_collect(membership) and story.is_approved,
        "show_original": can_see_original(membership, story),
        "themes": story.themes.all(),
        "goals": story.goals.all(),
        "indicators": story.indicators.all(),
        "quotes": story.quotes.all(),
        "answers": story.answers.select_related("question"),
    }
    return render(request, "stories/story_detail.html", context)


@story_view
def story_review(request, slug, story_id):
    membership = member(request, slug)
    story = get_story_to_review(membership, story_id)
    coalition = membership.coalition
    organisations = organisation_names(coalition)
    form = ReviewForm(form_data(request), initial={"anonymised_text": story.anonymised_text})
    remaining = []
    if form.is_valid():
        text = form.cleaned_data["anonymised_text"]
        action = request.POST.get("action", "save")
        remaining = remaining_kinds(text, organisations=organisations)
        if action == "approve" and remaining and not form.cleaned_data["confirm_remaining"]:
            form.add_error(
                "confirm_remaining",
                _(
                    "Er staat mogelijk nog iets herkenbaars in de tekst (%(kinds)s). Pas de "
                    "tekst aan, of vink aan dat u het gecontroleerd heeft."
                )
                % {"kinds": ", ".join(remaining)},
            )
        else:
            try:
                dropped = update_anonymised_text(story, text)
            except StoryError as exc:
                form.add_error("anonymised_text", str(exc))
            else:
                _act(request, story, action, dropped)
                if action in ("approve", "reject"):
                    return redirect(story_url(story))
                return redirect("stories:story-review", slug=coalition.slug, story_id=story.pk)
    elif request.method == "GET":
        remaining = remaining_kinds(story.anonymised_text, organisations=organisations)
    context = {
        "coalition": coalition,
        "story": story,
        "form": form,
        "remaining": remaining,
        "show_original": can_see_original(membership, story),
    }
    return render(request, "stories/story_review.html", context)


def _act(request, story, action: str, dropped: int) -> None:
    if action == "approve":
        approve_story(story, user=request.user)
        messages.success(
            request, _("Het verhaal is goedgekeurd. Leden van de coalitie zien het nu.")
        )
    elif action == "reject":
        reject_story(story, user=request.user)
        messages.success(
            request, _("Het verhaal is afgewezen. Alleen u en de coördinatoren zien het.")
        )
    else:
        messages.success(request, _("De tekst is opgeslagen."))
    if dropped:
        messages.warning(
            request,
            ngettext(
                "%(count)s citaat stond niet meer in de tekst en is verwijderd.",
                "%(count)s citaten stonden niet meer in de tekst en zijn verwijderd.",
                dropped,
            )
            % {"count": dropped},
        )


@story_view
def story_details(request, slug, story_id):
    membership = member(request, slug)
    story = get_story_to_review(membership, story_id)
    coalition = membership.coalition
    initial = {
        "phase": story.phase,
        "told_on": story.told_on,
        "area": story.area_id,
        "consent": story.consent,
        "retain_until": story.retain_until,
    }
    form = StoryDetailsForm(form_data(request), initial=initial, coalition=coalition)
    if form.is_valid():
        for name in initial:
            setattr(story, name, form.cleaned_data[name])
        story.save(update_fields=list(initial))
        messages.success(request, _("De gegevens van het verhaal zijn opgeslagen."))
        return redirect(story_url(story))
    context = {
        "coalition": coalition,
        "form": form,
        "title": _("Gegevens van verhaal %(number)s") % {"number": story.pk},
        "cancel_url": story_url(story),
    }
    return render(request, "coalitions/item_form.html", context)


@story_view
def story_delete(request, slug, story_id):
    membership = member(request, slug)
    story = get_story_to_review(membership, story_id)
    coalition = membership.coalition
    if request.method == "POST":
        number = story.pk
        story.delete()
        messages.success(request, _("Verhaal %(number)s is verwijderd.") % {"number": number})
        return redirect(list_url(coalition))
    context = {
        "coalition": coalition,
        "title": _("Verhaal verwijderen"),
        "question": _("Wilt u verhaal %(number)s verwijderen?") % {"number": story.pk},
        "consequence": _(
            "Het verhaal, de oorspronkelijke tekst, de codering en de citaten verdwijnen voorgoed. "
            "Doe dit ook als een ouder de toestemming intrekt."
        ),
        "cancel_url": story_url(story),
    }
    return render(request, "coalitions/item_confirm_delete.html", context)


@story_view
def story_export(request, slug):
    membership = member(request, slug)
    coalition = membership.coalition
    records = approved_stories_for(request.user, coalition, "internal")
    # A byte order mark, so that Excel reads the file as UTF-8.
    response = HttpResponse("\ufeff" + stories_csv(records), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="verhalen-{coalition.slug}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
