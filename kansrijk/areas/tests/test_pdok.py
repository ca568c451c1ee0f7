"""Fetching boundaries from PDOK's OGC API, against recorded-shape pages (no network)."""

import json
from pathlib import Path

import httpx
import pytest

from kansrijk.areas.models import Area, Geometry
from kansrijk.areas.pdok import fetch_and_load_boundaries, fetch_boundaries
from kansrijk.lib.http import ServiceUnavailable


def square(x, y):
    return {
        "type": "Polygon",
        "coordinates": [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]],
    }


GEMEENTE = {
    "type": "Feature",
    "geometry": square(4.7, 52.6),
    "properties": {
        "gemeentecode": "GM0361",
        "gemeentenaam": "Alkmaar",
        "jaar": 2024,
        "aantalInwoners": 111785,
        "percentagePersonen0Tot15Jaar": -99999999,
    },
}
WIJKEN = [
    {
        "type": "Feature",
        "geometry": square(4.70 + i / 100, 52.60),
        "properties": {
            "wijkcode": f"WK03610{i}",
            "wijknaam": f"Wijk {i}",
            "gemeentecode": "GM0361",
        },
    }
    for i in range(1, 4)
]


def pdok_handler(requests):
    def handler(request):
        requests.append(request)
        path = request.url.path
        if path.endswith("/collections/gemeenten/items"):
            return httpx.Response(
                200, json={"type": "FeatureCollection", "features": [GEMEENTE], "links": []}
            )
        if path.endswith("/collections/wijken/items"):
            if "page=2" in str(request.url):
                return httpx.Response(
                    200, json={"type": "FeatureCollection", "features": WIJKEN[2:], "links": []}
                )
            next_link = {
                "rel": "next",
                "href": f"{request.url.scheme}://{request.url.host}{path}?f=json&page=2",
            }
            return httpx.Response(
                200,
                json={"type": "FeatureCollection", "features": WIJKEN[:2], "links": [next_link]},
            )
        return httpx.Response(404, json={"detail": "unknown collection"})

    return handler


def test_it_follows_next_links_and_cleans_sentinel_values(settings):
    requests = []
    features = fetch_boundaries(
        2024, ["GM0361"], transport=httpx.MockTransport(pdok_handler(requests))
    )
    assert len(features) == 4
    assert features[0]["properties"]["percentagePersonen0Tot15Jaar"] is None
    assert requests[0].url.params["gemeentecode"] == "GM0361"
    assert "wijken-en-buurten-2024" in str(requests[0].url)


def test_fetched_boundaries_load_like_a_local_file(db):
    result = fetch_and_load_boundaries(
        2024, ["GM0361"], transport=httpx.MockTransport(pdok_handler([]))
    )
    assert Area.objects.get(code="WK036101").parent.code == "GM0361"
    assert Geometry.objects.filter(year=2024).count() == 4
    assert result is not None


def test_a_pdok_outage_changes_nothing(db, settings):
    settings.KANSRIJK_CBS_BACKOFF = 0
    with pytest.raises(ServiceUnavailable, match="PDOK"):
        fetch_and_load_boundaries(
            2024, transport=httpx.MockTransport(lambda r: httpx.Response(503))
        )
    assert not Area.objects.exists()


def test_the_real_alkmaar_wijken_file_loads_through_the_fetch_path(db, shared_data_dir):
    collection = json.loads(
        (Path(shared_data_dir) / "wijken_alkmaar_2024_pdok.geojson").read_text()
    )

    def handler(request):
        if request.url.path.endswith("/gemeenten/items"):
            return httpx.Response(200, json={"type": "FeatureCollection", "features": [GEMEENTE]})
        return httpx.Response(
            200, json={"type": "FeatureCollection", "features": collection["features"]}
        )

    fetch_and_load_boundaries(2024, ["GM0361"], transport=httpx.MockTransport(handler))
    assert Area.objects.filter(parent__code="GM0361", level="district").count() == 8


def test_the_fetch_command_reports_a_refusal_in_dutch(db, settings):
    import io

    from django.core.management import CommandError, call_command

    settings.KANSRIJK_PDOK_URL = "http://127.0.0.1:9/{year}"  # nothing listens on port 9
    settings.KANSRIJK_CBS_RETRIES = 0
    with pytest.raises(CommandError, match="Geen verbinding met PDOK"):
        call_command("areas", "fetch", "--year", "2024", stdout=io.StringIO())
