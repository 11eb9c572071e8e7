"""Synthetic demo data: prisons, partners, one account per role, and detainees.

Everything here is invented. Names of people are random combinations of common
first and last names of mixed origins; detainee numbers follow a made-up format
("D" + 7 digits). No real person's data goes in.

The data is deterministic: the people of a prison come from their own
``random.Random`` seeded with ``ZAAD`` and the prison code, so changing ``schaal``
never reshuffles the people of another prison, and a smaller scale yields a prefix
of a larger one. Only the dates move along with today.

Loading is idempotent: prisons are found by code or name, organisations by
abbreviation or name, accounts by username and people by their number; what exists
is left as it is. All writes go through the services, so the audit trail records
them as system actions (``door=None``).

Population: a plausible 60% of capacity would be about 4,400 people. Through the
services one arrival costs about 5 ms (each write is validated and audited), so 60%
took 15 to 25 seconds on SQLite, too close to the 30-second budget of ``make demo``. ``BEZETTING`` is therefore 40% of capacity, at least 20
people per prison (or the whole capacity when smaller): about 2,900 people, loaded
in about 10 to 15 seconds. About 10% came in by a transfer from another prison; on
top of that about 5% extra were released earlier and have only a closed stay.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from hdv import rollen
from hdv.models import Gevangenis, Medewerker, Organisatie
from hdv.services import beheer_opslaan, medewerker_aanmaken
from trajecten.models import Gedetineerde, Verblijf
from trajecten.services import gedetineerde_opnemen, gedetineerde_overplaatsen, verblijf_beeindigen

DEMO_WACHTWOORD = "hdv-demo-2026"
ZAAD = 2026
BEZETTING = 0.4
MINIMUM_PER_GEVANGENIS = 20
AANDEEL_OVERGEPLAATST = 0.10
AANDEEL_VRIJGELATEN = 0.05
AANDEEL_NIEUW = 0.05
AANDEEL_VROUWEN = 0.12
EMAIL_DOMEIN = "demo.hdv.example"

G = Gevangenis.Soort
_CELLEN = ("A1", "A2", "B1", "B2", "C1", "C2")
_MET_ANNEX = (*_CELLEN, "Psychiatrische annex")


class GevangenisGegevens(NamedTuple):
    naam: str
    code: str
    soort: str
    capaciteit: int
    afdelingen: tuple[str, ...] = _CELLEN
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
)  # fmt: skip

VOORNAMEN_M = (
    "Jan", "Pieter", "Wouter", "Bart", "Koen", "Stijn", "Jens", "Kevin", "Dries", "Tom",
    "Mohamed", "Youssef", "Karim", "Said", "Hamza", "Bilal", "Mehdi", "Anas", "Rachid",
    "Mehmet", "Emre", "Burak", "Murat", "Hakan", "Serkan",
    "Piotr", "Krzysztof", "Tomasz", "Marcin",
    "Andrei", "Mihai", "Florin", "Adrian",
    "Glody", "Exaucé", "Dieumerci", "Patrick",
    "Arben", "Mamadou", "Ricardo",
)  # fmt: skip
VOORNAMEN_V = (
    "Sarah", "Lien", "Els", "Jessica", "Kelly", "Fatima", "Samira", "Nadia", "Imane",
    "Ayşe", "Elif", "Zeynep", "Katarzyna", "Magdalena", "Ioana", "Elena", "Merveille",
    "Grace", "Nathalie", "Aminata",
)  # fmt: skip
ACHTERNAMEN = (
    "Peeters", "Janssens", "Maes", "Jacobs", "Willems", "Claes", "Goossens", "Wouters",
    "De Smet", "Van den Broeck", "Vermeulen", "Dewaele",
    "El Amrani", "Benali", "Bouzid", "El Idrissi", "Ouali", "Azzouzi", "Boukhari",
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın",
    "Kowalski", "Nowak", "Wiśniewski", "Lewandowski",
    "Popescu", "Ionescu", "Dumitru", "Stan",
    "Kabongo", "Mukendi", "Tshibangu", "Ilunga", "Mbuyi",
    "Hoxha", "Diallo",
)  # fmt: skip


@dataclass
class Telling:
    """What one run added, and what the database holds afterwards."""

    schaal: float
    nieuw: dict[str, int] = field(default_factory=dict)
    totaal: dict[str, int] = field(default_factory=dict)

    def regels(self) -> list[str]:
        namen = {
            "gevangenissen": "Gevangenissen",
            "organisaties": "Organisaties",
            "medewerkers": "Medewerkers",
            "gedetineerden": "Gedetineerden",
            "aanwezig": "  waarvan aanwezig",
            "overplaatsingen": "Overplaatsingen",
            "vrijlatingen": "Vrijlatingen",
        }
        regels = [f"Demodata geladen (schaal {self.schaal:g})."]
        for sleutel, label in namen.items():
            nieuw = self.nieuw.get(sleutel)
            extra = f"  ({nieuw} nieuw)" if nieuw is not None else ""
            regels.append(f"{label + ':':<22}{self.totaal[sleutel]:>6}{extra}")
        regels.append(f"Wachtwoord van de demo-accounts: {DEMO_WACHTWOORD}")
        return regels


@dataclass
class _Persoon:
    detineenummer: str
    voornaam: str
    achternaam: str
    geslacht: str
    geboortedatum: datetime.date
    afdeling: str
    van: datetime.date
    herkomst: tuple[str, datetime.date, str] | None = None  # code, van, afdeling
    vrijgelaten_op: datetime.date | None = None


@transaction.atomic
def demo_data_laden(*, schaal: float = 1.0, vandaag: datetime.date | None = None) -> Telling:
    """Load everything that is missing; ``schaal`` is the fraction of people to load."""
    if not 0 < schaal <= 1:
        raise ValueError("schaal moet tussen 0 en 1 liggen")
    vandaag = vandaag or datetime.date.today()
    # The role groups come with migrate; a database migrated in parts may lack them.
    rollen.rollen_installeren()
    telling = Telling(schaal=schaal)
    gevangenissen, telling.nieuw["gevangenissen"] = _gevangenissen_aanmaken()
    organisaties, telling.nieuw["organisaties"] = _organisaties_aanmaken()
    telling.nieuw["medewerkers"] = _accounts_aanmaken(gevangenissen, organisaties)
    telling.nieuw["gedetineerden"] = _gedetineerden_aanmaken(gevangenissen, schaal, vandaag)
    telling.totaal = {
        "gevangenissen": Gevangenis.objects.count(),
        "organisaties": Organisatie.objects.count(),
        "medewerkers": Medewerker.objects.count(),
        "gedetineerden": Gedetineerde.objects.count(),
        "aanwezig": Verblijf.objects.filter(tot__isnull=True).count(),
        "overplaatsingen": Verblijf.objects.filter(
            eindreden=Verblijf.Eindreden.OVERPLAATSING
        ).count(),
        "vrijlatingen": Verblijf.objects.filter(eindreden=Verblijf.Eindreden.VRIJLATING).count(),
    }
    return telling


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
    for account in ACCOUNTS:
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


def _gedetineerden_aanmaken(
    gevangenissen: dict[str, Gevangenis], schaal: float, vandaag: datetime.date
) -> int:
    bestaand = set(Gedetineerde.objects.values_list("detineenummer", flat=True))
    nieuw = 0
    for index, gegevens in enumerate(GEVANGENISSEN):
        for persoon in _personen(index, gegevens, schaal, vandaag):
            if persoon.detineenummer in bestaand:
                continue
            _persoon_opnemen(persoon, gevangenissen[gegevens.code], gevangenissen)
            nieuw += 1
    return nieuw


def _persoon_opnemen(
    persoon: _Persoon, gevangenis: Gevangenis, gevangenissen: dict[str, Gevangenis]
) -> None:
    eerste_gevangenis, eerste_van, eerste_afdeling = gevangenis, persoon.van, persoon.afdeling
    if persoon.herkomst:
        code, eerste_van, eerste_afdeling = persoon.herkomst
        eerste_gevangenis = gevangenissen[code]
    gedetineerde = gedetineerde_opnemen(
        detineenummer=persoon.detineenummer,
        voornaam=persoon.voornaam,
        achternaam=persoon.achternaam,
        geboortedatum=persoon.geboortedatum,
        geslacht=persoon.geslacht,
        gevangenis=eerste_gevangenis,
        van=eerste_van,
        afdeling=eerste_afdeling,
        door=None,
    )
    if persoon.herkomst:
        gedetineerde_overplaatsen(
            gedetineerde=gedetineerde,
            naar=gevangenis,
            datum=persoon.van,
            afdeling=persoon.afdeling,
            door=None,
        )
    if persoon.vrijgelaten_op:
        verblijf_beeindigen(
            verblijf=gedetineerde.verblijven.get(tot__isnull=True),
            tot=persoon.vrijgelaten_op,
            eindreden=Verblijf.Eindreden.VRIJLATING,
            door=None,
        )


def _detineenummer(volgnummer: int) -> str:
    # An affine map modulo 10^7 with a multiplier coprime to 10: unique numbers that
    # don't look sequential.
    return f"D{(volgnummer * 7_654_321 + 1_234_567) % 10_000_000:07d}"


def _personen(
    index: int, gegevens: GevangenisGegevens, schaal: float, vandaag: datetime.date
) -> list[_Persoon]:
    """The people of one prison: those present, then those released earlier."""
    basis = max(gegevens.capaciteit * BEZETTING, min(MINIMUM_PER_GEVANGENIS, gegevens.capaciteit))
    aantal = max(1, round(basis * schaal))
    herkomsten = [
        g.code for g in GEVANGENISSEN if g.soort == G.GEVANGENIS and g.code != gegevens.code
    ]
    # Demo data, not security: a seeded generator is the point.
    rng = random.Random(f"{ZAAD}-{gegevens.code}")  # noqa: S311
    personen = []
    for volgnummer in range(aantal):
        persoon = _persoon(rng, index * 10_000 + volgnummer, gegevens, vandaag, eerder=False)
        # The first person stays put, so that every prison has at least one arrival.
        if volgnummer and rng.random() < AANDEEL_OVERGEPLAATST:
            herkomst_van = persoon.van - datetime.timedelta(days=rng.randint(30, 600))
            persoon.herkomst = (rng.choice(herkomsten), herkomst_van, rng.choice(_CELLEN))
            persoon.geboortedatum = min(
                persoon.geboortedatum, herkomst_van - datetime.timedelta(days=18 * 366)
            )
        personen.append(persoon)

    rng = random.Random(f"{ZAAD}-{gegevens.code}-vrijgelaten")  # noqa: S311
    for volgnummer in range(round(aantal * AANDEEL_VRIJGELATEN)):
        persoon = _persoon(rng, index * 10_000 + 5_000 + volgnummer, gegevens, vandaag, eerder=True)
        verblijfsduur = rng.randint(14, max(14, (vandaag - persoon.van).days - 1))
        persoon.vrijgelaten_op = min(
            persoon.van + datetime.timedelta(days=verblijfsduur),
            vandaag - datetime.timedelta(days=1),
        )
        personen.append(persoon)
    return personen


def _persoon(
    rng: random.Random,
    volgnummer: int,
    gegevens: GevangenisGegevens,
    vandaag: datetime.date,
    *,
    eerder: bool,
) -> _Persoon:
    vrouw = gegevens.vrouwenafdeling and rng.random() < AANDEEL_VROUWEN
    if eerder:
        dagen_geleden = rng.randint(30, 730)
    elif rng.random() < AANDEEL_NIEUW:
        dagen_geleden = rng.randint(0, 13)
    else:
        dagen_geleden = rng.randint(14, 730)
    van = vandaag - datetime.timedelta(days=dagen_geleden)
    leeftijd_bij_aankomst = rng.triangular(18.1, 70, 29)
    return _Persoon(
        detineenummer=_detineenummer(volgnummer),
        voornaam=rng.choice(VOORNAMEN_V if vrouw else VOORNAMEN_M),
        achternaam=rng.choice(ACHTERNAMEN),
        geslacht=Gedetineerde.Geslacht.VROUW if vrouw else Gedetineerde.Geslacht.MAN,
        geboortedatum=van - datetime.timedelta(days=round(leeftijd_bij_aankomst * 365.25)),
        afdeling="Vrouwenafdeling" if vrouw else rng.choice(gegevens.afdelingen),
        van=van,
    )
