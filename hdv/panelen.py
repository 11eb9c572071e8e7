"""The core's panels on the home page."""

from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone

from hdv.models import Auditrecord
from hdv.startpagina import Paneel, registreer


def _beheer(request: HttpRequest) -> dict[str, Any]:
    from axes.models import AccessAttempt

    begin_vandaag = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    # Staff actions only: imports and scheduled jobs (door is empty) would drown them.
    vandaag = Auditrecord.objects.filter(tijdstip__gte=begin_vandaag, door__isnull=False).aggregate(
        wijzigingen=Count("id", filter=Q(soort=Auditrecord.Soort.WIJZIGING)),
        inzages=Count("id", filter=Q(soort=Auditrecord.Soort.INZAGE)),
    )
    return {
        "geblokkeerd": AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT
        ).count(),
        "wijzigingen_vandaag": vandaag["wijzigingen"],
        "inzages_vandaag": vandaag["inzages"],
    }


def registreer_panelen() -> None:
    registreer(Paneel("beheer", "hdv.beheer_toegang", "hdv/panelen/beheer.html", _beheer, 90))
