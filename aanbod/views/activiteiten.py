"""The activities of a prison and one activity with its sessions."""

from __future__ import annotations

import datetime
from itertools import groupby

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbod.models import Activiteit
from aanbod.views.toegang import activiteit_voor
from hdv.scope import actieve_gevangenis

STATUSSEN = [
    ("", _("alle")),
    ("lopend", _("lopend")),
    ("toekomstig", _("nog niet begonnen")),
    ("afgelopen", _("afgelopen")),
]


def _status_filter(status: str, vandaag: datetime.date) -> Q:
    if status == "lopend":
        return Q(startdatum__lte=vandaag, einddatum__gte=vandaag)
    if status == "toekomstig":
        return Q(startdatum__gt=vandaag)
    if status == "afgelopen":
        return Q(einddatum__lt=vandaag)
    return Q()


@permission_required("aanbod.view_activiteit", raise_exception=True)
def activiteiten(request: HttpRequest) -> HttpResponse:
    gevangenis = actieve_gevangenis(request)
    vandaag = timezone.localdate()
    status = request.GET.get("status", "")
    if status not in dict(STATUSSEN):
        status = ""
    queryset = (
        Activiteit.objects.zichtbaar_voor(request.user)
        .in_gevangenis(gevangenis)
        .filter(_status_filter(status, vandaag))
        .select_related("aanbod__organisatie", "lokaal")
        .prefetch_related("begeleiders__user")
        .annotate(
            aantal_sessies=Count("sessies"),
            aantal_geannuleerd=Count("sessies", filter=Q(sessies__annuleringsreden__isnull=False)),
        )
        .order_by("aanbod__titel_nl", "startdatum", "id")
    )
    pagina = Paginator(queryset, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "aanbod/activiteiten.html",
        {
            "pagina": pagina,
            "gevangenis": gevangenis,
            "status": status,
            "statussen": STATUSSEN,
            "vandaag": vandaag,
        },
    )


@permission_required("aanbod.view_activiteit", raise_exception=True)
def activiteit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activiteit = activiteit_voor(request, pk)
    vandaag = timezone.localdate()
    sessies = activiteit.sessies.select_related("annuleringsreden", "lokaal").order_by(
        "datum", "begintijd", "id"
    )
    paginator = Paginator(sessies, settings.HDV_PAGE_SIZE)
    nummer = request.GET.get("pagina")
    if nummer is None:
        # Open on the page with the next session, not on the first weeks of a long run.
        voorbij = activiteit.sessies.filter(datum__lt=vandaag).count()
        nummer = str(voorbij // settings.HDV_PAGE_SIZE + 1)
    pagina = paginator.get_page(nummer)
    maanden = [
        (datetime.date(jaar, maand, 1), list(rij))
        for (jaar, maand), rij in groupby(
            pagina.object_list, key=lambda s: (s.datum.year, s.datum.month)
        )
    ]
    return render(
        request,
        "aanbod/activiteit_detail.html",
        {
            "activiteit": activiteit,
            "begeleiders": activiteit.begeleiders.select_related("user"),
            "slots": activiteit.slots.all(),
            "pagina": pagina,
            "maanden": maanden,
            "vandaag": vandaag,
        },
    )
