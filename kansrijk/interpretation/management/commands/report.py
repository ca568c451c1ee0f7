"""``kansrijk report session``: write the session pack of an interpretation session as a PDF.

    kansrijk report session --coalition SLUG [--session ID | --latest] --output FILE.pdf

Without ``--session`` the latest session is used (the one with the latest date). The file is
written atomically: a temporary file next to it, renamed when complete, so a failed run never
leaves half a PDF behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kansrijk.coalitions.models import Coalition
from kansrijk.interpretation.models import Session
from kansrijk.interpretation.pack.data import latest_session, session_pack_data
from kansrijk.interpretation.pack.rendering import PdfUnavailable, render_pack_pdf


class Command(BaseCommand):
    help = "Maak documenten van de monitor, zoals het sessiepakket van een duidingssessie."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="report", required=True, metavar="{session}")
        session = sub.add_parser("session", help="Het sessiepakket (PDF) van een duidingssessie.")
        session.add_argument("--coalition", required=True, metavar="SLUG")
        which = session.add_mutually_exclusive_group()
        which.add_argument("--session", type=int, metavar="ID", help="het nummer van de sessie")
        which.add_argument("--latest", action="store_true", help="de laatste sessie (standaard)")
        session.add_argument("--output", required=True, metavar="FILE.pdf", type=Path)

    def handle(self, *args, **options):
        coalition = self._coalition(options["coalition"])
        session = self._session(coalition, options["session"])
        output = self._output(options["output"])
        pack = session_pack_data(session)
        try:
            pdf = render_pack_pdf(pack)
        except PdfUnavailable as exc:
            raise CommandError(str(exc)) from None
        _write_atomically(output, pdf)
        self.stdout.write(
            f"Sessiepakket van '{session.title}' (sessie {session.pk}, "
            f"{len(pack.indicators)} indicator(en), {len(pdf) // 1024} kB) "
            f"geschreven naar {output}."
        )

    def _coalition(self, slug: str) -> Coalition:
        coalition = Coalition.objects.filter(slug=slug).first()
        if coalition is None:
            raise CommandError(f"Onbekende coalitie '{slug}'.")
        return coalition

    def _session(self, coalition: Coalition, session_id: int | None) -> Session:
        if session_id is None:
            session = latest_session(coalition)
            if session is None:
                raise CommandError(f"Coalitie '{coalition.slug}' heeft nog geen duidingssessies.")
            return session
        session = (
            Session.objects.select_related("cycle__coalition")
            .filter(cycle__coalition=coalition, pk=session_id)
            .first()
        )
        if session is None:
            raise CommandError(
                f"Coalitie '{coalition.slug}' heeft geen duidingssessie met nummer {session_id}."
            )
        return session

    def _output(self, path: Path) -> Path:
        folder = path.parent
        if path.is_dir():
            raise CommandError(
                f"--output '{path}' is een map; geef een bestandsnaam, zoals pakket.pdf."
            )
        if not folder.is_dir():
            raise CommandError(f"--output: de map '{folder}' bestaat niet.")
        if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise CommandError(f"--output: geen schrijfrechten voor '{path}'.")
        return path


def _write_atomically(path: Path, content: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over ``path``."""
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise CommandError(f"--output: kan niet schrijven in '{folder}': {exc.strerror}.") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.chmod(temporary, _file_mode())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise CommandError(f"--output: kan '{path}' niet schrijven: {exc.strerror}.") from None


def _file_mode() -> int:
    """The mode a new file gets under the current umask (mkstemp makes it 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
