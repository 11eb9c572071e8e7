"""The attendance register of one session: everyone present, then the exceptions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from aanbod.models import Sessie
from deelname.models import Aanwezigheid, Aanwezigheidswijziging, Afwezigheidsreden, Inschrijving
from deelname.services.aanwezigheden import (
    Registratie,
    aanwezigheden_registreren,
    ingeschrevenen,
    mag_registreren,
    sessie_controleren,
    vergrendeld_op,
)
from deelname.services.verontschuldigingen import verontschuldigd_op
from deelname.vertrouwelijkheid import mag_deelnemers_zien
from hdv.scope import get_in_scope_or_404

AFWEZIG = Aanwezigheid.Status.AFWEZIG


@dataclass
class Rij:
    """One person on the register, as shown (and as submitted, with its error)."""

    inschrijving: Inschrijving
    status: str
    reden: str = ""
    toelichting: str = ""
    geregistreerd: bool = False
    fout: str = ""
    verontschuldigd: bool = False  # excused in advance: starts as absent with that reason


def _sessie(request: HttpRequest, pk: int) -> Sessie:
    sessie: Sessie = get_in_scope_or_404(
        Sessie.objects.select_related(
            "activiteit__aanbod", "activiteit__gevangenis", "lokaal", "annuleringsreden"
        ),
        request.user,
        pk=pk,
    )
    if not mag_deelnemers_zien(request.user, sessie.activiteit.aanbod):
        raise PermissionDenied(
            _("De deelnemers van dit aanbod zijn alleen zichtbaar voor zijn organisatie.")
        )
    return sessie


def _rijen(sessie: Sessie) -> list[Rij]:
    """What is registered; for whoever has nothing registered yet "aanwezig", or "afwezig"
    with the reason of an excusal in advance."""
    bestaand = {
        a.inschrijving_id: a
        for a in Aanwezigheid.objects.filter(sessie=sessie).select_related("reden")
    }
    inschrijvingen = ingeschrevenen(sessie)
    verontschuldigd = verontschuldigd_op(
        sessie.datum, [i.pk for i in inschrijvingen if i.pk not in bestaand]
    )
    rijen = []
    for inschrijving in inschrijvingen:
        aanwezigheid = bestaand.get(inschrijving.pk)
        verontschuldiging = verontschuldigd.get(inschrijving.pk)
        if aanwezigheid is None and verontschuldiging is not None:
            rijen.append(
                Rij(
                    inschrijving,
                    AFWEZIG,
                    verontschuldiging.reden.code,
                    verontschuldiging.toelichting,
                    verontschuldigd=True,
                )
            )
        elif aanwezigheid is None:
            rijen.append(Rij(inschrijving, Aanwezigheid.Status.AANWEZIG))
        else:
            rijen.append(
                Rij(
                    inschrijving,
                    aanwezigheid.status,
                    aanwezigheid.reden.code if aanwezigheid.reden else "",
                    aanwezigheid.toelichting,
                    geregistreerd=True,
                )
            )
    return rijen


def _inlezen(request: HttpRequest, rijen: list[Rij], redenen: set[str]) -> list[Registratie]:
    """Read each row from the form; a row that does not add up gets its own error."""
    registraties = []
    for rij in rijen:
        pk = rij.inschrijving.pk
        rij.status = request.POST.get(f"status-{pk}", "")
        rij.reden = request.POST.get(f"reden-{pk}", "")
        rij.toelichting = request.POST.get(f"toelichting-{pk}", "")[:200]
        if rij.status not in Aanwezigheid.Status.values:
            rij.fout = _("Kies aanwezig, te laat of afwezig.")
        elif rij.status == AFWEZIG and rij.reden not in redenen:
            rij.fout = _("Kies de reden van de afwezigheid.")
        elif rij.status != AFWEZIG and rij.reden:
            rij.fout = _(
                "Een reden hoort alleen bij een afwezigheid: kies ‘afwezig’ of geen reden."
            )
        registraties.append(
            Registratie(pk, rij.status, rij.reden if rij.status == AFWEZIG else "", rij.toelichting)
        )
    return registraties


@permission_required("deelname.view_aanwezigheid", raise_exception=True)
def sessie_aanwezigheden(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = _sessie(request, pk)
    mag = mag_registreren(request.user, sessie)
    if request.method == "POST" and not mag:
        raise PermissionDenied
    gesloten = ""
    try:
        sessie_controleren(sessie)
    except ValidationError as fout:
        gesloten = " ".join(fout.messages)
    redenen = list(Afwezigheidsreden.objects.filter(actief=True))
    rijen = _rijen(sessie)
    fouten: list[str] = []
    opgeslagen = False
    if request.method == "POST" and gesloten:
        fouten = [gesloten]
    elif request.method == "POST":
        registraties = _inlezen(request, rijen, {r.code for r in redenen})
        if any(rij.fout for rij in rijen):
            fouten = [_("Niets opgeslagen: verbeter de aangeduide rijen.")]
        else:
            try:
                aanwezigheden_registreren(
                    sessie=sessie, registraties=registraties, door=request.user
                )
            except ValidationError as fout:
                fouten = fout.messages
            else:
                bericht = _("De aanwezigheden van %(aantal)s personen zijn geregistreerd.") % {
                    "aantal": len(registraties)
                }
                if not request.headers.get("HX-Request"):
                    messages.success(request, bericht)
                    return redirect(reverse("deelname:sessie_aanwezigheden", args=[sessie.pk]))
                rijen = _rijen(sessie)
                opgeslagen = True
    context: dict[str, Any] = {
        "sessie": sessie,
        "rijen": rijen,
        "redenen": redenen,
        "statussen": Aanwezigheid.Status.choices,
        "bewerkbaar": mag and not gesloten,
        "mag": mag,
        "gesloten": gesloten,
        "vergrendeld_op": vergrendeld_op(sessie),
        "fouten": fouten,
        "opgeslagen": opgeslagen,
        "wijzigingen": Aanwezigheidswijziging.objects.filter(aanwezigheid__sessie=sessie)
        .select_related("aanwezigheid__inschrijving__gedetineerde", "reden", "door")
        .order_by("-tijdstip", "-id"),
    }
    template = "deelname/sessie_aanwezigheden.html"
    if request.headers.get("HX-Request"):
        template += "#register"
    return render(request, template, context)


urlpatterns: list[Any] = [
    path(
        "sessies/<int:pk>/aanwezigheden/",
        sessie_aanwezigheden,
        name="sessie_aanwezigheden",
    ),
]
