"""The whole demo in one transaction: the core, then the detainees, then the offer.

rapportage may import every app, so it is the one place that knows all parts; each
part lives with its app (``hdv.demo``, ``trajecten.demo``, ``aanbod.demo``) and is
idempotent and deterministic per prison on its own.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from aanbod.demo import aanbod_laden
from deelname.demo import deelname_laden
from hdv.demo import DEMO_WACHTWOORD, Telregel, kern_laden
from rapportage.demo_strategie import plannen_laden
from rapportage.models import Berekening, Indicatorwaarde
from rapportage.rollups import indicatoren_berekenen
from trajecten.demo import dossiers_laden, gedetineerden_laden


@dataclass
class Telling:
    """What one run added, and what the database holds afterwards."""

    schaal: float
    telregels: list[Telregel] = field(default_factory=list)

    def regels(self) -> list[str]:
        return [
            f"Demodata geladen (schaal {self.schaal:g}).",
            *(telregel.tekst() for telregel in self.telregels),
            f"Wachtwoord van de demo-accounts: {DEMO_WACHTWOORD}",
        ]


@transaction.atomic
def demo_data_laden(*, schaal: float = 1.0, vandaag: datetime.date | None = None) -> Telling:
    """Load everything that is missing; ``schaal`` scales the people and the activities."""
    if not 0 < schaal <= 1:
        raise ValueError("schaal moet tussen 0 en 1 liggen")
    vandaag = vandaag or timezone.localdate()
    kern = kern_laden()
    telling = Telling(schaal=schaal, telregels=list(kern.telregels))
    telling.telregels += gedetineerden_laden(
        gevangenissen=kern.gevangenissen, schaal=schaal, vandaag=vandaag
    )
    telling.telregels += aanbod_laden(kern=kern, schaal=schaal, vandaag=vandaag)
    # Referrals point at offers of the catalogue: the files come after the offer.
    telling.telregels += dossiers_laden(kern=kern, vandaag=vandaag)
    # Enrolments follow accepted referrals to the offer: participation comes last.
    telling.telregels += deelname_laden(kern=kern, vandaag=vandaag)
    # Targets and the plans: what the computed indicators are measured against.
    telling.telregels += plannen_laden(kern=kern, vandaag=vandaag)
    # Last, over everything: the dashboards read the rollups, never the facts.
    telling.telregels += _indicatoren_berekenen()
    return telling


def _indicatoren_berekenen() -> list[Telregel]:
    """Every indicator over the demo's whole history; a second load writes nothing."""
    berekening = indicatoren_berekenen(aanleiding=Berekening.Aanleiding.VOLLEDIG, volledig=True)
    return [
        Telregel("Indicatorwaarden", Indicatorwaarde.objects.count(), berekening.aantal_waarden)
    ]
