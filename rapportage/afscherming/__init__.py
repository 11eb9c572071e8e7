"""Small-cell suppression (afscherming): the one way every aggregate output above the level
of a prison shows its figures (the Flanders dashboard, the API, the monitoring report).

Figures about a few people can point at a person: "2 of the 3 geïnterneerden in Ieper
stopped their therapy". Such counts are not shown, and neither is a figure from which
they can be computed back (a total minus the other cells; 38 of 40 says 2 did not).

Use ``indicator_afschermen(eenheid, rijen, drempel=settings.HDV_KLEINSTE_AANTAL,
eigen=<the reader's prison pks>)`` on the rollup rows of one indicator and period: it
answers every figure as a ``Cijfer``, a count or a mark. ``afschermen(Tabel, drempel)``
is the algorithm itself, on any grid of counts. ``selectie_afschermen`` gives the total
of a choice of prisons (fewer than all) from their figures as decided: shown only when
every part is shown (``rapportage.afscherming.selectie``).

The table
---------
A ``Tabel`` is a grid of counts on one or more axes: the prisons, the cells of a
breakdown, the parts of a rate (teller, and rest = noemer − teller). An axis may have a
margin: the position of the total of its parts (Flanders for the prisons, the total for
a breakdown, noemer for teller + rest). Every line along such an axis is a relation: the
parts add up to the margin. It is treated as exact, also where it is only close (Flanders
counts a transferred person once, a person may have needs in two domains).

A cell may be ``verborgen`` (never shown, like the rest of a rate, yet protected when
small), ``bekend`` (known to the reader: his own prison, shown as it is and counted as
known when the others are protected; so is what he computes from it alone), or ``vast``
(decided before, by the table of totals that a breakdown refines).

The algorithm
-------------
1. Primary: a cell holding 1 to drempel−1 people the reader does not know is hidden. A
   count below the threshold reads "<5" (the text follows the threshold; below 3 it
   reads "x", since "<2" would say 1); Flanders made of his own people only is no
   secret to a beleidscoördinator. Zero is shown: it names nobody, and hiding zeros would
   empty a heat map of rare offers. (A 0 % or 100 % says something about everyone in a
   group; as in the usual practice of statistical offices, that is accepted.)
2. Secondary, by hypercube: each primary cell gets a cube of hidden cells: on every axis
   with a margin one other position, all 2^k corners hidden, newly hidden ones reading
   "x" (or "<5" for a zero, used only when nothing else can partner). Adding t to the
   corners with alternating signs (a margin takes the sign of its part) changes no
   line's sum, so no combination of shown figures pins the cell down. Of the cubes whose
   corners all stay within what their marks tell ("<5" is 0–4, "x" at least 5) after a
   step t = +1 or −1, and where a small corner moving against the cell holds with it at
   least drempel (else their fixed sum, 1 + 2, would say 3), the cheapest is taken: the
   fewest counts newly hidden.
3. Lines: in a line whose margin is known, margin minus the shown parts is the sum of
   the hidden ones; while it lies from 1 to drempel−1, the smallest shown part (else the
   margin) is hidden too.
4. A cell without a cube: its lines read "x" throughout, small counts and zeros too, so
   the marks there tell nothing, and the search is tried again; failing that, or when a
   line of step 3 has nothing left to hide, every cell of the table that may be hidden
   reads "x" (only the fixed and known cells remain).
Hiding more never undoes an earlier step: an unknown more only adds possible solutions.
What that guarantees, and the property tests check on random tables
(tests/rapportage/test_afscherming.py): no shown cell holds 1 to drempel−1 unknown
people; no hidden small cell, and no sum of hidden cells from 1 to drempel−1, follows
from any combination of shown figures; within a line, every small cell keeps at least
two values that agree with the marks.

A rate, a median or a count is shown only when every count it comes from is shown; its
value reads "x" otherwise (a count keeps its own mark).

Nested breakdowns: an offer belongs to one provider, one domain and one category, so
per offer the figures nest in those of the others; a provider's figure minus its
offers' shown ones would give back what the per-offer protection hid. A breakdown that
nests (``GENEST``: per offer) is therefore not published above the level of a prison:
only the reader's own prisons show it, as they are.

Limits, on purpose: relations between periods (months in a quarter: a person counts once
in each) and between breakdowns that cross (domain and provider both split the same
total; the data may make a union of domains equal a union of providers) are not
modelled; each breakdown is protected with all prisons, Flanders and the totals it
refines. See
docs/adr/0008-kleine-aantallen-afschermen.md.
"""

from hdv.afscherming import (
    AFGESCHERMD,
    As,
    Tabel,
    Uitkomst,
    afschermen,
    klein_teken,
)
from rapportage.afscherming.cijfers import (
    GENEST,
    NOEMER,
    REST,
    TELLER,
    TOTAAL,
    VLAANDEREN,
    Cijfer,
    Plaats,
    Rij,
    indicator_afschermen,
    maten,
)
from rapportage.afscherming.selectie import NIET_BEREKENBAAR, selectie_afschermen

__all__ = [
    "AFGESCHERMD",
    "GENEST",
    "NIET_BEREKENBAAR",
    "NOEMER",
    "REST",
    "TELLER",
    "TOTAAL",
    "VLAANDEREN",
    "As",
    "Cijfer",
    "Plaats",
    "Rij",
    "Tabel",
    "Uitkomst",
    "afschermen",
    "indicator_afschermen",
    "klein_teken",
    "maten",
    "selectie_afschermen",
]
