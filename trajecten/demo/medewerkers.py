"""Who writes the demo's files: the staff of the regional CAW, CGG and VDAB.

The demo accounts of ``hdv.demo`` work in Antwerpen, Hoogstraten, Gent, Merksplas and
Wortel. Every other prison needs a trajectbegeleider of its region's CAW, a CGG
psychologist and a VDAB consultant too, or its files would be written by someone
who does not work there. One synthetic colleague per region and organisation covers
all the prisons of that region (``aanbod.demo.catalogus.REGIO``), also those with a
demo account: that gives the demo accounts a colleague to name under professional
secrecy and to invite to a case conference. They log in with the demo password.

Names come from the name lists of the detainees, with a generator of their own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from aanbod.demo.catalogus import REGIO, REGIONALE_AANBIEDERS
from hdv import rollen
from hdv.demo import DEMO_WACHTWOORD, EMAIL_DOMEIN, ZAAD, Kern
from hdv.models import Gevangenis, Medewerker
from hdv.services import medewerker_aanmaken

from .personen import ACHTERNAMEN, VOORNAMEN_M, VOORNAMEN_V

VDAB = "VDAB"
# VDAB works Flanders-wide: one consultant for every prison will do.
VLAANDEREN = "VLAANDEREN"
# (prefix of the username, organisation of the region or VDAB, role, function)
TEAM = (
    ("caw", "CAW", rollen.TRAJECTBEGELEIDER, "Trajectbegeleider"),
    ("cgg", "CGG", rollen.HULPVERLENER, "Psycholoog"),
)
VDAB_TEAM = ("vdab", VDAB, rollen.HULPVERLENER, "Detentieconsulent")


@dataclass
class Team:
    """The staff of one prison by organisation (abbreviation); the demo accounts first."""

    gevangenis: Gevangenis
    regio: str
    per_organisatie: dict[str, list[Any]] = field(default_factory=dict)

    def van(self, afkorting: str) -> list[Any]:
        return self.per_organisatie.get(afkorting, [])

    def eerste(self, afkorting: str) -> Any | None:
        leden = self.van(afkorting)
        return leden[0] if leden else None

    @property
    def caw(self) -> str:
        return REGIONALE_AANBIEDERS["CAW"][self.regio]

    @property
    def cgg(self) -> str:
        return REGIONALE_AANBIEDERS["CGG"][self.regio]

    @property
    def trajectbegeleider(self) -> Any:
        gebruiker = self.eerste(self.caw)
        assert gebruiker is not None, f"geen trajectbegeleider in {self.gevangenis}"
        return gebruiker


def _organisatie(soort: str, regio: str) -> str:
    return VDAB if soort == VDAB else REGIONALE_AANBIEDERS[soort][regio]


def _indeling() -> list[tuple[str, tuple[str, str, str, str], list[str]]]:
    """(region, team member, prison codes) of every colleague."""
    regios = sorted(set(REGIO.values()))
    indeling = [
        (regio, lid, [code for code, r in REGIO.items() if r == regio])
        for regio in regios
        for lid in TEAM
    ]
    return [*indeling, (VLAANDEREN, VDAB_TEAM, list(REGIO))]


def _gebruikersnaam(regio: str, prefix: str) -> str:
    return f"{prefix}.{regio.lower()}"


def medewerkers_aanmaken(kern: Kern) -> int:
    """The regional colleagues that are missing; the number made."""
    bestaand = set(
        Medewerker.objects.filter(user__username__in=_gebruikersnamen()).values_list(
            "user__username", flat=True
        )
    )
    nieuw = 0
    for regio, (prefix, soort, rol, functie), codes in _indeling():
        gebruikersnaam = _gebruikersnaam(regio, prefix)
        if gebruikersnaam in bestaand:
            continue
        rng = random.Random(f"{ZAAD}-medewerker-{gebruikersnaam}")  # noqa: S311
        vrouw = rng.random() < 0.6
        medewerker_aanmaken(
            gebruikersnaam=gebruikersnaam,
            voornaam=rng.choice(VOORNAMEN_V if vrouw else VOORNAMEN_M),
            achternaam=rng.choice(ACHTERNAMEN),
            email=f"{gebruikersnaam}@{EMAIL_DOMEIN}",
            wachtwoord=DEMO_WACHTWOORD,
            organisatie=kern.organisaties[_organisatie(soort, regio)],
            gevangenissen=[kern.gevangenissen[c] for c in codes if c in kern.gevangenissen],
            rollen=[rol],
            functie=functie,
            door=None,
        )
        nieuw += 1
    return nieuw


def _gebruikersnamen() -> list[str]:
    return [_gebruikersnaam(regio, lid[0]) for regio, lid, _ in _indeling()]


def teams(kern: Kern) -> dict[str, Team]:
    """Per prison code: who works there, by organisation; demo accounts before colleagues."""
    demo_accounts = set(kern.medewerkers)
    resultaat = {
        code: Team(gevangenis=gevangenis, regio=REGIO[code])
        for code, gevangenis in kern.gevangenissen.items()
        if code in REGIO
    }
    koppelingen = (
        Medewerker.gevangenissen.through.objects.filter(
            medewerker__user__is_active=True, gevangenis__in=kern.gevangenissen.values()
        )
        .select_related("medewerker__user", "medewerker__organisatie", "gevangenis")
        .order_by("medewerker__user__username")
    )
    for koppeling in koppelingen:
        medewerker = koppeling.medewerker
        team = resultaat.get(koppeling.gevangenis.code)
        if team is None:
            continue
        gebruiker = medewerker.user
        gebruiker.medewerker = medewerker  # the services ask the user for its organisation
        leden = team.per_organisatie.setdefault(medewerker.organisatie.afkorting, [])
        leden.append(gebruiker)
    for team in resultaat.values():
        for leden in team.per_organisatie.values():
            leden.sort(key=lambda g: (g.get_username() not in demo_accounts, g.get_username()))
    return resultaat


def regionale_medewerkers() -> int:
    return Medewerker.objects.filter(user__username__in=_gebruikersnamen()).count()
