"""Reads for detainees' requests: the terminal's own view of one person, and staff's queue.

The terminal reads are filtered to the one person of the account, never through the
staff scope (a detainee has no prisons); the queue is the staff scope of one prison.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from aanbod.models import AanbodInGevangenis, Activiteit
from deelname.models import Aanvraag, Gedetineerdeaccount, Inschrijving
from hdv.models import Gevangenis
from trajecten.models import Gedetineerde

# The languages the catalogue is written in; others read Dutch.
CATALOGUSTALEN = ("nl", "fr", "en")


def terminalaccount_van(user: Any) -> Gedetineerdeaccount | None:
    """The terminal account of the signed-in user, with the person and the prison."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Gedetineerdeaccount.objects.select_related("gedetineerde__huidige_gevangenis")
        .filter(user=user)
        .first()
    )


def taal_van(gedetineerde: Gedetineerde) -> str:
    """The first of the person's languages the catalogue has, else Dutch."""
    for taal in gedetineerde.talen or []:
        code = str(taal).lower()[:2]
        if code in CATALOGUSTALEN:
            return code
    return "nl"


def aanbod_voor(gedetineerde: Gedetineerde) -> QuerySet[AanbodInGevangenis]:
    """What the person's prison offers today (not archived, started, not ended).

    Nothing once the person has left (released): the prison is then only the last one.
    """
    vandaag = timezone.localdate()
    gevangenis_id = gedetineerde.huidige_gevangenis_id
    if (
        gevangenis_id is None
        or not gedetineerde.verblijven.filter(
            tot__isnull=True, gevangenis_id=gevangenis_id
        ).exists()
    ):
        return AanbodInGevangenis.objects.none()
    return (
        AanbodInGevangenis.objects.filter(
            Q(tot__isnull=True) | Q(tot__gte=vandaag),
            gevangenis_id=gevangenis_id,
            sinds__lte=vandaag,
            aanbod__gearchiveerd_op__isnull=True,
        )
        .select_related("aanbod")
        .order_by("aanbod__levensdomein", "aanbod__titel_nl", "pk")
    )


def eigen_aanvragen(gedetineerde: Gedetineerde) -> QuerySet[Aanvraag]:
    """The person's requests, newest first."""
    return (
        Aanvraag.objects.filter(gedetineerde=gedetineerde)
        .select_related("aanbod", "inschrijving__activiteit")
        .order_by("-ingediend_op", "-id")
    )


def eigen_inschrijvingen(gedetineerde: Gedetineerde) -> QuerySet[Inschrijving]:
    """The person's enrolments, newest first."""
    return (
        Inschrijving.objects.filter(gedetineerde=gedetineerde)
        .select_related("aanbod", "activiteit")
        .order_by("-aangevraagd_op", "-id")
    )


def wachtrij(
    *, user: Any, gevangenis: Gevangenis | None, status: str = Aanvraag.Status.NIEUW
) -> QuerySet[Aanvraag]:
    """Staff's queue of one prison: the oldest request first (answered ones: newest first)."""
    volgorde = (
        ["ingediend_op", "id"] if status == Aanvraag.Status.NIEUW else ["-beantwoord_op", "-id"]
    )
    return (
        Aanvraag.objects.zichtbaar_voor(user)
        .in_gevangenis(gevangenis)
        .filter(status=status)
        .select_related("gedetineerde", "aanbod")
        .order_by(*volgorde)
    )


def activiteiten_voor(aanvraag: Aanvraag) -> QuerySet[Activiteit]:
    """The activities of the requested offer in that prison that have not ended."""
    return (
        Activiteit.objects.filter(
            aanbod_id=aanvraag.aanbod_id,
            gevangenis_id=aanvraag.gevangenis_id,
            einddatum__gte=timezone.localdate(),
        )
        .select_related("aanbod", "lokaal")
        .order_by("startdatum", "pk")
    )
