"""The pack as PDF and as print-friendly HTML, from one template: the same content, the
indicators and quotes in it, and no number that ``disclose`` hid."""

import re
import sys
from io import BytesIO

import pytest
from pypdf import PdfReader

from kansrijk.insight.tests.test_output_paths import _hidden_cells, forbidden_patterns, leaks
from kansrijk.interpretation.pack import rendering
from kansrijk.interpretation.pack.data import session_pack_data
from kansrijk.interpretation.pack.rendering import (
    PdfUnavailable,
    pdf_text,
    render_pack_html,
    render_pack_pdf,
)
from kansrijk.interpretation.snapshots import take_snapshot
from kansrijk.observations.importing import ObservationRow, save_observations
from kansrijk.observations.models import ImportBatch, SourceKind

from .pack_fixtures import *  # noqa: F403
from .pack_fixtures import INDICATOR_NAMES, QUOTES


@pytest.fixture
def pack(pack_session):
    return session_pack_data(pack_session)


@pytest.fixture
def pdf(pack):
    return render_pack_pdf(pack)


def _words(text: str) -> str:
    """Text with every run of white space as one space (PDF text breaks lines anywhere)."""
    return re.sub(r"\s+", " ", text)


def _visible_html_text(html: str) -> str:
    main = html[html.index("<main") : html.index("</main>")]
    main = re.sub(r"<svg.*?</svg>", " ", main, flags=re.S)
    return _words(re.sub(r"<[^>]+>", " ", main))


def test_the_pdf_is_a_pdf(pdf):
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 10_000


def test_the_pdf_holds_the_agenda_indicator_names_and_quotes(pdf):
    text = _words(pdf_text(pdf))

    assert "Duidingssessie voorjaar" in text
    assert "Agenda" in text and "Wat herkennen we uit de praktijk?" in text
    for name in INDICATOR_NAMES:
        assert name in text
    for quote in QUOTES:
        assert quote in text
    assert "Aantekeningen" in text and "Conclusies en afspraken" in text


def test_the_pdf_holds_the_key_figures_and_the_verdict_in_words(pack, pdf):
    text = _words(pdf_text(pdf))
    summary = pack.indicators[0].summary

    assert f"Oordeel: {summary.verdict.label}" in text
    assert _words(summary.verdict.basis) in text
    assert "95%-betrouwbaarheidsinterval" in text
    assert _words(summary.country.sentence) in text


def test_the_pdf_has_page_numbers(pdf):
    text = pdf_text(pdf)

    pages = int(re.search(r"Pagina 1 van (\d+)", text)[1])
    assert pages >= 1 + 2 * len(INDICATOR_NAMES)
    assert f"Pagina {pages} van {pages}" in text


def test_each_indicator_starts_on_a_left_page_with_its_notes_on_the_right(pdf):
    reader = PdfReader(BytesIO(pdf))
    pages = [_words(page.extract_text()) for page in reader.pages]

    for number, name in enumerate(INDICATOR_NAMES, start=1):
        first = next(i for i, text in enumerate(pages) if f"{number}. {name}" in text)
        assert (first + 1) % 2 == 0  # an even page number: a left-hand page
        notes = next(i for i in range(first, len(pages)) if "Aantekeningen" in pages[i])
        assert (notes + 1) % 2 == 1


def test_the_pdf_draws_the_trend_charts(pdf):
    text = pdf_text(pdf)

    # The charts' axis titles are text in the PDF: the SVG was drawn, not dropped.
    assert text.count("Jaar") >= len(INDICATOR_NAMES)


def test_the_pdf_shows_no_number_that_disclose_hid(coalition, pack_indicators, pdf):
    patterns = forbidden_patterns(_hidden_cells(coalition, pack_indicators))
    assert patterns["text"]

    assert leaks(pdf_text(pdf), "pdf", patterns) == []


def test_the_pdf_never_holds_an_original_story_text_or_a_story_without_consent(pdf):
    text = _words(pdf_text(pdf))

    assert "Jan de Vries" not in text
    assert "[NAAM]" in text
    assert "Alleen intern te gebruiken verhaal" not in text
    assert "Verhaal dat nog gecontroleerd moet worden" not in text


def test_the_print_page_has_the_same_content_as_the_pdf(pack, pdf):
    html_text = _visible_html_text(render_pack_html(pack))
    pdf_words = _words(pdf_text(pdf))

    for item in pack.indicators:
        assert item.name in html_text
        for quote in item.quotes:
            assert quote.text in html_text
        assert _words(item.summary.verdict.basis) in html_text
        assert _words(item.chart.description) in html_text
        assert _words(item.chart.description) in pdf_words
    for story in pack.stories:
        assert _words(story.text) in html_text
        assert _words(story.text) in pdf_words


def test_the_print_page_shows_no_number_that_disclose_hid(coalition, pack_indicators, pack):
    patterns = forbidden_patterns(_hidden_cells(coalition, pack_indicators))

    assert leaks(render_pack_html(pack), "html", patterns) == []


def test_the_print_page_shows_figures_that_changed_since_preparing(
    pack_session, pack_indicators, municipality
):
    take_snapshot(pack_session)
    indicator = pack_indicators[0]
    batch = ImportBatch.objects.create(kind=SourceKind.CBS, source_name="CBS StatLine")
    rows = [ObservationRow(indicator.id, municipality.id, "2025", 800, 3000)]
    save_observations(batch, rows, {indicator.id: indicator.unit})

    text = _visible_html_text(render_pack_html(session_pack_data(pack_session)))

    assert text.count("Veranderd sinds de voorbereiding") == 1
    assert "Er is een nieuwere periode" in text
    assert "Bij de voorbereiding 2024: 19,6%" in text
    assert "Nu 2025: 26,7%" in text


def test_the_print_page_links_its_stylesheet_and_the_pdf_inlines_it(pack):
    page = render_pack_html(pack)
    for_pdf = render_pack_html(pack, for_pdf=True)

    assert 'href="/static/css/pack.css"' in page
    assert "pakket.pdf" in page
    assert "pack.css" not in for_pdf and "@page" in for_pdf
    assert "pakket.pdf" not in for_pdf
    assert "<svg" in page and "<svg" not in for_pdf
    assert 'src="data:image/svg+xml;base64,' in for_pdf


def test_without_weasyprint_the_pdf_raises_a_dutch_message(pack, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint → ImportError

    with pytest.raises(PdfUnavailable, match="De PDF kan op deze server niet gemaakt worden"):
        rendering.render_pack_pdf(pack)
