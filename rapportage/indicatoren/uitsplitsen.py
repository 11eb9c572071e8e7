"""Counts per prison, per breakdown key, from GROUP BY queries over all prisons asked for.

For the indicators whose unit belongs to one prison only (an enrolment, a session, a
referral, a transfer, a release), Flanders is the sum of the prisons: no unit is in two
prisons' rows. So one query grouped by (prison, key) gives every prison's cells and
Flanders' (``basis.berekening_alle``), instead of one query per prison.

The keys are the ones ``basis.UITSPLITSINGEN`` names: the life-domain value, the
provider's ``Organisatie.afkorting``, the category's and reason's code, the offer's pk as
text. A breakdown cell with nothing below the line (or nothing counted, for a count) is
left out: only the total says "geen gegevens".
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet

from aanbod.models import Levensdomein
from rapportage.indicatoren.basis import Cel

Bereik = int | None  # a prison's pk; None = Flanders
Rijen = dict[str, dict[str, Any]]  # {key: {"label": …, <telling>: n, …}}


@dataclass(frozen=True)
class Uitsplitsing:
    code: str  # a key of basis.UITSPLITSINGEN
    sleutel: str  # field path of the key, from the counted model
    label: str = ""  # field path of the label; "" = the key's choice label (domein)

    def via(self, pad: str) -> Uitsplitsing:
        """The same breakdown seen from a model that reaches this one through ``pad``."""
        return Uitsplitsing(
            self.code, f"{pad}__{self.sleutel}", f"{pad}__{self.label}" if self.label else ""
        )


def domein(pad: str) -> Uitsplitsing:
    return Uitsplitsing("domein", pad)


def aanbieder(pad: str) -> Uitsplitsing:
    """``pad`` leads to an Organisatie."""
    return Uitsplitsing("aanbieder", f"{pad}__afkorting", f"{pad}__naam")


def categorie(pad: str) -> Uitsplitsing:
    """``pad`` leads to a Rapportagecategorie."""
    return Uitsplitsing("categorie", f"{pad}__code", f"{pad}__naam")


def aanbod(pad: str) -> Uitsplitsing:
    """``pad`` leads to an Aanbod."""
    return Uitsplitsing("aanbod", f"{pad}__pk", f"{pad}__titel_nl")


def reden(pad: str) -> Uitsplitsing:
    """``pad`` leads to a reason table with ``code`` and ``naam`` (Annuleringsreden)."""
    return Uitsplitsing("reden", f"{pad}__code", f"{pad}__naam")


def _label(uitsplitsing: Uitsplitsing | None, rij: Mapping[str, Any]) -> str:
    if uitsplitsing is None:
        return ""
    if uitsplitsing.label:
        return str(rij["label"])
    sleutel = rij["sleutel"]
    return str(Levensdomein(sleutel).label) if sleutel in Levensdomein.values else str(sleutel)


def tellen(
    qs: QuerySet[Any],
    gevangenis: str,
    uitsplitsing: Uitsplitsing | None,
    ids: Collection[int],
    vlaanderen: bool,
    **tellingen: Any,
) -> dict[Bereik, Rijen]:
    """{prison pk, and None for Flanders: {key: counts}}; the key is "" for the total.

    ``gevangenis`` is the path (or annotation) of the prison a row counts in. Every prison
    asked for is in the result, also without rows.
    """
    if not vlaanderen:
        qs = qs.filter(**{f"{gevangenis}__in": list(ids)})
    velden: dict[str, Any] = {"bereik": F(gevangenis)}
    if uitsplitsing is not None:
        velden["sleutel"] = F(uitsplitsing.sleutel)
        if uitsplitsing.label:
            velden["label"] = F(uitsplitsing.label)
    uitkomst: dict[Bereik, Rijen] = {pk: {} for pk in ids}
    if vlaanderen:
        uitkomst[None] = {}
    for rij in qs.order_by().values(**velden).annotate(**tellingen):
        if uitsplitsing is not None and rij["sleutel"] is None:
            continue
        sleutel = "" if uitsplitsing is None else str(rij["sleutel"])
        for bereik in {rij["bereik"], None}:
            if bereik not in uitkomst:
                continue
            cel = uitkomst[bereik].setdefault(
                sleutel, {"label": _label(uitsplitsing, rij), **dict.fromkeys(tellingen, 0)}
            )
            for telling in tellingen:
                cel[telling] += rij[telling] or 0
    return uitkomst


def totaal(rijen: Rijen, telling: str) -> int:
    return int(rijen.get("", {}).get(telling, 0))


def ratio_cellen(
    uitsplitsing: Uitsplitsing, rijen: Rijen, teller: str = "teller", noemer: str = "noemer"
) -> list[Cel]:
    return [
        Cel.ratio(rij.get(teller, 0), rij[noemer], uitsplitsing.code, sleutel, rij["label"])
        for sleutel, rij in sorted(rijen.items())
        if rij[noemer]
    ]


def aantal_cellen(uitsplitsing: Uitsplitsing, rijen: Rijen, teller: str = "teller") -> list[Cel]:
    return [
        Cel.aantal(rij[teller], uitsplitsing.code, sleutel, rij["label"])
        for sleutel, rij in sorted(rijen.items())
        if rij[teller]
    ]
