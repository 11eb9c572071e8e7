"""Who was in prison, and with which legal status and target groups, for the indicators.

The stays (``Verblijf``) are the federal system's truth. A stay covers every day from
``van`` to ``tot`` inclusive: a person transferred on a day was, that day, in both prisons.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any

from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from aanbod.models import Doelgroep
from rapportage.indicatoren import tellen
from trajecten.models import Doelgroepvlag, Gedetineerde, Statuut, Statuutwijziging, Verblijf

ONBEKEND = "onbekend"


def verblijven_in(
    begin: datetime.date, einde: datetime.date, ids: Collection[int], vlaanderen: bool
) -> QuerySet[Verblijf]:
    """Stays with at least one day in [begin, einde]."""
    qs = Verblijf.objects.filter(van__lte=einde).filter(Q(tot__isnull=True) | Q(tot__gte=begin))
    return tellen.binnen(qs, "gevangenis_id", ids, vlaanderen)


def verblijven_op_einde_van(
    datum: datetime.date, ids: Collection[int], vlaanderen: bool
) -> QuerySet[Verblijf]:
    """Stays open at the end of ``datum``: one per person (a transfer that day counts in
    the receiving prison, a release that day no longer counts)."""
    qs = Verblijf.objects.filter(van__lte=datum).filter(Q(tot__isnull=True) | Q(tot__gt=datum))
    return tellen.binnen(qs, "gevangenis_id", ids, vlaanderen)


def statuut_op(verblijven: QuerySet[Verblijf], datum: datetime.date) -> dict[int, str]:
    """{person: legal status on ``datum``} for the people of these stays.

    The history (Statuutwijziging) decides; a person without history on that date keeps
    the status on their record, and one without any is "onbekend".
    """
    historiek = (
        Statuutwijziging.objects.filter(gedetineerde=OuterRef("pk"), sinds__lte=datum)
        .order_by("-sinds", "-id")
        .values("statuut")[:1]
    )
    rijen = (
        Gedetineerde.objects.filter(pk__in=verblijven.values("gedetineerde_id"))
        .annotate(op=Coalesce(Subquery(historiek), F("statuut"), Value("")))
        .values_list("pk", "op")
    )
    return {pk: statuut or ONBEKEND for pk, statuut in rijen}


def doelgroepen_op(verblijven: QuerySet[Verblijf], datum: datetime.date) -> list[tuple[int, str]]:
    """(person, target-group code) for the flags set on or before ``datum``."""
    return list(
        Doelgroepvlag.objects.filter(
            gedetineerde_id__in=verblijven.values("gedetineerde_id"), sinds__lte=datum
        ).values_list("gedetineerde_id", "doelgroep__code")
    )


def statuutlabels() -> dict[str, str]:
    return {**{s.value: str(s.label) for s in Statuut}, ONBEKEND: "onbekend"}


def doelgroeplabels() -> dict[str, str]:
    return dict(Doelgroep.objects.values_list("code", "naam"))


def personen_per_sleutel(
    personen: Collection[int], sleutel_van: dict[int, Any]
) -> dict[str, set[int]]:
    """{key: people} for a one-key-per-person attribute (the legal status)."""
    return tellen.groeperen((sleutel_van[p], p) for p in personen if p in sleutel_van)
