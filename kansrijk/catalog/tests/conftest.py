"""Fixtures for the catalogue tests: the loaded catalogue, small catalogue files, the
domain reference (skipped cleanly when ../shared/domain is absent)."""

import copy
import os
from pathlib import Path

import pytest
import yaml

from kansrijk.catalog.loading import load_catalogue

REPO_ROOT = Path(__file__).resolve().parents[3]
SHARED_DOMAIN = REPO_ROOT.parent / "shared" / "domain"

MINIMAL_CATALOGUE = {
    "version": 1,
    "themes": [
        {"code": "birth_outcomes", "name_nl": "Uitkomsten rond de geboorte", "name_en": ""},
        {"code": "population", "name_nl": "Bevolking", "name_en": "Population"},
    ],
    "indicators": [
        {
            "code": "big2",
            "name_nl": "BIG2",
            "name_en": "Big2",
            "definition": "Te vroeg en/of te klein geboren.",
            "numerator": "Kinderen geboren voor 37 weken en/of onder p10.",
            "denominator": "Alle kinderen vanaf 24 weken.",
            "unit": "percentage",
            "phase": "birth",
            "themes": ["birth_outcomes"],
            "direction": "lower",
            "set": "basisset",
            "min_count": 10,
            "round_to": 0,
            "pool_years": 5,
            "lowest_level": "gemeente",
            "caveats": "Meerjarig per gemeente.",
            "confidence": "F; set: I",
            "references": "DIAPER-BIG2",
            "sources": [
                {
                    "provider": "Perined",
                    "table": "Perinatale registratie",
                    "link": "https://www.perined.nl",
                    "update_frequency": "jaarlijks",
                    "how_to_obtain": "Aanvraag bij Perined.",
                    "cbs_mapping": None,
                }
            ],
        },
        {
            "code": "live_births",
            "name_nl": "Levend geborenen",
            "unit": "count",
            "phase": "context",
            "themes": ["population"],
            "direction": "none",
            "sources": [{"provider": "CBS StatLine", "table": "37230ned"}],
        },
    ],
}


@pytest.fixture
def catalogue(db):
    """The bundled catalogue, loaded."""
    return load_catalogue()


@pytest.fixture
def minimal_catalogue():
    """A small valid catalogue as data; change it, then write it with ``write_catalogue``."""
    return copy.deepcopy(MINIMAL_CATALOGUE)


@pytest.fixture
def write_catalogue(tmp_path):
    def write(data, name="catalogue.yaml") -> Path:
        path = tmp_path / name
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def shared_domain_dir():
    """The domain reference in ../shared/domain; tests using it skip when it is absent."""
    path = Path(os.environ.get("KANSRIJK_SHARED_DOMAIN", SHARED_DOMAIN))
    if not (path / "indicators.md").is_file():
        pytest.skip("../shared/domain/indicators.md is not available")
    return path
