"""rapportage's panel on the home page: the dashboard, and the time of its data."""

from typing import Any

from django.http import HttpRequest

from hdv.scope import actieve_gevangenis
from hdv.startpagina import Paneel, registreer
from rapportage.selectors import gegevens_van


def _kernindicatoren(request: HttpRequest) -> dict[str, Any]:
    return {"gevangenis": actieve_gevangenis(request), "berekening": gegevens_van()}


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
