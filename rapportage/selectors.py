"""Reading the rollups for the dashboards and the API, through the suppression.

Every function costs a fixed number of queries, whatever the number of prisons,
indicators or periods, and never touches the raw facts. What a reader sees is decided
here with ``rapportage.afscherming``: his own prisons as they are, everything else
protected. The suppression of one indicator and period is cached by its content, so a
recomputed rollup is never answered with an old picture.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from hdv.models import Gevangenis
from hdv.scope import gevangenis_ids
from rapportage.afscherming import Cijfer, Plaats, indicator_afschermen
from rapportage.indicatoren import REGISTER, Indicator, Periode
from rapportage.indicatoren.basis import Eenheid
from rapportage.models import Berekening, Indicatorwaarde, Periodesoort
from rapportage.plannen_lezen import gehaald, streefcijfers_voor_jaar

# How many periods a trend shows, ending with the chosen one.
AANTAL_PERIODEN: dict[str, int] = {
    Periodesoort.MAAND: 12,
    Periodesoort.KWARTAAL: 8,
    Periodesoort.JAAR: 5,
}
# How many periods of each kind the period picker offers, the newest first.
AANTAL_KEUZES: dict[str, int] = {
    Periodesoort.MAAND: 36,
    Periodesoort.KWARTAAL: 16,
    Periodesoort.JAAR: 10,
}
# Who sees his own prisons' figures unsuppressed (the beleidscoördinator).
EIGEN_CIJFERS = "rapportage.lees_eigen_cijfers"
# The breakdowns of a drill-down page.
DRILL_DOWN = ("domein", "aanbieder", "aanbod")
_CACHE_SECONDEN = 60 * 60
_VELDEN = [
    "indicator",
    "gevangenis",
    "periodesoort",
    "begin",
    "einde",
    "uitsplitsing",
    "sleutel",
    "label",
    "teller",
    "noemer",
    "waarde",
]


@dataclass(frozen=True)
class Lezer:
    """Who reads: the prisons he knows (shown to him as they are) and the threshold."""

    eigen: frozenset[int]
    drempel: int

    @classmethod
    def van(cls, user: Any) -> Lezer:
        """A beleidscoördinator knows his own prisons' figures (he sees them as they are);
        anyone else, also a beheerder linked to prisons, reads every figure suppressed."""
        eigen = gevangenis_ids(user) if user.has_perm(EIGEN_CIJFERS) else frozenset()
        return cls(eigen, settings.HDV_KLEINSTE_AANTAL)


def gegevens_van() -> Berekening | None:
    """The latest finished rollup run: the time of the data on every page."""
    return Berekening.objects.filter(klaar__isnull=False, fout="").order_by("-klaar").first()


def indicatoren_voor(periodesoort: str) -> list[Indicator]:
    """The indicators that exist for a kind of period, in the register's order."""
    return [i for i in REGISTER.values() if periodesoort in i.periodesoorten]


def perioden_tot(periode: Periode, aantal: int | None = None) -> list[Periode]:
    """The trend's periods, the oldest first, ending with ``periode``."""
    aantal = aantal or AANTAL_PERIODEN.get(periode.soort, 12)
    perioden = [periode]
    while len(perioden) < aantal:
        perioden.insert(0, perioden[0].vorige())
    return perioden


def perioden_met_gegevens(periodesoort: str, aantal: int | None = None) -> list[Periode]:
    """The periods of a kind that have computed figures, the newest first, none in the
    future: what the period picker offers. One query."""
    aantal = aantal or AANTAL_KEUZES.get(periodesoort, 12)
    begins = (
        Indicatorwaarde.objects.filter(
            periodesoort=periodesoort, uitsplitsing="", begin__lte=timezone.localdate()
        )
        .order_by("-begin")
        .values_list("begin", flat=True)
        .distinct()[:aantal]
    )
    return [Periode(periodesoort, begin) for begin in begins]


# Counts taken on one day (the last of the period), not added up over it: their target
# is a level, which holds on any day.
MOMENTOPNAMEN = frozenset({"wachtlijst_wachtend"})


def streefcijfer_geldt(indicator: Indicator, periode: Periode) -> bool:
    """Whether a value of this period can be held against its year's target.

    A rate or a number of days can in any period, and so can a count taken on one day.
    A count added up over the period only over the whole year: one referral in a month
    says nothing about a target of 306 for the year.
    """
    return (
        indicator.eenheid != Eenheid.AANTAL
        or indicator.code in MOMENTOPNAMEN
        or periode.soort == Periodesoort.JAAR
    )


# --- suppression of loaded rows ---------------------------------------------------------------


def _rijen(filter_: Q) -> list[Indicatorwaarde]:
    return list(Indicatorwaarde.objects.filter(filter_).only(*_VELDEN).order_by())


def _sleutel(indicator: str, begin: datetime.date, rijen: Sequence[Any], lezer: Lezer) -> str:
    # Everything a Cijfer carries comes from the rows: the key holds all of it (a label
    # renamed or a period of another kind must not be answered with the old picture).
    inhoud = repr(
        sorted(
            (
                r.gevangenis_id or 0,
                r.periodesoort,
                r.einde,
                r.uitsplitsing,
                r.sleutel,
                r.label,
                r.teller,
                r.noemer,
                r.waarde,
            )
            for r in rijen
        )
    )
    eigen = ",".join(map(str, sorted(lezer.eigen)))
    vingerafdruk = hashlib.sha256(f"{inhoud}|{eigen}|{lezer.drempel}".encode()).hexdigest()
    return f"rapportage:afscherming:{indicator}:{begin}:{vingerafdruk}"


def afgeschermd(
    rijen: Iterable[Any], lezer: Lezer
) -> dict[tuple[str, datetime.date], dict[Plaats, Cijfer]]:
    """The rows of one kind of period as this reader sees them, per (indicator, begin).

    Rows of an indicator that is no longer defined are left out.
    """
    groepen: dict[tuple[str, datetime.date], list[Any]] = {}
    for rij in rijen:
        if rij.indicator in REGISTER:
            groepen.setdefault((rij.indicator, rij.begin), []).append(rij)
    uitkomst = {}
    for (code, begin), groep in groepen.items():
        sleutel = _sleutel(code, begin, groep, lezer)
        cijfers = cache.get(sleutel)
        if cijfers is None:
            cijfers = indicator_afschermen(
                REGISTER[code].eenheid, groep, drempel=lezer.drempel, eigen=lezer.eigen
            )
            cache.set(sleutel, cijfers, _CACHE_SECONDEN)
        uitkomst[(code, begin)] = cijfers
    return uitkomst


# --- the dashboard of a prison ----------------------------------------------------------------


@dataclass(frozen=True)
class Punt:
    periode: Periode
    cijfer: Cijfer | None  # the prison's; None when it has no row
    vlaanderen: Cijfer | None


@dataclass(frozen=True)
class Kaart:
    """One indicator on a prison's dashboard: its trend, target and Flanders."""

    indicator: Indicator
    punten: list[Punt]
    streefcijfer: Decimal | None = None
    streefcijfer_vlaanderen: bool = False  # the prison has none: Flanders' target

    @property
    def huidig(self) -> Punt:
        return self.punten[-1]

    @property
    def streefcijfer_geldt(self) -> bool:
        return streefcijfer_geldt(self.indicator, self.huidig.periode)

    @property
    def gehaald(self) -> bool | None:
        """Reached or not; None when there is nothing to judge (no value, no target, or a
        count outside a whole year)."""
        if not self.streefcijfer_geldt:
            return None
        cijfer = self.huidig.cijfer
        return gehaald(self.indicator, cijfer.waarde if cijfer else None, self.streefcijfer)


def _streefcijfer(
    streefcijfers: dict[tuple[str, int | None], Any], code: str, gevangenis_id: int | None
) -> tuple[Decimal | None, bool]:
    eigen = streefcijfers.get((code, gevangenis_id))
    if eigen is not None:
        return eigen.waarde, False
    vlaams = streefcijfers.get((code, None))
    return (vlaams.waarde, gevangenis_id is not None) if vlaams is not None else (None, False)


def dashboard(gevangenis: Gevangenis, periode: Periode, lezer: Lezer) -> list[Kaart]:
    """Every indicator of this kind of period for a prison: two queries (the totals of
    every prison over the trend's periods, which the suppression needs; the targets)."""
    perioden = perioden_tot(periode)
    rijen = _rijen(
        Q(periodesoort=periode.soort, begin__in=[p.begin for p in perioden], uitsplitsing="")
    )
    cijfers = afgeschermd(rijen, lezer)
    streefcijfers = streefcijfers_voor_jaar(periode.begin.year, [gevangenis])
    kaarten = []
    for indicator in indicatoren_voor(periode.soort):
        punten = []
        for p in perioden:
            van_periode = cijfers.get((indicator.code, p.begin), {})
            punten.append(
                Punt(p, van_periode.get((gevangenis.pk, "", "")), van_periode.get((None, "", "")))
            )
        waarde, van_vlaanderen = _streefcijfer(streefcijfers, indicator.code, gevangenis.pk)
        kaarten.append(Kaart(indicator, punten, waarde, van_vlaanderen))
    return kaarten


# --- Flanders: prisons × indicators -----------------------------------------------------------


@dataclass
class Overzicht:
    """All prisons side by side for one period: one row per prison and one for Flanders."""

    periode: Periode
    indicatoren: list[Indicator]
    gevangenissen: list[Gevangenis]
    cijfers: dict[tuple[str, int | None], Cijfer] = field(default_factory=dict)
    streefcijfers: dict[tuple[str, int | None], Decimal | None] = field(default_factory=dict)

    def cijfer(self, code: str, gevangenis_id: int | None) -> Cijfer | None:
        return self.cijfers.get((code, gevangenis_id))


def totalen(periode: Periode, lezer: Lezer) -> dict[tuple[str, int | None], Cijfer]:
    """Every indicator's total per prison (None: Flanders) in one period, as this reader
    sees them: the figures of the Flanders overview, wherever else they are shown (the
    targets page). One query: every prison's totals, which the suppression needs."""
    rijen = _rijen(Q(periodesoort=periode.soort, begin=periode.begin, uitsplitsing=""))
    return {
        (code, gevangenis_id): cijfer
        for (code, _begin), cijfers in afgeschermd(rijen, lezer).items()
        for (gevangenis_id, _u, _s), cijfer in cijfers.items()
    }


def vlaams_overzicht(periode: Periode, lezer: Lezer) -> Overzicht:
    """Three queries: the prisons, the totals of the period, the targets of its year."""
    gevangenissen = list(Gevangenis.objects.filter(actief=True).order_by("naam"))
    indicatoren = indicatoren_voor(periode.soort)
    overzicht = Overzicht(periode, indicatoren, gevangenissen, totalen(periode, lezer))
    streefcijfers = streefcijfers_voor_jaar(periode.begin.year, gevangenissen)
    for indicator in indicatoren:
        for g in [None, *(g.pk for g in gevangenissen)]:
            overzicht.streefcijfers[(indicator.code, g)] = _streefcijfer(
                streefcijfers, indicator.code, g
            )[0]
    return overzicht


# --- a drill-down: the breakdowns of one indicator -------------------------------------------


@dataclass(frozen=True)
class Uitsplitsing:
    code: str
    cellen: list[Cijfer]  # by label


@dataclass(frozen=True)
class Detail:
    """An indicator in one period: the totals of every prison and Flanders, and the
    breakdowns of one of them."""

    totalen: dict[int | None, Cijfer]  # prison pk, None for Flanders
    uitsplitsingen: list[Uitsplitsing]


def detail(
    indicator: Indicator,
    periode: Periode,
    gevangenis_id: int | None,
    lezer: Lezer,
    codes: Collection[str] = DRILL_DOWN,
) -> Detail:
    """The breakdowns of an indicator for a prison (None: Flanders) in one period, with
    the totals of all: one query (every prison's rows, which the suppression needs)."""
    codes = [c for c in codes if c in indicator.uitsplitsingen]
    rijen = _rijen(
        Q(
            indicator=indicator.code,
            periodesoort=periode.soort,
            begin=periode.begin,
            uitsplitsing__in=["", *codes],
        )
    )
    cijfers = afgeschermd(rijen, lezer).get((indicator.code, periode.begin), {})
    totalen = {g: c for (g, u, _s), c in cijfers.items() if u == ""}
    lijsten = [
        Uitsplitsing(
            code,
            sorted(
                (c for (g, u, _s), c in cijfers.items() if g == gevangenis_id and u == code),
                key=lambda c: (c.label.lower(), c.sleutel),
            ),
        )
        for code in codes
    ]
    return Detail(totalen, lijsten)


# --- the API: figures of a range of periods ---------------------------------------------------


def cijfers(
    lezer: Lezer,
    *,
    periodesoort: str,
    van: datetime.date,
    tot: datetime.date,
    indicator: str | None = None,
    gevangenis_id: int | None = None,
    alleen_vlaanderen: bool = False,
    uitsplitsing: str = "",
) -> list[Cijfer]:
    """The figures of the periods that begin from ``van`` to ``tot``: one query (every
    prison's rows of those periods, which the suppression needs)."""
    filter_ = Q(periodesoort=periodesoort, begin__gte=van, begin__lte=tot)
    filter_ &= Q(uitsplitsing__in=["", uitsplitsing]) if uitsplitsing else Q(uitsplitsing="")
    if indicator:
        filter_ &= Q(indicator=indicator)
    uitkomst = []
    for (_code, _begin), per_plaats in afgeschermd(_rijen(filter_), lezer).items():
        for (g, u, _s), cijfer in per_plaats.items():
            if u != uitsplitsing:
                continue
            if alleen_vlaanderen and g is not None:
                continue
            if gevangenis_id is not None and g != gevangenis_id:
                continue
            uitkomst.append(cijfer)
    uitkomst.sort(
        key=lambda c: (c.indicator, c.begin, c.gevangenis_id is not None, c.gevangenis_id or 0,
                       c.label, c.sleutel)
    )  # fmt: skip
    return uitkomst
