"""The session pack for members: a print-friendly page and its PDF. Outsiders get a 404, as
does a session of another coalition; anonymous users get the login page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render

from kansrijk.coalitions.access import get_coalition_for_member

from ..access import get_session
from .data import session_pack_data
from .rendering import PdfUnavailable, render_pack_html, render_pack_pdf

READ_METHODS = ("GET", "HEAD")


def _pack_for(request, slug, session_id):
    coalition, _can_edit = get_coalition_for_member(request.user, slug)
    session = get_session(coalition, session_id)
    return coalition, session


@login_required
def pack_html(request, slug, session_id):
    _coalition, session = _pack_for(request, slug, session_id)
    if request.method not in READ_METHODS:
        return HttpResponseNotAllowed(READ_METHODS)
    pack = session_pack_data(session, request.user)
    return HttpResponse(render_pack_html(pack, request=request))


@login_required
def pack_pdf(request, slug, session_id):
    coalition, session = _pack_for(request, slug, session_id)
    if request.method not in READ_METHODS:
        return HttpResponseNotAllowed(READ_METHODS)
    pack = session_pack_data(session, request.user)
    try:
        pdf = render_pack_pdf(pack)
    except PdfUnavailable as exc:
        context = {"coalition": coalition, "session": session, "message": str(exc)}
        return render(request, "interpretation/pack/pdf_unavailable.html", context, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"sessiepakket-{coalition.slug}-{session.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
