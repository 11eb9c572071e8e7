"""``manage.py rollen_installeren [--herstel]``: the role groups of hdv.rollen."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hdv.rollen import rollen_installeren


class Command(BaseCommand):
    help = (
        "Maakt de rollen (groepen met permissies) aan die ontbreken. Met --herstel krijgen ook "
        "bestaande rollen opnieuw hun standaardpermissies; wijzigingen in het beheer gaan dan verloren."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--herstel", action="store_true", help="Zet ook bestaande rollen terug."
        )

    def handle(self, *args: Any, herstel: bool, **options: Any) -> None:
        rollen = rollen_installeren(herstel=herstel)
        self.stdout.write(
            f"Rollen {'hersteld' if herstel else 'aangemaakt'}: {', '.join(rollen) or 'geen'}"
        )
