"""What the interpretation views share: URLs, form data and the generic form and confirm
pages."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from ..models import Cycle, Session


def form_data(request):
    """The POST data on a POST, otherwise None (an unbound form)."""
    return request.POST if request.method == "POST" else None


def list_url(coalition) -> str:
    return reverse("interpretation:cycle-list", kwargs={"slug": coalition.slug})


def cycle_url(cycle: Cycle, anchor: str = "") -> str:
    url = reverse(
        "interpretation:cycle-detail",
        kwargs={"slug": cycle.coalition.slug, "cycle_id": cycle.pk},
    )
    return f"{url}#{anchor}" if anchor else url


def session_url(session: Session, anchor: str = "") -> str:
    url = reverse(
        "interpretation:session-detail",
        kwargs={"slug": session.cycle.coalition.slug, "session_id": session.pk},
    )
    return f"{url}#{anchor}" if anchor else url


def record_url(session: Session, anchor: str = "") -> str:
    url = reverse(
        "interpretation:session-record",
        kwargs={"slug": session.cycle.coalition.slug, "session_id": session.pk},
    )
    return f"{url}#{anchor}" if anchor else url


def next_url(request, default: str) -> str:
    """The ``next`` address of the request when it is a page of this site, else ``default``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def render_form(request, coalition, form, *, title, cancel_url, context_line="", crumbs=()):
    """A page with one form. ``crumbs`` are (label, url) pairs between the cycles and it."""
    return render(
        request,
        "interpretation/item_form.html",
        {
            "coalition": coalition,
            "form": form,
            "title": title,
            "context_line": context_line,
            "cancel_url": cancel_url,
            "crumbs": crumbs,
            "next": request.POST.get("next") or request.GET.get("next") or "",
        },
    )


def render_confirm(request, coalition, *, title, question, cancel_url, consequence="", crumbs=()):
    return render(
        request,
        "interpretation/item_confirm_delete.html",
        {
            "coalition": coalition,
            "title": title,
            "question": question,
            "consequence": consequence,
            "cancel_url": cancel_url,
            "crumbs": crumbs,
        },
    )


def cycle_crumbs(cycle: Cycle) -> list[tuple[str, str]]:
    return [(cycle.title, cycle_url(cycle))]


def session_crumbs(session: Session) -> list[tuple[str, str]]:
    return [*cycle_crumbs(session.cycle), (session.title, session_url(session))]
