"""What an offer of the demo catalogue says, and who gives it where.

CAW and CGG work per region, so their offers exist once per regional organisation and
a prison gets the one of its region (``REGIO``); the other providers work Flanders-wide.
The offers themselves are in ``aanbodlijst``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from aanbod.models import Aanbod, Levensdomein
from hdv.demo import GevangenisGegevens
from hdv.models import Gevangenis

L = Levensdomein
GROEP = Aanbod.Vorm.GROEP
INDIVIDUEEL = Aanbod.Vorm.INDIVIDUEEL

# The regional organisations, by region; "CAW" and "CGG" as provider mean these.
REGIONALE_AANBIEDERS = {
    "CAW": {"ANT": "CAW-ANT", "OVL": "CAW-OVL", "WVL": "CAW-WVL", "LIM": "CAW-LIM",
            "OBR": "CAW-OBR", "BRU": "CAW-BRU"},
    "CGG": {"ANT": "CGG-ANT", "OVL": "CGG-OVL", "WVL": "CGG-WVL", "LIM": "CGG-LIM",
            "OBR": "CGG-VBO", "BRU": "CGG-BRU"},
}  # fmt: skip

REGIO = {
    "ANT": "ANT", "BEV": "OVL", "BRG": "WVL", "DEN": "OVL", "GEN": "OVL", "HAR": "BRU",
    "HAS": "LIM", "HOO": "ANT", "IEP": "WVL", "LEU-C": "OBR", "LEU-H": "OBR", "MEC": "ANT",
    "MER": "ANT", "OUD": "OVL", "RUI": "WVL", "TUR": "ANT", "WOR": "ANT", "FPC-ANT": "ANT",
    "FPC-GENT": "OVL", "DH-KOR": "WVL", "TH-MEC": "ANT",
}  # fmt: skip


class Vertaling(NamedTuple):
    titel: str
    beschrijving: str


@dataclass(frozen=True)
class DemoAanbod:
    titel_nl: str
    beschrijving_nl: str
    levensdomein: str
    aanbieder: str  # an abbreviation, or "CAW"/"CGG": the one of the prison's region
    vorm: str
    rapportagecategorie: str  # code
    # The chance that a prison has it: a gevangenis, an FPC (None: half of that), a
    # detentiehuis or transitiehuis.
    spreiding: float
    fpc: float | None = None
    klein: float = 0.0
    doelgroepen: tuple[str, ...] = ()
    talen: tuple[str, ...] = ("nl",)
    duur_weken: int | None = None
    met_examen: bool = False
    met_attest: bool = False
    nederlandsniveau: str = ""
    minimale_resterende_detentie_weken: int | None = None
    toelatingsvoorwaarden: str = ""
    fr: Vertaling | None = None
    en: Vertaling | None = None
    # Planning a group: room tags in order of preference, places, rhythm, how many
    # groups of it a prison tends to run compared with other offers.
    lokalen: tuple[str, ...] = ("klas", "polyvalent")
    groepsgrootte: int = 10
    ritme: str = "les"
    gewicht: int = 1
    met_wachtlijst: bool = True

    def aanbieder_in(self, code: str) -> str:
        """The abbreviation of the organisation that gives this offer in a prison."""
        regionaal = REGIONALE_AANBIEDERS.get(self.aanbieder)
        return regionaal[REGIO[code]] if regionaal else self.aanbieder

    def kans(self, gegevens: GevangenisGegevens) -> float:
        if gegevens.soort in (Gevangenis.Soort.DETENTIEHUIS, Gevangenis.Soort.TRANSITIEHUIS):
            return self.klein
        if gegevens.soort == Gevangenis.Soort.FPC:
            return self.spreiding / 2 if self.fpc is None else self.fpc
        kans = self.spreiding
        if self.levensdomein == L.GEESTELIJKE_GEZONDHEID and any(
            "annex" in afdeling for afdeling in gegevens.afdelingen
        ):
            kans = (kans + 1) / 2
        if gegevens.capaciteit >= 600:
            # The large prisons have nearly everything: a full planning to look at.
            kans = min(1.0, kans + 0.3)
        return kans
