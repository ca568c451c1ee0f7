"""The session pack as a print-friendly HTML page and as a PDF, from one template.

``render_pack_html(pack)`` gives the page members open in the browser; ``render_pack_pdf``
renders the same template (with the stylesheet inlined and without the screen-only links)
through WeasyPrint. When WeasyPrint cannot load (its system library Pango is missing),
``render_pack_pdf`` raises ``PdfUnavailable`` with a Dutch message instead of an ImportError
or OSError.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .data import SessionPack

TEMPLATE = "interpretation/pack/pack.html"
STYLESHEET = "css/pack.css"


class PdfUnavailable(Exception):
    """The PDF cannot be made on this server (WeasyPrint or its libraries are missing)."""


def render_pack_html(pack: SessionPack, *, request=None, for_pdf: bool = False) -> str:
    """The pack as one HTML document; ``for_pdf`` inlines the stylesheet and leaves out the
    links that only make sense on screen."""
    context = {
        "pack": pack,
        "for_pdf": for_pdf,
        "stylesheet": _stylesheet() if for_pdf else "",
    }
    return render_to_string(TEMPLATE, context, request=request)


def render_pack_pdf(pack: SessionPack) -> bytes:
    """The pack as an A4 PDF (WeasyPrint), from the same template as the HTML page."""
    html_class = _weasyprint_html()
    html = render_pack_html(pack, for_pdf=True)
    return html_class(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def pdf_text(pdf: bytes) -> str:
    """The text a reader of the PDF sees (pypdf; used by the tests and the output registry)."""
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _weasyprint_html():
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:
        raise PdfUnavailable(
            _(
                "De PDF kan op deze server niet gemaakt worden: WeasyPrint of de "
                "systeembibliotheek Pango ontbreekt. De afdrukbare pagina werkt wel; "
                "vraag de beheerder om scripts/ensure-system-packages.sh uit te voeren."
            )
        ) from exc
    return HTML


@cache
def _stylesheet_path() -> Path:
    found = finders.find(STYLESHEET)
    if not found:
        raise FileNotFoundError(STYLESHEET)
    return Path(found)


def _stylesheet() -> str:
    return _stylesheet_path().read_text(encoding="utf-8")
