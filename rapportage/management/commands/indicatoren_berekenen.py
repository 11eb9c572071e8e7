"""``manage.py indicatoren_berekenen [--volledig | --vanaf DATUM]``: the rollup job, now.

Without options it recomputes what changed since the last run, as the nightly job does.
"""

from __future__ import annotations

import argparse
import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from rapportage.models import Berekening
from rapportage.rollups import indicatoren_berekenen


def _datum(waarde: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(waarde)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen datum (JJJJ-MM-DD): {waarde!r}") from None


class Command(BaseCommand):
    help = (
        "Berekent de kernindicatoren per gevangenis en per periode: wat veranderde sinds de "
        "vorige berekening, of alles (--volledig), of alles vanaf een datum (--vanaf)."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        groep = parser.add_mutually_exclusive_group()
        groep.add_argument(
            "--volledig", action="store_true", help="Alles opnieuw, vanaf het eerste verblijf."
        )
        groep.add_argument(
            "--vanaf",
            type=_datum,
            help="Alles opnieuw vanaf deze datum (JJJJ-MM-DD), bv. na een correctie.",
        )

    def handle(
        self, *args: Any, volledig: bool, vanaf: datetime.date | None, **options: Any
    ) -> None:
        aanleiding = (
            Berekening.Aanleiding.VOLLEDIG if volledig or vanaf else Berekening.Aanleiding.OP_VRAAG
        )
        try:
            berekening = indicatoren_berekenen(
                aanleiding=aanleiding, volledig=volledig, vanaf=vanaf
            )
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from None
        duur = (berekening.klaar or berekening.gestart) - berekening.gestart
        self.stdout.write(
            f"Indicatoren berekend: {berekening.aantal_perioden} perioden herberekend, "
            f"{berekening.aantal_waarden} waarden geschreven ({duur.total_seconds():.1f} s)."
        )
        if not berekening.aantal_waarden:
            self.stdout.write("Niets veranderd sinds de vorige berekening.")
