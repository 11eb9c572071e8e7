"""The figures a report is made of, kept with the report: the same parameters give the
same figures.

A report reads rollups, and rollups of a past period can still change (an attendance
registered late, a correction in the population feed, the nightly recomputation). So the
first report of a period takes a *momentopname*: the rollup rows it needs (every prison's
totals over the trend's periods and Flanders' breakdowns of the period, which the
suppression needs whatever prisons were chosen), the year's targets, the suppression
threshold and the time of the data. It is stored on the report as JSON, and every later
report of that period starts from the newest one, unless its requester asks for a
revision with the latest computed figures. Building from a momentopname reads no rollup:
the PDF and XLSX of two reports of a period show the same figure for the same prison.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q

from rapportage.indicatoren import Periode
from rapportage.models import Indicatorwaarde, Monitoringrapport, Streefcijfer

# The layout of the JSON: kept figures of another layout are not read (fresh ones are
# taken), so a field added later never makes an old period's reports fail.
VERSIE = 1
# The order of a row's fields in the JSON (a list per row keeps it small).
_VELDEN = (
    "indicator",
    "gevangenis_id",
    "periodesoort",
    "begin",
    "einde",
    "uitsplitsing",
    "sleutel",
    "label",
    "teller",
    "noemer",
    "waarde",
)
_DATUMS = frozenset({"begin", "einde"})


@dataclass(frozen=True)
class BewaardeRij:
    """A rollup row as kept in a momentopname: what the suppression reads of a row."""

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


@dataclass(frozen=True)
class BewaardStreefcijfer:
    waarde: Decimal


@dataclass(frozen=True)
class Momentopname:
    drempel: int
    gegevens_van: datetime.datetime | None
    rijen: tuple[BewaardeRij, ...]
    streefcijfers: dict[tuple[str, int | None], BewaardStreefcijfer]

    def als_json(self) -> dict[str, Any]:
        return {
            "versie": VERSIE,
            "drempel": self.drempel,
            "gegevens_van": self.gegevens_van.isoformat() if self.gegevens_van else None,
            "rijen": [
                [getattr(r, v).isoformat() if v in _DATUMS else getattr(r, v) for v in _VELDEN]
                for r in self.rijen
            ],
            "streefcijfers": [
                [code, gevangenis_id, str(s.waarde)]
                for (code, gevangenis_id), s in sorted(
                    self.streefcijfers.items(), key=lambda i: (i[0][0], i[0][1] or 0)
                )
            ],
        }

    @classmethod
    def uit_json(cls, gegevens: dict[str, Any]) -> Momentopname:
        rijen = []
        for lijst in gegevens["rijen"]:
            velden = dict(zip(_VELDEN, lijst, strict=True))
            for v in _DATUMS:
                velden[v] = datetime.date.fromisoformat(velden[v])
            rijen.append(BewaardeRij(**velden))
        van = gegevens.get("gegevens_van")
        return cls(
            drempel=int(gegevens["drempel"]),
            gegevens_van=datetime.datetime.fromisoformat(van) if van else None,
            rijen=tuple(rijen),
            streefcijfers={
                (code, gevangenis_id): BewaardStreefcijfer(Decimal(waarde))
                for code, gevangenis_id, waarde in gegevens["streefcijfers"]
            },
        )


def momentopname_nemen(
    perioden: Sequence[Periode],
    uitsplitsingen: Sequence[str],
    drempel: int,
    gegevens_van: datetime.datetime | None,
) -> Momentopname:
    """The rows and targets a report of the last of ``perioden`` needs: two queries."""
    laatste = perioden[-1]
    rijen = Indicatorwaarde.objects.filter(
        Q(periodesoort=laatste.soort, begin__in=[p.begin for p in perioden], uitsplitsing="")
        | Q(periodesoort=laatste.soort, begin=laatste.begin, uitsplitsing__in=uitsplitsingen)
    ).order_by("indicator", "begin", "gevangenis_id", "uitsplitsing", "sleutel")
    streefcijfers = Streefcijfer.objects.filter(jaar=laatste.begin.year)
    return Momentopname(
        drempel=drempel,
        gegevens_van=gegevens_van,
        rijen=tuple(BewaardeRij(**{v: getattr(r, v) for v in _VELDEN}) for r in rijen),
        streefcijfers={
            (s.indicator, s.gevangenis_id): BewaardStreefcijfer(s.waarde) for s in streefcijfers
        },
    )


def momentopname_voor(
    rapport: Monitoringrapport,
    perioden: Sequence[Periode],
    uitsplitsingen: Sequence[str],
    drempel: int,
    gegevens_van: datetime.datetime | None,
) -> Momentopname:
    """The report's figures: its own when it has them (a build that starts over), else
    those of the newest finished report of its period (unless it asked for a revision),
    else the rollups' now. Kept on the report before anything is built from them.

    Two reports of a period built at once would each take the rollups' figures (and a
    rollup may run in between): the period's reports are locked while one decides."""
    eigen = rapport.cijfers
    if eigen is not None and leesbaar(eigen):
        return Momentopname.uit_json(eigen)
    with transaction.atomic():
        list(
            Monitoringrapport.objects.select_for_update()
            .filter(periodesoort=rapport.periodesoort, begin=rapport.begin)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        vorige = (
            None
            if rapport.herziening
            else laatste_momentopname(rapport.periodesoort, rapport.begin, zonder=rapport.pk)
        )
        gegevens: dict[str, Any]
        if vorige is not None and vorige.cijfers is not None:
            gegevens = vorige.cijfers
        else:
            nieuw = momentopname_nemen(perioden, uitsplitsingen, drempel, gegevens_van)
            gegevens = nieuw.als_json()
        Monitoringrapport.objects.filter(pk=rapport.pk).update(cijfers=gegevens, cijfers_van=vorige)
    rapport.cijfers, rapport.cijfers_van = gegevens, vorige
    return Momentopname.uit_json(gegevens)


def leesbaar(gegevens: Any) -> bool:
    """Kept figures of this layout (``VERSIE``)."""
    return isinstance(gegevens, dict) and gegevens.get("versie") == VERSIE


def laatste_momentopname(
    periodesoort: str, begin: datetime.date, zonder: int = 0
) -> Monitoringrapport | None:
    """The newest finished report of this period with figures of this layout: where the
    next one starts. A failed report published nothing: its figures are not the period's."""
    kandidaten = (
        Monitoringrapport.objects.filter(
            periodesoort=periodesoort,
            begin=begin,
            cijfers__isnull=False,
            status=Monitoringrapport.Status.KLAAR,
        )
        .exclude(pk=zonder)
        .order_by("-klaar_op", "-id")
    )
    return next((r for r in kandidaten[:5] if leesbaar(r.cijfers)), None)
