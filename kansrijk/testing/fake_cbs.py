"""A small server that speaks the CBS OData v3 protocol, for tests and offline demos.

It serves tables given as Python data with the real response shapes: ``TableInfos``,
``DataProperties`` and dimension lists from the ``ODataApi`` and ``ODataFeed`` paths,
``TypedDataSet`` pages of ``page_size`` rows linked by ``odata.nextLink``, space-padded
region keys, and the ``$filter`` forms kansrijk sends (``startswith(Dim,'X')``,
``Dim eq 'X'``, joined with ``or`` and ``and``). Use it in-process with
``httpx.WSGITransport(app=FakeCBS(...))`` or over HTTP with ``serve_in_thread``.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, make_server

_STARTSWITH = re.compile(r"startswith\((\w+),'((?:[^']|'')*)'\)")
_SUBSTRINGOF = re.compile(r"substringof\('((?:[^']|'')*)',(\w+)\)")
_EQ = re.compile(r"(\w+) eq '((?:[^']|'')*)'")


@dataclass
class FakeTable:
    id: str
    title: str
    modified: str
    properties: list[dict]
    rows: list[dict]
    dimensions: dict[str, list[dict]] = field(default_factory=dict)


def _clause_matches(clause: str, row: dict) -> bool:
    if match := _STARTSWITH.search(clause):
        return str(row.get(match[1], "")).startswith(match[2].replace("''", "'"))
    if match := _SUBSTRINGOF.search(clause):
        return match[1].replace("''", "'") in str(row.get(match[2], ""))
    if match := _EQ.search(clause):
        return str(row.get(match[1], "")).strip() == match[2].replace("''", "'").strip()
    raise ValueError(f"unsupported filter clause: {clause}")


def row_matches(expression: str | None, row: dict) -> bool:
    """Evaluate the small OData subset: (a or b) and (c) with startswith/substringof/eq."""
    if not expression:
        return True
    groups = [g.strip() for g in re.split(r"\)\s+and\s+\(", expression.strip())]
    for group in groups:
        alternatives = re.split(r"\s+or\s+", group)
        if not any(_clause_matches(alt, row) for alt in alternatives):
            return False
    return True


class FakeCBS:
    """WSGI app; ``fail_after`` makes every request after that many answer HTTP 500."""

    def __init__(self, tables: list[FakeTable], page_size: int = 10_000, base_url: str = ""):
        self.tables = {t.id.lower(): t for t in tables}
        self.page_size = page_size
        self.base_url = base_url
        self.requests: list[str] = []
        self.fail_after: int | None = None

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        self.requests.append(path + "?" + environ.get("QUERY_STRING", ""))
        if self.fail_after is not None and len(self.requests) > self.fail_after:
            return self._respond(
                start_response, 500, {"odata.error": {"message": {"value": "boom"}}}
            )
        match = re.fullmatch(r"/(ODataApi|ODataFeed)/odata/([^/]+)/([^/]+)", path, re.IGNORECASE)
        if not match or match[2].lower() not in self.tables:
            error = {
                "odata.error": {
                    "code": "",
                    "message": {"lang": "nl", "value": "Tabel bestaat niet"},
                }
            }
            return self._respond(start_response, 404, error)
        service, table, entity = match[1], self.tables[match[2].lower()], match[3]
        host = self.base_url or f"http://{environ.get('HTTP_HOST', 'localhost')}"
        if entity == "TableInfos":
            info = {
                "ID": 1,
                "Title": table.title,
                "Identifier": table.id,
                "Modified": table.modified,
            }
            return self._respond(start_response, 200, {"odata.metadata": "", "value": [info]})
        if entity == "DataProperties":
            return self._respond(
                start_response, 200, {"odata.metadata": "", "value": table.properties}
            )
        if entity in table.dimensions:
            return self._respond(
                start_response, 200, {"odata.metadata": "", "value": table.dimensions[entity]}
            )
        if entity != "TypedDataSet":
            return self._respond(start_response, 404, {"odata.error": {"message": {"value": "?"}}})
        rows = [row for row in table.rows if row_matches(query.get("$filter"), row)]
        if "$select" in query:
            keep = set(query["$select"].split(",")) | {"ID"}
            rows = [{k: v for k, v in row.items() if k in keep} for row in rows]
        skip = int(query.get("$skip", "0"))
        page = rows[skip : skip + self.page_size]
        body = {"odata.metadata": f"{host}/{service}/OData/{table.id}/$metadata", "value": page}
        if skip + self.page_size < len(rows):
            next_query = {k: v for k, v in query.items() if k != "$skip"}
            next_query["$skip"] = str(skip + self.page_size)
            body["odata.nextLink"] = f"{host}{path}?{urlencode(next_query)}"
        return self._respond(start_response, 200, body)

    @staticmethod
    def _respond(start_response, status: int, body: dict):
        payload = json.dumps(body).encode()
        reason = {200: "OK", 404: "Not Found", 500: "Internal Server Error"}[status]
        start_response(f"{status} {reason}", [("Content-Type", "application/json")])
        return [payload]


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


def serve_in_thread(app: FakeCBS) -> tuple[str, callable]:
    """Serve ``app`` on 127.0.0.1 (a free port); returns the base URL and a stop function."""
    server = make_server("127.0.0.1", 0, app, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    app.base_url = url

    def stop():
        server.shutdown()
        server.server_close()

    return url, stop
