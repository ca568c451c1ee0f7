"""The CBS client against recorded-shape answers; no test touches the network."""

import json
from pathlib import Path

import httpx
import pytest

from kansrijk.observations.importers.cbs_client import (
    CBSBadResponse,
    CBSUnavailable,
    V3Client,
    V4Client,
    key_stem,
    odata_quote,
    parse_cbs_period,
    stem_map,
    strip_code,
)

BASE = "https://cbs.test"


def client_for(handler, **options) -> V3Client:
    options.setdefault("sleep", lambda seconds: None)
    return V3Client(BASE, transport=httpx.MockTransport(handler), **options)


def feed_page(rows, next_link=None):
    body = {"odata.metadata": f"{BASE}/ODataFeed/OData/37230ned/$metadata", "value": rows}
    if next_link:
        body["odata.nextLink"] = next_link
    return httpx.Response(200, json=body)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("2023JJ00", "2023"),
        ("2023KW02", "2023-Q2"),
        ("2024MM03", "2024-03"),
        ("2024MM01  ", "2024-01"),
        ("2023W101", None),
        ("2018X000", None),
        ("2023KW05", None),
        ("", None),
    ],
)
def test_it_translates_cbs_period_codes(code, expected):
    assert parse_cbs_period(code) == expected


@pytest.mark.parametrize(
    ("key", "stem"),
    [("AantalInwoners_5", "AantalInwoners"), ("k_0Tot15Jaar_8", "k_0Tot15Jaar"), ("ID", "ID")],
)
def test_it_maps_keys_to_their_stable_stem(key, stem):
    assert key_stem(key) == stem


def test_it_strips_padding_and_quotes_filters():
    assert strip_code("GM0363    ") == "GM0363"
    assert strip_code(42) == 42
    assert odata_quote("'s-Gravenhage") == "'''s-Gravenhage'"


def test_it_builds_the_stem_map_from_real_data_properties(shared_data_dir):
    path = Path(shared_data_dir) / "cbs_responses" / "85984NED" / "DataProperties.json"
    properties = json.loads(path.read_text())
    mapping = stem_map(properties)
    assert mapping["AantalInwoners"] == "AantalInwoners_5"
    assert mapping["GeboorteTotaal"] == "GeboorteTotaal_25"
    assert mapping["GeboorteRelatief"] == "GeboorteRelatief_26"
    assert "WijkenEnBuurten" not in mapping  # a dimension, not a topic


def test_it_follows_next_links_across_pages_without_repeating_parameters():
    seen = []
    page_size = 10_000

    def handler(request):
        seen.append(str(request.url))
        skip = int(request.url.params.get("$skip", "0"))
        rows = [{"ID": i, "RegioS": "GM0363  "} for i in range(skip, min(skip + page_size, 25_000))]
        next_link = None
        if skip + page_size < 25_000:
            next_skip = skip + page_size
            next_link = f"{BASE}/ODataFeed/odata/37230ned/TypedDataSet?$skip={next_skip}"
        return feed_page(rows, next_link)

    rows = list(client_for(handler).typed_rows("37230ned", filter="startswith(RegioS,'GM')"))
    assert len(rows) == 25_000
    assert rows[-1] == {"ID": 24_999, "RegioS": "GM0363"}
    assert len(seen) == 3
    assert "%24filter" in seen[0] or "$filter" in seen[0]
    assert all("filter" not in url for url in seen[1:])


def test_it_reads_the_real_typed_data_set_envelope(shared_data_dir):
    body = (Path(shared_data_dir) / "cbs_responses" / "84489NED" / "TypedDataSet.json").read_bytes()
    client = client_for(lambda request: httpx.Response(200, content=body))
    rows = list(client.typed_rows("84489NED"))
    assert len(rows) == 2500
    assert all(not row["Code_3"].endswith(" ") for row in rows if row["Code_3"])


def test_it_treats_an_empty_page_as_no_rows():
    client = client_for(lambda request: feed_page([]))
    assert list(client.typed_rows("37230ned")) == []


def test_it_retries_server_errors_and_then_succeeds():
    answers = iter([httpx.Response(503), httpx.Response(500), feed_page([{"ID": 1}])])
    client = client_for(lambda request: next(answers))
    assert list(client.feed("37230ned")) == [{"ID": 1}]
    assert client.requests_made == 3


def test_it_gives_up_after_the_retries_with_a_dutch_message():
    client = client_for(lambda request: httpx.Response(500), retries=2)
    with pytest.raises(CBSUnavailable, match="serverfout"):
        list(client.feed("37230ned"))
    assert client.requests_made == 3


def test_it_retries_time_outs():
    def handler(request):
        raise httpx.ReadTimeout("too slow", request=request)

    client = client_for(handler, retries=1)
    with pytest.raises(CBSUnavailable, match="niet op tijd"):
        client.table_info("37230ned")
    assert client.requests_made == 2


def test_it_waits_longer_between_each_retry():
    waits = []
    client = client_for(lambda request: httpx.Response(502), retries=3, sleep=waits.append)
    with pytest.raises(CBSUnavailable):
        client.table_info("37230ned")
    assert waits == [1.0, 2.0, 4.0]


def test_it_reports_a_refused_query_with_the_odata_message():
    error = {"odata.error": {"code": "", "message": {"lang": "nl", "value": "Onbekende tabel"}}}
    client = client_for(lambda request: httpx.Response(404, json=error))
    with pytest.raises(CBSBadResponse, match="Onbekende tabel"):
        client.table_info("00000ned")
    assert client.requests_made == 1  # a 4xx is not retried


def test_it_reports_malformed_json():
    client = client_for(lambda request: httpx.Response(200, content=b"<html>onderhoud</html>"))
    with pytest.raises(CBSBadResponse, match="geen geldige JSON"):
        client.data_properties("37230ned")


def test_it_reports_an_answer_without_a_value_list():
    client = client_for(lambda request: httpx.Response(200, json={"odata.metadata": "x"}))
    with pytest.raises(CBSBadResponse, match="value"):
        list(client.feed("37230ned"))


def test_it_sends_format_json_and_accept_headers():
    requests = []

    def handler(request):
        requests.append(request)
        return feed_page([{"Key": "GM0363    ", "Title": "Amsterdam"}])

    rows = client_for(handler).dimension("85984NED", "WijkenEnBuurten")
    assert rows == [{"Key": "GM0363", "Title": "Amsterdam"}]
    assert requests[0].url.params["$format"] == "json"
    assert requests[0].headers["Accept"] == "application/json"


def test_the_v4_client_follows_at_odata_next_links():
    pages = {
        "first": {
            "value": [{"Id": 1, "Measure": "M1", "Value": 3.0, "RegioS": "GM0363"}],
            "@odata.nextLink": f"{BASE}/CBS/37230ned/Observations?$skip=1",
        },
        "second": {"value": [{"Id": 2, "Measure": "M1", "Value": 4.0, "RegioS": "GM0344"}]},
    }

    def handler(request):
        return httpx.Response(200, json=pages["second" if "skip" in str(request.url) else "first"])

    client = V4Client(BASE, transport=httpx.MockTransport(handler), sleep=lambda s: None)
    assert [row["Id"] for row in client.observations("37230ned")] == [1, 2]
