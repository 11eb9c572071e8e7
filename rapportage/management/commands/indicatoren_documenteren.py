"""``manage.py indicatoren_documenteren [--controleren]``: docs/indicatoren.md from REGISTER."""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from rapportage.indicatoren.documentatie import PAD, indicatoren_markdown


class Command(BaseCommand):
    help = "Schrijft docs/indicatoren.md uit de definities van de kernindicatoren."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--controleren",
            action="store_true",
            help="Niets schrijven; een fout als het bestand niet meer klopt (voor CI).",
        )

    def handle(self, *args: Any, controleren: bool, **options: Any) -> None:
        tekst = indicatoren_markdown()
        huidig = PAD.read_text(encoding="utf-8") if PAD.exists() else ""
        if controleren:
            if huidig != tekst:
                raise CommandError(
                    f"{PAD.name} is niet bij: voer manage.py indicatoren_documenteren uit."
                )
            self.stdout.write(f"{PAD.name} is bij.")
            return
        if huidig == tekst:
            self.stdout.write(f"{PAD.name} was al bij.")
            return
        PAD.write_text(tekst, encoding="utf-8")
        self.stdout.write(f"{PAD.name} geschreven.")
