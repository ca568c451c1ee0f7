"""``kansrijk tokens create|list|revoke``: personal API tokens from the command line."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kansrijk.api.models import ApiToken
from kansrijk.api.tokens import TokenError, create_token, find_user, revoke_token, tokens_of


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--expires '{text}' is geen datum; schrijf JJJJ-MM-DD.") from None


class Command(BaseCommand):
    help = "Persoonlijke API-sleutels maken, tonen en intrekken."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", metavar="{create,list,revoke}")
        create = actions.add_parser(
            "create", help="Een API-sleutel maken; toont het geheim één keer."
        )
        create.add_argument("email", help="e-mailadres van de gebruiker")
        create.add_argument(
            "--name", default="", help="waar de sleutel voor is (standaard: 'opdrachtregel')"
        )
        create.add_argument("--expires", help="geldig tot en met deze datum (JJJJ-MM-DD)")
        listing = actions.add_parser("list", help="De API-sleutels van een gebruiker.")
        listing.add_argument("email", help="e-mailadres van de gebruiker")
        revoke = actions.add_parser("revoke", help="Een API-sleutel intrekken (op nummer).")
        revoke.add_argument("id", type=int, help="nummer van de sleutel (zie 'tokens list')")

    def handle(self, *args, action=None, **options):
        handlers = {"create": self._create, "list": self._list, "revoke": self._revoke}
        if action not in handlers:
            raise CommandError("Kies een actie: create, list of revoke.")
        try:
            handlers[action](options)
        except TokenError as exc:
            raise CommandError(str(exc)) from exc

    def _create(self, options):
        user = find_user(options["email"])
        expires_on = _date(options["expires"]) if options["expires"] else None
        new = create_token(user, options["name"] or "opdrachtregel", expires_on)
        self.stdout.write(new.secret)
        until = f", geldig tot en met {expires_on:%Y-%m-%d}" if expires_on else ""
        self.stderr.write(
            f"API-sleutel {new.token.pk} ({new.token.name}) voor {user.get_username()}{until}. "
            "Bewaar het geheim hierboven nu: het wordt niet opgeslagen en niet nog eens getoond."
        )

    def _list(self, options):
        user = find_user(options["email"])
        tokens = list(tokens_of(user))
        for token in tokens:
            last_used = token.last_used_at and timezone.localtime(token.last_used_at)
            used = f"{last_used:%Y-%m-%d %H:%M}" if last_used else "nooit"
            expires = f"{token.expires_on:%Y-%m-%d}" if token.expires_on else "-"
            state = " (verlopen)" if token.is_expired else ""
            created = timezone.localtime(token.created_at)
            self.stdout.write(
                f"{token.pk}\t{token.prefix}…\t{token.name}\taangemaakt {created:%Y-%m-%d}\t"
                f"gebruikt {used}\ttot {expires}{state}"
            )
        self.stderr.write(f"{len(tokens)} API-sleutel(s) van {user.get_username()}.")

    def _revoke(self, options):
        token = ApiToken.objects.select_related("user").filter(pk=options["id"]).first()
        if token is None:
            raise CommandError(f"Er is geen API-sleutel met nummer {options['id']}.")
        revoke_token(token)
        self.stdout.write(
            f"API-sleutel {options['id']} ({token.name}) van {token.user.get_username()} "
            "ingetrokken."
        )
