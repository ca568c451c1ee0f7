"""``kansrijk demo``: a fresh database with the fictitious coalition Voorbeeldstad, then the site.

The database is the one the settings name (``DATABASE_URL``; by default var/kansrijk.sqlite3).
"""

import os
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from kansrijk.catalog.loading import load_catalogue
from kansrijk.demo import DemoError, build_demo, describe_demo
from kansrijk.demo.database import RealDataError, describe_database, reset_database


def start_worker() -> subprocess.Popen:
    """The background worker (django-tasks) for updates started from the web pages."""
    return subprocess.Popen(
        [sys.executable, "-m", "kansrijk.cli", "db_worker", "--interval", "1"],
        env=os.environ.copy(),
    )


class Command(BaseCommand):
    help = (
        "Bouwt een verse database met de fictieve coalitie Voorbeeldstad (gebieden, plan, "
        "gebruikers en cijfers) en start de site op 127.0.0.1."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port", type=int, default=8000, help="Poort voor de site (standaard 8000)."
        )
        parser.add_argument(
            "--no-serve",
            action="store_true",
            help="Alleen de database bouwen, de site niet starten.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ook een database met echte coalities of imports wissen.",
        )

    def handle(self, *args, port, no_serve, force, **options):
        self.stdout.write(f"Verse database: {describe_database()}")
        try:
            reset_database(force=force)
        except RealDataError as exc:
            raise CommandError(str(exc)) from exc
        load_catalogue()
        try:
            summary = build_demo()
        except DemoError as exc:
            raise CommandError(str(exc)) from exc
        url = f"http://127.0.0.1:{port}/"
        self.stdout.write(describe_demo(summary, None if no_serve else f"{url}inloggen/"))
        if no_serve:
            return
        self.stdout.write(f"\nDe site draait op {url} (stoppen met Ctrl+C).\n")
        # DEBUG stays off (the settings' default), so runserver would not serve static files
        # and the pages would lack their CSS. --insecure (insecure_serving) makes the
        # staticfiles runserver serve them anyway; that is fine for a local demo and keeps
        # the demo running with the same settings as production. No autoreloader: it would
        # run this command again in a child process and rebuild the database.
        worker = start_worker()
        try:
            call_command(
                "runserver", f"127.0.0.1:{port}", use_reloader=False, insecure_serving=True
            )
        finally:
            worker.terminate()
            worker.wait(timeout=10)
