"""Plandekking: how many of the people detained longer than three months have an HDV plan.

The individual plan is a legal duty since 2013 and was never introduced (Court of Audit).
The figure is a snapshot on the last day of the period (today for the running period):
who is in prison at the end of that day, detained for three months or more by then, and
whether an agreed plan exists by then.

Decisions:
- Three months of detention, not of this stay: a transfer does not start the clock again
  (the plan travels with the person). Stays joined by a transfer (the old one ended with
  "overplaatsing" the day the next began, or the day before) are one detention.
- A plan counts once it was agreed with the person (its first frozen version,
  Planversie); an opened draft without an agreed version does not.
- A snapshot rather than "at some point in the period": a plan is a state, and a year
  figure that mixes everyone who passed through would say little about today's coverage.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Collection, Iterable

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rapportage.indicatoren import populatie, tellen
from rapportage.indicatoren.basis import (
    Cel,
    Eenheid,
    Indicator,
    Periode,
    berekening_alle,
    registreren,
)
from trajecten.models import HdvPlan, Verblijf

MAANDEN = 3

registreren(
    Indicator(
        code="plan_dekking",
        naam=_("Dekking HDV-plannen"),
        beschrijving=_(
            "Hoeveel van de mensen die al minstens drie maanden gedetineerd zijn, een HDV-plan "
            "hebben dat met hen werd vastgelegd. Een overplaatsing onderbreekt de detentie "
            "niet: het plan reist mee. Een plan in opmaak dat nog niet vastgelegd werd, telt "
            "niet."
        ),
        teller=_("Personen uit de noemer met een vastgelegd HDV-plan op de peildatum"),
        noemer=_(
            "Personen die op de peildatum in de gevangenis verblijven en op die dag minstens "
            "drie maanden onafgebroken gedetineerd zijn"
        ),
        eenheid=Eenheid.PERCENTAGE,
        periode_regel=_(
            "Een momentopname op de peildatum: de laatste dag van de periode, of vandaag voor "
            "de lopende periode. Wie die dag vrijgelaten of overgeplaatst werd, telt in de "
            "gevangenis waar hij de dag eindigde (of niet meer). Drie maanden: de detentie "
            "begon op of voor dezelfde dag drie kalendermaanden eerder. Het statuut is dat op "
            "de peildatum."
        ),
        uitsplitsingen=("statuut",),
    )
)


def maanden_terug(datum: datetime.date, maanden: int) -> datetime.date:
    """The same day ``maanden`` calendar months earlier (the month's last day if shorter)."""
    jaar, maand = divmod(datum.year * 12 + datum.month - 1 - maanden, 12)
    dag = min(datum.day, calendar.monthrange(jaar, maand + 1)[1])
    return datetime.date(jaar, maand + 1, dag)


def detentie_begin(
    verblijven: Iterable[tuple[datetime.date, datetime.date | None, str]],
) -> datetime.date:
    """The first day of the detention that the latest of these stays belongs to."""
    # Latest first; of two stays that began the same day, the open (or later ended) one.
    reeks = sorted(verblijven, key=lambda v: (v[0], v[1] is None, v[1] or v[0]), reverse=True)
    begin = reeks[0][0]
    for van, tot, eindreden in reeks[1:]:
        aansluitend = tot is not None and tot >= begin - datetime.timedelta(days=1)
        if eindreden != Verblijf.Eindreden.OVERPLAATSING or not aansluitend:
            break
        begin = min(begin, van)
    return begin


def _met_plan(verblijven: QuerySet[Verblijf], peildatum: datetime.date) -> set[int]:
    tot_en_met = timezone.make_aware(
        datetime.datetime.combine(peildatum + datetime.timedelta(days=1), datetime.time())
    )
    return set(
        HdvPlan.objects.filter(
            gedetineerde_id__in=verblijven.values("gedetineerde_id"),
            versies__aangemaakt__lt=tot_en_met,
        ).values_list("gedetineerde_id", flat=True)
    )


@berekening_alle("plan_dekking")
def plan_dekking(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    peildatum = tellen.peildatum(periode)
    grens = maanden_terug(peildatum, MAANDEN)
    aanwezig = populatie.verblijven_op_einde_van(peildatum, ids, vlaanderen)
    historiek: dict[int, list[tuple[datetime.date, datetime.date | None, str]]] = {}
    for persoon, van, tot, eindreden in (
        Verblijf.objects.filter(
            gedetineerde_id__in=aanwezig.values("gedetineerde_id"), van__lte=peildatum
        )
        .order_by()
        .values_list("gedetineerde_id", "van", "tot", "eindreden")
    ):
        historiek.setdefault(persoon, []).append((van, tot, eindreden))
    lang_genoeg = [
        (persoon, gevangenis)
        for persoon, gevangenis in aanwezig.order_by().values_list(
            "gedetineerde_id", "gevangenis_id"
        )
        if detentie_begin(historiek[persoon]) <= grens
    ]
    met_plan = _met_plan(aanwezig, peildatum)
    statuut = populatie.statuut_op(aanwezig, peildatum)
    labels = populatie.statuutlabels()
    resultaat: dict[int | None, list[Cel]] = {}
    for waar, rijen in tellen.per_gevangenis(
        lang_genoeg, lambda rij: rij[1], ids, vlaanderen
    ).items():
        personen = {persoon for persoon, _gevangenis in rijen}
        gedekt = personen & met_plan
        resultaat[waar] = [
            Cel.ratio(len(gedekt), len(personen)),
            *tellen.ratio_per_sleutel(
                "statuut",
                populatie.personen_per_sleutel(gedekt, statuut),
                populatie.personen_per_sleutel(personen, statuut),
                labels,
            ),
        ]
    return resultaat
