"""What the printouts read: a prison's sessions of one week, and the offer it has now.

Neither holds personal data; both are limited to one prison, which the view has
already checked against the user's own prisons.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbod.models import Aanbod, AanbodInGevangenis, Levensdomein, Sessie, Sluitingsdag
from hdv.models import Gevangenis


@dataclass(frozen=True)
class Dag:
    datum: datetime.date
    sessies: list[Sessie]
    sluitingsdag: Sluitingsdag | None


@dataclass(frozen=True)
class Dagdeel:
    """One row of the timetable: the sessions starting in this part of the day, per day."""

    naam: str
    per_dag: list[list[Sessie]]
    vervolg: bool = False  # the part of the day goes on from the row above


@dataclass(frozen=True)
class Week:
    dagen: list[Dag]
    dagdelen: list[Dagdeel]  # only the parts of the day in which something starts


# A row that is taller than a page makes WeasyPrint move the whole table to the next
# page and then drop the days' heading on the pages it splits the row over (upstream:
# Kozea/WeasyPrint#2679). Five sessions per day in a row always fit on A4 landscape;
# a busier part of the day continues in a next row.
SESSIES_PER_RIJ = 5

# (name, from): a session belongs to the last part that starts at or before it begins.
DAGDELEN = [
    (_("Voormiddag"), datetime.time(0)),
    (_("Namiddag"), datetime.time(12)),
    (_("Avond"), datetime.time(17)),
]


def _dagdeel(begintijd: datetime.time) -> int:
    return max(i for i, (_naam, vanaf) in enumerate(DAGDELEN) if vanaf <= begintijd)


def weekprogramma(*, gevangenis: Gevangenis, maandag: datetime.date) -> Week:
    """Monday to Sunday in time order, cancelled sessions included: days × parts of the day.

    Rows per part of the day (rather than one long column per day) let the pages break
    between rows, so every printed page repeats the days' heading.
    """
    zondag = maandag + datetime.timedelta(days=6)
    sessies = (
        Sessie.objects.in_gevangenis(gevangenis)
        .filter(datum__range=(maandag, zondag))
        .select_related("activiteit__aanbod", "lokaal", "annuleringsreden")
        .order_by("datum", "begintijd", "activiteit__aanbod__titel_nl", "activiteit__naam", "id")
    )
    sluitingsdagen = {
        dag.datum: dag
        for dag in Sluitingsdag.objects.filter(
            gevangenis=gevangenis, datum__range=(maandag, zondag)
        )
    }
    per_datum: dict[datetime.date, list[Sessie]] = {}
    rooster: list[list[list[Sessie]]] = [[[] for _dag in range(7)] for _deel in DAGDELEN]
    for sessie in sessies:
        per_datum.setdefault(sessie.datum, []).append(sessie)
        rooster[_dagdeel(sessie.begintijd)][(sessie.datum - maandag).days].append(sessie)
    datums = [maandag + datetime.timedelta(days=i) for i in range(7)]
    return Week(
        dagen=[Dag(d, per_datum.get(d, []), sluitingsdagen.get(d)) for d in datums],
        dagdelen=[
            rij
            for (naam, _vanaf), per_dag in zip(DAGDELEN, rooster, strict=True)
            for rij in _rijen(str(naam), per_dag)
        ],
    )


def _rijen(naam: str, per_dag: list[list[Sessie]]) -> list[Dagdeel]:
    """A part of the day as rows of at most SESSIES_PER_RIJ sessions per day; none if empty."""
    langste = max(len(sessies) for sessies in per_dag)
    return [
        Dagdeel(naam, [sessies[van : van + SESSIES_PER_RIJ] for sessies in per_dag], van > 0)
        for van in range(0, langste, SESSIES_PER_RIJ)
    ]


def aanbod_nu(*, gevangenis: Gevangenis, vandaag: datetime.date) -> dict[str, list[Aanbod]]:
    """The offer a prison has today, per levensdomein (in the order of the choices).

    Running today: started, not ended (``tot`` is the last day), not archived. An offer
    with two running periods (a closing one and its successor) appears once.
    """
    beschikbaarheden = (
        AanbodInGevangenis.objects.filter(
            gevangenis=gevangenis, sinds__lte=vandaag, aanbod__gearchiveerd_op__isnull=True
        )
        .filter(Q(tot__isnull=True) | Q(tot__gte=vandaag))
        .select_related("aanbod__organisatie")
        .order_by("aanbod__titel_nl", "aanbod_id")
    )
    per_domein: dict[str, list[Aanbod]] = {domein: [] for domein in Levensdomein.values}
    gezien: set[int] = set()
    for beschikbaarheid in beschikbaarheden:
        aanbod = beschikbaarheid.aanbod
        if aanbod.pk in gezien:
            continue
        gezien.add(aanbod.pk)
        per_domein.setdefault(aanbod.levensdomein, []).append(aanbod)
    return {domein: lijst for domein, lijst in per_domein.items() if lijst}
