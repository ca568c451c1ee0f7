"""``kansrijk catalog load|export|add``: the indicator catalogue from the command line."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kansrijk.catalog.loading import CatalogueError, export_catalogue, load_catalogue
from kansrijk.catalog.own import add_own_indicator
from kansrijk.coalitions.models import Coalition

# Field of an own indicator → the option that sets it, for error messages.
OPTIONS = {
    "code": "--code",
    "name_nl": "--name",
    "unit": "--unit",
    "direction": "--direction",
    "phase": "--phase",
    "definition": "--definition",
    "numerator": "--numerator",
    "denominator": "--denominator",
}


class Command(BaseCommand):
    help = "Indicatorcatalogus: laden uit YAML, exporteren naar YAML, eigen indicator toevoegen."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        load = commands.add_parser("load", help="laad de catalogus (standaard het meegeleverde)")
        load.add_argument("file", nargs="?", default=None, help="YAML-bestand")
        export = commands.add_parser("export", help="schrijf de gedeelde catalogus als YAML")
        export.add_argument("--output", "-o", default=None, help="bestand (standaard: stdout)")
        add = commands.add_parser("add", help="voeg een eigen indicator van een coalitie toe")
        add.add_argument("--coalition", required=True, help="korte naam (slug) van de coalitie")
        add.add_argument("--code", required=True, help="unieke code, bijv. bereik_voorzorg")
        add.add_argument("--name", required=True, help="naam in het Nederlands")
        add.add_argument("--unit", required=True, help="percentage, per_1000, count, score, yes_no")
        add.add_argument("--direction", required=True, help="higher, lower of none")
        add.add_argument("--phase", default="programme", help="standaard: programme")
        add.add_argument("--definition", default="")
        add.add_argument("--numerator", default="")
        add.add_argument("--denominator", default="")

    def handle(self, *args, subcommand, **options):
        getattr(self, f"handle_{subcommand}")(**options)

    def handle_load(self, file=None, **options):
        try:
            result = load_catalogue(file)
        except CatalogueError as exc:
            raise CommandError(
                _("De catalogus is niet geladen:") + "\n" + "\n".join(exc.errors)
            ) from exc
        self.stdout.write(result.summary())

    def handle_export(self, output=None, **options):
        text = export_catalogue()
        if output is None:
            self.stdout.write(text, ending="")
            return
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(
                _("Kan %(file)s niet schrijven: %(reason)s")
                % {"file": output, "reason": exc.strerror or exc}
            ) from exc
        self.stdout.write(_("Catalogus geëxporteerd naar %(file)s.") % {"file": output})

    def handle_add(self, coalition, code, name, unit, direction, phase, **options):
        found = Coalition.objects.filter(slug=coalition).first()
        if found is None:
            raise CommandError(
                _("Onbekende coalitie '%(slug)s' (--coalition).") % {"slug": coalition}
            )
        texts = {key: options[key] for key in ("definition", "numerator", "denominator")}
        try:
            indicator = add_own_indicator(
                found, code=code, name_nl=name, unit=unit, direction=direction, phase=phase, **texts
            )
        except ValidationError as exc:
            problems = [
                f"{OPTIONS.get(field, field)}: {message}"
                for field, messages in exc.message_dict.items()
                for message in messages
            ]
            raise CommandError(
                _("De indicator is niet toegevoegd:") + "\n" + "\n".join(problems)
            ) from exc
        self.stdout.write(
            _("Eigen indicator '%(code)s' toegevoegd aan %(coalition)s.")
            % {"code": indicator.code, "coalition": found.name}
        )
