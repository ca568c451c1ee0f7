"""``kansrijk stories …``: review and approve anonymised stories, purge expired originals.

    kansrijk stories review --coalition SLUG
    kansrijk stories approve --coalition SLUG (--all | ID …)
    kansrijk stories purge

``review`` prints the anonymised text of every story waiting for approval, with its id; the
original text is never printed. ``approve`` approves the anonymised texts as they stand.
``purge`` empties the original text of stories past their retention date and logs the ids.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kansrijk.coalitions.models import Coalition
from kansrijk.stories.retention import purge_expired_originals
from kansrijk.stories.reviewing import ReviewError, approve_pending, pending_stories


class Command(BaseCommand):
    help = "Controleer en keur verhalen goed, of verwijder verlopen oorspronkelijke teksten."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{review,approve,purge}")
        review = sub.add_parser("review", help="Toon de verhalen die wachten op goedkeuring.")
        review.add_argument("--coalition", required=True, metavar="SLUG")
        approve = sub.add_parser("approve", help="Keur verhalen goed zoals hun tekst nu is.")
        approve.add_argument("--coalition", required=True, metavar="SLUG")
        approve.add_argument("--all", action="store_true", help="alle wachtende verhalen")
        approve.add_argument("ids", nargs="*", type=int, metavar="ID")
        sub.add_parser("purge", help="Verwijder oorspronkelijke teksten na hun bewaardatum.")

    def handle(self, *args, **options):
        {"review": self._review, "approve": self._approve, "purge": self._purge}[options["action"]](
            options
        )

    def _coalition(self, slug: str) -> Coalition:
        coalition = Coalition.objects.filter(slug=slug).first()
        if coalition is None:
            raise CommandError(f"Onbekende coalitie '{slug}'.")
        return coalition

    def _review(self, options):
        coalition = self._coalition(options["coalition"])
        stories = list(pending_stories(coalition))
        for story in stories:
            self.stdout.write(
                f"--- verhaal {story.pk} ({story.get_phase_display()}, "
                f"toestemming: {story.get_consent_display().lower()})"
            )
            self.stdout.write(story.anonymised_text)
        self.stdout.write(f"{len(stories)} verhaal/verhalen wachten op goedkeuring.")

    def _approve(self, options):
        coalition = self._coalition(options["coalition"])
        if options["all"] == bool(options["ids"]):
            raise CommandError("Geef de nummers van de verhalen, of --all (niet allebei).")
        try:
            approved = approve_pending(coalition, None if options["all"] else options["ids"])
        except ReviewError as exc:
            raise CommandError(str(exc)) from None
        listed = ", ".join(str(number) for number in approved) or "geen"
        self.stdout.write(f"{len(approved)} verhaal/verhalen goedgekeurd: {listed}.")

    def _purge(self, options):
        purged = purge_expired_originals()
        listed = ", ".join(str(number) for number in purged) or "geen"
        self.stdout.write(
            f"Oorspronkelijke tekst verwijderd van {len(purged)} verhaal/verhalen: {listed}."
        )
