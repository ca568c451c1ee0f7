"""``kansrijk import cbs …``: bring public figures into the observations table.

Subcommands are added by later work (``import file``, ``import registrations``, …); each
parses its options, calls one domain function and prints a one-line summary.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from kansrijk.areas.codes import AreaError
from kansrijk.coalitions.models import Coalition
from kansrijk.observations.importers.cbs import CBSMappingError, import_cbs
from kansrijk.observations.importers.cbs_client import CBSError


def _progress_printer(stream):
    """A one-line progress bar on a terminal; nothing when the output is a file or pipe."""
    if not stream.isatty():
        return None

    def show(done: int, total: int, message: str) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        stream.write(f"\r[{bar}] {done}/{total} {message:<30}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


class Command(BaseCommand):
    help = "Importeer openbare cijfers (CBS StatLine) in de waarnemingen."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="source", required=True, metavar="{cbs}")
        cbs = sub.add_parser("cbs", help="Haal de gekoppelde CBS-tabellen op.")
        cbs.add_argument("--indicator", action="append", dest="indicators", metavar="CODE")
        cbs.add_argument("--area", action="append", dest="areas", metavar="CODE")
        cbs.add_argument("--coalition", metavar="SLUG")
        cbs.add_argument("--since", type=int, metavar="YEAR")
        cbs.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        if options["source"] == "cbs":
            self._import_cbs(options)

    def _import_cbs(self, options):
        areas = list(options["areas"] or [])
        if options["coalition"]:
            coalition = Coalition.objects.filter(slug=options["coalition"]).first()
            if coalition is None:
                raise CommandError(f"Onbekende coalitie '{options['coalition']}'.")
            areas += list(coalition.areas.values_list("code", flat=True))
            if not areas:
                raise CommandError(f"Coalitie '{coalition.slug}' heeft nog geen gebieden.")
        try:
            result = import_cbs(
                indicator_codes=options["indicators"],
                area_codes=areas or None,
                since=options["since"],
                dry_run=options["dry_run"],
                progress=_progress_printer(sys.stderr),
            )
        except (CBSError, CBSMappingError, AreaError) as exc:
            raise CommandError(f"De CBS-import is mislukt en er is niets veranderd. {exc}") from exc
        self.stdout.write(result.summary())
