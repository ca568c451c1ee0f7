"""``kansrijk export --coalition SLUG --format csv|xlsx --output FILE``: everything a member of
the coalition may see (the overview, values, details and comparisons of every indicator in
its plan), through the same small-number protection as the pages."""

import errno

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kansrijk.coalitions.models import Coalition
from kansrijk.exports.tables import coalition_exports
from kansrijk.exports.writers import FORMATS, render, write_file_atomically

STDOUT = "-"


def _reason(exc: OSError) -> str:
    """Why a file could not be written, in Dutch."""
    return {
        errno.ENOENT: _("de map bestaat niet"),
        errno.ENOTDIR: _("de map bestaat niet"),
        errno.EACCES: _("geen toestemming om daar te schrijven"),
        errno.EPERM: _("geen toestemming om daar te schrijven"),
        errno.EROFS: _("het bestandssysteem is alleen-lezen"),
        errno.EISDIR: _("dat is een map"),
        errno.ENOSPC: _("de schijf is vol"),
    }.get(exc.errno, exc.strerror or str(exc))


def _format(fmt: str | None, output: str) -> str:
    if fmt is None:
        fmt = output.rsplit(".", 1)[-1] if "." in output else ""
        if fmt.lower() not in FORMATS:
            raise CommandError(_("Geef --format op: csv of xlsx."))
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise CommandError(
            _("Onbekend formaat '%(format)s' (--format): kies csv of xlsx.") % {"format": fmt}
        )
    return fmt


class Command(BaseCommand):
    help = "Alle cijfers van een coalitie als CSV of XLSX: wat een lid van de coalitie mag zien."

    def add_arguments(self, parser):
        parser.add_argument("--coalition", help="korte naam (slug) van de coalitie")
        parser.add_argument(
            "--format", help="csv of xlsx (standaard: volgens de extensie van --output)"
        )
        parser.add_argument(
            "--output", "-o", help="bestand om te schrijven; '-' voor stdout (alleen csv)"
        )

    def handle(self, *args, coalition=None, format=None, output=None, **options):
        if not coalition:
            raise CommandError(_("Geef --coalition op: de korte naam van de coalitie."))
        if not output:
            raise CommandError(_("Geef --output op: een bestand, of - voor stdout."))
        fmt = _format(format, output)
        if output == STDOUT and fmt != "csv":
            raise CommandError(_("Naar stdout (--output -) kan alleen csv."))
        found = Coalition.objects.filter(slug=coalition).first()
        if found is None:
            raise CommandError(
                _("Onbekende coalitie '%(slug)s' (--coalition).") % {"slug": coalition}
            )
        tables = coalition_exports(found)
        data = render(tables, fmt, found.name)
        if output == STDOUT:
            self.stdout.write(data.decode("utf-8"), ending="")
            return
        try:
            write_file_atomically(output, data)
        except OSError as exc:
            raise CommandError(
                _("Kan %(file)s niet schrijven: %(reason)s")
                % {"file": output, "reason": _reason(exc)}
            ) from exc
        rows = sum(len(table.rows) for table in tables)
        self.stdout.write(
            _(
                "Cijfers van %(coalition)s geëxporteerd naar %(file)s: "
                "%(tables)s tabellen, %(rows)s rijen."
            )
            % {"coalition": found.name, "file": output, "tables": len(tables), "rows": rows}
        )
