"""The week planning of a prison: rooms × days, every session with its cancellation."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.contrib.auth.decorators import permission_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from aanbod.models import Lokaal, Sessie, Sluitingsdag
from hdv.scope import actieve_gevangenis

DAG = datetime.timedelta(days=1)


def maandag_van(week: str, vandaag: datetime.date) -> datetime.date:
    """The Monday of an ISO week written as ``2026-W48``; this week when it is not one."""
    try:
        jaar, nummer = week.upper().split("-W")
        if not 1900 <= int(jaar) <= 9000:
            raise ValueError(week)
        return datetime.date.fromisocalendar(int(jaar), int(nummer), 1)
    except ValueError:
        return vandaag - vandaag.weekday() * DAG


def isoweek(dag: datetime.date) -> str:
    jaar, week, _dag = dag.isocalendar()
    return f"{jaar}-W{week:02d}"


@permission_required("aanbod.view_activiteit", raise_exception=True)
def planning(request: HttpRequest) -> HttpResponse:
    gevangenis = actieve_gevangenis(request)
    vandaag = timezone.localdate()
    maandag = maandag_van(request.GET.get("week", ""), vandaag)
    dagen = [maandag + i * DAG for i in range(7)]
    week = (dagen[0], dagen[-1])

    sessies = list(
        Sessie.objects.zichtbaar_voor(request.user)
        .in_gevangenis(gevangenis)
        .filter(datum__range=week)
        .select_related("activiteit__aanbod", "annuleringsreden")
        .order_by("begintijd", "eindtijd", "id")
    )
    # Rooms no longer in use still show when a session of this week took place there.
    lokalen = (
        Lokaal.objects.zichtbaar_voor(request.user)
        .in_gevangenis(gevangenis)
        .filter(Q(actief=True) | Q(pk__in={s.lokaal_id for s in sessies}))
        .order_by("naam")
    )
    gesloten = {
        d.datum: d
        for d in Sluitingsdag.objects.zichtbaar_voor(request.user)
        .in_gevangenis(gevangenis)
        .filter(datum__range=week)
    }
    per_cel: dict[tuple[int, datetime.date], list[Sessie]] = defaultdict(list)
    for sessie in sessies:
        per_cel[(sessie.lokaal_id, sessie.datum)].append(sessie)

    return render(
        request,
        "aanbod/planning.html",
        {
            "gevangenis": gevangenis,
            "week": isoweek(maandag),
            "weeknummer": maandag.isocalendar()[1],
            "vorige": isoweek(maandag - 7 * DAG),
            "volgende": isoweek(maandag + 7 * DAG),
            "deze_week": isoweek(vandaag),
            "kolommen": [(dag, gesloten.get(dag)) for dag in dagen],
            "rijen": [(lokaal, [per_cel[(lokaal.pk, dag)] for dag in dagen]) for lokaal in lokalen],
            "aantal": len(sessies),
            "geannuleerd": sum(1 for s in sessies if s.geannuleerd),
            "vandaag": vandaag,
            "gesloten_indexen": [i for i, dag in enumerate(dagen) if dag in gesloten],
            "vandaag_index": (vandaag - maandag).days if maandag <= vandaag <= dagen[-1] else None,
        },
    )
