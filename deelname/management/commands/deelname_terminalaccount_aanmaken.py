"""``manage.py deelname_terminalaccount_aanmaken NUMMER NAAM``: a detainee's terminal account.

The password comes from ``--wachtwoord``, from standard input when that is not a terminal
(a script or a secrets tool pipes it in, so it stays out of the shell history and the
process list), or from a hidden prompt. Without any of them the command stops with a
clear error instead of waiting for a prompt nobody can answer.
"""

import getpass
import sys
from typing import Any, TextIO

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from deelname.services.aanvragen import terminalaccount_aanmaken
from trajecten.models import Gedetineerde

# Operators read the command's messages in the UI language, whatever the shell's locale.
TAAL = "nl-be"


class Command(BaseCommand):
    help = (
        "Maakt een terminalaccount voor een gedetineerde (rol 'gedetineerde'): de persoon ziet "
        "het aanbod van de eigen gevangenis en de eigen aanvragen, niets anders. Het wachtwoord "
        "komt uit --wachtwoord, uit de standaardinvoer (als die geen terminal is) of wordt "
        "gevraagd (niet zichtbaar)."
    )
    # Tests hand in their own standard input, as createsuperuser's do.
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("detineenummer", help="Het gedetineerdennummer van de persoon.")
        parser.add_argument("gebruikersnaam", help="De gebruikersnaam op de terminal.")
        parser.add_argument(
            "--wachtwoord",
            help=(
                "Het wachtwoord. Zonder deze optie wordt het van de standaardinvoer gelezen "
                "(als die geen terminal is) of gevraagd."
            ),
        )

    def handle(
        self,
        *args: Any,
        detineenummer: str,
        gebruikersnaam: str,
        wachtwoord: str | None,
        **options: Any,
    ) -> None:
        with translation.override(TAAL):
            self._aanmaken(
                detineenummer=detineenummer,
                gebruikersnaam=gebruikersnaam,
                wachtwoord=wachtwoord,
                stdin=options.get("stdin") or sys.stdin,
            )

    def _aanmaken(
        self, *, detineenummer: str, gebruikersnaam: str, wachtwoord: str | None, stdin: TextIO
    ) -> None:
        gedetineerde = Gedetineerde.objects.filter(detineenummer=detineenummer).first()
        if gedetineerde is None:
            raise CommandError(
                _("Geen gedetineerde met nummer %(nummer)s.") % {"nummer": detineenummer}
            )
        if wachtwoord is None:
            wachtwoord = _wachtwoord_lezen(stdin)
        try:
            account = terminalaccount_aanmaken(
                gedetineerde=gedetineerde,
                gebruikersnaam=gebruikersnaam,
                wachtwoord=wachtwoord,
                door=None,
            )
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from None
        self.stdout.write(
            _("Terminalaccount '%(naam)s' aangemaakt.") % {"naam": account.user.get_username()}
        )


def _wachtwoord_lezen(stdin: TextIO) -> str:
    """The password from a pipe, or from a hidden prompt when a person sits at a terminal."""
    if not stdin.isatty():
        regel = stdin.readline().rstrip("\r\n")
        if not regel:
            raise CommandError(
                _(
                    "Geen wachtwoord: geef --wachtwoord, geef het wachtwoord op de "
                    "standaardinvoer, of voer het commando uit in een terminal."
                )
            )
        return regel
    try:
        wachtwoord = getpass.getpass(_("Wachtwoord: "))
        herhaald = getpass.getpass(_("Wachtwoord (nogmaals): "))
    except (EOFError, KeyboardInterrupt):
        raise CommandError(_("Afgebroken: geen wachtwoord gekregen.")) from None
    if wachtwoord != herhaald:
        raise CommandError(_("De wachtwoorden verschillen."))
    return wachtwoord
