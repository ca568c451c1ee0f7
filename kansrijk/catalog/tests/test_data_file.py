"""The bundled catalogue file holds every indicator of the domain reference, with sources."""

import re

import pytest

from kansrijk.catalog.loading import DEFAULT_PATH, parse_catalogue

# The ids of tables a.1, a.2 and a.3 of shared/domain/indicators.md (kept in sync by
# test_the_fallback_list_matches_the_domain_reference).
BASISSET_IDS = [
    "mental_health_problems_19_45",
    "problematic_debt_19_45",
    "smoking_women_19_45",
    "preconception_consult",
    "late_start_prenatal_care",
    "problematic_debt_pregnant",
    "mental_health_problems_parents",
    "births_multiple_vulnerability",
    "big2",
    "preterm_lt37",
    "very_preterm_lt32",
    "sga_p10",
    "low_birthweight_2500",
    "perinatal_mortality",
    "no_maternity_care",
    "out_of_home_placement_0_2",
]
PROGRAMME_IDS = ["coalition_formed", "action_plan", "nnz_available", "intervention_availability"]
KEUZESET_IDS = [
    "teen_births",
    "children_low_income",
    "children_welfare_households",
    "births_by_household_type",
    "phb_jgz_reach",
    "breastfeeding_3m",
    "breastfeeding_6m",
    "smoking_during_pregnancy",
    "intervention_participants",
    "collaboration_score",
    "parent_experience",
]
DOMAIN_IDS = BASISSET_IDS + PROGRAMME_IDS + KEUZESET_IDS
CONTEXT_IDS = ["live_births", "inhabitants", "birth_rate"]


def ids_in_domain_tables(text: str) -> list[str]:
    """The backticked ids in the first column of every table whose first header is ``id``.

    ``breastfeeding_3m`` / ``_6m`` stands for two ids: a suffix replaces the last part.
    """
    ids: list[str] = []
    in_id_table = False
    for line in text.splitlines():
        if not line.startswith("|"):
            in_id_table = False
            continue
        first = line.strip().strip("|").split("|")[0].strip()
        if first == "id":
            in_id_table = True
            continue
        if not in_id_table or re.fullmatch(r"[-: ]+", first):
            continue
        previous = None
        for token in re.findall(r"`([^`]+)`", first):
            if token.startswith("_") and previous:
                token = previous.rsplit("_", 1)[0] + token
            ids.append(token)
            previous = token
    return ids


@pytest.fixture(scope="module")
def records():
    catalogue = parse_catalogue(DEFAULT_PATH.read_text(encoding="utf-8"))
    return {record["code"]: record for record in catalogue.indicators}


def test_it_holds_every_id_of_the_domain_reference(shared_domain_dir):
    text = (shared_domain_dir / "indicators.md").read_text(encoding="utf-8")
    ids = ids_in_domain_tables(text)
    codes = {r["code"] for r in parse_catalogue(DEFAULT_PATH.read_text()).indicators}
    assert len(ids) >= len(DOMAIN_IDS)
    assert sorted(set(ids) - codes) == []


def test_the_fallback_list_matches_the_domain_reference(shared_domain_dir):
    text = (shared_domain_dir / "indicators.md").read_text(encoding="utf-8")
    assert sorted(ids_in_domain_tables(text)) == sorted(DOMAIN_IDS)


def test_it_holds_every_id_of_the_fallback_list_and_the_context_indicators(records):
    assert sorted(set(DOMAIN_IDS + CONTEXT_IDS) - set(records)) == []


def test_every_indicator_has_a_source_with_a_provider(records):
    for code, record in records.items():
        assert record["sources"], code
        assert all(source["provider"] for source in record["sources"]), code


@pytest.mark.parametrize(
    ("ids", "expected_set"),
    [(BASISSET_IDS, "basisset"), (KEUZESET_IDS, "keuzeset"), (PROGRAMME_IDS, "other")],
)
def test_set_membership_follows_the_tables_of_the_domain_reference(records, ids, expected_set):
    assert {code: records[code]["set"] for code in ids} == {code: expected_set for code in ids}


@pytest.mark.parametrize(
    ("code", "unit", "lowest_level"),
    [
        ("live_births", "count", "gemeente"),
        ("inhabitants", "count", "buurt"),
        ("birth_rate", "per_1000", "buurt"),
    ],
)
def test_the_context_indicators_are_other_with_a_cbs_source(records, code, unit, lowest_level):
    record = records[code]
    assert (record["unit"], record["phase"], record["set"]) == (unit, "context", "other")
    assert record["lowest_level"] == lowest_level
    assert record["sources"][0]["provider"] == "CBS StatLine"


def test_the_context_sources_name_their_cbs_tables(records):
    assert "37230ned" in records["live_births"]["sources"][0]["table"]
    assert "85984NED" in records["inhabitants"]["sources"][0]["table"]
    assert "GeboorteTotaal" in records["birth_rate"]["sources"][0]["table"]


def test_the_context_indicators_are_mapped_to_cbs_by_measure_stem(records):
    mapping = records["birth_rate"]["sources"][0]["cbs_mapping"]
    assert {"id": "85984NED", "period": "2024"} in mapping["tables"]
    assert (mapping["numerator"], mapping["denominator"]) == ("GeboorteTotaal", "AantalInwoners")
    assert records["live_births"]["sources"][0]["cbs_mapping"]["months_to_years"] is True


def test_the_known_caveats_are_recorded(records):
    assert "voorlopig" in records["late_start_prenatal_care"]["caveats"]
    assert "definities verschillen" in records["perinatal_mortality"]["caveats"].lower()
    assert records["perinatal_mortality"]["pool_years"] == 5
    assert records["perinatal_mortality"]["unit"] == "per_1000"


def test_every_confidence_says_how_sure_the_set_membership_is(records):
    for code, record in records.items():
        assert re.match(r"^(F|F-name|F \(\w+\)|I|I \(.+\)); set: [FI]$", record["confidence"]), code
