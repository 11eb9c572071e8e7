"""One enrolment's own actions: stop it with a reason, complete it with its results,
excuse an absence in advance (and withdraw the excusal)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aanbod.views.forms import DATUM, fouten_tonen
from deelname.beheer import beheer_controleren, verontschuldigen_controleren
from deelname.models import Afwezigheidsreden, Inschrijving, Stopreden, Verontschuldiging
from deelname.services.inschrijvingen import inschrijving_afronden, inschrijving_stopzetten
from deelname.services.verontschuldigingen import (
    verontschuldiging_intrekken,
    verontschuldiging_registreren,
)
from deelname.views.activiteiten import doel_van, inschrijving_openen
from hdv.scope import get_in_scope_or_404

# Stopping and completing an enrolment


# "het systeem" decides only the stops that follow a transfer or release (the service's
# namens_systeem): a person filling in the form is never the system.
BESLIST_DOOR = [
    (waarde, label)
    for waarde, label in Inschrijving.BeslistDoor.choices
    if waarde != Inschrijving.BeslistDoor.SYSTEEM
]


class StopzettenForm(forms.Form):
    stopreden = forms.ModelChoiceField(
        queryset=Stopreden.objects.filter(actief=True),
        label=gettext_lazy("Reden"),
        empty_label=gettext_lazy("Kies een reden"),
        error_messages={"required": gettext_lazy("Geef de reden van de stopzetting.")},
    )
    beslist_door = forms.ChoiceField(
        label=gettext_lazy("Wie besliste te stoppen?"),
        choices=BESLIST_DOOR,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Zeg wie besliste te stoppen.")},
    )
    toelichting = forms.CharField(label=gettext_lazy("Toelichting"), required=False, max_length=300)


def _overgangspagina(
    request: HttpRequest,
    pk: int,
    form_klasse: type[forms.Form],
    uitvoeren: Callable[[Inschrijving, dict[str, Any]], Any],
    sjabloon: str,
    melding: str,
) -> HttpResponse:
    """Stop or complete: load in scope, check who may, parse, call the service, answer."""
    inschrijving = inschrijving_openen(request, pk)
    beheer_controleren(request.user, inschrijving)
    doel = doel_van(inschrijving)
    form = form_klasse(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            uitvoeren(inschrijving, form.cleaned_data)
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, melding % {"naam": inschrijving.gedetineerde.volledige_naam})
            return redirect(doel.url)
    return render(request, sjabloon, {"inschrijving": inschrijving, "doel": doel, "form": form})


@permission_required("deelname.change_inschrijving", raise_exception=True)
def inschrijving_stopzetten_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _overgangspagina(
        request,
        pk,
        StopzettenForm,
        lambda inschrijving, gegevens: inschrijving_stopzetten(
            inschrijving=inschrijving,
            stopreden=gegevens["stopreden"],
            beslist_door=gegevens["beslist_door"],
            toelichting=gegevens["toelichting"],
            door=request.user,
        ),
        "deelname/inschrijving_stopzetten.html",
        _("De inschrijving van %(naam)s is stopgezet."),
    )


# Excusing a participant in advance (left off the movement list, absent on the register)


class VerontschuldigenForm(forms.Form):
    van = forms.DateField(
        label=gettext_lazy("Van"),
        widget=DATUM,
        error_messages={"required": gettext_lazy("Geef de eerste dag.")},
    )
    tot = forms.DateField(
        label=gettext_lazy("Tot en met"),
        widget=DATUM,
        error_messages={"required": gettext_lazy("Geef de laatste dag.")},
    )
    reden = forms.ModelChoiceField(
        queryset=Afwezigheidsreden.objects.filter(actief=True),
        label=gettext_lazy("Reden"),
        empty_label=gettext_lazy("Kies een reden"),
        error_messages={"required": gettext_lazy("Geef de reden.")},
    )
    toelichting = forms.CharField(label=gettext_lazy("Toelichting"), required=False, max_length=200)


@permission_required("deelname.change_inschrijving", raise_exception=True)
def inschrijving_verontschuldigen(request: HttpRequest, pk: int) -> HttpResponse:
    inschrijving = inschrijving_openen(request, pk)
    verontschuldigen_controleren(request.user, inschrijving)
    doel = doel_van(inschrijving)
    vandaag = timezone.localdate()
    form = VerontschuldigenForm(
        request.POST if request.method == "POST" else None,
        initial={"van": vandaag, "tot": vandaag},
    )
    if request.method == "POST" and form.is_valid():
        try:
            verontschuldiging_registreren(
                inschrijving=inschrijving,
                van=form.cleaned_data["van"],
                tot=form.cleaned_data["tot"],
                reden=form.cleaned_data["reden"],
                toelichting=form.cleaned_data["toelichting"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(
                request,
                _("%(naam)s is verontschuldigd.")
                % {"naam": inschrijving.gedetineerde.volledige_naam},
            )
            return redirect(f"{doel.url}#verontschuldigingen")
    return render(
        request,
        "deelname/inschrijving_verontschuldigen.html",
        {"inschrijving": inschrijving, "doel": doel, "form": form},
    )


@require_POST
@permission_required("deelname.change_inschrijving", raise_exception=True)
def verontschuldiging_intrekken_view(request: HttpRequest, pk: int) -> HttpResponse:
    verontschuldiging = get_in_scope_or_404(
        Verontschuldiging.objects.select_related(
            "inschrijving__gedetineerde", "inschrijving__aanbod__organisatie"
        ),
        request.user,
        pk=pk,
    )
    inschrijving = verontschuldiging.inschrijving
    verontschuldigen_controleren(request.user, inschrijving)
    try:
        verontschuldiging_intrekken(verontschuldiging=verontschuldiging, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request,
            _("De verontschuldiging van %(naam)s is ingetrokken.")
            % {"naam": inschrijving.gedetineerde.volledige_naam},
        )
    if inschrijving.activiteit_id is None:
        return redirect(doel_van(inschrijving).url)
    return redirect(
        reverse("deelname:activiteit", args=[inschrijving.activiteit_id]) + "#verontschuldigingen"
    )


JA_NEE = [
    ("", gettext_lazy("niet van toepassing")),
    ("true", gettext_lazy("ja")),
    ("false", gettext_lazy("nee")),
]


class AfrondenForm(forms.Form):
    examen_afgelegd = forms.NullBooleanField(
        label=gettext_lazy("Examen afgelegd"),
        required=False,
        widget=forms.RadioSelect(choices=JA_NEE),
    )
    examen_geslaagd = forms.NullBooleanField(
        label=gettext_lazy("Geslaagd"), required=False, widget=forms.RadioSelect(choices=JA_NEE)
    )
    attest = forms.BooleanField(label=gettext_lazy("Attest behaald"), required=False)


@permission_required("deelname.change_inschrijving", raise_exception=True)
def inschrijving_afronden_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _overgangspagina(
        request,
        pk,
        AfrondenForm,
        lambda inschrijving, gegevens: inschrijving_afronden(
            inschrijving=inschrijving,
            examen_afgelegd=gegevens["examen_afgelegd"],
            examen_geslaagd=gegevens["examen_geslaagd"],
            attest=gegevens["attest"],
            door=request.user,
        ),
        "deelname/inschrijving_afronden.html",
        _("De inschrijving van %(naam)s is afgerond."),
    )


urlpatterns: list[Any] = [
    path(
        "inschrijvingen/<int:pk>/stopzetten/",
        inschrijving_stopzetten_view,
        name="inschrijving_stopzetten",
    ),
    path(
        "inschrijvingen/<int:pk>/afronden/",
        inschrijving_afronden_view,
        name="inschrijving_afronden",
    ),
    path(
        "inschrijvingen/<int:pk>/verontschuldigen/",
        inschrijving_verontschuldigen,
        name="inschrijving_verontschuldigen",
    ),
    path(
        "verontschuldigingen/<int:pk>/intrekken/",
        verontschuldiging_intrekken_view,
        name="verontschuldiging_intrekken",
    ),
]
