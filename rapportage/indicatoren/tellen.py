"""Counting per prison and for Flanders from the rows of one query over all prisons asked for.

An indicator's query returns one row per unit (a person, a stay, an enrolment) and the
prison it counts in. Grouping the rows by prison gives each prison's figure; all rows
together give Flanders', where a unit is counted once because it is a set element (a
person transferred in the period is one element, present in two prisons' rows).

Breakdown cells are left out when nothing is below the line (or counted, for a count):
only the total says "geen gegevens", as in ``uitsplitsen``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.utils import timezone

from rapportage.indicatoren.basis import Cel, Periode

T = TypeVar("T")
Bereik = int | None  # a prison's pk; None = Flanders


def peildatum(periode: Periode) -> datetime.date:
    """The last day that counts: the period's end, or today for the running period."""
    return min(periode.einde, timezone.localdate())


def binnen(qs: QuerySet[Any], pad: str, ids: Collection[int], vlaanderen: bool) -> QuerySet[Any]:
    """All prisons' rows when Flanders is asked for (it needs them), else only those asked."""
    return qs if vlaanderen else qs.filter(**{f"{pad}__in": list(ids)})


def per_gevangenis(
    rijen: Iterable[T], gevangenis: Callable[[T], int], ids: Collection[int], vlaanderen: bool
) -> dict[Bereik, list[T]]:
    """{prison pk: its rows} for the prisons asked, and {None: every row} for Flanders."""
    groepen: dict[Bereik, list[T]] = {pk: [] for pk in ids}
    alle: list[T] = []
    for rij in rijen:
        lijst = groepen.get(gevangenis(rij))
        if lijst is not None:
            lijst.append(rij)
        alle.append(rij)
    if vlaanderen:
        groepen[None] = alle
    return groepen


def ratio_per_sleutel(
    uitsplitsing: str,
    teller: Mapping[str, Collection[Any]],
    noemer: Mapping[str, Collection[Any]] | int,
    labels: Mapping[str, str],
) -> list[Cel]:
    """One rate cell per key: counted units ÷ the key's units (or a common denominator)."""
    sleutels = sorted(set(teller) | (set(noemer) if isinstance(noemer, Mapping) else set()))
    cellen = []
    for sleutel in sleutels:
        onder = len(noemer.get(sleutel, ())) if isinstance(noemer, Mapping) else noemer
        if onder:
            boven = len(teller.get(sleutel, ()))
            cellen.append(
                Cel.ratio(boven, onder, uitsplitsing, sleutel, labels.get(sleutel, sleutel))
            )
    return cellen


def aantal_per_sleutel(
    uitsplitsing: str, eenheden: Mapping[str, Collection[Any]], labels: Mapping[str, str]
) -> list[Cel]:
    return [
        Cel.aantal(len(eenheden[sleutel]), uitsplitsing, sleutel, labels.get(sleutel, sleutel))
        for sleutel in sorted(eenheden)
        if eenheden[sleutel]
    ]


def groeperen(paren: Iterable[tuple[str, Any]]) -> dict[str, set[Any]]:
    """{key: units} from (key, unit) pairs."""
    groepen: dict[str, set[Any]] = {}
    for sleutel, eenheid in paren:
        groepen.setdefault(sleutel, set()).add(eenheid)
    return groepen
