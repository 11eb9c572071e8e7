"""Overviews across offers: the waiting lists of a prison (and their counts across
Flanders), and a provider's view of its own enrolments across its prisons."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count, F, Min, OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbod.models import AanbodInGevangenis
from deelname.models import LOPEND, Inschrijving, Status
from hdv.scope import actieve_gevangenis, gevangenissen_van, organisatie_id

STATUSSEN = [("", _("alle")), ("lopend", _("lopend")), *Status.choices]


@permission_required("deelname.view_inschrijving", raise_exception=True)
def organisatie_inschrijvingen(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in dict(STATUSSEN):
        status = ""
    gevangenissen = gevangenissen_van(request.user)
    gevangenis = next(
        (g for g in gevangenissen if str(g.pk) == request.GET.get("gevangenis")), None
    )
    queryset = (
        Inschrijving.objects.zichtbaar_voor(request.user)
        .filter(aanbod__organisatie_id=organisatie_id(request.user) or 0)
        .select_related("gedetineerde", "aanbod", "activiteit", "gevangenis", "stopreden")
        .order_by("-aangevraagd_op", "-id")
    )
    if status == "lopend":
        queryset = queryset.filter(status__in=LOPEND)
    elif status:
        queryset = queryset.filter(status=status)
    if gevangenis is not None:
        queryset = queryset.filter(gevangenis=gevangenis)
    pagina = Paginator(queryset, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "deelname/organisatie.html",
        {
            "pagina": pagina,
            "status": status,
            "statussen": STATUSSEN,
            "gevangenissen": gevangenissen,
            "gevangenis": gevangenis,
            "organisatie": getattr(getattr(request.user, "medewerker", None), "organisatie", None),
        },
    )


# Waiting lists: per offer in the active prison, and counts across Flanders


@permission_required("deelname.view_inschrijving", raise_exception=True)
def wachtlijsten(request: HttpRequest) -> HttpResponse:
    gevangenis = actieve_gevangenis(request)
    beschikbaarheid = AanbodInGevangenis.objects.filter(
        aanbod_id=OuterRef("aanbod_id"), gevangenis_id=OuterRef("gevangenis_id")
    ).order_by(F("tot").desc(nulls_first=True), "-id")
    rijen = (
        Inschrijving.objects.zichtbaar_voor(request.user)
        .in_gevangenis(gevangenis)
        .filter(status=Status.WACHTLIJST)
        .values(
            "aanbod_id", "aanbod__titel_nl", "activiteit_id", "activiteit__naam", "gevangenis_id"
        )
        .annotate(
            aantal=Count("id"),
            oudste=Min("aangevraagd_op"),
            beschikbaarheid_id=Subquery(beschikbaarheid.values("pk")[:1]),
        )
        .order_by("aanbod__titel_nl", "activiteit__naam", "activiteit_id")
    )
    pagina = Paginator(rijen, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    vandaag = timezone.localdate()
    lijsten = [
        {**rij, "langst_gewacht": (vandaag - timezone.localdate(rij["oudste"])).days}
        for rij in pagina.object_list
    ]
    return render(
        request,
        "deelname/wachtlijsten.html",
        {"pagina": pagina, "lijsten": lijsten, "gevangenis": gevangenis},
    )


urlpatterns: list[Any] = [
    path("wachtlijsten/", wachtlijsten, name="wachtlijsten"),
    path("organisatie/inschrijvingen/", organisatie_inschrijvingen, name="organisatie"),
]
