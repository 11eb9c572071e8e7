"""Indicator figures through the suppression: the rollup rows of one indicator and period
as one table of prisons (and Flanders) × counts, and each breakdown as prisons × cells ×
counts on top of the totals as they were decided."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from hdv.afscherming import (
    AFGESCHERMD,
    As,
    Cel,
    Tabel,
    Uitkomst,
    afschermen,
    vervang,
)
from rapportage.indicatoren.basis import Eenheid

# Flanders on the prisons' axis (Indicatorwaarde.gevangenis is NULL), the total on a
# breakdown's axis (uitsplitsing ""), the parts of a rate.
VLAANDEREN = "vlaanderen"
TOTAAL = ("totaal",)
TELLER, REST, NOEMER = "teller", "rest", "noemer"

# (prison pk, None for Flanders; uitsplitsing, "" for the total; sleutel)
Plaats = tuple[int | None, str, str]

# Breakdowns whose cells nest in the cells of others: an offer belongs to one provider,
# one domain and one category, so a provider's figure minus its offers' shown figures
# would give back what the offers' protection hid (each breakdown is protected on its
# own). Above the level of a prison these are not published: only the prisons the reader
# knows show them, as they are. Their parents (domain, provider, category) are.
GENEST: frozenset[str] = frozenset({"aanbod"})


class Rij(Protocol):
    """What is read of an Indicatorwaarde (the model, or a row made in a test)."""

    @property
    def indicator(self) -> str: ...
    @property
    def gevangenis_id(self) -> int | None: ...
    @property
    def periodesoort(self) -> str: ...
    @property
    def begin(self) -> datetime.date: ...
    @property
    def einde(self) -> datetime.date: ...
    @property
    def uitsplitsing(self) -> str: ...
    @property
    def sleutel(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def teller(self) -> int | None: ...
    @property
    def noemer(self) -> int | None: ...
    @property
    def waarde(self) -> float | None: ...


@dataclass(frozen=True)
class Cijfer:
    """An indicator's figure as this reader may see it. A hidden count is None with its
    mark; ``waarde`` None without a mark is "geen gegevens" (never 0 %)."""

    indicator: str
    gevangenis_id: int | None
    periodesoort: str
    begin: datetime.date
    einde: datetime.date
    uitsplitsing: str
    sleutel: str
    label: str
    teller: int | None
    noemer: int | None
    waarde: float | None
    teller_teken: str = ""
    noemer_teken: str = ""
    waarde_teken: str = ""

    @property
    def afgeschermd(self) -> bool:
        return bool(self.waarde_teken)

    @property
    def geen_gegevens(self) -> bool:
        return self.waarde is None and not self.waarde_teken


def maten(eenheid: str) -> As:
    """The counts of a figure: a rate is teller + rest = noemer (the rest is never shown,
    but 38 of 40 tells that 2 did not); a count is its teller, a median its noemer."""
    if eenheid == Eenheid.PERCENTAGE:
        return As((TELLER, REST), NOEMER)
    if eenheid == Eenheid.AANTAL:
        return As((TELLER,))
    if eenheid == Eenheid.DAGEN:
        return As((NOEMER,))
    return As((TELLER, NOEMER))


def _aantallen(rij: Rij) -> dict[str, int]:
    teller, noemer = rij.teller or 0, rij.noemer or 0
    return {TELLER: teller, NOEMER: noemer, REST: max(noemer - teller, 0)}


def _tabel(
    assen: tuple[As, ...], rijen: Mapping[Cel, Rij], eigen: Collection[int], vast: Mapping[Cel, str]
) -> Tabel:
    """Prisons (× breakdown cells) × counts; ``rijen`` by (prison, [cell])."""
    waarden: dict[Cel, int] = {}
    for plaats, rij in rijen.items():
        for maat, aantal in _aantallen(rij).items():
            waarden[(*plaats, maat)] = aantal
    cellen = list(itertools.product(*(a.posities for a in assen)))
    verborgen = {c for c in cellen if c[-1] == REST}
    for cel in cellen:
        # Without a row of its own, Flanders is no published figure: it stays unknown.
        if cel[0] == VLAANDEREN and cel[:-1] not in rijen:
            verborgen.add(cel)
            delen = (vervang(cel, 0, g) for g in assen[0].delen)
            waarden[cel] = sum(waarden.get(d, 0) for d in delen)
    bekend = {c for c in cellen if c[0] in eigen}
    return Tabel(assen, waarden, frozenset(verborgen), frozenset(bekend), vast)


def _cijfer(rij: Rij, eenheid: str, uitkomst: Mapping[str, Uitkomst]) -> Cijfer:
    verborgen = [u.teken for u in uitkomst.values() if u.afgeschermd]
    teller, noemer = uitkomst.get(TELLER), uitkomst.get(NOEMER)
    if verborgen:
        # A count keeps its own mark; a rate or median of a hidden count reads "x".
        waarde_teken = verborgen[0] if eenheid == Eenheid.AANTAL else AFGESCHERMD
    return Cijfer(
        indicator=rij.indicator,
        gevangenis_id=rij.gevangenis_id,
        periodesoort=rij.periodesoort,
        begin=rij.begin,
        einde=rij.einde,
        uitsplitsing=rij.uitsplitsing,
        sleutel=rij.sleutel,
        label=rij.label,
        # A count outside the table (a median's teller) goes with the value.
        teller=teller.waarde if teller else (None if verborgen else rij.teller),
        noemer=noemer.waarde if noemer else (None if verborgen else rij.noemer),
        waarde=None if verborgen else rij.waarde,
        teller_teken=teller.teken if teller else "",
        noemer_teken=noemer.teken if noemer else "",
        waarde_teken=waarde_teken if verborgen else "",
    )


def indicator_afschermen(
    eenheid: str, rijen: Iterable[Rij], *, drempel: int, eigen: Collection[int] = ()
) -> dict[Plaats, Cijfer]:
    """Every figure of one indicator in one period, for a reader who knows the prisons
    ``eigen`` (his own figures are shown to him as they are).

    ``rijen`` holds the totals of every prison and Flanders, and the cells of the
    breakdowns wanted. The totals are protected first, among themselves; each breakdown
    then with all prisons and Flanders, keeping the totals as they were decided. So a
    figure reads the same in every output for the same reader, whichever breakdowns
    were asked for. A nested breakdown (``GENEST``) is answered only for the prisons
    the reader knows.
    """
    per_uitsplitsing: dict[str, list[Rij]] = {}
    for rij in rijen:
        per_uitsplitsing.setdefault(rij.uitsplitsing, []).append(rij)
    totalen = per_uitsplitsing.pop("", [])
    genest = {u: per_uitsplitsing.pop(u) for u in GENEST if u in per_uitsplitsing}
    gevangenissen = sorted(
        {r.gevangenis_id for lijst in (totalen, *per_uitsplitsing.values()) for r in lijst}
        - {None},
        key=lambda pk: pk or 0,
    )
    gevangenis_as = As(tuple(gevangenissen), VLAANDEREN)
    maat_as = maten(eenheid)
    getoond = [str(m) for m in maat_as.posities if m != REST]

    def positie(rij: Rij) -> Hashable:
        return VLAANDEREN if rij.gevangenis_id is None else rij.gevangenis_id

    tabel = _tabel((gevangenis_as, maat_as), {(positie(r),): r for r in totalen}, eigen, {})
    uitkomsten = afschermen(tabel, drempel)
    cijfers = {
        (r.gevangenis_id, "", ""): _cijfer(
            r, eenheid, {m: uitkomsten[(positie(r), m)] for m in getoond}
        )
        for r in totalen
    }
    vast: dict[Cel, str] = {
        (g, TOTAAL, m): uitkomst.teken
        for (g, m), uitkomst in uitkomsten.items()
        if g not in eigen and m != REST
    }
    for uitsplitsing, lijst in per_uitsplitsing.items():
        sleutel_as = As(tuple(sorted({r.sleutel for r in lijst})), TOTAAL)
        plaatsen: dict[Cel, Rij] = {(positie(r), TOTAAL): r for r in totalen}
        plaatsen.update({(positie(r), r.sleutel): r for r in lijst})
        tabel = _tabel((gevangenis_as, sleutel_as, maat_as), plaatsen, eigen, vast)
        uitkomsten_u = afschermen(tabel, drempel)
        for r in lijst:
            cijfers[(r.gevangenis_id, uitsplitsing, r.sleutel)] = _cijfer(
                r, eenheid, {m: uitkomsten_u[(positie(r), r.sleutel, m)] for m in getoond}
            )
    for lijst in genest.values():
        for r in lijst:
            if r.gevangenis_id is not None and r.gevangenis_id in eigen:
                cijfers[(r.gevangenis_id, r.uitsplitsing, r.sleutel)] = _cijfer(r, eenheid, {})
    return cijfers
