"""``kansrijk users add EMAIL --coalition SLUG --role ROLE``: accounts and memberships."""

import getpass
import sys

from django.core.management.base import BaseCommand, CommandError

from kansrijk.coalitions.setup import SetupError, add_user


class Command(BaseCommand):
    help = "Gebruikers toevoegen aan een coalitie."
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", metavar="{add}")
        add = actions.add_parser("add", help="Gebruiker aanmaken of lid maken van een coalitie.")
        add.add_argument("email", help="e-mailadres (wordt ook de gebruikersnaam)")
        add.add_argument("--coalition", help="korte naam van de coalitie")
        add.add_argument("--role", help="coordinator, editor of viewer")
        add.add_argument("--password", help="wachtwoord; zonder deze optie wordt erom gevraagd")

    def handle(self, *args, action=None, **options):
        if action != "add":
            raise CommandError("Kies een actie: add.")
        if not options["coalition"] or not options["role"]:
            raise CommandError("Geef --coalition en --role op.")
        stdin = options.get("stdin") or sys.stdin
        ask = self._ask_password if stdin.isatty() else None
        try:
            result = add_user(
                options["email"],
                options["coalition"],
                options["role"],
                options["password"],
                ask_password=ask,
            )
        except SetupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(result.summary)

    def _ask_password(self) -> str:
        try:
            first = getpass.getpass("Wachtwoord: ")
            second = getpass.getpass("Wachtwoord (nogmaals): ")
        except (EOFError, KeyboardInterrupt):
            raise SetupError("Afgebroken; er is niets opgeslagen.") from None
        if first != second:
            raise SetupError("De wachtwoorden zijn niet gelijk; er is niets opgeslagen.")
        if not first:
            raise SetupError("Leeg wachtwoord; er is niets opgeslagen.")
        return first
