"""Trajecten's panels on the home page: who is present, who arrived, the Flemish totals."""

import datetime
from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone

from hdv.models import Gevangenis
from hdv.scope import actieve_gevangenis
from hdv.startpagina import Paneel, registreer
from trajecten import werklijsten
from trajecten.models import Verblijf

RECENT_DAGEN = 14


def _nieuwe_aankomsten(request: HttpRequest) -> dict[str, Any]:
    gevangenis = actieve_gevangenis(request)
    sinds = timezone.localdate() - datetime.timedelta(days=RECENT_DAGEN)
    # One row per open stay that began recently: a person counts once, however many
    # earlier stays they had.
    verblijven = (
        Verblijf.objects.zichtbaar_voor(request.user)
        .filter(gevangenis=gevangenis, tot__isnull=True, van__gte=sinds)
        .select_related("gedetineerde")
        .order_by("-van", "gedetineerde__achternaam", "id")
    )
    return {
        "gevangenis": gevangenis,
        "dagen": RECENT_DAGEN,
        "aankomsten": [v.gedetineerde for v in verblijven[:10]],
        "aantal": verblijven.count(),
    }


def _bezetting(request: HttpRequest) -> dict[str, Any]:
    gevangenis = actieve_gevangenis(request)
    if gevangenis is None:
        return {"gevangenis": None}
    aanwezig = Verblijf.objects.filter(gevangenis=gevangenis, tot__isnull=True).count()
    return {
        "gevangenis": gevangenis,
        "aanwezig": aanwezig,
        "bezetting": round(100 * aanwezig / gevangenis.capaciteit)
        if gevangenis.capaciteit
        else None,
    }


def _vlaanderen(request: HttpRequest) -> dict[str, Any]:
    # Counts per prison only: the central department never sees a person here.
    gevangenissen = list(
        Gevangenis.objects.filter(actief=True).annotate(
            aanwezig=Count("verblijven", filter=Q(verblijven__tot__isnull=True))
        )
    )
    return {
        "gevangenissen": gevangenissen,
        "totaal": sum(g.aanwezig for g in gevangenissen),
        "capaciteit": sum(g.capaciteit for g in gevangenissen),
    }


def _werklijst(request: HttpRequest) -> dict[str, Any]:
    # The counts of the worklist; a count the user has no part in stays None (not shown).
    gevangenis = actieve_gevangenis(request)
    user = request.user
    if gevangenis is None:
        return {"gevangenis": None}

    def tel(permissie: str, queryset: Any) -> int | None:
        return queryset.count() if user.has_perm(permissie) else None

    return {
        "gevangenis": gevangenis,
        "onthalen": tel(
            "trajecten.add_onthaal",
            werklijsten.onthalen_te_doen(user=user, gevangenis=gevangenis),
        ),
        "herzieningen": tel(
            "trajecten.change_hdvplan",
            werklijsten.herzieningen_te_doen(user=user, gevangenis=gevangenis),
        ),
        # The inbox is the organisation's across all the user's prisons, as on its page.
        "inbox": tel("trajecten.beantwoord_doorverwijzing", werklijsten.inbox(user=user)),
        "taken": werklijsten.open_taken(user=user, gevangenis=gevangenis).count(),
    }


def registreer_panelen() -> None:
    registreer(
        Paneel(
            "werklijst",
            "trajecten.view_taak",
            "trajecten/panelen/werklijst.html",
            _werklijst,
            5,
        )
    )
    registreer(
        Paneel(
            "aankomsten",
            "trajecten.view_gedetineerde",
            "trajecten/panelen/aankomsten.html",
            _nieuwe_aankomsten,
            20,
        )
    )
    registreer(
        Paneel(
            "bezetting",
            "hdv.gevangenis_overzicht",
            "trajecten/panelen/bezetting.html",
            _bezetting,
            10,
        )
    )
    registreer(
        Paneel(
            "vlaanderen",
            "hdv.vlaams_overzicht",
            "trajecten/panelen/vlaanderen.html",
            _vlaanderen,
            30,
        )
    )
