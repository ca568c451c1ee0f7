"""A small client for CBS StatLine OData: v3 (ODataApi / ODataFeed) and v4 (datasets.cbs.nl).

Why our own: the existing packages either lose region codes, hold no timeouts or retries, or
cache pages for the life of the process (see shared/domain/cbs.md §3). This client:

- sends ``$format=json`` and ``Accept: application/json`` on every v3 request;
- follows ``odata.nextLink`` (v3 Feed) and ``@odata.nextLink`` (v4) without adding its own
  parameters again;
- retries time-outs, connection errors and 5xx answers with exponential backoff;
- turns 4xx answers, malformed JSON and unexpected shapes into ``CBSError`` with a Dutch
  message that says what failed and what to do;
- strips the space padding CBS puts around codes (``"GM0363    "``).

Every network call goes through ``_get_json``, so tests swap the transport
(``httpx.MockTransport``) and never touch the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from kansrijk.lib.http import JsonHttp, ServiceBadResponse, ServiceError, ServiceUnavailable

_SUFFIX_RE = re.compile(r"_\d+$")
_PERIOD_RE = re.compile(r"^(\d{4})(JJ|KW|MM|X0|W1)(\d{2})$")


# The errors are shared with every JSON web service kansrijk talks to (CBS, PDOK).
CBSError = ServiceError
CBSUnavailable = ServiceUnavailable
CBSBadResponse = ServiceBadResponse


def strip_code(value: Any) -> Any:
    """CBS pads codes with spaces to a fixed width; strip them (other values pass through)."""
    return value.strip() if isinstance(value, str) else value


def key_stem(key: str) -> str:
    """``AantalInwoners_5`` → ``AantalInwoners``: the part of a v3 column key that stays stable."""
    return _SUFFIX_RE.sub("", key)


def stem_map(data_properties: list[dict]) -> dict[str, str]:
    """Map each measure stem to this table's column key, from the table's DataProperties."""
    mapping: dict[str, str] = {}
    for prop in data_properties:
        if prop.get("Type") == "Topic" and prop.get("Key"):
            mapping.setdefault(key_stem(prop["Key"]), prop["Key"])
    return mapping


def parse_cbs_period(code: str) -> str | None:
    """``2023JJ00`` → ``2023``, ``2023KW02`` → ``2023-Q2``, ``2024MM03`` → ``2024-03``.

    Returns None for period kinds kansrijk does not store (weeks, other periods).
    """
    match = _PERIOD_RE.match(strip_code(code) or "")
    if not match:
        return None
    year, kind, number = match[1], match[2], int(match[3])
    if kind == "JJ":
        return year
    if kind == "KW" and 1 <= number <= 4:
        return f"{year}-Q{number}"
    if kind == "MM" and 1 <= number <= 12:
        return f"{year}-{number:02d}"
    return None


def odata_quote(value: str) -> str:
    """Quote a string literal for an OData ``$filter`` (single quotes doubled)."""
    return "'" + value.replace("'", "''") + "'"


def _value_list(body: Any, url: str) -> list[dict]:
    if not isinstance(body, dict) or not isinstance(body.get("value"), list):
        raise CBSBadResponse("CBS stuurde een antwoord zonder de verwachte lijst 'value'.", url=url)
    return body["value"]


class V3Client:
    """CBS OData v3: ``{base}/ODataApi/odata/{table}`` and ``{base}/ODataFeed/odata/{table}``."""

    def __init__(self, base_url: str, **http_options: Any):
        self.base_url = base_url.rstrip("/")
        self.http = JsonHttp(service="CBS", **http_options)

    @property
    def requests_made(self) -> int:
        return self.http.requests_made

    def close(self) -> None:
        self.http.close()

    def _api(self, table_id: str, entity: str) -> str:
        return f"{self.base_url}/ODataApi/odata/{table_id}/{entity}"

    def _feed(self, table_id: str, entity: str) -> str:
        return f"{self.base_url}/ODataFeed/odata/{table_id}/{entity}"

    def table_info(self, table_id: str) -> dict:
        url = self._api(table_id, "TableInfos")
        rows = _value_list(self.http.get_json(url, {"$format": "json"}), url)
        if not rows:
            raise CBSBadResponse(f"CBS kent tabel {table_id} niet (geen TableInfos).", url=url)
        return rows[0]

    def data_properties(self, table_id: str) -> list[dict]:
        url = self._api(table_id, "DataProperties")
        return _value_list(self.http.get_json(url, {"$format": "json"}), url)

    def dimension(self, table_id: str, key: str) -> list[dict]:
        """The codes and titles of one dimension (``RegioS``, ``WijkenEnBuurten``, …), stripped."""
        rows = self.feed(table_id, key)
        return [{k: strip_code(v) for k, v in row.items()} for row in rows]

    def feed(
        self,
        table_id: str,
        entity: str = "TypedDataSet",
        *,
        filter: str | None = None,
        select: list[str] | None = None,
    ) -> Iterator[dict]:
        """Every row of an entity set, page by page through ``odata.nextLink``."""
        url: str | None = self._feed(table_id, entity)
        params: dict[str, str] | None = {"$format": "json"}
        if filter:
            params["$filter"] = filter
        if select:
            params["$select"] = ",".join(select)
        while url:
            body = self.http.get_json(url, params)
            yield from _value_list(body, url)
            url = body.get("odata.nextLink")
            params = None  # the next link already carries $format, $filter and $skip

    def typed_rows(
        self, table_id: str, *, filter: str | None = None, select: list[str] | None = None
    ) -> Iterator[dict]:
        """TypedDataSet rows with every string value stripped of CBS's padding."""
        for row in self.feed(table_id, "TypedDataSet", filter=filter, select=select):
            yield {key: strip_code(value) for key, value in row.items()}


class V4Client:
    """CBS OData v4: ``{base}/{catalog}/{table}/…`` (datasets.cbs.nl/odata/v1)."""

    def __init__(self, base_url: str, catalog: str = "CBS", **http_options: Any):
        self.base_url = base_url.rstrip("/")
        self.catalog = catalog
        self.http = JsonHttp(service="CBS", **http_options)

    @property
    def requests_made(self) -> int:
        return self.http.requests_made

    def close(self) -> None:
        self.http.close()

    def _url(self, table_id: str, entity: str) -> str:
        return f"{self.base_url}/{self.catalog}/{table_id}/{entity}"

    def properties(self, table_id: str) -> dict:
        url = self._url(table_id, "Properties")
        body = self.http.get_json(url)
        if not isinstance(body, dict) or "Identifier" not in body:
            raise CBSBadResponse(f"CBS kent tabel {table_id} niet (geen Properties).", url=url)
        return body

    def entity(self, table_id: str, entity: str, *, filter: str | None = None) -> Iterator[dict]:
        url: str | None = self._url(table_id, entity)
        params: dict[str, str] | None = {"$filter": filter} if filter else None
        while url:
            body = self.http.get_json(url, params)
            yield from _value_list(body, url)
            url = body.get("@odata.nextLink")
            params = None

    def measure_codes(self, table_id: str) -> list[dict]:
        return list(self.entity(table_id, "MeasureCodes"))

    def observations(self, table_id: str, *, filter: str | None = None) -> Iterator[dict]:
        """Observation cells; a cell whose ValueAttribute is not "None" has no usable number."""
        for row in self.entity(table_id, "Observations", filter=filter):
            yield {key: strip_code(value) for key, value in row.items()}
