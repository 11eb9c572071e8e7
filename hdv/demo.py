"""The core of the synthetic demo: prisons, partners and one account per role.

Everything here is invented or public (the prisons of Flanders and Brussels, the names
of partner organisations); no real person's data goes in. The apps add their own part
on top of this core (``trajecten.demo``: detainees; ``aanbod.demo``: the offer), and
``manage.py demo_data`` (rapportage) loads them all in one transaction. This module
imports no app: the core comes first, the apps build on it.

Loading is idempotent: prisons are found by code or name, organisations by
abbreviation or name, accounts by username; what exists is left as it is. All writes go
through the services, so the audit trail records them as system actions (``door=None``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db.models import Q

from hdv import rollen
from hdv.models import Gevangenis, Medewerker, Organisatie
from hdv.services import beheer_opslaan, medewerker_aanmaken

DEMO_WACHTWOORD = "hdv-demo-2026"
# Every part seeds its generators with this and the prison code: deterministic per prison.
ZAAD = 2026
EMAIL_DOMEIN = "demo.hdv.example"

G = Gevangenis.Soort
CELLEN = ("A1", "A2", "B1", "B2", "C1", "C2")
_MET_ANNEX = (*CELLEN, "Psychiatrische annex")


class GevangenisGegevens(NamedTuple):
    naam: str
    code: str
    soort: str
    capaciteit: int
    afdelingen: tuple[str, ...] = CELLEN
    vrouwenafdeling: bool = False


# The position in this list fixes the range of detainee numbers of a prison: a new
# prison goes at the end, or a database loaded earlier gets its people twice.
GEVANGENISSEN = (
    GevangenisGegevens("Antwerpen", "ANT", G.GEVANGENIS, 700, _MET_ANNEX, vrouwenafdeling=True),
    GevangenisGegevens("Beveren", "BEV", G.GEVANGENIS, 312),
    GevangenisGegevens("Brugge", "BRG", G.GEVANGENIS, 800, _MET_ANNEX, vrouwenafdeling=True),
    GevangenisGegevens("Dendermonde", "DEN", G.GEVANGENIS, 444),
    GevangenisGegevens("Gent", "GEN", G.GEVANGENIS, 400, _MET_ANNEX, vrouwenafdeling=True),
    GevangenisGegevens("Haren", "HAR", G.GEVANGENIS, 1190, _MET_ANNEX, vrouwenafdeling=True),
    GevangenisGegevens("Hasselt", "HAS", G.GEVANGENIS, 450, vrouwenafdeling=True),
    GevangenisGegevens("Hoogstraten", "HOO", G.GEVANGENIS, 200, ("Paviljoen A", "Paviljoen B")),
    GevangenisGegevens("Ieper", "IEP", G.GEVANGENIS, 60, ("A", "B")),
    GevangenisGegevens("Leuven-Centraal", "LEU-C", G.GEVANGENIS, 350),
    GevangenisGegevens("Leuven-Hulp", "LEU-H", G.GEVANGENIS, 170, ("A", "B", "C")),
    GevangenisGegevens("Mechelen", "MEC", G.GEVANGENIS, 80, ("A", "B")),
    GevangenisGegevens("Merksplas", "MER", G.GEVANGENIS, 650, _MET_ANNEX),
    GevangenisGegevens("Oudenaarde", "OUD", G.GEVANGENIS, 130, ("A", "B", "C")),
    GevangenisGegevens(
        "Ruiselede", "RUI", G.GEVANGENIS, 90, ("Paviljoen 1", "Paviljoen 2", "Paviljoen 3")
    ),
    GevangenisGegevens("Turnhout", "TUR", G.GEVANGENIS, 170, ("A", "B", "C")),
    GevangenisGegevens("Wortel", "WOR", G.GEVANGENIS, 230, ("A", "B", "C", "D")),
    GevangenisGegevens("FPC Antwerpen", "FPC-ANT", G.FPC, 182, ("Unit 1", "Unit 2", "Unit 3")),
    GevangenisGegevens(
        "FPC Gent", "FPC-GENT", G.FPC, 264, ("Unit 1", "Unit 2", "Unit 3", "Unit 4")
    ),
    GevangenisGegevens("Detentiehuis Kortrijk", "DH-KOR", G.DETENTIEHUIS, 60, ("Leefgroep",)),
    GevangenisGegevens("Transitiehuis Mechelen", "TH-MEC", G.TRANSITIEHUIS, 15, ("Leefgroep",)),
)

S = Organisatie.Sector
AANBOD = Organisatie.Soort.AANBODVERSTREKKER
ADMIN = Organisatie.Soort.ADMINISTRATIE
EXTERN = Organisatie.Soort.EXTERN

# (naam, afkorting, soort, sector)
ORGANISATIES = (
    ("CAW Antwerpen", "CAW-ANT", AANBOD, S.WELZIJN),
    ("CAW Oost-Vlaanderen", "CAW-OVL", AANBOD, S.WELZIJN),
    ("CAW Brussel", "CAW-BRU", AANBOD, S.WELZIJN),
    ("CAW Limburg", "CAW-LIM", AANBOD, S.WELZIJN),
    ("CAW West-Vlaanderen", "CAW-WVL", AANBOD, S.WELZIJN),
    ("CAW Oost-Brabant", "CAW-OBR", AANBOD, S.WELZIJN),
    ("CGG Antwerpen", "CGG-ANT", AANBOD, S.GEESTELIJKE_GEZONDHEID),
    ("CGG Oost-Vlaanderen", "CGG-OVL", AANBOD, S.GEESTELIJKE_GEZONDHEID),
    ("Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding", "VDAB", AANBOD, S.WERK),
    ("CVO Antwerpen", "CVO-ANT", AANBOD, S.ONDERWIJS),
    ("Ligo Centrum voor Basiseducatie", "LIGO", AANBOD, S.ONDERWIJS),
    ("De Rode Antraciet", "DRA", AANBOD, S.CULTUUR),
    ("Sport Vlaanderen", "SPORT-VL", AANBOD, S.SPORT),
    ("Agentschap Justitie en Handhaving", "AJH", ADMIN, S.JUSTITIE),
    ("Directoraat-generaal Penitentiaire Inrichtingen", "DG EPI", ADMIN, S.FEDERAAL),
    # Added with the demo offer: a CGG in every region, and the providers of the offer
    # that no other organisation above gives. New ones go at the end.
    ("CGG West-Vlaanderen", "CGG-WVL", AANBOD, S.GEESTELIJKE_GEZONDHEID),
    ("CGG Limburg", "CGG-LIM", AANBOD, S.GEESTELIJKE_GEZONDHEID),
    ("CGG Vlaams-Brabant Oost", "CGG-VBO", AANBOD, S.GEESTELIJKE_GEZONDHEID),
    ("CGG Brussel", "CGG-BRU", AANBOD, S.GEESTELIJKE_GEZONDHEID),
    ("Universitair Forensisch Centrum", "UFC", AANBOD, S.GEESTELIJKE_GEZONDHEID),
    ("Gezond Leven", "GEZOND-LEVEN", AANBOD, S.GEZONDHEID),
    ("Bibliotheekwerking in de gevangenis", "BIB", AANBOD, S.CULTUUR),
    ("Commissie voor Juridische Bijstand", "CJB", AANBOD, S.JUSTITIE),
    # Added with the person's file: partners outside the prison that referrals and
    # handovers go to; their staff do not work in HDV.
    ("OCMW Antwerpen", "OCMW-ANT", EXTERN, S.WELZIJN),
    ("OCMW Gent", "OCMW-GEN", EXTERN, S.WELZIJN),
    ("OCMW Brussel", "OCMW-BRU", EXTERN, S.WELZIJN),
    ("Justitiehuis Antwerpen", "JH-ANT", EXTERN, S.JUSTITIE),
    ("Justitiehuis Gent", "JH-GEN", EXTERN, S.JUSTITIE),
    ("Justitiehuis Brussel", "JH-BRU", EXTERN, S.JUSTITIE),
    ("TANDEM", "TANDEM", EXTERN, S.GEESTELIJKE_GEZONDHEID),
    ("Sociaal Verhuurkantoor Antwerpen", "SVK-ANT", EXTERN, S.WONEN),
    ("Sociaal Verhuurkantoor Gent", "SVK-GEN", EXTERN, S.WONEN),
)


class Account(NamedTuple):
    gebruikersnaam: str
    voornaam: str
    achternaam: str
    functie: str
    organisatie: str  # afkorting
    gevangenissen: tuple[str, ...] | None  # codes; None = all prisons
    rol: str


ACCOUNTS = (
    Account(
        "trajectbegeleider", "Lotte", "Vanderveken", "Trajectbegeleider", "CAW-ANT",
        ("ANT", "HOO"), rollen.TRAJECTBEGELEIDER,
    ),
    Account(
        "trajectbegeleider.gent", "Jonas", "De Meulemeester", "Trajectbegeleider", "CAW-OVL",
        ("GEN",), rollen.TRAJECTBEGELEIDER,
    ),
    Account(
        "organisatieondersteuner", "Hanne", "Verstraelen", "Organisatieondersteuner", "AJH",
        ("ANT",), rollen.ORGANISATIEONDERSTEUNER,
    ),
    Account(
        "hulpverlener", "Yassin", "Bouchtaoui", "Detentieconsulent", "VDAB",
        ("ANT", "MER", "WOR"), rollen.HULPVERLENER,
    ),
    Account(
        "beleidscoordinator", "Griet", "Van Roosbroeck", "Beleidscoördinator", "AJH",
        ("ANT",), rollen.BELEIDSCOORDINATOR,
    ),
    Account(
        "centraal", "Wim", "Declercq-Aerts", "Centrale medewerker", "AJH",
        (), rollen.CENTRALE_MEDEWERKER,
    ),
    Account(
        "beheerder", "Ilse", "Goethals", "Functioneel beheerder", "AJH",
        None, rollen.BEHEERDER,
    ),
    Account(
        "commissie", "Rik", "Vandenbulcke", "Lid Gemengde Commissie", "AJH",
        (), rollen.GEMENGDE_COMMISSIE,
    ),
)  # fmt: skip

# Colleagues beyond one account per role, so that every side of a person's file can be
# tried: a CGG psychologist next to the CAW and VDAB accounts in Antwerpen (for consent,
# referrals to answer and notes under professional secrecy).
COLLEGA_ACCOUNTS = (
    Account(
        "hulpverlener.cgg", "Eline", "Van Hoorebeke", "Psycholoog", "CGG-ANT",
        ("ANT",), rollen.HULPVERLENER,
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Telregel:
    """One line of the summary: what the database holds, and what this run added."""

    label: str
    totaal: int
    nieuw: int | None = None

    def tekst(self) -> str:
        extra = f"  ({self.nieuw} nieuw)" if self.nieuw is not None else ""
        return f"{self.label + ':':<26}{self.totaal:>6}{extra}"


@dataclass
class Kern:
    """What the other parts of the demo build on, by code, abbreviation and username."""

    gevangenissen: dict[str, Gevangenis]
    organisaties: dict[str, Organisatie]
    medewerkers: dict[str, Medewerker]
    telregels: list[Telregel]


def kern_laden() -> Kern:
    """Load the prisons, organisations and demo accounts that are missing.

    Call it inside a transaction (the demo command holds one around all parts).
    """
    # The role groups come with migrate; a database migrated in parts may lack them.
    rollen.rollen_installeren()
    gevangenissen, nieuwe_gevangenissen = _gevangenissen_aanmaken()
    organisaties, nieuwe_organisaties = _organisaties_aanmaken()
    nieuwe_medewerkers = _accounts_aanmaken(gevangenissen, organisaties)
    medewerkers = {
        m.user.get_username(): m
        for m in Medewerker.objects.select_related("user", "organisatie").filter(
            user__username__in=[
                account.gebruikersnaam for account in (*ACCOUNTS, *COLLEGA_ACCOUNTS)
            ]
        )
    }
    return Kern(
        gevangenissen=gevangenissen,
        organisaties=organisaties,
        medewerkers=medewerkers,
        telregels=[
            Telregel("Gevangenissen", Gevangenis.objects.count(), nieuwe_gevangenissen),
            Telregel("Organisaties", Organisatie.objects.count(), nieuwe_organisaties),
            Telregel("Medewerkers", Medewerker.objects.count(), nieuwe_medewerkers),
        ],
    )


def _gevangenissen_aanmaken() -> tuple[dict[str, Gevangenis], int]:
    gevonden: dict[str, Gevangenis] = {}
    nieuw = 0
    for gegevens in GEVANGENISSEN:
        gevangenis = Gevangenis.objects.filter(
            Q(code=gegevens.code) | Q(naam=gegevens.naam)
        ).first()
        if gevangenis is None:
            gevangenis = Gevangenis(
                naam=gegevens.naam,
                code=gegevens.code,
                soort=gegevens.soort,
                capaciteit=gegevens.capaciteit,
            )
            beheer_opslaan(obj=gevangenis, door=None)
            nieuw += 1
        gevonden[gegevens.code] = gevangenis
    return gevonden, nieuw


def _organisaties_aanmaken() -> tuple[dict[str, Organisatie], int]:
    gevonden: dict[str, Organisatie] = {}
    nieuw = 0
    for naam, afkorting, soort, sector in ORGANISATIES:
        organisatie = Organisatie.objects.filter(Q(afkorting=afkorting) | Q(naam=naam)).first()
        if organisatie is None:
            organisatie = Organisatie(naam=naam, afkorting=afkorting, soort=soort, sector=sector)
            beheer_opslaan(obj=organisatie, door=None)
            nieuw += 1
        gevonden[afkorting] = organisatie
    return gevonden, nieuw


def _accounts_aanmaken(
    gevangenissen: dict[str, Gevangenis], organisaties: dict[str, Organisatie]
) -> int:
    gebruikers = get_user_model()._default_manager
    nieuw = 0
    for account in (*ACCOUNTS, *COLLEGA_ACCOUNTS):
        if gebruikers.filter(username__iexact=account.gebruikersnaam).exists():
            continue
        codes = gevangenissen.keys() if account.gevangenissen is None else account.gevangenissen
        medewerker_aanmaken(
            gebruikersnaam=account.gebruikersnaam,
            voornaam=account.voornaam,
            achternaam=account.achternaam,
            email=f"{account.gebruikersnaam}@{EMAIL_DOMEIN}",
            wachtwoord=DEMO_WACHTWOORD,
            organisatie=organisaties[account.organisatie],
            gevangenissen=[gevangenissen[code] for code in codes],
            rollen=[account.rol],
            functie=account.functie,
            door=None,
        )
        nieuw += 1
    return nieuw
