"""``kansrijk areas load|fetch|list|region|mergers``: areas, boundaries, regions and mergers."""

import argparse

from django.core.management.base import BaseCommand, CommandError

from kansrijk.areas.codes import AreaError
from kansrijk.areas.listing import list_areas
from kansrijk.areas.loading import load_areas
from kansrijk.areas.mergers import read_municipal_changes, record_municipal_changes
from kansrijk.areas.pdok import ATTRIBUTION, fetch_and_load_boundaries
from kansrijk.areas.regions import save_region
from kansrijk.lib.http import ServiceError


def _year(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is geen jaartal")
    return int(text)


class Command(BaseCommand):
    help = "Gebieden laden (CSV of GeoJSON), opvragen en eigen regio's vastleggen."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", metavar="{load,fetch,list,region,mergers}")
        load = actions.add_parser("load", help="Gebieden en grenzen laden uit CSV of GeoJSON.")
        load.add_argument("file", help="CSV- of GeoJSON-bestand")
        load.add_argument("--year", type=_year, help="jaar van de grenzen; nieuw = geldig vanaf")
        load.add_argument("--level", help="alleen gebieden van dit niveau (bijv. gemeente, wijk)")
        fetch = actions.add_parser("fetch", help="Gemeente- en wijkgrenzen ophalen bij PDOK.")
        fetch.add_argument("--year", type=_year, required=True, help="jaar van de grenzen")
        fetch.add_argument(
            "--municipality", action="append", default=[], help="alleen deze gemeente (GM…)"
        )
        mergers = actions.add_parser("mergers", help="Gemeentelijke herindelingen sinds 2015.")
        mergers.add_argument(
            "--record", action="store_true", help="ook als opvolging in de database vastleggen"
        )
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
            elif action == "fetch":
                result = fetch_and_load_boundaries(options["year"], options["municipality"])
                self.stdout.write(result.summary)
                self.stdout.write(ATTRIBUTION)
            elif action == "mergers":
                self._mergers(options["record"])
            elif action == "list":
                for area in list_areas(options["level"], options["parent"]):
                    self.stdout.write(f"{area.code}\t{area.name}")
            elif action == "region":
                if not options["code"] or not options["name"] or not options["member"]:
                    raise CommandError("Geef --code, --name en minstens één --member op.")
                result = save_region(options["code"], options["name"], options["member"])
                self.stdout.write(result.summary)
            else:
                raise CommandError("Kies een actie: load, fetch, list, region of mergers.")
        except (AreaError, ServiceError) as exc:
            raise CommandError(str(exc)) from exc

    def _mergers(self, record: bool) -> None:
        changes = read_municipal_changes()
        for change in changes:
            kind = "geheel" if change.is_whole else "deels"
            self.stdout.write(
                f"{change.year}\t{change.predecessor_code} {change.predecessor_name}\t→ "
                f"{change.successor_code} {change.successor_name}\t({kind})"
            )
        if record:
            created = record_municipal_changes(changes)
            self.stdout.write(f"{created} opvolgingen vastgelegd.")
