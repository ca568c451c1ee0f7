from datetime import UTC, datetime

from kansrijk.observations.provenance import describe_source
from kansrijk.testing.factories import ImportBatchFactory


def test_it_names_the_table_the_title_and_both_dates(db):
    batch = ImportBatchFactory(
        table_or_file="37230ned",
        source_modified=datetime(2024, 6, 28, 0, 0, tzinfo=UTC),
        details={"title": "Bevolkingsontwikkeling; regio per maand"},
    )
    text = describe_source(batch)
    assert text.startswith(
        "Bron: CBS StatLine 37230ned (Bevolkingsontwikkeling; regio per maand), "
        "bijgewerkt op 28-06-2024, opgehaald op "
    )


def test_demo_figures_say_they_are_fictitious(db):
    batch = ImportBatchFactory(kind="demo", source_name="Fictieve demogegevens", table_or_file="")
    assert describe_source(batch).endswith("fictieve gegevens.")
