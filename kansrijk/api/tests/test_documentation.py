"""Every endpoint under /api/v1/ is documented: in the OpenAPI document and in docs/api.md."""

import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from kansrijk.api import urls as api_urls

ROOT = Path(__file__).resolve().parents[3]
API_DOC = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
PREFIX = "/api/v1/"
# The document and its page are not in the document; docs/api.md has a section for each.
OUTSIDE_THE_DOCUMENT = {"schema", "docs"}
CATCH_ALL = "unknown"  # the JSON 404 for any other path


def _as_openapi_path(route: str) -> str:
    """``indicators/<slug:code>`` → ``/api/v1/indicators/{code}``."""
    return PREFIX + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


PATTERNS = {
    pattern.name: _as_openapi_path(str(pattern.pattern))
    for pattern in api_urls.urlpatterns
    if pattern.name != CATCH_ALL
}


def test_the_api_urls_are_mounted_under_api_v1():
    (resolver,) = [
        entry
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver) and entry.namespace == "api"
    ]
    assert str(resolver.pattern) == PREFIX.lstrip("/")
    assert all(isinstance(entry, URLPattern) for entry in resolver.url_patterns)


def test_the_catch_all_comes_last():
    assert api_urls.urlpatterns[-1].name == CATCH_ALL


@pytest.mark.parametrize("name", sorted(set(PATTERNS) - OUTSIDE_THE_DOCUMENT))
def test_every_endpoint_is_in_the_openapi_document(client, db, name):
    assert PATTERNS[name] in client.get("/api/v1/openapi.json").json()["paths"]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_endpoint_is_in_docs_api_md(name):
    heading = f"### `GET {PATTERNS[name]}`"
    assert heading in API_DOC.splitlines(), f"docs/api.md has no section {heading}"


def test_docs_api_md_documents_no_endpoint_that_does_not_exist_unless_it_is_coming():
    documented = set(re.findall(r"^### `GET (/api/v1/[^`?]*)", API_DOC, re.MULTILINE))
    coming = set(re.findall(r"^### `GET (/api/v1/[^`?]*)[^\n]*komt eraan", API_DOC, re.MULTILINE))
    assert documented - coming == set(PATTERNS.values())
    assert coming == set()
