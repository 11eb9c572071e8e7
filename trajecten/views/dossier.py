"""A person's file (dossier) with its timeline, and the search over all the user's prisons."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone

from trajecten import dossiersecties, zichtbaarheid
from trajecten.models import Behoefte, Gedetineerde, Onthaal, Verblijf
from trajecten.selectors import gedetineerde_openen
from trajecten.tijdlijn import tijdlijn
from trajecten.views import doorverwijzingen, notities, plan, vrijlating
from trajecten.werklijsten import onthaal_deadline

# The parts of the file other modules contribute, in the order of the page: each module
# offers ``dossier_sectie(request, gedetineerde, inzicht) -> dict`` and a partial, shown
# when the dict sets its flag. Apps that build on trajecten register in ``dossiersecties``.
SECTIES = (
    (plan, "toon_plan"),
    (doorverwijzingen, "toon_doorverwijzingen"),
    (vrijlating, "toon_vrijlating"),
    (notities, "toon_notities"),
)


def _secties(request: HttpRequest, gedetineerde: Gedetineerde, inzicht: Any) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for module, vlag in SECTIES:
        # A module whose part of the file has not landed yet simply shows nothing.
        sectie = getattr(module, "dossier_sectie", None)
        context[vlag] = False
        if sectie is not None:
            context.update(sectie(request, gedetineerde, inzicht))
    # Sections of apps that build on trajecten (deelname), registered at start-up.
    context["app_secties"] = []
    for app_sectie in dossiersecties.secties():
        inhoud = app_sectie.sectie(request, gedetineerde, inzicht)
        if inhoud:
            context["app_secties"].append((app_sectie.template, inhoud))
    return context


def _onthaal_sectie(verblijven: list[Verblijf], inzicht: Any) -> dict[str, Any]:
    """The intake of the open stay (or what is due), and the needs detected so far."""
    open_verblijf = next((v for v in verblijven if v.tot is None), None)
    onthaal: Onthaal | None = getattr(open_verblijf, "onthaal", None) if open_verblijf else None
    behoeften = list(
        Behoefte.objects.filter(gedetineerde_id=inzicht.gedetineerde_id)
        .select_related("organisatie")
        .order_by("-vastgesteld_op", "levensdomein", "-id")
    )
    leesbaar = [b for b in behoeften if inzicht.behoefte(b)]
    deadline = onthaal_deadline(open_verblijf) if open_verblijf and onthaal is None else None
    return {
        "open_verblijf": open_verblijf,
        "onthaal": onthaal,
        "onthaal_leesbaar": onthaal is not None and inzicht.onthaal(onthaal),
        "onthaal_deadline": deadline,
        "onthaal_te_laat": deadline is not None and deadline < timezone.localdate(),
        # Only the needs that are there (answer yes) are listed; what may not be read is counted.
        "behoeften": [b for b in leesbaar if b.antwoord == Behoefte.Antwoord.JA],
        "behoeften_verborgen": len(behoeften) - len(leesbaar),
    }


@permission_required("trajecten.view_gedetineerde", raise_exception=True)
def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    gedetineerde = gedetineerde_openen(user=request.user, pk=pk)
    inzicht = zichtbaarheid.inzicht(request.user, gedetineerde)
    verblijven = list(
        gedetineerde.verblijven.select_related("gevangenis", "onthaal__organisatie").order_by(
            "-van", "-id"
        )
    )
    # Target-group flags are not even read for a user who may not see them.
    vlaggen = (
        gedetineerde.doelgroepvlaggen.select_related("doelgroep")
        if request.user.has_perm("trajecten.view_doelgroepvlag")
        else None
    )
    context: dict[str, Any] = {
        "gedetineerde": gedetineerde,
        "inzicht": inzicht,
        "verblijven": verblijven,
        "aanwezig": any(v.tot is None for v in verblijven),
        "statuutwijzigingen": gedetineerde.statuutwijzigingen.all(),
        "vlaggen": vlaggen,
        "tijdlijn": tijdlijn(user=request.user, gedetineerde=gedetineerde, inzicht=inzicht),
        "toon_onthaal": request.user.has_perm("trajecten.view_onthaal"),
    }
    if context["toon_onthaal"]:
        context.update(_onthaal_sectie(verblijven, inzicht))
    context.update(_secties(request, gedetineerde, inzicht))
    return render(request, "trajecten/dossier/dossier.html", context)


def gedetineerden_zoeken(*, user: Any, zoekterm: str) -> QuerySet[Gedetineerde]:
    """People of all the user's prisons, present or released from one of them.

    Every word must match a first name, last name or detainee number.
    """
    woorden = zoekterm.split()[:5]
    if not woorden:
        return Gedetineerde.objects.none()
    queryset = Gedetineerde.objects.zichtbaar_voor(user)
    for woord in woorden:
        queryset = queryset.filter(
            Q(achternaam__icontains=woord)
            | Q(voornaam__icontains=woord)
            | Q(detineenummer__icontains=woord)
        )
    aanwezig = Verblijf.objects.filter(gedetineerde=OuterRef("pk"), tot__isnull=True)
    return (
        queryset.annotate(aanwezig=Exists(aanwezig))
        .select_related("huidige_gevangenis")
        .order_by("achternaam", "voornaam", "id")
    )


@permission_required("trajecten.view_gedetineerde", raise_exception=True)
def zoeken(request: HttpRequest) -> HttpResponse:
    zoekterm = request.GET.get("q", "")[:100].strip()
    queryset = gedetineerden_zoeken(user=request.user, zoekterm=zoekterm)
    pagina = Paginator(queryset, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "trajecten/zoeken.html", {"pagina": pagina, "zoekterm": zoekterm})


urlpatterns: list[Any] = [
    path("personen/zoeken/", zoeken, name="zoeken"),
    path("personen/<int:pk>/", dossier, name="dossier"),
]
