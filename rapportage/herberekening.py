"""Which (prison, period) pairs a rollup run recomputes, and why those.

The rules (docs/indicatoren.md says the same in Dutch):

- A full run (or one ``vanaf`` a date) recomputes every period from that date to today,
  of every kind, for every prison that ever had a stay; day periods only for the last
  ``DAGEN_TERUG`` days (a day figure further back is not looked at).
- An incremental run looks at the audit trail since the last successful run. Every write
  of the services records one, with the prison it happened in and the person it concerns.
  A prison changed when a record names it, or names a person who stayed in it during the
  window (a late intake registered after a transfer belongs to the prison of that stay).
  A change without prison and person to the catalogue or a reference table (an offer's
  domain, a stop reason's name) changes every prison's breakdowns.
  For each changed prison it recomputes the window: the last ``MAANDEN_TERUG`` months
  (this one included), the quarters and years that overlap them, and the day periods.
  A change further back (a stay corrected two years later) needs a run ``vanaf`` its date.
- Time changes figures without any write: a deadline passes (onthaal), the running
  period's reference day moves (snapshots). So when the date changed since the last run,
  every prison gets the periods holding the days since that run, plus the longest
  deadline of an indicator before it (``TERMIJN_DAGEN``: the intake norm, the referral
  answer norm, the 30 days of continuity after a transfer).
- Flanders is recomputed for every period that any prison is.
- Records slightly older than the last run are looked at again (``TERUGKIJKEN``): a
  transaction that was still open when that run started wrote its audit record with an
  earlier time but became visible only after. Recomputing a pair that did not change
  writes nothing (the rollup compares first).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from hdv.models import Auditrecord
from rapportage.indicatoren.basis import Periode
from rapportage.models import Periodesoort
from trajecten.models import Verblijf

MAANDEN_TERUG = 13
DAGEN_TERUG = 31
TERUGKIJKEN = datetime.timedelta(minutes=15)
SOORTEN = (Periodesoort.DAG, Periodesoort.MAAND, Periodesoort.KWARTAAL, Periodesoort.JAAR)

# Writes without prison or person that still change figures: the catalogue and the
# reference tables (labels, domains, categories of the breakdowns).
_OVERAL = (
    Q(object_type__startswith="aanbod.")
    | Q(object_type__startswith="deelname.")
    | Q(object_type__startswith="trajecten.")
    | Q(object_type__in=["hdv.Organisatie", "hdv.Gevangenis"])
)


@dataclass
class Plan:
    """Periods to recompute, each with the prisons (pks) to recompute it for."""

    perioden: dict[Periode, set[int]] = field(default_factory=dict)

    def toevoegen(self, perioden: list[Periode], gevangenissen: set[int]) -> None:
        if not gevangenissen:
            return
        for periode in perioden:
            self.perioden.setdefault(periode, set()).update(gevangenissen)

    def voor(self, soorten: tuple[str, ...]) -> list[tuple[Periode, set[int]]]:
        """The periods of these kinds, oldest first."""
        return sorted(
            ((p, g) for p, g in self.perioden.items() if p.soort in soorten),
            key=lambda paar: (SOORTEN.index(paar[0].soort), paar[0].begin),
        )

    @property
    def leeg(self) -> bool:
        return not self.perioden


def perioden_tussen(soort: str, van: datetime.date, tot: datetime.date) -> Iterator[Periode]:
    """The periods of a kind with at least one day in [van, tot]."""
    periode = Periode.van(soort, van)
    while periode.begin <= tot:
        yield periode
        periode = periode.volgende()


def venster(van: datetime.date, vandaag: datetime.date) -> list[Periode]:
    """Every period of every kind touching [van, vandaag]; days only the last DAGEN_TERUG."""
    perioden: list[Periode] = []
    eerste_dag = max(van, vandaag - datetime.timedelta(days=DAGEN_TERUG - 1))
    for soort in SOORTEN:
        begin = eerste_dag if soort == Periodesoort.DAG else van
        if begin <= vandaag:
            perioden += perioden_tussen(soort, begin, vandaag)
    return perioden


def gevangenissen_met_verblijven() -> set[int]:
    return set(Verblijf.objects.order_by().values_list("gevangenis_id", flat=True).distinct())


def volledig_plan(vanaf: datetime.date, vandaag: datetime.date) -> Plan:
    plan = Plan()
    plan.toevoegen(venster(vanaf, vandaag), gevangenissen_met_verblijven())
    return plan


def venster_begin(vandaag: datetime.date) -> datetime.date:
    """The first day of the month MAANDEN_TERUG - 1 months before this one."""
    jaar, maand = divmod(vandaag.year * 12 + vandaag.month - 1 - (MAANDEN_TERUG - 1), 12)
    return datetime.date(jaar, maand + 1, 1)


def gewijzigde_gevangenissen(
    sinds: datetime.datetime, begin: datetime.date, alle: set[int]
) -> set[int]:
    """Prisons whose facts changed after ``sinds`` (see the module's rules)."""
    records = Auditrecord.objects.filter(
        soort=Auditrecord.Soort.WIJZIGING, tijdstip__gt=sinds
    ).order_by()
    if records.filter(_OVERAL, gevangenis__isnull=True, persoon_id__isnull=True).exists():
        return set(alle)
    gewijzigd = set(
        records.filter(gevangenis__isnull=False).values_list("gevangenis_id", flat=True).distinct()
    )
    gewijzigd |= set(
        Verblijf.objects.filter(
            gedetineerde_id__in=records.filter(persoon_id__isnull=False).values("persoon_id")
        )
        .filter(Q(tot__isnull=True) | Q(tot__gte=begin))
        .order_by()
        .values_list("gevangenis_id", flat=True)
        .distinct()
    )
    return gewijzigd & alle


def termijn_dagen() -> int:
    """The longest deadline after which an indicator's figure changes without a write:
    an intake due (onthaal), a referral's answer due, a transfer's 30 days of continuity."""
    from rapportage.indicatoren.continuiteit import VENSTER_DAGEN

    return max(
        settings.HDV_ONTHAAL_NORM_DAGEN, settings.HDV_DOORVERWIJZING_NORM_DAGEN, VENSTER_DAGEN
    )


def incrementeel_plan(vorige_tot: datetime.datetime, vandaag: datetime.date) -> Plan:
    """What changed since the last run (``vorige_tot``: its ``gegevens_tot``)."""
    alle = gevangenissen_met_verblijven()
    begin = venster_begin(vandaag)
    plan = Plan()
    gewijzigd = gewijzigde_gevangenissen(vorige_tot - TERUGKIJKEN, begin, alle)
    plan.toevoegen(venster(begin, vandaag), gewijzigd)
    vorige_dag = timezone.localdate(vorige_tot)
    if vorige_dag < vandaag:
        # +1: a deadline passes the day after van + its days.
        terug = datetime.timedelta(days=termijn_dagen() + 1)
        plan.toevoegen(venster(max(begin, vorige_dag - terug), vandaag), alle)
    return plan
