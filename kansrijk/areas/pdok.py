"""Fetch municipality and wijk boundaries from PDOK's OGC API "CBS Wijken en Buurten".

``https://api.pdok.nl/cbs/wijken-en-buurten-{YEAR}/ogc/v1/collections/{gemeenten|wijken}/items``
answers GeoJSON pages linked by ``links[rel=next]``. The features are written to one
GeoJSON file and loaded by the same loader that reads a local file (``load_areas``), so
fetched and local boundaries go through one code path.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
from django.conf import settings

from kansrijk.lib.http import JsonHttp, ServiceBadResponse

from .loading import LoadResult, load_areas

COLLECTIONS = ("gemeenten", "wijken")
PAGE_LIMIT = 1000
ATTRIBUTION = "Gemeente- en wijkgrenzen: © CBS / Kadaster, Wijken en Buurten, via PDOK (CC BY 4.0)."


def collection_url(year: int, collection: str) -> str:
    base = settings.KANSRIJK_PDOK_URL.rstrip("/").format(year=year)
    return f"{base}/collections/{collection}/items"


def _features(http: JsonHttp, url: str, params: dict[str, str]) -> Iterator[dict]:
    next_url: str | None = url
    next_params: dict[str, str] | None = params
    while next_url:
        body = http.get_json(next_url, next_params)
        if not isinstance(body, dict) or not isinstance(body.get("features"), list):
            raise ServiceBadResponse(
                "PDOK stuurde geen GeoJSON FeatureCollection. Probeer het later opnieuw.",
                url=next_url,
            )
        yield from body["features"]
        links = body.get("links") or []
        next_url = next((link.get("href") for link in links if link.get("rel") == "next"), None)
        next_params = None  # the next link carries the query already


def _clean_properties(properties: dict) -> dict:
    """PDOK marks missing attribute values with large negative numbers; make them null."""
    return {
        key: (None if isinstance(value, int | float) and value <= -99_999 else value)
        for key, value in properties.items()
    }


def fetch_boundaries(
    year: int,
    municipalities: list[str] | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
) -> list[dict]:
    """All gemeente and wijk features of a year (optionally of some municipalities only)."""
    http = JsonHttp(
        service="PDOK",
        timeout=settings.KANSRIJK_CBS_TIMEOUT,
        retries=settings.KANSRIJK_CBS_RETRIES,
        backoff=settings.KANSRIJK_CBS_BACKOFF,
        transport=transport,
    )
    features: list[dict] = []
    try:
        for collection in COLLECTIONS:
            url = collection_url(year, collection)
            filters = (
                [{"gemeentecode": code} for code in municipalities] if municipalities else [{}]
            )
            for extra in filters:
                params = {"f": "json", "limit": str(PAGE_LIMIT), **extra}
                for feature in _features(http, url, params):
                    feature["properties"] = _clean_properties(feature.get("properties") or {})
                    features.append(feature)
    finally:
        http.close()
    return features


def fetch_and_load_boundaries(
    year: int,
    municipalities: list[str] | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
) -> LoadResult:
    """Fetch from PDOK, then load through ``load_areas`` (all or nothing)."""
    features = fetch_boundaries(year, municipalities, transport=transport)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"pdok_wijken_en_buurten_{year}.geojson"
        path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
        return load_areas(path, year=year)
