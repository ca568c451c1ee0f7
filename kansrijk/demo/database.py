"""A fresh, migrated database for the demo and the benchmark.

SQLite: the file (and its -wal/-shm/-journal companions) is deleted, then migrated. PostgreSQL:
migrated, then emptied with ``flush``. Either way a re-run starts clean. Because this throws
data away, it refuses a database that holds more than demo or benchmark content (a real
coalition, or numbers imported from a real source) unless ``force`` is given.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management import call_command
from django.db import DatabaseError, connections

from kansrijk.coalitions.models import Coalition
from kansrijk.observations.models import ImportBatch, SourceKind

SCRATCH_KINDS = (SourceKind.DEMO, SourceKind.BENCH)


class RealDataError(Exception):
    """The database holds real data; the message is Dutch and says what."""


def describe_real_content(alias: str = "default") -> str:
    """What in this database is not demo or benchmark content; empty when nothing is."""
    connection = connections[alias]
    try:
        tables = set(connection.introspection.table_names())
        if ImportBatch._meta.db_table not in tables or Coalition._meta.db_table not in tables:
            return ""
        batches = ImportBatch.objects.using(alias).exclude(kind__in=SCRATCH_KINDS).count()
        coalitions = Coalition.objects.using(alias).filter(is_fictitious=False).count()
    except DatabaseError:  # an older development schema: nothing we can recognise
        return ""
    found = []
    if coalitions:
        found.append(f"{coalitions} echte coalitie(s)")
    if batches:
        found.append(f"{batches} import(s) uit echte bronnen")
    return " en ".join(found)


def describe_database(alias: str = "default") -> str:
    """The database in words, without a password: 'SQLite-bestand …' or 'PostgreSQL-…'."""
    connection = connections[alias]
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite-bestand {settings['NAME']}"
    host = settings.get("HOST") or "localhost"
    return f"PostgreSQL-database {settings['NAME']} op {host}"


def reset_database(*, alias: str = "default", force: bool = False) -> None:
    """Empty and migrate the database; see the module docstring."""
    if not force and (real := describe_real_content(alias)):
        raise RealDataError(
            f"De database ({describe_database(alias)}) bevat {real}. Die worden niet zomaar "
            "gewist; gebruik --force als dat wel de bedoeling is, of kies een andere database "
            "met DATABASE_URL."
        )
    connection = connections[alias]
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict["NAME"])
        connection.close()
        if name != ":memory:" and not name.startswith("file:"):
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(name + suffix).unlink(missing_ok=True)
        call_command("migrate", database=alias, interactive=False, verbosity=0)
    else:
        call_command("migrate", database=alias, interactive=False, verbosity=0)
        call_command("flush", database=alias, interactive=False, verbosity=0)
