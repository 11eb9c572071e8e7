"""The demo planning of one prison: its rooms, and group activities that never clash.

Pure: no database. The plan of a prison depends only on the prison, the offers it has
and today, through a ``random.Random`` seeded with the prison code; the scale takes a
prefix of it, so a smaller scale plans a subset of a larger one. While planning, an
occupancy map (room or facilitator × week of a two-week rota × weekday → time blocks)
keeps every room and every facilitator to one activity at a time.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from aanbod.models import Levensdomein, Lokaal
from hdv.demo import ACCOUNTS, ZAAD, GevangenisGegevens

from .catalogus import DemoAanbod

MINIMUM_ACTIVITEITEN = 20
MAXIMUM_ACTIVITEITEN = 60
# From this capacity on a prison runs the maximum (Antwerpen, Brugge, Haren).
VOLLE_CAPACITEIT = 700
MAXIMUM_GROEPEN_PER_AANBOD = 5
WEKEN_GELEDEN = (1, 10)  # start of a run
WEKEN_VOORUIT = (4, 20)  # end of a run

S = Lokaal.Soort


class DemoLokaal(NamedTuple):
    naam: str
    soort: str
    capaciteit: int
    functies: tuple[str, ...]  # the tags DemoAanbod.lokalen asks for


# A prison gets a prefix of this list: 5 rooms for the smallest, 12 for the largest.
LOKALEN = (
    DemoLokaal("Klaslokaal 1", S.KLASLOKAAL, 14, ("klas",)),
    DemoLokaal("Polyvalente zaal", S.POLYVALENT, 30, ("polyvalent",)),
    DemoLokaal("Sportzaal", S.SPORTZAAL, 24, ("sport",)),
    DemoLokaal("Bibliotheek", S.BIBLIOTHEEK, 15, ("bib",)),
    DemoLokaal("Spreekkamer 1", S.SPREEKKAMER, 4, ("spreekkamer",)),
    DemoLokaal("Klaslokaal 2", S.KLASLOKAAL, 12, ("klas",)),
    DemoLokaal("Werkplaats", S.WERKPLAATS, 10, ("werkplaats",)),
    DemoLokaal("Computerklas", S.KLASLOKAAL, 10, ("computer", "klas")),
    DemoLokaal("Opleidingskeuken", S.WERKPLAATS, 8, ("keuken",)),
    DemoLokaal("Klaslokaal 3", S.KLASLOKAAL, 12, ("klas",)),
    DemoLokaal("Sportveld", S.BUITEN, 30, ("buiten",)),
    DemoLokaal("Spreekkamer 2", S.SPREEKKAMER, 4, ("spreekkamer",)),
)

Blok = tuple[datetime.time, datetime.time]


def _blok(van: str, tot: str) -> Blok:
    return datetime.time.fromisoformat(van), datetime.time.fromisoformat(tot)


KORT = (
    _blok("08:30", "10:00"),
    _blok("10:15", "11:45"),
    _blok("13:00", "14:30"),
    _blok("14:45", "16:15"),
)
TWEE_UUR = (_blok("09:00", "11:00"), _blok("13:30", "15:30"), _blok("14:45", "16:45"))
HALVE_DAG = (_blok("08:30", "11:45"), _blok("13:00", "16:15"))


class Ritme(NamedTuple):
    aantallen: tuple[int, ...]  # slots per week, drawn from these
    blokken: tuple[Blok, ...]
    tweewekelijks: float  # chance of a two-week rota


RITMES = {
    "les": Ritme((2, 2, 3), KORT, 0.0),
    "opleiding": Ritme((2, 3, 3), HALVE_DAG, 0.0),
    "sport": Ritme((1, 2, 2), KORT, 0.2),
    "atelier": Ritme((1,), TWEE_UUR, 0.3),
    "groep": Ritme((1, 1, 2), TWEE_UUR, 0.2),
    "info": Ritme((1,), KORT, 0.5),
}

# The first activities of a prison cover these domains in this order, so that even the
# smallest scale shows some education, work (VDAB, with its facilitator) and sport.
DOMEIN_VOLGORDE = (
    Levensdomein.ONDERWIJS,
    Levensdomein.WERK,
    Levensdomein.SPORT,
    Levensdomein.WELZIJN,
    Levensdomein.CULTUUR,
    Levensdomein.GEESTELIJKE_GEZONDHEID,
    Levensdomein.GEZONDHEID,
    Levensdomein.WONEN,
)


class GeplandSlot(NamedTuple):
    week: int
    weekdag: int
    begintijd: datetime.time
    eindtijd: datetime.time


@dataclass(frozen=True)
class GeplandeActiviteit:
    aanbod: DemoAanbod
    aanbieder: str  # abbreviation of the organisation
    naam: str
    lokaal: DemoLokaal
    capaciteit: int
    minimum_deelnemers: int
    startdatum: datetime.date
    einddatum: datetime.date
    rotatie_weken: int
    slots: tuple[GeplandSlot, ...]
    begeleider: str | None  # username of a demo account


def lokalen_van(gegevens: GevangenisGegevens) -> tuple[DemoLokaal, ...]:
    return LOKALEN[: min(len(LOKALEN), 5 + gegevens.capaciteit // 100)]


def aantal_activiteiten(gegevens: GevangenisGegevens) -> int:
    verhouding = min(1.0, gegevens.capaciteit / VOLLE_CAPACITEIT)
    return round(MINIMUM_ACTIVITEITEN + (MAXIMUM_ACTIVITEITEN - MINIMUM_ACTIVITEITEN) * verhouding)


def begeleiders_van(gegevens: GevangenisGegevens) -> dict[str, list[tuple[str, frozenset[int]]]]:
    """Demo accounts who can facilitate here, by organisation, with their weekdays here.

    Someone working in several prisons gets a share of the weekdays in each (Monday and
    Thursday in the first, Tuesday and Friday in the second…), so the plans of different
    prisons can never book them twice.
    """
    resultaat: dict[str, list[tuple[str, frozenset[int]]]] = defaultdict(list)
    for account in ACCOUNTS:
        if not account.gevangenissen or gegevens.code not in account.gevangenissen:
            continue
        index, aantal = account.gevangenissen.index(gegevens.code), len(account.gevangenissen)
        dagen = frozenset(dag for dag in range(5) if dag % aantal == index)
        resultaat[account.organisatie].append((account.gebruikersnaam, dagen))
    return resultaat


def _weeknummer(datum: datetime.date) -> int:
    return (datum - datetime.date(2001, 1, 1)).days // 7  # 1 January 2001 was a Monday


class _Bezetting:
    """Who or what is booked when: (room or facilitator, week parity, weekday) → blocks."""

    def __init__(self) -> None:
        self._blokken: dict[tuple[str, int, int], list[Blok]] = defaultdict(list)
        self.belasting: Counter[str] = Counter()

    def vrij(self, wie: str, pariteiten: tuple[int, ...], dag: int, blok: Blok) -> bool:
        return not any(
            begin < blok[1] and blok[0] < einde
            for pariteit in pariteiten
            for begin, einde in self._blokken[(wie, pariteit, dag)]
        )

    def boeken(self, wie: str, pariteiten: tuple[int, ...], dag: int, blok: Blok) -> None:
        for pariteit in pariteiten:
            self._blokken[(wie, pariteit, dag)].append(blok)
        self.belasting[wie] += 1


class _Planner:
    def __init__(
        self,
        gegevens: GevangenisGegevens,
        aanbod: list[tuple[DemoAanbod, str]],
        vandaag: datetime.date,
    ) -> None:
        self.gegevens = gegevens
        self.aanbod = aanbod
        self.vandaag = vandaag
        # Demo data, not security: a seeded generator is the point.
        self.rng = random.Random(f"{ZAAD}-{gegevens.code}-planning")  # noqa: S311
        self.lokalen = lokalen_van(gegevens)
        self.begeleiders = begeleiders_van(gegevens)
        self.bezetting = _Bezetting()

    def plannen(self) -> list[GeplandeActiviteit]:
        doel = aantal_activiteiten(self.gegevens)
        groepen: Counter[str] = Counter()
        plan: list[GeplandeActiviteit] = []
        for aanbod, aanbieder in self._kandidaten(doel):
            if len(plan) == doel:
                break
            if groepen[aanbod.titel_nl] >= MAXIMUM_GROEPEN_PER_AANBOD:
                continue
            naam = f"Groep {groepen[aanbod.titel_nl] + 1}"
            activiteit = self._activiteit(aanbod, aanbieder, naam, vroeg=len(plan) < 3)
            if activiteit is not None:
                groepen[aanbod.titel_nl] += 1
                plan.append(activiteit)
        return plan

    def _kandidaten(self, doel: int) -> list[tuple[DemoAanbod, str]]:
        if not self.aanbod:
            return []
        kandidaten = []
        for domein in DOMEIN_VOLGORDE:
            opties = [paar for paar in self.aanbod if paar[0].levensdomein == domein]
            if opties:
                kandidaten.append(self.rng.choice(opties))
        gewichten = [aanbod.gewicht for aanbod, _ in self.aanbod]
        kandidaten += self.rng.choices(self.aanbod, weights=gewichten, k=4 * doel)
        return kandidaten

    def _activiteit(
        self, aanbod: DemoAanbod, aanbieder: str, naam: str, *, vroeg: bool
    ) -> GeplandeActiviteit | None:
        ritme = RITMES[aanbod.ritme]
        aantal = self.rng.choice(ritme.aantallen)
        rotatie = 2 if self.rng.random() < ritme.tweewekelijks else 1
        # The first runs started at least three weeks ago: every prison has a past.
        weken_geleden = self.rng.uniform(3 if vroeg else WEKEN_GELEDEN[0], WEKEN_GELEDEN[1])
        startdatum = self.vandaag - datetime.timedelta(days=round(weken_geleden * 7))
        einddatum = self.vandaag + datetime.timedelta(
            days=round(self.rng.uniform(*WEKEN_VOORUIT) * 7)
        )
        dagen = self.rng.sample(range(5), 5)
        blokken = self.rng.sample(ritme.blokken, len(ritme.blokken))
        week_van_start = _weeknummer(startdatum)

        def pariteiten(week: int) -> tuple[int, ...]:
            return (0, 1) if rotatie == 1 else ((week_van_start + week - 1) % 2,)

        pogingen: list[tuple[str | None, frozenset[int]]] = [
            *self.begeleiders.get(aanbieder, []),
            (None, frozenset(range(5))),
        ]
        for begeleider, toegelaten in pogingen:
            for lokaal in self._lokalen_voor(aanbod):
                slots = self._slots(
                    lokaal=lokaal.naam,
                    begeleider=begeleider,
                    dagen=[dag for dag in dagen if dag in toegelaten],
                    blokken=blokken,
                    aantal=min(aantal, len(toegelaten)),
                    rotatie=rotatie,
                    pariteiten=pariteiten,
                )
                if slots is None:
                    continue
                capaciteit = min(lokaal.capaciteit, aanbod.groepsgrootte)
                return GeplandeActiviteit(
                    aanbod=aanbod,
                    aanbieder=aanbieder,
                    naam=naam,
                    lokaal=lokaal,
                    capaciteit=capaciteit,
                    minimum_deelnemers=max(1, round(capaciteit / 3)),
                    startdatum=startdatum,
                    einddatum=einddatum,
                    rotatie_weken=rotatie,
                    slots=slots,
                    begeleider=begeleider,
                )
        return None

    def _lokalen_voor(self, aanbod: DemoAanbod) -> list[DemoLokaal]:
        """Rooms of the kinds the offer asks for, in its order; the least used first."""
        gekozen: list[DemoLokaal] = []
        for functie in aanbod.lokalen:
            passend = [lokaal for lokaal in self.lokalen if functie in lokaal.functies]
            passend.sort(key=lambda lokaal: self.bezetting.belasting[lokaal.naam])
            gekozen += [lokaal for lokaal in passend if lokaal not in gekozen]
        return gekozen

    def _slots(
        self,
        *,
        lokaal: str,
        begeleider: str | None,
        dagen: list[int],
        blokken: list[Blok],
        aantal: int,
        rotatie: int,
        pariteiten: Callable[[int], tuple[int, ...]],
    ) -> tuple[GeplandSlot, ...] | None:
        """``aantal`` slots on different weekdays, the same block where it is free."""
        if aantal < 1:
            return None
        gekozen: list[tuple[GeplandSlot, tuple[int, ...], Blok]] = []
        for dag in dagen:
            week = 1 if rotatie == 1 else len(gekozen) % 2 + 1
            wanneer = pariteiten(week)
            for blok in blokken:
                if self.bezetting.vrij(lokaal, wanneer, dag, blok) and (
                    begeleider is None or self.bezetting.vrij(begeleider, wanneer, dag, blok)
                ):
                    gekozen.append((GeplandSlot(week, dag, *blok), wanneer, blok))
                    break
            if len(gekozen) == aantal:
                break
        if len(gekozen) < aantal:
            return None
        for slot, wanneer, blok in gekozen:
            self.bezetting.boeken(lokaal, wanneer, slot.weekdag, blok)
            if begeleider is not None:
                self.bezetting.boeken(begeleider, wanneer, slot.weekdag, blok)
        return tuple(sorted(slot for slot, _, _ in gekozen))


def activiteiten_plannen(
    gegevens: GevangenisGegevens, aanbod: list[tuple[DemoAanbod, str]], vandaag: datetime.date
) -> list[GeplandeActiviteit]:
    """The full plan of a prison: its group offers (with their provider) in rooms and slots."""
    return _Planner(gegevens, aanbod, vandaag).plannen()
