"""aanbod's panel on the home page: today's sessions in the prison the planner works in."""

from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone

from aanbod.models import Sessie
from hdv.scope import actieve_gevangenis
from hdv.startpagina import Paneel, registreer


def _vandaag(request: HttpRequest) -> dict[str, Any]:
    gevangenis = actieve_gevangenis(request)
    if gevangenis is None:
        return {"gevangenis": None}
    telling = (
        Sessie.objects.zichtbaar_voor(request.user)
        .in_gevangenis(gevangenis)
        .filter(datum=timezone.localdate())
        .aggregate(
            aantal=Count("id"), geannuleerd=Count("id", filter=Q(annuleringsreden__isnull=False))
        )
    )
    return {"gevangenis": gevangenis, **telling}


def registreer_panelen() -> None:
    registreer(
        Paneel(
            "planning_vandaag",
            "aanbod.plan_activiteit",
            "aanbod/panelen/vandaag.html",
            _vandaag,
            15,
        )
    )
