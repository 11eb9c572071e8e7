"""Small-cell suppression of one table of counts: the algorithm behind every aggregate
output above the level of a prison (rapportage's indicators and reports through
``rapportage.afscherming``, deelname's Flanders waiting lists). It lives in hdv so that
every app can use it without depending on rapportage; what it guarantees and why is
documented in ``rapportage.afscherming`` and docs/adr/0008-kleine-aantallen-afschermen.md.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

Cel = tuple[Hashable, ...]
ONEINDIG = math.inf
# A hidden cell that is not small: shown as this mark.
AFGESCHERMD = "x"
# Cubes are first looked for among the cheapest few alternatives per axis.
_SMAL = 6
# Hiding a zero costs more than hiding any count.
_NUL_KOSTEN = 10**9


def klein_teken(drempel: int) -> str:
    """The mark of a small count: "<5" for a threshold of 5. Below 3 the mark would name
    the count ("<2" is 1), so small counts read "x" like every hidden cell."""
    return f"<{drempel}" if drempel > 2 else AFGESCHERMD


@dataclass(frozen=True)
class As:
    """An axis: its parts and, if the table has one, the position of their total."""

    delen: tuple[Hashable, ...]
    totaal: Hashable | None = None

    @property
    def posities(self) -> tuple[Hashable, ...]:
        return self.delen if self.totaal is None else (*self.delen, self.totaal)


@dataclass
class Tabel:
    assen: tuple[As, ...]
    waarden: Mapping[Cel, int]  # a missing cell is 0
    verborgen: Collection[Cel] = frozenset()
    bekend: Collection[Cel] = frozenset()
    vast: Mapping[Cel, str] = field(default_factory=dict)  # "" = shown, else its mark

    def cellen(self) -> Iterator[Cel]:
        return itertools.product(*(a.posities for a in self.assen))

    def lijnen(self) -> Iterator[tuple[Cel, list[Cel]]]:
        """(margin, parts) of every line along an axis that has a margin."""
        for i, as_ in enumerate(self.assen):
            if as_.totaal is None:
                continue
            andere = [a.posities if j != i else (None,) for j, a in enumerate(self.assen)]
            for vast_deel in itertools.product(*andere):
                yield (
                    vervang(vast_deel, i, as_.totaal),
                    [vervang(vast_deel, i, deel) for deel in as_.delen],
                )


@dataclass(frozen=True)
class Uitkomst:
    """A cell as it may be published: its count, or a mark and no count."""

    waarde: int | None
    teken: str = ""

    @property
    def afgeschermd(self) -> bool:
        return bool(self.teken)

    def __str__(self) -> str:
        return self.teken or str(self.waarde)


def vervang(cel: Cel, i: int, positie: Hashable) -> Cel:
    return (*cel[:i], positie, *cel[i + 1 :])


def afschermen(tabel: Tabel, drempel: int) -> dict[Cel, Uitkomst]:
    """Every cell of the table that is not ``verborgen``, shown or hidden (see above)."""
    if drempel < 1:
        raise ValueError("drempel moet minstens 1 zijn")
    return _Afscherming(tabel, drempel).uitvoeren()


class _Afscherming:
    def __init__(self, tabel: Tabel, drempel: int) -> None:
        self.tabel = tabel
        self.drempel = drempel
        self.klein = klein_teken(drempel)
        self.bekend = frozenset(tabel.bekend)
        self.cellen = list(tabel.cellen())
        self.volgorde = {cel: i for i, cel in enumerate(self.cellen)}
        # Hidden cells and their mark ("" for a cell that is never shown).
        self.teken: dict[Cel, str] = {
            cel: teken for cel, teken in tabel.vast.items() if teken and cel not in self.bekend
        }
        for cel in tabel.verborgen:
            if cel not in self.bekend:
                self.teken.setdefault(cel, "")
        # Hidden cells whose mark tells nothing (step 4): "x" without "at least 5".
        self.vrij: set[Cel] = set()
        # What the reader computes from what he knows (Flanders, when his prison is the
        # only one) is no secret to him: it counts as known.
        self.bekend = frozenset(self.gekend(list(tabel.lijnen()), alleen_bekend=True))
        for cel in self.bekend:
            self.teken.pop(cel, None)

    def anderen(self, cel: Cel) -> int:
        """How many in a cell the reader does not know: for Flanders, the people outside
        his own prison (Flanders made of his own people only holds no one else)."""
        eigen = 0
        for i, as_ in enumerate(self.tabel.assen):
            if cel[i] == as_.totaal:
                delen = (vervang(cel, i, deel) for deel in as_.delen)
                eigen = max(eigen, sum(self.waarde(d) for d in delen if d in self.bekend))
        return self.waarde(cel) - eigen

    def merk(self, cel: Cel) -> str:
        """The mark of a cell hidden now: a count below the threshold (a zero among them,
        when only a zero can partner a small count) reads "<5", a larger one "x"."""
        return self.klein if self.waarde(cel) < self.drempel else AFGESCHERMD

    def waarde(self, cel: Cel) -> int:
        return self.tabel.waarden.get(cel, 0)

    def uitvoeren(self) -> dict[Cel, Uitkomst]:
        primair = sorted(
            (c for c in self.cellen if c not in self.bekend and 0 < self.anderen(c) < self.drempel),
            key=lambda c: (self.waarde(c), self.volgorde[c]),
        )
        for cel in primair:
            if cel not in self.tabel.vast:
                self.teken.setdefault(cel, self.merk(cel))
        beschermd = True
        for cel in primair:
            hoeken = self.kubus(cel)
            if hoeken is None:
                self.vrijgeven(self.vrij_te_geven(cel))
                hoeken = self.kubus(cel)
            if hoeken is None:
                beschermd = False
                break
            for hoek in hoeken:
                if hoek not in self.teken:
                    self.teken[hoek] = self.merk(hoek)
        if not (beschermd and self.lijnen_sluiten()):
            self.vrijgeven(self.cellen)
        verborgen = set(self.tabel.verborgen) - self.bekend
        return {
            cel: Uitkomst(None, self.teken[cel])
            if cel in self.teken
            else Uitkomst(self.waarde(cel))
            for cel in self.cellen
            if cel not in verborgen
        }

    # --- step 2: the cube --------------------------------------------------------------

    def kosten(self, cel: Cel) -> float:
        """What hiding this cell costs: 0 when hidden already, infinite when it may not."""
        if cel in self.bekend:
            return ONEINDIG
        if cel in self.teken:
            return 0
        if cel in self.tabel.vast:
            return ONEINDIG
        # A zero is hidden only when no count can partner: "0" tells more than "<5".
        return self.waarde(cel) or _NUL_KOSTEN

    def grenzen(self, cel: Cel) -> tuple[float, float]:
        """What a reader knows of a hidden cell from its mark."""
        teken = self.teken.get(cel) or self.merk(cel)
        if cel in self.vrij or (cel in self.tabel.verborgen and cel not in self.bekend):
            return 0, ONEINDIG
        if teken == self.klein and teken != AFGESCHERMD:
            # "<5" may be a hidden zero: the reader cannot count on at least 1.
            return 0, self.drempel - 1
        # "x" is at least the threshold, unless every hidden cell reads "x".
        return (0 if self.klein == AFGESCHERMD else self.drempel), ONEINDIG

    def hoeken(
        self, cel: Cel, assen: list[int], keuze: Iterable[Hashable]
    ) -> list[tuple[Cel, int]]:
        """The corners of a cube and their signs: parts of a line opposite, a margin with its
        part the same, so every line keeps its sum."""
        hoeken = [(cel, 1)]
        for i, positie in zip(assen, keuze, strict=True):
            zelfde = self.tabel.assen[i].totaal in (cel[i], positie)
            hoeken += [(vervang(h, i, positie), s if zelfde else -s) for h, s in hoeken]
        return hoeken

    def beweegbaar(self, hoeken: list[tuple[Cel, int]]) -> bool:
        for stap in (1, -1):
            if all(
                lo <= self.waarde(h) + s * stap <= hi
                for h, s in hoeken
                for lo, hi in [self.grenzen(h)]
            ):
                return True
        return False

    def samen_groot(self, cel: Cel, hoeken: list[tuple[Cel, int]]) -> bool:
        """A small corner moving against the cell keeps their sum fixed: together they must
        hold at least drempel (1 + 2 hidden in a line of shown cells would say 3)."""
        tegen = [self.waarde(h) for h, s in hoeken if s < 0 and self.waarde(h) < self.drempel]
        return not tegen or self.waarde(cel) + min(tegen) >= self.drempel

    def kubus(self, cel: Cel) -> list[Cel] | None:
        """The cheapest cube around a small cell, or None when it has none."""
        assen = [i for i, a in enumerate(self.tabel.assen) if a.totaal is not None]
        opties: list[list[tuple[float, Hashable]]] = []
        for i in assen:
            kandidaten = []
            for positie in self.tabel.assen[i].posities:
                if positie != cel[i]:
                    kosten = self.kosten(vervang(cel, i, positie))
                    if kosten < ONEINDIG:
                        kandidaten.append((kosten, positie))
            if not kandidaten:
                return None
            kandidaten.sort(key=lambda k: k[0])
            opties.append(kandidaten)
        for breedte in (_SMAL, None):
            # A cube costs at least what its neighbours of the cell cost: the cheapest
            # first, and stop when no cheaper one can come.
            keuzes = sorted(
                itertools.product(*(o[:breedte] for o in opties)),
                key=lambda keuze: sum(k for k, _ in keuze),
            )
            beste: tuple[float, list[Cel]] | None = None
            for keuze in keuzes:
                if beste is not None and sum(k for k, _ in keuze) >= beste[0]:
                    break
                hoeken = self.hoeken(cel, assen, [positie for _, positie in keuze])
                kosten = sum(self.kosten(h) for h, _ in hoeken)
                beter = kosten < ONEINDIG and (beste is None or kosten < beste[0])
                if beter and self.samen_groot(cel, hoeken) and self.beweegbaar(hoeken):
                    beste = (kosten, [h for h, _ in hoeken])
            if beste is not None:
                return beste[1]
            if all(len(o) <= _SMAL for o in opties):
                break
        return None

    # --- step 3: lines -----------------------------------------------------------------

    def verbergbaar(self, cel: Cel) -> bool:
        return (
            cel not in self.bekend
            and cel not in self.teken
            and cel not in self.tabel.vast
            and self.waarde(cel) > 0
        )

    def gekend(
        self, lijnen: list[tuple[Cel, list[Cel]]], *, alleen_bekend: bool = False
    ) -> set[Cel]:
        """What a reader knows: the shown cells (or only his own), and each cell that is
        the only unknown of a line (a rest from its teller and noemer)."""
        kennis = set(self.bekend)
        if not alleen_bekend:
            kennis |= {c for c in self.cellen if c not in self.teken}
        veranderd = True
        while veranderd:
            veranderd = False
            for totaal, delen in lijnen:
                onbekend = [c for c in (totaal, *delen) if c not in kennis]
                if len(onbekend) == 1:
                    kennis.add(onbekend[0])
                    veranderd = True
        return kennis

    def lijnen_sluiten(self) -> bool:
        lijnen = list(self.tabel.lijnen())
        while True:
            kennis = self.gekend(lijnen)
            gewijzigd = False
            for totaal, delen in lijnen:
                if totaal not in kennis:
                    continue
                som = sum(self.waarde(c) for c in delen if c not in kennis)
                if not 0 < som < self.drempel:
                    continue
                kandidaten = sorted(
                    (c for c in delen if self.verbergbaar(c)),
                    key=lambda c: (self.waarde(c), self.volgorde[c]),
                )
                if not kandidaten and self.verbergbaar(totaal):
                    kandidaten = [totaal]
                if not kandidaten:
                    return False
                self.teken[kandidaten[0]] = AFGESCHERMD
                kennis.discard(kandidaten[0])
                gewijzigd = True
            if not gewijzigd:
                return True

    # --- step 4 --------------------------------------------------------------------------

    def vrij_te_geven(self, cel: Cel) -> list[Cel]:
        """Every cell of the lines through ``cel`` (and ``cel``)."""
        return [
            lid
            for totaal, delen in self.tabel.lijnen()
            if cel == totaal or cel in delen
            for lid in (totaal, *delen)
        ]

    def vrijgeven(self, cellen: Iterable[Cel]) -> None:
        """Step 4: these cells read "x", also small counts and zeros: a mark then says
        nothing, and a known margin only what its parts sum to."""
        for cel in cellen:
            if not (cel in self.bekend or cel in self.tabel.vast or cel in self.tabel.verborgen):
                self.teken[cel] = AFGESCHERMD
                self.vrij.add(cel)
