"""``kansrijk coalitions list|create``: coalitions from the command line, for scripts."""

from django.core.management.base import BaseCommand, CommandError

from kansrijk.coalitions.models import Coalition
from kansrijk.coalitions.setup import SetupError, create_coalition


class Command(BaseCommand):
    help = "Coalities tonen of aanmaken."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", metavar="{list,create}")
        actions.add_parser("list", help="Korte naam en naam per regel (gescheiden door een tab).")
        create = actions.add_parser("create", help="Een coalitie aanmaken voor bestaande gebieden.")
        create.add_argument("--name", help="naam van de coalitie")
        create.add_argument("--slug", help="korte naam, voor in de URL")
        create.add_argument(
            "--area", action="append", default=[], help="gebiedscode, bijv. GM0355 (herhaalbaar)"
        )

    def handle(self, *args, action=None, **options):
        if action == "list":
            for slug, name in Coalition.objects.order_by("slug").values_list("slug", "name"):
                self.stdout.write(f"{slug}\t{name}")
        elif action == "create":
            if not options["name"] or not options["slug"] or not options["area"]:
                raise CommandError("Geef --name, --slug en minstens één --area op.")
            try:
                coalition = create_coalition(options["name"], options["slug"], options["area"])
            except SetupError as exc:
                raise CommandError(str(exc)) from exc
            codes = ", ".join(coalition.areas.order_by("code").values_list("code", flat=True))
            self.stdout.write(f"Coalitie {coalition.slug} ({coalition.name}) aangemaakt: {codes}.")
        else:
            raise CommandError("Kies een actie: list of create.")
