"""What the files of one prison are written with, shared by the parts of ``dossiers``."""

from __future__ import annotations

import datetime
import random
from collections import Counter
from dataclasses import dataclass
from typing import Any

from aanbod.models import Aanbod
from hdv.models import Organisatie
from trajecten.models import Gedetineerde, Toestemming
from trajecten.services.notities import toestemming_geven

from .klok import klok, moment
from .medewerkers import Team

# Per region: the outside partners the demo has there (abbreviation per kind).
EXTERNE_PARTNERS = {
    "ANT": {"ocmw": "OCMW-ANT", "jh": "JH-ANT", "svk": "SVK-ANT"},
    "OVL": {"ocmw": "OCMW-GEN", "jh": "JH-GEN", "svk": "SVK-GEN"},
    "WVL": {"ocmw": "OCMW-GEN", "jh": "JH-GEN", "svk": "SVK-GEN"},
    "LIM": {"ocmw": "OCMW-ANT", "jh": "JH-ANT", "svk": "SVK-ANT"},
    "OBR": {"ocmw": "OCMW-BRU", "jh": "JH-BRU", "svk": "SVK-GEN"},
    "BRU": {"ocmw": "OCMW-BRU", "jh": "JH-BRU", "svk": "SVK-GEN"},
}


@dataclass
class Omgeving:
    """What the files of one prison are written with."""

    team: Team
    organisaties: dict[str, Organisatie]
    aanbod: dict[str, list[Aanbod]]  # running offers of the prison, by life domain
    vandaag: datetime.date
    nieuw: Counter[str]
    # A prison where a demo account works: where people try the file, so more to read.
    met_demo_account: bool = False

    def extern(self, soort: str) -> Organisatie:
        return self.organisaties[EXTERNE_PARTNERS[self.team.regio][soort]]

    def partner(self, soort: str) -> Organisatie | None:
        """An organisation by the kind the texts use: cgg, vdab or an outside partner."""
        if not soort:
            return None
        if soort == "cgg":
            return self.organisaties[self.team.cgg]
        if soort == "vdab":
            return self.organisaties["VDAB"]
        if soort == "tandem":
            return self.organisaties["TANDEM"]
        return self.extern(soort)

    def dag(self, van: datetime.date, rng: random.Random, tot: int, na: int = 0) -> datetime.date:
        """A day ``na`` to ``tot`` days after ``van``, never after today."""
        return min(van + datetime.timedelta(days=rng.randint(na, max(na, tot))), self.vandaag)


def toestemming_voor(
    omgeving: Omgeving,
    gedetineerde: Gedetineerde,
    organisatie: Organisatie,
    categorie: str,
    datum: datetime.date,
    tb: Any,
) -> None:
    """Consent for one organisation, unless the person gave it already."""
    if Toestemming.objects.filter(
        gedetineerde=gedetineerde,
        organisatie=organisatie,
        categorie=categorie,
        ingetrokken_op__isnull=True,
    ).exists():
        return
    with klok(moment(datum, 9)):
        toestemming_geven(
            gedetineerde=gedetineerde,
            organisatie=organisatie,
            categorie=categorie,
            door=tb,
            gegeven_op=datum,
        )
    omgeving.nieuw["toestemmingen"] += 1
