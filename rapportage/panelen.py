"""rapportage's panels on the home page: the dashboard and the time of its data; the
newest monitoring reports (what a member of the Gemengde Commissie comes for)."""

from typing import Any

from django.http import HttpRequest

from hdv.scope import actieve_gevangenis
from hdv.startpagina import Paneel, registreer
from rapportage.models import Monitoringrapport
from rapportage.selectors import gegevens_van


def _kernindicatoren(request: HttpRequest) -> dict[str, Any]:
    return {"gevangenis": actieve_gevangenis(request), "berekening": gegevens_van()}


def _rapporten(request: HttpRequest) -> dict[str, Any]:
    klaar = Monitoringrapport.objects.filter(status=Monitoringrapport.Status.KLAAR)
    return {"rapporten": list(klaar.defer("cijfers").order_by("-klaar_op", "-id")[:3])}


def registreer_panelen() -> None:
    registreer(
        Paneel(
            "kernindicatoren",
            "rapportage.view_indicatorwaarde",
            "rapportage/panelen/dashboard.html",
            _kernindicatoren,
            25,
        )
    )
    registreer(
        Paneel(
            "monitoringrapporten",
            "rapportage.view_monitoringrapport",
            "rapportage/panelen/rapporten.html",
            _rapporten,
            26,
        )
    )
