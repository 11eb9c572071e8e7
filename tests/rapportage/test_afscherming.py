"""Small-cell suppression: no shown cell, and no difference of shown figures, tells a
count from 1 to drempel−1.

The property tests draw many small random tables (one line, a cross table with margins,
a rate with its hidden rest, prisons × breakdown × rate with fixed totals) and check what
is published with an independent reckoner: exact linear algebra over every line of the
table, as a reader with all the shown figures would do it.
"""

from __future__ import annotations

import datetime
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import pytest

from rapportage.afscherming import (
    AFGESCHERMD,
    REST,
    TOTAAL,
    VLAANDEREN,
    As,
    Tabel,
    Uitkomst,
    afschermen,
    indicator_afschermen,
    klein_teken,
    maten,
)
from rapportage.indicatoren.basis import Eenheid

# --- the reckoner ------------------------------------------------------------------------


def _rref(rijen: list[dict[object, Fraction]]) -> list[tuple[object, dict[object, Fraction]]]:
    """Reduced row echelon form of sparse rows: [(pivot, row)]."""
    basis: list[tuple[object, dict[object, Fraction]]] = []
    for rij in rijen:
        rij = dict(rij)
        for pivot, b in basis:
            if rij.get(pivot):
                f = rij[pivot]
                for k, v in b.items():
                    rij[k] = rij.get(k, Fraction(0)) - f * v
        rij = {k: v for k, v in rij.items() if v}
        if not rij:
            continue
        pivot = next(iter(sorted(rij, key=repr)))
        f = rij[pivot]
        rij = {k: v / f for k, v in rij.items()}
        nieuw = []
        for p, b in basis:
            if b.get(pivot):
                g = b[pivot]
                b = {k: b.get(k, Fraction(0)) - g * rij.get(k, Fraction(0)) for k in b | rij}
                b = {k: v for k, v in b.items() if v}
            nieuw.append((p, b))
        basis = [*nieuw, (pivot, rij)]
    return basis


def _in_rijruimte(basis, vector: dict[object, Fraction]) -> bool:
    vector = dict(vector)
    for pivot, b in basis:
        if vector.get(pivot):
            f = vector[pivot]
            for k, v in b.items():
                vector[k] = vector.get(k, Fraction(0)) - f * v
    return not any(vector.values())


@dataclass
class Lezing:
    """What a reader makes of a published table."""

    tabel: Tabel
    uitkomst: dict
    drempel: int
    # Cells decided together: what "x" means is read per table.
    laag: Callable = lambda cel: 0

    def waarde(self, cel) -> int:
        return self.tabel.waarden.get(cel, 0)

    def onbekend(self) -> list:
        return [
            c
            for c in self.tabel.cellen()
            if c not in self.tabel.bekend and (c not in self.uitkomst or self.uitkomst[c].teken)
        ]

    def basis(self, onbekend: set):
        vergelijkingen = []
        for totaal, delen in self.tabel.lijnen():
            rij = {c: Fraction(1) for c in delen if c in onbekend}
            if totaal in onbekend:
                rij[totaal] = Fraction(-1)
            if rij:
                vergelijkingen.append(rij)
        return _rref(vergelijkingen)

    def grenzen(self, cel) -> tuple[float, float]:
        """What the marks tell: "<5" is 0–4 (a zero may partner a small count), "x" at
        least 5 in a table (``laag``) where every "x" is, an unshown rest anything."""
        teken = self.uitkomst[cel].teken if cel in self.uitkomst else ""
        if teken.startswith("<"):
            return 0, self.drempel - 1
        if teken == AFGESCHERMD and self.drempel > 2:
            andere = [
                self.waarde(c)
                for c, u in self.uitkomst.items()
                if u.teken == AFGESCHERMD and self.laag(c) == self.laag(cel)
            ]
            if min(andere) >= self.drempel:
                return self.drempel, float("inf")
        return 0, float("inf")


def _klein(lezing: Lezing, waarde: int) -> bool:
    return 0 < waarde < lezing.drempel


def _anderen(tabel: Tabel, cel) -> int:
    """The people in a cell the reader does not know (a margin less his own parts)."""
    eigen = 0
    for i, as_ in enumerate(tabel.assen):
        if cel[i] == as_.totaal:
            delen = [(*cel[:i], d, *cel[i + 1 :]) for d in as_.delen]
            eigen = max(eigen, sum(tabel.waarden.get(d, 0) for d in delen if d in tabel.bekend))
    return tabel.waarden.get(cel, 0) - eigen


def controleren(tabel: Tabel, drempel: int, uitkomst: dict[tuple, Uitkomst], laag=None) -> None:
    lezing = Lezing(tabel, uitkomst, drempel, laag or (lambda cel: 0))
    # What the reader knows from his own cells alone is no disclosure.
    eigen = lezing.basis({c for c in tabel.cellen() if c not in tabel.bekend})
    # 1. Every shown cell is 0, at least the threshold, or known to the reader already;
    #    a hidden one reads "<5" below the threshold (a zero too), "x" above it.
    for cel, u in uitkomst.items():
        if not u.teken:
            assert u.waarde == lezing.waarde(cel)
            if cel not in tabel.bekend and not _in_rijruimte(eigen, {cel: Fraction(1)}):
                assert not _klein(lezing, _anderen(tabel, cel)), (cel, u)
        else:
            assert u.waarde is None
            # A small count reads "<5", unless its line says nothing at all ("x").
            assert u.teken in (klein_teken(drempel) if lezing.waarde(cel) < drempel else "x", "x")
    onbekend = lezing.onbekend()
    basis = lezing.basis(set(onbekend))

    def onthuld(groep) -> bool:
        vector = dict.fromkeys(groep, Fraction(1))
        return _in_rijruimte(basis, vector) and not _in_rijruimte(eigen, vector)

    # 2. No small unknown cell follows from the shown figures.
    for cel in onbekend:
        if _klein(lezing, _anderen(tabel, cel)):
            assert not onthuld([cel]), cel
    # 3. No sum of unknown cells that follows from the shown figures (a margin minus
    #    its shown parts, and any combination of lines) is from 1 to drempel−1.
    groepen = (
        itertools.chain.from_iterable(
            itertools.combinations(onbekend, n) for n in range(1, len(onbekend) + 1)
        )
        if len(onbekend) <= 10
        else (random.Random(1).sample(onbekend, k) for k in [2, 3, 4] * 300)
    )
    for groep in groepen:
        if _klein(lezing, sum(_anderen(tabel, c) for c in groep)):
            assert not onthuld(groep), groep
    # 4. Within each line, what the marks say ("<5" is 1–4, "x" at least 5) leaves every
    #    small cell at least two possible values.
    for totaal, delen in tabel.lijnen():
        leden = [(totaal, -1), *((d, 1) for d in delen)]
        if any(c in tabel.verborgen and c not in onbekend for c, _ in leden):
            continue
        rest = -sum(s * lezing.waarde(c) for c, s in leden if c not in onbekend)
        for cel, s in leden:
            if cel not in onbekend or not _klein(lezing, _anderen(tabel, cel)):
                continue
            if _in_rijruimte(eigen, {cel: Fraction(1)}):
                continue
            andere = [(c, t) for c, t in leden if c in onbekend and c != cel]
            lo_cel, hi_cel = lezing.grenzen(cel)
            # s·x = rest − Σ t·y over the other unknowns.
            hoog = rest - sum(t * (lezing.grenzen(c)[0] if t > 0 else lezing.grenzen(c)[1])
                              for c, t in andere)  # fmt: skip
            laag = rest - sum(t * (lezing.grenzen(c)[1] if t > 0 else lezing.grenzen(c)[0])
                              for c, t in andere)  # fmt: skip
            if s < 0:
                laag, hoog = -hoog, -laag
            assert min(hoog, hi_cel) - max(laag, lo_cel) >= 1, (cel, totaal)


# --- random tables -----------------------------------------------------------------------


def _getal(rnd: random.Random, drempel: int) -> int:
    return rnd.choice([0, 0, rnd.randint(1, drempel - 1), rnd.randint(1, drempel - 1),
                       rnd.randint(drempel, 3 * drempel), rnd.randint(drempel, 30)])  # fmt: skip


def _met_margins(assen: tuple[As, ...], delen: dict) -> dict:
    """Fill every margin with the sum of its parts."""
    waarden = dict(delen)
    # A margin (or a margin of margins) is the sum of every part below it.
    for cel in itertools.product(*(a.posities for a in assen)):
        if all(cel[i] != a.totaal for i, a in enumerate(assen)):
            continue
        bereiken = [a.delen if cel[i] == a.totaal else (cel[i],) for i, a in enumerate(assen)]
        waarden[cel] = sum(delen.get(d, 0) for d in itertools.product(*bereiken))
    return waarden


def _kruistabel(rnd, drempel, vormen):
    assen = tuple(As(tuple(range(n)), "T") for n in vormen)
    delen = {c: _getal(rnd, drempel) for c in itertools.product(*(a.delen for a in assen))}
    return Tabel(assen, _met_margins(assen, delen))


def _rate(rnd, drempel, n):
    """Prisons × (teller, rest | noemer), the rest hidden."""
    assen = (As(tuple(range(n)), "VL"), As(("teller", "rest"), "noemer"))
    delen = {}
    for g in range(n):
        noemer = _getal(rnd, drempel)
        teller = rnd.randint(0, noemer)
        delen[(g, "teller")], delen[(g, "rest")] = teller, noemer - teller
    waarden = _met_margins(assen, delen)
    verborgen = frozenset(c for c in waarden if c[1] == "rest")
    bekend = frozenset(c for c in waarden if c[0] == 0) if rnd.random() < 0.3 else frozenset()
    return Tabel(assen, waarden, verborgen=verborgen, bekend=bekend)


DREMPELS = [2, 3, 5]


@pytest.mark.parametrize("seed", range(60))
def test_one_line_reveals_no_small_count(seed):
    rnd = random.Random(seed)
    drempel = rnd.choice(DREMPELS)
    tabel = _kruistabel(rnd, drempel, [rnd.randint(1, 7)])
    controleren(tabel, drempel, afschermen(tabel, drempel))


@pytest.mark.parametrize("seed", range(80))
def test_a_cross_table_with_margins_reveals_no_small_count(seed):
    rnd = random.Random(1000 + seed)
    drempel = rnd.choice(DREMPELS)
    tabel = _kruistabel(rnd, drempel, [rnd.randint(1, 4), rnd.randint(1, 4)])
    controleren(tabel, drempel, afschermen(tabel, drempel))


@pytest.mark.parametrize("seed", range(60))
def test_a_rate_reveals_no_small_count_nor_its_complement(seed):
    rnd = random.Random(2000 + seed)
    drempel = rnd.choice(DREMPELS)
    tabel = _rate(rnd, drempel, rnd.randint(1, 5))
    controleren(tabel, drempel, afschermen(tabel, drempel))


@pytest.mark.parametrize("seed", range(25))
def test_a_three_way_table_reveals_no_small_count(seed):
    rnd = random.Random(3000 + seed)
    drempel = rnd.choice(DREMPELS)
    tabel = _kruistabel(rnd, drempel, [rnd.randint(1, 3), rnd.randint(1, 3), 2])
    controleren(tabel, drempel, afschermen(tabel, drempel))


# --- fixed examples ----------------------------------------------------------------------


def _lijn(*delen: int) -> Tabel:
    assen = (As(tuple(range(len(delen))), "T"),)
    waarden = {(i,): v for i, v in enumerate(delen)} | {("T",): sum(delen)}
    return Tabel(assen, waarden)


def _getoond(uitkomst) -> dict:
    return {c: str(u) for c, u in uitkomst.items()}


def test_a_small_count_reads_below_the_threshold_and_its_partner_is_hidden_too():
    uitkomst = afschermen(_lijn(3, 12, 40, 0), 5)

    assert _getoond(uitkomst) == {(0,): "<5", (1,): "x", (2,): "40", (3,): "0", ("T",): "55"}


def test_zero_is_shown_it_names_nobody():
    uitkomst = afschermen(_lijn(0, 0, 40), 5)

    assert _getoond(uitkomst) == {(0,): "0", (1,): "0", (2,): "40", ("T",): "40"}


def test_two_small_counts_that_add_up_to_a_small_difference_take_a_third():
    # 1 + 2 = 3: the total minus the shown cells would say 3 people are in the two.
    uitkomst = afschermen(_lijn(1, 2, 20, 30), 5)

    assert _getoond(uitkomst) == {(0,): "<5", (1,): "<5", (2,): "x", (3,): "30", ("T",): "53"}


def test_two_fours_are_not_pinned_by_their_marks():
    # 4 + 4 = 8 and "<5" says at most 4 each: both would be 4; one more cell is hidden.
    uitkomst = afschermen(_lijn(4, 4, 20), 5)

    assert _getoond(uitkomst) == {(0,): "<5", (1,): "<5", (2,): "x", ("T",): "28"}


def test_a_threshold_of_one_hides_nothing():
    uitkomst = afschermen(_lijn(1, 2, 20), 1)

    assert not any(u.afgeschermd for u in uitkomst.values())


def test_the_mark_follows_the_threshold():
    uitkomst = afschermen(_lijn(6, 9, 20), 10)

    assert str(uitkomst[(0,)]) == "<10"


def test_a_known_cell_is_shown_and_the_others_are_protected_around_it():
    # The reader knows part 0 (his prison): it cannot be the partner of part 1.
    tabel = _lijn(3, 2, 40, 50)
    tabel.bekend = frozenset({(0,)})

    uitkomst = afschermen(tabel, 5)

    assert str(uitkomst[(0,)]) == "3"
    assert str(uitkomst[(1,)]) == "<5"
    assert str(uitkomst[(2,)]) == "x"
    controleren(tabel, 5, uitkomst)


def test_a_fixed_cell_keeps_its_mark():
    tabel = _lijn(3, 20, 40)
    tabel.vast = {("T",): "x"}

    uitkomst = afschermen(tabel, 5)

    assert str(uitkomst[("T",)]) == "x"


# --- indicator figures -------------------------------------------------------------------

BEGIN = datetime.date(2025, 3, 1)


@dataclass(frozen=True)
class R:
    gevangenis_id: int | None
    teller: int | None
    noemer: int | None
    uitsplitsing: str = ""
    sleutel: str = ""
    indicator: str = "proef"
    periodesoort: str = "maand"
    begin: datetime.date = BEGIN
    einde: datetime.date = datetime.date(2025, 3, 31)
    label: str = ""
    eigen_waarde: float | None = None

    @property
    def waarde(self) -> float | None:
        if self.eigen_waarde is not None:
            return self.eigen_waarde
        if self.noemer:
            return round(100 * (self.teller or 0) / self.noemer, 1)
        return None


def _rijen_rate():
    # Prisons 1, 2, 3 and Flanders; prison 2 has 2 of 3.
    return [R(1, 30, 40), R(2, 2, 3), R(3, 20, 25), R(None, 52, 68)]


def test_a_rate_with_a_small_teller_is_hidden_and_so_is_its_partner():
    cijfers = indicator_afschermen(Eenheid.PERCENTAGE, _rijen_rate(), drempel=5)

    klein = cijfers[(2, "", "")]
    assert (klein.teller, klein.teller_teken, klein.noemer_teken) == (None, "<5", "<5")
    assert klein.waarde is None
    assert klein.waarde_teken == "x"
    assert klein.afgeschermd
    assert sum(c.afgeschermd for c in cijfers.values()) >= 2
    assert not cijfers[(None, "", "")].geen_gegevens


def test_a_rate_of_38_of_40_is_hidden_the_2_who_did_not_are_a_small_count():
    rijen = [R(1, 38, 40), R(2, 30, 40), R(3, 20, 25), R(None, 88, 105)]

    cijfers = indicator_afschermen(Eenheid.PERCENTAGE, rijen, drempel=5)

    assert cijfers[(1, "", "")].afgeschermd
    assert cijfers[(1, "", "")].noemer == 40  # the denominator alone tells nothing


def test_the_own_prison_is_shown_as_it_is():
    cijfers = indicator_afschermen(Eenheid.PERCENTAGE, _rijen_rate(), drempel=5, eigen={2})

    eigen = cijfers[(2, "", "")]
    assert (eigen.teller, eigen.noemer, eigen.waarde) == (2, 3, 66.7)
    assert not eigen.afgeschermd


def test_no_data_is_geen_gegevens_not_zero():
    cijfers = indicator_afschermen(Eenheid.PERCENTAGE, [R(1, 0, 0), R(None, 0, 0)], drempel=5)

    assert cijfers[(1, "", "")].geen_gegevens
    assert cijfers[(1, "", "")].waarde is None


def test_a_count_keeps_its_own_mark():
    rijen = [R(g, n, None, eigen_waarde=n) for g, n in [(1, 3), (2, 12), (3, 40), (None, 55)]]

    cijfers = indicator_afschermen(Eenheid.AANTAL, rijen, drempel=5)

    assert cijfers[(1, "", "")].waarde_teken == "<5"
    assert cijfers[(2, "", "")].waarde_teken == "x"
    assert cijfers[(3, "", "")].waarde == 40


def test_a_median_over_few_cases_is_hidden():
    rijen = [
        R(1, None, 3, indicator="dagen"),
        R(2, None, 30, indicator="dagen"),
        R(3, None, 40, indicator="dagen"),
        R(None, None, 73, indicator="dagen"),
    ]

    cijfers = indicator_afschermen(Eenheid.DAGEN, rijen, drempel=5)

    assert cijfers[(1, "", "")].waarde_teken == "x"
    assert cijfers[(1, "", "")].noemer_teken == "<5"


def _indicator_tabel(cijfers, rijen, eenheid, eigen):
    """The whole cube (prisons × cells × counts) as published, for the reckoner."""
    gevangenissen = sorted({r.gevangenis_id for r in rijen} - {None})
    sleutels = sorted({r.sleutel for r in rijen if r.uitsplitsing})
    maat_as = maten(eenheid)
    assen = (
        As(tuple(gevangenissen), VLAANDEREN),
        As(tuple(sleutels), TOTAAL),
        maat_as,
    )
    waarden, uitkomst = {}, {}
    for r in rijen:
        g = VLAANDEREN if r.gevangenis_id is None else r.gevangenis_id
        s = r.sleutel if r.uitsplitsing else TOTAAL
        c = cijfers[(r.gevangenis_id, r.uitsplitsing, r.sleutel)]
        waarden[(g, s, "teller")] = r.teller or 0
        waarden[(g, s, "noemer")] = r.noemer or 0
        waarden[(g, s, REST)] = (r.noemer or 0) - (r.teller or 0)
        uitkomst[(g, s, "teller")] = Uitkomst(c.teller, c.teller_teken)
        uitkomst[(g, s, "noemer")] = Uitkomst(c.noemer, c.noemer_teken)
    cellen = list(itertools.product(*(a.posities for a in assen)))
    for cel in cellen:
        if cel not in uitkomst and cel[-1] != REST:
            uitkomst[cel] = Uitkomst(0)
    verborgen = frozenset(c for c in cellen if c[-1] == REST)
    bekend = frozenset(c for c in cellen if c[0] in eigen)
    return Tabel(assen, waarden, verborgen, bekend), uitkomst


@pytest.mark.parametrize("seed", range(25))
def test_a_breakdown_with_its_totals_reveals_no_small_count(seed):
    rnd = random.Random(4000 + seed)
    drempel = rnd.choice([3, 5])
    gevangenissen = list(range(1, rnd.randint(2, 4)))
    sleutels = ["a", "b", "c"][: rnd.randint(1, 3)]
    rijen = []
    som: dict = {}
    for g in gevangenissen:
        for s in sleutels:
            noemer = _getal(rnd, drempel)
            teller = rnd.randint(0, noemer)
            rijen.append(R(g, teller, noemer, "domein", s))
            for plek in [(g, ""), (None, s), (None, "")]:
                t, n = som.get(plek, (0, 0))
                som[plek] = (t + teller, n + noemer)
    rijen += [R(g, *som[(g, "")]) for g in gevangenissen]
    rijen += [R(None, *som[(None, s)], "domein", s) for s in sleutels]
    rijen.append(R(None, *som[(None, "")]))
    eigen = {1} if rnd.random() < 0.3 else set()

    cijfers = indicator_afschermen(Eenheid.PERCENTAGE, rijen, drempel=drempel, eigen=eigen)

    tabel, uitkomst = _indicator_tabel(cijfers, rijen, Eenheid.PERCENTAGE, eigen)
    controleren(tabel, drempel, uitkomst, laag=lambda cel: cel[1] == TOTAAL)
    for c in cijfers.values():
        if c.teller_teken or c.noemer_teken:
            assert c.waarde is None
            assert c.waarde_teken == "x"


def test_a_nested_breakdown_is_only_answered_for_the_prisons_the_reader_knows():
    from types import SimpleNamespace

    from rapportage.afscherming import GENEST, indicator_afschermen

    assert "aanbod" in GENEST

    def r(gevangenis, teller, uitsplitsing="", sleutel=""):
        return SimpleNamespace(
            indicator="proef", gevangenis_id=gevangenis, periodesoort="maand",
            begin=datetime.date(2025, 3, 1), einde=datetime.date(2025, 3, 31),
            uitsplitsing=uitsplitsing, sleutel=sleutel, label=sleutel,
            teller=teller, noemer=None, waarde=float(teller),
        )  # fmt: skip

    rijen = [r(1, 20), r(2, 30), r(None, 50)]
    rijen += [r(1, 12, "aanbieder", "VDAB"), r(2, 30, "aanbieder", "VDAB")]
    rijen += [r(None, 42, "aanbieder", "VDAB")]
    rijen += [r(1, 9, "aanbod", "3"), r(1, 3, "aanbod", "4"), r(2, 30, "aanbod", "3")]
    rijen += [r(None, 39, "aanbod", "3"), r(None, 3, "aanbod", "4")]

    centraal = indicator_afschermen("aantal", rijen, drempel=5)
    eigen = indicator_afschermen("aantal", rijen, drempel=5, eigen={1})

    # Centrally, the provider's 12 minus an offer's 9 would say 3: no offer is answered.
    assert not [p for p in centraal if p[1] == "aanbod"]
    assert (1, "aanbieder", "VDAB") in centraal
    # The own prison's offers as they are, nobody else's.
    assert {p for p in eigen if p[1] == "aanbod"} == {(1, "aanbod", "3"), (1, "aanbod", "4")}
    assert eigen[(1, "aanbod", "4")].teller == 3
