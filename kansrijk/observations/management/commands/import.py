"""``kansrijk import …``: bring figures into the observations table, or take a batch back out.

    kansrijk import cbs [--indicator CODE] [--coalition SLUG] [--since YEAR] [--dry-run]
    kansrijk import registrations FILE --coalition SLUG [--indicator CODE] [--partner NAME]
        [--sheet NAME] [--columns area=…,period=…,numerator=…] [--dry-run]
    kansrijk import rollback BATCH_ID
    kansrijk import stories FILE --coalition SLUG [--partner NAME] [--dry-run]

Each subcommand parses its options, calls one domain function and prints a one-line summary.
A rejected registration file prints every problem as one line naming the row and column,
then exits with status 1; nothing is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from kansrijk.areas.codes import AreaError
from kansrijk.catalog.models import Indicator
from kansrijk.coalitions.models import Coalition
from kansrijk.observations.history import RollbackError, rollback_batch
from kansrijk.observations.importers.cbs import CBSMappingError, import_cbs
from kansrijk.observations.importers.cbs_client import CBSError
from kansrijk.observations.importers.columns import ColumnSpecError, parse_column_option
from kansrijk.observations.importers.public_file import commit_public_file, read_public_file
from kansrijk.observations.importers.registrations import (
    commit_registrations,
    read_registrations,
    upload_limits,
)
from kansrijk.observations.models import ImportBatch
from kansrijk.stories.importing import commit_stories, read_stories


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


LEVEL_WORDS = {"warning": "waarschuwing", "skipped": "overgeslagen"}


class Command(BaseCommand):
    help = "Importeer openbare cijfers (CBS StatLine) in de waarnemingen."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(
            dest="kind", required=True, metavar="{cbs,file,registrations,rollback,stories}"
        )
        cbs = sub.add_parser("cbs", help="Haal de gekoppelde CBS-tabellen op.")
        cbs.add_argument("--indicator", action="append", dest="indicators", metavar="CODE")
        cbs.add_argument("--area", action="append", dest="areas", metavar="CODE")
        cbs.add_argument("--coalition", metavar="SLUG")
        cbs.add_argument("--since", type=int, metavar="YEAR")
        cbs.add_argument("--dry-run", action="store_true")
        reg = sub.add_parser(
            "registrations", help="Lees een CSV- of Excel-bestand met registratiecijfers in."
        )
        reg.add_argument("file", metavar="FILE")
        reg.add_argument("--coalition", required=True, metavar="SLUG")
        reg.add_argument("--indicator", metavar="CODE")
        reg.add_argument("--partner", metavar="NAME")
        reg.add_argument("--sheet", metavar="NAME")
        reg.add_argument("--columns", metavar="ROL=KOLOM,…")
        reg.add_argument("--dry-run", action="store_true")
        public = sub.add_parser(
            "file", help="Lees een gedownload openbaar bestand in (regiobeeld, Perined, …)."
        )
        public.add_argument("file", metavar="FILE")
        public.add_argument("--source", dest="source_name", required=True, metavar="NAME")
        public.add_argument("--indicator", metavar="CODE")
        public.add_argument("--sheet", metavar="NAME")
        public.add_argument("--columns", metavar="ROL=KOLOM,…")
        public.add_argument("--dry-run", action="store_true")
        back = sub.add_parser("rollback", help="Draai een import terug.")
        back.add_argument("batch_id", type=int, metavar="BATCH_ID")
        stories = sub.add_parser(
            "stories", help="Lees ervaringsverhalen in uit een CSV- of Excel-bestand."
        )
        stories.add_argument("file", metavar="FILE")
        stories.add_argument("--coalition", required=True, metavar="SLUG")
        stories.add_argument("--partner", metavar="NAME")
        stories.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        actions = {
            "cbs": self._import_cbs,
            "file": self._import_public_file,
            "registrations": self._import_registrations,
            "rollback": self._rollback,
            "stories": self._import_stories,
        }
        actions[options["kind"]](options)

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
        for warning in result.warnings:
            self.stderr.write(f"Let op: {warning}")
        self.stdout.write(result.summary())

    def _import_registrations(self, options):
        coalition = Coalition.objects.filter(slug=options["coalition"]).first()
        if coalition is None:
            raise CommandError(f"Onbekende coalitie '{options['coalition']}'.")
        partner = self._partner(coalition, options["partner"])
        indicator = None
        if options["indicator"]:
            indicator = (
                Indicator.objects.visible_to([coalition.id])
                .filter(code=options["indicator"].strip())
                .first()
            )
            if indicator is None:
                raise CommandError(f"Onbekende indicator '{options['indicator']}'.")
        try:
            columns = parse_column_option(options["columns"] or "")
        except ColumnSpecError as exc:
            raise CommandError(str(exc)) from None
        data = self._read_file(options["file"])
        preview = read_registrations(
            data,
            Path(options["file"]).name,
            coalition=coalition,
            partner=partner,
            indicator=indicator,
            sheet=options["sheet"],
            columns=columns,
        )
        self._report(preview)
        if options["dry_run"]:
            self.stdout.write(f"Proefimport, niets geschreven. Zou inlezen: {preview.summary()}")
            return
        try:
            batch = commit_registrations(preview)
        except IntegrityError:
            raise CommandError(
                "Niets ingelezen: tegelijk kwamen dezelfde cijfers binnen. Probeer het opnieuw."
            ) from None
        self.stdout.write(f"Import {batch.pk} ({partner.name}): {preview.summary()}")

    def _import_public_file(self, options):
        indicator = None
        if options["indicator"]:
            indicator = Indicator.objects.shared().filter(code=options["indicator"].strip()).first()
            if indicator is None:
                raise CommandError(f"Onbekende indicator '{options['indicator']}'.")
        try:
            columns = parse_column_option(options["columns"] or "")
        except ColumnSpecError as exc:
            raise CommandError(str(exc)) from None
        data = self._read_file(options["file"])
        preview = read_public_file(
            data,
            Path(options["file"]).name,
            indicator=indicator,
            sheet=options["sheet"],
            columns=columns,
        )
        self._report(preview)
        if options["dry_run"]:
            self.stdout.write(f"Proefimport, niets geschreven. Zou inlezen: {preview.summary()}")
            return
        batch = commit_public_file(preview, source_name=options["source_name"])
        self.stdout.write(f"Import {batch.pk} ({batch.source_name}): {preview.summary()}")

    def _report(self, preview):
        """Print every problem (errors to stderr); stop with exit code 1 when there are errors."""
        for problem in preview.problems:
            if problem.level == "error":
                self.stderr.write(f"fout: {problem}")
            else:
                self.stdout.write(f"{LEVEL_WORDS[problem.level]}: {problem}")
        if preview.errors:
            raise CommandError(preview.summary())

    def _partner(self, coalition, name):
        partners = list(coalition.partners.order_by("name"))
        if name:
            wanted = name.strip().lower()
            found = [p for p in partners if p.name.lower() == wanted]
            if not found:
                names = ", ".join(p.name for p in partners) or "nog geen"
                raise CommandError(f"Onbekende partner '{name}'. Partners: {names}.")
            return found[0]
        if len(partners) == 1:
            return partners[0]
        if not partners:
            raise CommandError(
                f"Coalitie '{coalition.slug}' heeft nog geen partners; voeg eerst de partner toe "
                "van wie de cijfers komen."
            )
        names = ", ".join(p.name for p in partners)
        raise CommandError(f"Kies de partner met --partner. Partners: {names}.")

    def _read_file(self, name):
        path = Path(name)
        limit = upload_limits().max_bytes
        try:
            size = path.stat().st_size
            if size > limit:
                raise CommandError(
                    f"Het bestand is te groot ({size} bytes); hoogstens {limit} bytes "
                    "(KANSRIJK_UPLOAD_MAX_BYTES)."
                )
            return path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Kan '{name}' niet lezen: {exc.strerror}.") from None

    def _rollback(self, options):
        batch = ImportBatch.objects.filter(pk=options["batch_id"]).first()
        if batch is None:
            raise CommandError(f"Import {options['batch_id']} bestaat niet.")
        try:
            result = rollback_batch(batch)
        except RollbackError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(result.summary())

    def _import_stories(self, options):
        coalition = Coalition.objects.filter(slug=options["coalition"]).first()
        if coalition is None:
            raise CommandError(f"Onbekende coalitie '{options['coalition']}'.")
        partner = None
        if options["partner"]:
            partner = self._partner(coalition, options["partner"])
        data = self._read_file(options["file"])
        preview = read_stories(data, Path(options["file"]).name, coalition=coalition)
        self._report(preview)
        if options["dry_run"]:
            self.stdout.write(f"Proefimport, niets geschreven. Zou inlezen: {preview.summary()}")
            return
        stories = commit_stories(preview, partner=partner)
        self.stdout.write(
            f"{len(stories)} verhaal/verhalen ingelezen en geanonimiseerd; ze wachten op "
            f"controle (kansrijk stories review --coalition {coalition.slug})."
        )
