"""Case notes with their level, the person's consents, and case conferences.

Who reads a note, a consent or a case conference is decided in ``trajecten.zichtbaarheid``;
these screens ask there and write through ``trajecten.services.notities``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from aanbod.views.forms import DATUM, fouten_tonen
from aanbod.views.toegang import terug_naar
from hdv.audit import inzage_vastleggen
from hdv.models import Organisatie
from hdv.scope import get_in_scope_or_404, organisatie_id
from trajecten.models import Categorie, Gedetineerde, Notitie, Toestemming
from trajecten.selectors import gedetineerde_openen
from trajecten.services.notities import (
    casusoverleg_vastleggen,
    notitie_schrijven,
    toestemming_geven,
    toestemming_intrekken,
)
from trajecten.views.plan import OrganisatieKeuze
from trajecten.zichtbaarheid import Inzicht, zichtbare_casusoverleggen, zichtbare_notities

N = Notitie.Niveau

# What each level means, in the words a worker uses.
NIVEAU_UITLEG = {
    N.GEDEELD: (
        gettext_lazy("Gedeeld"),
        gettext_lazy(
            "uw eigen organisatie leest mee, en ook de organisaties waarmee de gedetineerde "
            "toestemming gaf om notities te delen."
        ),
    ),
    N.ORGANISATIE: (
        gettext_lazy("Organisatie"),
        gettext_lazy(
            "alleen collega's van uw eigen organisatie. Een toestemming verandert daar niets aan."
        ),
    ),
    N.BEROEPSGEHEIM: (
        gettext_lazy("Beroepsgeheim"),
        gettext_lazy(
            "alleen u en de collega's van uw organisatie die u hieronder met naam kiest. "
            "Nooit via een toestemming."
        ),
    ),
}


class GebruikerKeuze(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        naam = obj.get_full_name() or obj.get_username()
        medewerker = getattr(obj, "medewerker", None)
        return f"{naam} ({medewerker.organisatie.afkorting})" if medewerker else naam


def _medewerkers_van(gedetineerde: Gedetineerde) -> QuerySet[Any]:
    """Active staff who work in the person's prison."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True, medewerker__gevangenissen=gedetineerde.huidige_gevangenis_id
        )
        .select_related("medewerker__organisatie")
        .order_by("last_name", "first_name", "pk")
    )


class NotitieForm(forms.Form):
    niveau = forms.ChoiceField(
        choices=N.choices, widget=forms.RadioSelect, label=gettext_lazy("Wie mag dit lezen?")
    )
    tekst = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), label=gettext_lazy("Notitie"))
    gedeeld_met = GebruikerKeuze(
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Collega's die een notitie onder beroepsgeheim mogen lezen"),
        help_text=gettext_lazy(
            "Alleen bij beroepsgeheim: collega's van uw organisatie in deze gevangenis."
        ),
    )

    def __init__(self, *args: Any, collegas: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["niveau"].choices = [  # type: ignore[attr-defined]
            (niveau.value, f"{kort}: {uitleg}") for niveau, (kort, uitleg) in NIVEAU_UITLEG.items()
        ]
        self.fields["gedeeld_met"].queryset = collegas  # type: ignore[attr-defined]


@permission_required("trajecten.add_notitie", raise_exception=True)
def notitie_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    gedetineerde = gedetineerde_openen(user=request.user, pk=pk)
    collegas = (
        _medewerkers_van(gedetineerde)
        .filter(medewerker__organisatie_id=organisatie_id(request.user))
        .exclude(pk=request.user.pk)
    )
    form = NotitieForm(request.POST or None, collegas=collegas)
    if request.method == "POST" and form.is_valid():
        try:
            notitie_schrijven(gedetineerde=gedetineerde, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("De notitie is bewaard."))
            return redirect(reverse("trajecten:dossier", args=[gedetineerde.pk]) + "#notities")
    return render(
        request, "trajecten/notitie_formulier.html", {"gedetineerde": gedetineerde, "form": form}
    )


class ToestemmingForm(forms.Form):
    organisatie = OrganisatieKeuze(
        queryset=Organisatie.objects.filter(actief=True).order_by("naam"),
        label=gettext_lazy("Organisatie"),
    )
    categorie = forms.ChoiceField(
        choices=Categorie.choices, label=gettext_lazy("Wat mag gedeeld worden")
    )
    gegeven_op = forms.DateField(
        label=gettext_lazy("Gegeven op"),
        widget=DATUM,
        help_text=gettext_lazy("De datum van het ondertekende formulier of van het gesprek."),
    )
    opmerking = forms.CharField(max_length=300, required=False, label=gettext_lazy("Opmerking"))


@permission_required("trajecten.view_toestemming", raise_exception=True)
def toestemmingen(request: HttpRequest, pk: int) -> HttpResponse:
    """The person's consents, active and withdrawn, and (for who may) a form to add one."""
    mag_registreren = request.user.has_perm("trajecten.add_toestemming")
    if request.method == "POST" and not mag_registreren:
        raise PermissionDenied
    gedetineerde = gedetineerde_openen(user=request.user, pk=pk)
    form = None
    if mag_registreren:
        form = ToestemmingForm(request.POST or None, initial={"gegeven_op": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                toestemming_geven(gedetineerde=gedetineerde, door=request.user, **form.cleaned_data)
            except ValidationError as fout:
                fouten_tonen(form, fout)
            else:
                messages.success(request, _("De toestemming is geregistreerd."))
                return redirect("trajecten:toestemmingen", gedetineerde.pk)
    return render(
        request,
        "trajecten/toestemmingen.html",
        {
            "gedetineerde": gedetineerde,
            "toestemmingen": _toestemmingen_van(gedetineerde),
            "form": form,
            "mag_intrekken": request.user.has_perm("trajecten.change_toestemming"),
        },
    )


def _toestemmingen_van(gedetineerde: Gedetineerde) -> QuerySet[Toestemming]:
    return Toestemming.objects.filter(gedetineerde=gedetineerde).select_related(
        "organisatie", "geregistreerd_door", "ingetrokken_door"
    )


@require_http_methods(["GET", "POST"])
@permission_required("trajecten.change_toestemming", raise_exception=True)
def toestemming_intrekken_view(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks to confirm what a withdrawal means; POST withdraws, at once."""
    toestemming = get_in_scope_or_404(
        Toestemming.objects.select_related("organisatie"), request.user, pk=pk
    )
    terug = terug_naar(
        request, reverse("trajecten:toestemmingen", args=[toestemming.gedetineerde_id])
    )
    if request.method == "GET":
        gedetineerde = gedetineerde_openen(user=request.user, pk=toestemming.gedetineerde_id)
        return render(
            request,
            "trajecten/toestemming_intrekken.html",
            {"toestemming": toestemming, "gedetineerde": gedetineerde, "terug": terug},
        )
    try:
        toestemming_intrekken(toestemming=toestemming, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request,
            _("De toestemming voor %(organisatie)s is ingetrokken; dat geldt meteen.")
            % {"organisatie": toestemming.organisatie.naam},
        )
    return redirect(terug)


class CasusoverlegForm(forms.Form):
    datum = forms.DateField(label=gettext_lazy("Datum"), widget=DATUM)
    onderwerp = forms.CharField(max_length=200, label=gettext_lazy("Onderwerp"))
    deelnemers = GebruikerKeuze(
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Deelnemers"),
        help_text=gettext_lazy(
            "Medewerkers van deze gevangenis; zij kunnen het verslag lezen. U staat er zelf bij."
        ),
    )
    externe_deelnemers = forms.CharField(
        max_length=300,
        required=False,
        label=gettext_lazy("Andere deelnemers"),
        help_text=gettext_lazy("Bv. de gedetineerde, de psychosociale dienst, het justitiehuis."),
    )
    besluiten = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}), label=gettext_lazy("Besluiten")
    )

    def __init__(self, *args: Any, medewerkers: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deelnemers"].queryset = medewerkers  # type: ignore[attr-defined]


@permission_required("trajecten.add_casusoverleg", raise_exception=True)
def casusoverleg_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    gedetineerde = gedetineerde_openen(user=request.user, pk=pk)
    form = CasusoverlegForm(
        request.POST or None,
        initial={"datum": timezone.localdate()},
        medewerkers=_medewerkers_van(gedetineerde).exclude(pk=request.user.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            overleg = casusoverleg_vastleggen(
                gedetineerde=gedetineerde, door=request.user, **form.cleaned_data
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("Het casusoverleg is vastgelegd."))
            return redirect("trajecten:casusoverleg", overleg.pk)
    return render(
        request,
        "trajecten/casusoverleg_formulier.html",
        {"gedetineerde": gedetineerde, "form": form},
    )


@permission_required("trajecten.view_casusoverleg", raise_exception=True)
def casusoverleg_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One case conference: for its participants and the organising organisation, else 404."""
    # zichtbare_casusoverleggen applies the prison scope as well: another prison is a 404.
    overleg = get_object_or_404(
        zichtbare_casusoverleggen(request.user).select_related(
            "gedetineerde__huidige_gevangenis", "organisatie", "opgesteld_door"
        ),
        pk=pk,
    )
    inzage_vastleggen(
        door=request.user,
        obj=overleg,
        persoon_id=overleg.gedetineerde_id,
        gevangenis=overleg.gedetineerde.huidige_gevangenis,
    )
    return render(
        request,
        "trajecten/casusoverleg.html",
        {
            "overleg": overleg,
            "gedetineerde": overleg.gedetineerde,
            "deelnemers": overleg.deelnemers.select_related("medewerker__organisatie").order_by(
                "last_name", "first_name", "pk"
            ),
        },
    )


def dossier_sectie(
    request: HttpRequest, gedetineerde: Gedetineerde, zicht: Inzicht
) -> dict[str, Any]:
    """The notes part of the person's file: readable notes, consents, case conferences.

    At most three queries, one per list, whatever the number of rows.
    """
    user = request.user
    if not user.has_perm("trajecten.view_notitie"):
        return {"toon_notities": False}
    notities = (
        zichtbare_notities(user)
        .filter(gedetineerde=gedetineerde)
        .select_related("auteur", "organisatie")
    )
    context: dict[str, Any] = {
        "toon_notities": True,
        "notities": notities,
        "mag_notitie_schrijven": user.has_perm("trajecten.add_notitie"),
        "toon_toestemmingen": user.has_perm("trajecten.view_toestemming"),
        "toon_casusoverleggen": user.has_perm("trajecten.view_casusoverleg"),
        "mag_toestemming_registreren": user.has_perm("trajecten.add_toestemming"),
        "mag_toestemming_intrekken": user.has_perm("trajecten.change_toestemming"),
        "mag_casusoverleg_vastleggen": user.has_perm("trajecten.add_casusoverleg"),
    }
    if context["toon_toestemmingen"]:
        context["toestemmingen"] = _toestemmingen_van(gedetineerde)
    if context["toon_casusoverleggen"]:
        context["casusoverleggen"] = (
            zichtbare_casusoverleggen(user)
            .filter(gedetineerde=gedetineerde)
            .select_related("organisatie")
        )
    return context


urlpatterns = [
    path("personen/<int:pk>/notities/nieuw/", notitie_nieuw, name="notitie_nieuw"),
    path("personen/<int:pk>/toestemmingen/", toestemmingen, name="toestemmingen"),
    path(
        "toestemmingen/<int:pk>/intrekken/",
        toestemming_intrekken_view,
        name="toestemming_intrekken",
    ),
    path("personen/<int:pk>/casusoverleg/nieuw/", casusoverleg_nieuw, name="casusoverleg_nieuw"),
    path("casusoverleg/<int:pk>/", casusoverleg_detail, name="casusoverleg"),
]
