"""``kansrijk areas load|list|region``: load areas and boundaries, list them, define regions."""

import argparse

from django.core.management.base import BaseCommand, CommandError

from kansrijk.areas.codes import AreaError
from kansrijk.areas.listing import list_areas
from kansrijk.areas.loading import load_areas
from kansrijk.areas.regions import save_region


def _year(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is geen jaartal")
    return int(text)


class Command(BaseCommand):
    help = "Gebieden laden (CSV of GeoJSON), opvragen en eigen regio's vastleggen."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", metavar="{load,list,region}")
        load = actions.add_parser("load", help="Gebieden en grenzen laden uit CSV of GeoJSON.")
        load.add_argument("file", help="CSV- of GeoJSON-bestand")
        load.add_argument("--year", type=_year, help="jaar van de grenzen; nieuw = geldig vanaf")
        load.add_argument("--level", help="alleen gebieden van dit niveau (bijv. gemeente, wijk)")
        listing = actions.add_parser("list", help="Gebieden tonen: code en naam per regel.")
        listing.add_argument("--level", help="alleen dit niveau (bijv. gemeente, wijk)")
        listing.add_argument("--parent", help="alleen gebieden in dit gebied of deze regio")
        region = actions.add_parser("region", help="Eigen regio aanmaken of bijwerken.")
        region.add_argument("--code", help="regiocode, bijv. RG0001")
        region.add_argument("--name", help="naam van de regio")
        region.add_argument("--member", action="append", default=[], help="gebiedscode van een lid")

    def handle(self, *args, action=None, **options):
        try:
            if action == "load":
                result = load_areas(options["file"], year=options["year"], level=options["level"])
                self.stdout.write(result.summary)
            elif action == "list":
                for area in list_areas(options["level"], options["parent"]):
                    self.stdout.write(f"{area.code}\t{area.name}")
            elif action == "region":
                if not options["code"] or not options["name"] or not options["member"]:
                    raise CommandError("Geef --code, --name en minstens één --member op.")
                result = save_region(options["code"], options["name"], options["member"])
                self.stdout.write(result.summary)
            else:
                raise CommandError("Kies een actie: load, list of region.")
        except AreaError as exc:
            raise CommandError(str(exc)) from exc
