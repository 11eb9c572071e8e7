"""Reads of deelname: waiting lists with positions, registers, always in scope."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from aanbod.models import Activiteit
from deelname.models import Aanwezigheid, Inschrijving, Status
from hdv.afscherming import As, Tabel, afschermen


def sessies_met_aanwezigheden(sessie_ids: list[int]) -> set[int]:
    """For aanbod's cancellation: a session with registered attendance asks to confirm."""
    return set(
        Aanwezigheid.objects.filter(sessie_id__in=sessie_ids).values_list("sessie_id", flat=True)
    )


def wachtlijst(*, user: Any, activiteit: Activiteit) -> QuerySet[Inschrijving]:
    """The waiting list of an activity, in order, with each person's position."""
    return (
        Inschrijving.objects.zichtbaar_voor(user)
        .filter(activiteit=activiteit, status=Status.WACHTLIJST)
        .annotate(
            positie=Window(
                RowNumber(),
                order_by=[F("prioriteit").asc(), F("aangevraagd_op").asc(), F("id").asc()],
            )
        )
        .select_related("gedetineerde")
        .order_by("prioriteit", "aangevraagd_op", "id")
    )


# The order of a waiting list: the first gets the next free place.
WACHTLIJSTVOLGORDE = ("prioriteit", "aangevraagd_op", "id")


def wachtenden_voor(inschrijving: Inschrijving) -> QuerySet[Inschrijving]:
    """Who waits ahead of this enrolment for the same activity (or individual offer in the
    prison), first in line first: everyone waiting, for one not on the list (yet)."""
    wachtend = Inschrijving.objects.filter(status=Status.WACHTLIJST).exclude(pk=inschrijving.pk)
    if inschrijving.activiteit_id:
        wachtend = wachtend.filter(activiteit_id=inschrijving.activiteit_id)
    else:
        wachtend = wachtend.filter(
            activiteit__isnull=True,
            aanbod_id=inschrijving.aanbod_id,
            gevangenis_id=inschrijving.gevangenis_id,
        )
    if inschrijving.status == Status.WACHTLIJST:
        prioriteit, op = inschrijving.prioriteit, inschrijving.aangevraagd_op
        wachtend = wachtend.filter(
            Q(prioriteit__lt=prioriteit)
            | Q(prioriteit=prioriteit, aangevraagd_op__lt=op)
            | Q(prioriteit=prioriteit, aangevraagd_op=op, pk__lt=inschrijving.pk)
        )
    return wachtend.order_by(*WACHTLIJSTVOLGORDE)


def wachtlijsten_per_gevangenis() -> QuerySet[Any]:
    """How many wait, per offer and prison, across Flanders: counts only, no one named
    (and not yet protected: see ``wachtlijsten_vlaanderen``)."""
    return (
        Inschrijving.objects.filter(status=Status.WACHTLIJST)
        .values("aanbod_id", "aanbod__titel_nl", "gevangenis_id", "gevangenis__naam")
        .annotate(aantal=Count("id"))
        .order_by("aanbod__titel_nl", "gevangenis__naam")
    )


@dataclass(frozen=True)
class Wachtlijstcijfer:
    """A count of the Flanders waiting lists as it may be published: ``aantal`` None is
    hidden, with its mark ("<5" or "x"). ``aanbod_id`` None: a prison's total;
    ``gevangenis_id`` None: Flanders'."""

    aanbod_id: int | None
    aanbod: str
    gevangenis_id: int | None
    gevangenis: str
    aantal: int | None
    teken: str = ""


@dataclass(frozen=True)
class WachtlijstenVlaanderen:
    per_aanbod: list[Wachtlijstcijfer]  # per offer: Flanders first, then its prisons
    per_gevangenis: list[Wachtlijstcijfer]  # each prison's total, then Flanders'


_VLAANDEREN, _TOTAAL = "vlaanderen", "totaal"


def wachtlijsten_vlaanderen(drempel: int) -> WachtlijstenVlaanderen:
    """How many wait, per offer and prison, with the totals per offer (Flanders) and per
    prison, through the small-cell suppression (hdv.afscherming): a count from 1 to
    drempel-1 is not shown, nor is any figure from which it could be computed back (an
    offer's Flanders total minus its other prisons). One query."""
    rijen = list(wachtlijsten_per_gevangenis())
    aanboden = {r["aanbod_id"]: r["aanbod__titel_nl"] for r in rijen}
    gevangenissen = {r["gevangenis_id"]: r["gevangenis__naam"] for r in rijen}
    waarden: dict[tuple[Hashable, ...], int] = {
        (r["gevangenis_id"], r["aanbod_id"]): r["aantal"] for r in rijen
    }
    for g in gevangenissen:
        waarden[(g, _TOTAAL)] = sum(waarden.get((g, a), 0) for a in aanboden)
    for a in [*aanboden, _TOTAAL]:
        waarden[(_VLAANDEREN, a)] = sum(waarden.get((g, a), 0) for g in gevangenissen)
    tabel = Tabel((As(tuple(gevangenissen), _VLAANDEREN), As(tuple(aanboden), _TOTAAL)), waarden)
    uitkomsten = afschermen(tabel, drempel)
    vlaanderen = _("Heel Vlaanderen")

    def cijfer(g: Any, a: Any) -> Wachtlijstcijfer:
        uitkomst = uitkomsten[(g, a)]
        return Wachtlijstcijfer(
            aanbod_id=None if a == _TOTAAL else a,
            aanbod=aanboden.get(a, ""),
            gevangenis_id=None if g == _VLAANDEREN else g,
            gevangenis=vlaanderen if g == _VLAANDEREN else gevangenissen[g],
            aantal=uitkomst.waarde,
            teken=uitkomst.teken,
        )

    per_gevangenis_naam = sorted(gevangenissen, key=lambda g: gevangenissen[g])
    per_aanbod = []
    for a in sorted(aanboden, key=lambda a: (aanboden[a].lower(), a)):
        per_aanbod.append(cijfer(_VLAANDEREN, a))
        # A prison without anyone waiting is left out, unless its zero is hidden (a
        # missing line would say 0).
        per_aanbod += [
            cijfer(g, a)
            for g in per_gevangenis_naam
            if waarden.get((g, a)) or uitkomsten[(g, a)].teken
        ]
    totalen = [cijfer(g, _TOTAAL) for g in per_gevangenis_naam]
    if gevangenissen:
        totalen.append(cijfer(_VLAANDEREN, _TOTAAL))
    return WachtlijstenVlaanderen(per_aanbod, totalen)
