"""The figure of a choice of prisons together, where an output asks for fewer than all
(the monitoring report of a few prisons).

``indicator_afschermen`` protects a table of every prison with Flanders as their total,
the same table the Flanders dashboard shows. The total of a choice of prisons is one more
sum over that table's cells, and protecting it on its own would not see the rest of that
table: Flanders minus the chosen could give back what a hidden cell protects. So a count
of the choice is shown only when it is the sum of counts that are shown already: then it
tells nothing new. A count that includes a hidden one reads "x", as a hidden cell does;
a rate follows its counts. A median of several prisons cannot be computed from their
medians: "—".
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace

from hdv.afscherming import AFGESCHERMD
from rapportage.afscherming.cijfers import Cijfer
from rapportage.indicatoren.basis import Eenheid

# The mark of a figure that cannot be computed for a choice (a median of medians).
NIET_BEREKENBAAR = "—"


def _som(cijfers: Iterable[Cijfer], veld: str) -> tuple[int | None, str]:
    """The sum of a count over the prisons' figures; "x" when one of them is not shown."""
    totaal = 0
    for cijfer in cijfers:
        if getattr(cijfer, f"{veld}_teken"):
            return None, AFGESCHERMD
        totaal += getattr(cijfer, veld) or 0
    return totaal, ""


def selectie_afschermen(
    eenheid: str, per_gevangenis: Mapping[int, Cijfer], ids: Collection[int]
) -> Cijfer | None:
    """The chosen prisons' figure together, from every prison's figure as
    ``indicator_afschermen`` decided it for this reader (a prison without a rollup row
    has none). None: none of the chosen prisons has a figure ("geen gegevens").

    The answer is a ``Cijfer`` of no prison (``gevangenis_id`` None), the period and
    indicator of the prisons' figures.
    """
    gekozen = [c for g, c in per_gevangenis.items() if g in ids]
    if not gekozen:
        return None
    leeg = replace(
        gekozen[0],
        gevangenis_id=None,
        teller=None,
        noemer=None,
        waarde=None,
        teller_teken="",
        noemer_teken="",
        waarde_teken="",
    )
    if eenheid == Eenheid.DAGEN:
        return replace(
            leeg,
            teller_teken=NIET_BEREKENBAAR,
            noemer_teken=NIET_BEREKENBAAR,
            waarde_teken=NIET_BEREKENBAAR,
        )
    teller, teller_teken = _som(gekozen, "teller")
    if eenheid == Eenheid.AANTAL:
        return replace(
            leeg, teller=teller, teller_teken=teller_teken, waarde=teller, waarde_teken=teller_teken
        )
    noemer, noemer_teken = _som(gekozen, "noemer")
    waarde: float | None = None
    if teller is not None and noemer:
        waarde = round(teller * 100 / noemer, 1)
    return replace(
        leeg,
        teller=teller,
        noemer=noemer,
        waarde=waarde,
        teller_teken=teller_teken,
        noemer_teken=noemer_teken,
        waarde_teken=AFGESCHERMD if teller_teken or noemer_teken else "",
    )
