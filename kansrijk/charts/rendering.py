"""Vega-Lite specs to SVG and PNG on the server, with vl-convert, cached in Django's cache.

The cache key is a hash of the spec, the vl-convert and Vega-Lite versions and the version
of the finishing touches below, so a new library or a changed chart gives new keys and old
entries simply expire. ``to_svgs`` renders many charts with one ``cache.get_many``.

vl-convert's SVG is finished here:

* ids get a prefix from the spec's hash, so several charts can share one HTML page;
* the hatch pattern of suppressed map areas (``url(#kansrijk-hatch)``) is defined;
* Vega's English role descriptions of mark containers are dropped (our marks carry Dutch
  ones from the spec; their ``aria-label`` is what ``static/js/charts.js`` shows as tooltip),
  and empty mark groups, which Vega marks as symbols without a text, are hidden.

Inline SVG has no title of its own (the ``<figure>`` has a caption); exported files
(``chart_response``, ``to_png``) carry the title, the source and the text alternative.
"""

from __future__ import annotations

import copy
import hashlib
import html
import json
import re
import textwrap

import vl_convert
from django.core.cache import cache
from django.http import Http404, HttpResponse

from .figures import Chart

VL_VERSION = "6.4"
FINISH_VERSION = "2"  # bump when the finishing of the SVG changes
LOCALE = "nl-NL"
TIMEOUT = 7 * 24 * 60 * 60
PREFIX = "charts"
TITLE_LINE, SUBTITLE_LINE = 60, 90

HATCH_ID = "kansrijk-hatch"
HATCH_PATTERN = (
    '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#5c5c5c" stroke-width="2.4"/></pattern>'
)
CONTENT_TYPES = {"svg": "image/svg+xml; charset=utf-8", "png": "image/png"}

_ID = re.compile(r'\bid="([^"]+)"')
_URL_REF = re.compile(r"url\(#([^)\s]+)\)")
_HREF = re.compile(r'\b((?:xlink:)?href)="#([^"]+)"')
_CONTAINER_ROLE = re.compile(r' aria-roledescription="[^"]*(?:container|group mark)[^"]*"')
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_SYMBOL_TAG = re.compile(r'<[a-z]+\b[^>]*\brole="graphics-symbol"[^>]*>')


def _digest(spec: dict, variant: str) -> str:
    payload = json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    versions = f"{vl_convert.__version__}|{VL_VERSION}|{FINISH_VERSION}|{variant}"
    return hashlib.sha256(f"{versions}|{payload}".encode()).hexdigest()


def _key(spec: dict, variant: str) -> str:
    return f"{PREFIX}:{variant}:{_digest(spec, variant)}"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters (Vega titles do not wrap by themselves)."""
    return textwrap.wrap(text, width) or [""]


def titled_spec(chart: Chart) -> dict:
    """The spec of an image that stands alone: with the chart's title and source."""
    titled = copy.deepcopy(chart.spec)
    title: dict = {"text": wrap(chart.title, TITLE_LINE), "anchor": "start", "offset": 12}
    if chart.source:
        title["subtitle"] = wrap(chart.source, SUBTITLE_LINE)
    titled["title"] = title
    return titled


def render_svg(spec: dict) -> str:
    """vl-convert's SVG of ``spec``, finished (uncached)."""
    raw = vl_convert.vegalite_to_svg(
        spec, vl_version=VL_VERSION, format_locale=LOCALE, time_format_locale=LOCALE
    )
    return finish_svg(raw, "c" + _digest(spec, "svg")[:10])


def finish_svg(svg: str, prefix: str) -> str:
    """Unique ids, the hatch pattern, no English role descriptions, a class for the CSS."""
    svg = _ID.sub(lambda m: f'id="{prefix}-{m[1]}"', svg)
    svg = _URL_REF.sub(lambda m: f"url(#{prefix}-{m[1]})", svg)
    svg = _HREF.sub(lambda m: f'{m[1]}="#{prefix}-{m[2]}"', svg)
    svg = _CONTAINER_ROLE.sub("", svg)
    svg = _SYMBOL_TAG.sub(_unlabelled_symbol, svg)
    svg = svg.replace('class="marks"', 'class="marks chart-svg"', 1)
    if f"url(#{prefix}-{HATCH_ID})" in svg:
        defs = "<defs>" + HATCH_PATTERN.format(id=f"{prefix}-{HATCH_ID}") + "</defs>"
        opening = _SVG_OPEN.search(svg)
        svg = svg[: opening.end()] + defs + svg[opening.end() :]
    return svg


def _unlabelled_symbol(match: re.Match) -> str:
    """A symbol without text (Vega's empty mark groups) is hidden from assistive technology."""
    tag = match.group(0)
    if "aria-label=" in tag:
        return tag
    return tag.replace('role="graphics-symbol"', 'aria-hidden="true"', 1)


def to_svg(chart: Chart, titled: bool = False) -> str:
    """The chart as SVG (from the cache when it was rendered before)."""
    if chart.svg is not None and not titled:
        return chart.svg
    return to_svgs([chart], titled=titled)[0]


def to_svgs(charts: list[Chart], titled: bool = False) -> list[str]:
    """SVGs of many charts with one cache lookup; each chart also keeps its (untitled) SVG,
    so that ``{% chart %}`` does not look it up again."""
    specs = [titled_spec(chart) if titled else chart.spec for chart in charts]
    keys = [_key(spec, "svg") for spec in specs]
    found = cache.get_many(set(keys))
    rendered = {}
    for key, spec in zip(keys, specs, strict=True):
        if key not in found and key not in rendered:
            rendered[key] = render_svg(spec)
    if rendered:
        cache.set_many(rendered, TIMEOUT)
    found.update(rendered)
    out = [found[key] for key in keys]
    if not titled:
        for chart, svg in zip(charts, out, strict=True):
            chart.svg = svg
    return out


def to_png(chart: Chart, scale: float = 2) -> bytes:
    """The chart as a PNG image with title and source (``scale`` 2: sharp on paper)."""
    spec = titled_spec(chart)
    key = _key(spec, f"png:{scale:g}")
    found = cache.get(key)
    if found is None:
        found = vl_convert.svg_to_png(to_svg(chart, titled=True), scale=scale)
        cache.set(key, found, TIMEOUT)
    return found


def standalone_svg(chart: Chart) -> str:
    """An SVG file: titled, with ``<title>`` and ``<desc>`` for the text alternative."""
    svg = to_svg(chart, titled=True)
    opening = _SVG_OPEN.search(svg)
    meta = (
        f"<title>{html.escape(chart.title, quote=False)}</title>"
        f"<desc>{html.escape(chart.description, quote=False)}</desc>"
    )
    tag = opening.group(0).replace("<svg", '<svg role="img"', 1)
    return tag + meta + svg[opening.end() :]


def chart_response(chart: Chart, fmt: str, filename: str) -> HttpResponse:
    """A download of the chart as ``svg`` or ``png``; another format is not found."""
    if fmt == "svg":
        content: str | bytes = standalone_svg(chart)
    elif fmt == "png":
        content = to_png(chart)
    else:
        raise Http404
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
