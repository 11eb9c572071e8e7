"""``manage.py deelname_terminalaccount_aanmaken NUMMER GEBRUIKERSNAAM``: a detainee's terminal account."""

import getpass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from deelname.services.aanvragen import terminalaccount_aanmaken
from trajecten.models import Gedetineerde


class Command(BaseCommand):
    help = (
        "Maakt een terminalaccount voor een gedetineerde (rol 'gedetineerde'): de persoon ziet "
        "het aanbod van de eigen gevangenis en de eigen aanvragen, niets anders."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("detineenummer", help="Het gedetineerdennummer van de persoon.")
        parser.add_argument("gebruikersnaam", help="De gebruikersnaam op de terminal.")
        parser.add_argument(
            "--wachtwoord",
            help="Het wachtwoord; zonder deze optie wordt het gevraagd (niet zichtbaar).",
        )

    def handle(
        self,
        *args: Any,
        detineenummer: str,
        gebruikersnaam: str,
        wachtwoord: str | None,
        **options: Any,
    ) -> None:
        gedetineerde = Gedetineerde.objects.filter(detineenummer=detineenummer).first()
        if gedetineerde is None:
            raise CommandError(f"Geen gedetineerde met nummer {detineenummer}.")
        if wachtwoord is None:
            wachtwoord = getpass.getpass("Wachtwoord: ")
            if wachtwoord != getpass.getpass("Wachtwoord (nogmaals): "):
                raise CommandError("De wachtwoorden verschillen.")
        try:
            account = terminalaccount_aanmaken(
                gedetineerde=gedetineerde,
                gebruikersnaam=gebruikersnaam,
                wachtwoord=wachtwoord,
                door=None,
            )
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from None
        self.stdout.write(f"Terminalaccount '{account.user.get_username()}' aangemaakt.")
