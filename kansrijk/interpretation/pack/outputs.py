"""The session pack's output paths, for the output registry (``kansrijk.insight.outputs``).

A pack shows figures, so both of its forms are registered: the print-friendly HTML and the
text a reader finds in the PDF. Each renders a pack of one indicator of the coalition (no
session needed), so ``kansrijk/insight/tests/test_output_paths.py`` checks that no number
``disclose`` hid ends up in a pack.
"""

from __future__ import annotations

from kansrijk.insight.outputs import Output, register_output

TEST_TITLE = "Sessiepakket"

# The pack's modules (the engine, charts, WeasyPrint) are imported when a pack is rendered,
# not when the app starts: every command and process would otherwise load them.


def _pack(coalition, indicator):
    from .data import build_pack

    return build_pack(coalition, [indicator], title=TEST_TITLE)


def render_html_output(coalition, indicator) -> str:
    from .rendering import render_pack_html

    return render_pack_html(_pack(coalition, indicator))


def render_pdf_output(coalition, indicator) -> str:
    from .rendering import pdf_text, render_pack_pdf

    return pdf_text(render_pack_pdf(_pack(coalition, indicator)))


def register_pack_outputs() -> None:
    register_output(
        Output(
            "pack:pack-html",
            "html",
            render=render_html_output,
            description="Afdrukbare pagina van een sessiepakket",
        )
    )
    register_output(
        Output(
            "pack:pack-pdf",
            "pdf",
            render=render_pdf_output,
            description="Tekst van de PDF van een sessiepakket",
        )
    )
