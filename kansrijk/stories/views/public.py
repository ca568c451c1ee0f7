"""The public story form: parents send their story without logging in.

Protected against abuse by a rate limit per client address (hashed, in the cache), a honeypot
field that people never see, and a maximum length. A submission without consent is refused
with a message saying so. The story is de-identified on arrival and waits for a coordinator.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from kansrijk.coalitions.models import Coalition

from .. import throttling
from ..collecting import collect_story, settings_for
from ..forms import PublicStoryForm, answers_from
from ..models import Language, Method
from .common import form_data, private


def _open_coalition(slug) -> Coalition:
    coalition = get_object_or_404(Coalition, slug=slug)
    if not settings_for(coalition).public_form_open:
        raise Http404
    return coalition


def _address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


@never_cache
@private
def public_form(request, slug):
    coalition = _open_coalition(slug)
    questions = coalition.story_questions.filter(is_active=True)
    form = PublicStoryForm(form_data(request), coalition=coalition, questions=questions)
    context = {"coalition": coalition, "form": form}
    if request.method == "POST":
        if not throttling.hit(f"form:{coalition.pk}", _address(request)):
            context["too_many"] = True
            return render(request, "stories/public_form.html", context, status=429)
        if form.is_spam:
            return redirect("tell:thanks", slug=coalition.slug)
        if form.is_valid():
            data = form.cleaned_data
            language = (get_language() or "nl")[:2]
            collect_story(
                coalition,
                data["text"],
                phase=data["phase"],
                consent=data["consent"],
                method=Method.ONLINE,
                area=data["area"],
                language=language if language in Language.values else Language.DUTCH,
                answers=answers_from(form, form.questions),
            )
            return redirect("tell:thanks", slug=coalition.slug)
    return render(request, "stories/public_form.html", context)


def public_thanks(request, slug):
    coalition = _open_coalition(slug)
    return render(request, "stories/public_thanks.html", {"coalition": coalition})
