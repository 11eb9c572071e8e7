"""``manage.py demo_data``: load the synthetic demo (see rapportage.demo); safe to run twice."""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand

from hdv.demo import DEMO_WACHTWOORD
from rapportage.demo import demo_data_laden

# Re-exported: the README and the browser tests name the command, not hdv.demo.
__all__ = ["DEMO_WACHTWOORD", "Command"]


def _schaal(waarde: str) -> float:
    try:
        schaal = float(waarde)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen getal: {waarde!r}") from None
    if not 0 < schaal <= 1:
        raise argparse.ArgumentTypeError("de schaal ligt tussen 0 (niet inbegrepen) en 1")
    return schaal


class Command(BaseCommand):
    help = (
        "Laadt synthetische demodata: gevangenissen, organisaties, een demo-account per rol, "
        "gedetineerden en het aanbod met lokalen, activiteiten en sessies. Wat al bestaat, "
        "blijft ongemoeid."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--schaal",
            type=_schaal,
            default=1.0,
            help=(
                "Fractie van de gedetineerden en van de groepsactiviteiten om te laden, "
                "bv. 0.1 voor tests (standaard 1)."
            ),
        )

    def handle(self, *args: Any, schaal: float, **options: Any) -> None:
        telling = demo_data_laden(schaal=schaal)
        for regel in telling.regels():
            self.stdout.write(regel)
