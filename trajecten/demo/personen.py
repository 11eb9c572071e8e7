"""The detainees of the demo: synthetic people and their stays, on top of ``hdv.demo``.

Names are random combinations of common first and last names of mixed origins;
detainee numbers follow a made-up format ("D" + 7 digits). No real person's data goes in.

The people of a prison come from their own ``random.Random`` seeded with ``ZAAD`` and
the prison code, so changing ``schaal`` never reshuffles the people of another prison,
and a smaller scale yields a prefix of a larger one. Only the dates move along with
today. People are found by their number; who exists is left as they are. Every arrival,
transfer and release goes through the services, audited as a system action, on its day.
What ran when someone left is written just before (``vertrek``): about half of the
transferred had a plan in the prison they left, and about half of the released a complete
checklist.

Population: a plausible 60% of capacity would be about 4,400 people. Through the
services one arrival costs about 5 ms (each write is validated and audited), so 60%
took 15 to 25 seconds on SQLite, too much of the budget of ``make demo``. ``BEZETTING``
is therefore 40% of capacity, at least 20 people per prison (or the whole capacity when
smaller): about 2,900 people, loaded in about 10 to 15 seconds. About 10% came in by a
transfer from another prison; on top of that about 5% extra were released earlier and
have only a closed stay.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aanbod.models import Doelgroep
from hdv.demo import CELLEN, GEVANGENISSEN, ZAAD, GevangenisGegevens, Telregel
from hdv.models import Gevangenis
from trajecten.models import Doelgroepvlag, Gedetineerde, Statuut, Statuutwijziging, Verblijf
from trajecten.services import gedetineerde_opnemen, gedetineerde_overplaatsen, verblijf_beeindigen

from .doelgroepen import doelgroepvlaggen_zetten
from .klok import klok, moment

if TYPE_CHECKING:
    from .vertrek import Vertrek

BEZETTING = 0.4
MINIMUM_PER_GEVANGENIS = 20
AANDEEL_OVERGEPLAATST = 0.10
AANDEEL_VRIJGELATEN = 0.05
AANDEEL_NIEUW = 0.05
AANDEEL_VROUWEN = 0.12

G = Gevangenis.Soort

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


def gedetineerden_laden(
    *, gevangenissen: dict[str, Gevangenis], schaal: float, vandaag: datetime.date
) -> list[Telregel]:
    """Load the people that are missing; ``schaal`` is the fraction of people to load."""
    # Imported here: ``vertrek`` needs the staff, whose names come from this module.
    from .medewerkers import regionale_medewerkers
    from .vertrek import Vertrek, met_plan_overgeplaatst, volledig_voorbereid

    vertrek, nieuwe_medewerkers = Vertrek.laden()
    nieuw, vlaggen = _gedetineerden_aanmaken(gevangenissen, schaal, vandaag, vertrek)
    return [
        Telregel("Medewerkers in de regio's", regionale_medewerkers(), nieuwe_medewerkers),
        Telregel("Gedetineerden", Gedetineerde.objects.count(), nieuw),
        Telregel("  doelgroepvlaggen", Doelgroepvlag.objects.count(), vlaggen),
        Telregel("  waarvan aanwezig", Verblijf.objects.filter(tot__isnull=True).count()),
        Telregel(
            "Overplaatsingen",
            Verblijf.objects.filter(eindreden=Verblijf.Eindreden.OVERPLAATSING).count(),
        ),
        Telregel(
            "  met een HDV-plan",
            met_plan_overgeplaatst(),
            vertrek.nieuw["overplaatsingen met plan"],
        ),
        Telregel(
            "Vrijlatingen",
            Verblijf.objects.filter(eindreden=Verblijf.Eindreden.VRIJLATING).count(),
        ),
        Telregel(
            "  volledig voorbereid", volledig_voorbereid(), vertrek.nieuw["vrijlatingen voorbereid"]
        ),
    ]


def _gedetineerden_aanmaken(
    gevangenissen: dict[str, Gevangenis], schaal: float, vandaag: datetime.date, vertrek: Vertrek
) -> tuple[int, int]:
    """The people that are missing, and how many target-group flags they got."""
    bestaand = set(Gedetineerde.objects.values_list("detineenummer", flat=True))
    doelgroepen = {d.code: d for d in Doelgroep.objects.all()}
    nieuw = vlaggen = 0
    for index, gegevens in enumerate(GEVANGENISSEN):
        for persoon in _personen(index, gegevens, schaal, vandaag):
            if persoon.detineenummer in bestaand:
                continue
            vlaggen += _persoon_opnemen(
                persoon, gevangenissen[gegevens.code], gevangenissen, doelgroepen, vandaag, vertrek
            )
            nieuw += 1
    return nieuw, vlaggen


def _persoon_opnemen(
    persoon: _Persoon,
    gevangenis: Gevangenis,
    gevangenissen: dict[str, Gevangenis],
    doelgroepen: dict[str, Doelgroep],
    vandaag: datetime.date,
    vertrek: Vertrek,
) -> int:
    """Take the person in (and move or release them); returns their number of flags."""
    eerste_gevangenis, eerste_van, eerste_afdeling = gevangenis, persoon.van, persoon.afdeling
    eerste_code = gevangenis.code
    if persoon.herkomst:
        eerste_code, eerste_van, eerste_afdeling = persoon.herkomst
        eerste_gevangenis = gevangenissen[eerste_code]
    gedetineerde = gedetineerde_opnemen(
        **_gegevens(persoon, eerste_gevangenis),
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
    vlaggen = doelgroepvlaggen_zetten(
        gedetineerde=gedetineerde, aangekomen=eerste_van, doelgroepen=doelgroepen, vandaag=vandaag
    )
    if persoon.herkomst:
        verblijf = gedetineerde.verblijven.get(tot__isnull=True)
        vertrek.plan_voor_overplaatsing(verblijf, eerste_code, persoon.van)
        with klok(moment(persoon.van, 8)):
            gedetineerde_overplaatsen(
                gedetineerde=gedetineerde,
                naar=gevangenis,
                datum=persoon.van,
                afdeling=persoon.afdeling,
                door=None,
            )
    if persoon.vrijgelaten_op:
        verblijf = gedetineerde.verblijven.get(tot__isnull=True)
        vertrek.voorbereiden(verblijf, eerste_code, persoon.vrijgelaten_op)
        with klok(moment(persoon.vrijgelaten_op, 9)):
            verblijf_beeindigen(
                verblijf=verblijf,
                tot=persoon.vrijgelaten_op,
                eindreden=Verblijf.Eindreden.VRIJLATING,
                vrijlatingssoort=Verblijf.Vrijlatingssoort.STRAFEINDE,
                door=None,
            )
    return vlaggen


# Languages spoken next to (or instead of) Dutch, roughly as in Flemish prisons.
TALEN = (
    (("nl",), 50),
    (("nl", "fr"), 10),
    (("fr",), 8),
    (("ar", "fr"), 8),
    (("ar", "nl"), 6),
    (("tr", "nl"), 4),
    (("ro",), 3),
    (("pl",), 3),
    (("ber", "ar"), 2),
    (("sq",), 2),
    (("en",), 2),
    (("ln", "fr"), 2),
)
NIVEAU_ANDERSTALIG = ("A0", "A1", "A2", "B1", "onbekend")


def _gegevens(persoon: _Persoon, gevangenis: Gevangenis) -> dict[str, Any]:
    """Legal status, languages and release dates: from a generator of the person's own,
    so adding them did not reshuffle the people of the demo."""
    rng = random.Random(f"{ZAAD}-{persoon.detineenummer}-gegevens")  # noqa: S311
    talen = rng.choices([t for t, _ in TALEN], weights=[g for _, g in TALEN])[0]
    if gevangenis.soort == G.FPC or rng.random() < 0.04:
        statuut = Statuut.GEINTERNEERDE
    elif rng.random() < 0.35:
        statuut = Statuut.BEKLAAGDE
    else:
        statuut = Statuut.VEROORDEELDE
    gegevens: dict[str, Any] = {
        "statuut": statuut,
        "statuut_bron": Statuutwijziging.Bron.BEVOLKINGSFEED,
        "talen": list(talen),
        "niveau_nederlands": (
            rng.choice(("B2", "C1", "C2")) if "nl" in talen else rng.choice(NIVEAU_ANDERSTALIG)
        ),
        "eerdere_detenties": min(int(rng.expovariate(0.8)), 12),
    }
    if statuut == Statuut.VEROORDEELDE:
        straf = datetime.timedelta(days=rng.randint(200, 8 * 365))
        gegevens["strafeinde"] = persoon.van + straf
        gegevens["datum_vi"] = persoon.van + straf / 3
    return gegevens


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
            persoon.herkomst = (rng.choice(herkomsten), herkomst_van, rng.choice(CELLEN))
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
