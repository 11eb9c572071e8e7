"""Reads of deelname: waiting lists with positions, registers, always in scope."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from aanbod.models import Activiteit
from deelname.models import Aanwezigheid, Inschrijving, Status


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
