"""The local action plans: one per prison and year, its actions each serving one of the
five strategic goals.

A beleidscoördinator keeps the plan of his own prison(s); the central level reads every
prison's. Another prison is a 404, as everywhere.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aanbod.views.forms import fouten_tonen
from hdv.models import Gevangenis
from rapportage.models import Actiestatus, LokaalActieplan, LokaleActie, StrategischeDoelstelling
from rapportage.plannen_lezen import actie_geschiedenis, lokale_actieplannen
from rapportage.plantoegang import (
    gevangenis_of_404,
    mag_actieplan_bijhouden,
    zichtbare_gevangenissen,
)
from rapportage.services.strategie import (
    lokaal_actieplan_aanmaken,
    lokale_actie_bijwerken,
    lokale_actie_toevoegen,
    planjaren,
)
from rapportage.views.strategie import VoortgangForm

LEZEN = "rapportage.view_lokaalactieplan"


class DoelstellingKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.nummer}. {obj.titel}"


class LokaleActieForm(forms.Form):
    doelstelling = DoelstellingKeuze(
        queryset=StrategischeDoelstelling.objects.all(),
        label=gettext_lazy("Strategische doelstelling"),
        help_text=gettext_lazy("Welke doelstelling van het strategisch plan deze actie dient."),
    )
    titel = forms.CharField(max_length=300, label=gettext_lazy("Actie"))
    omschrijving = forms.CharField(
        required=False,
        max_length=5000,
        label=gettext_lazy("Omschrijving"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    eigenaar = forms.CharField(
        required=False,
        max_length=200,
        label=gettext_lazy("Eigenaar"),
        help_text=gettext_lazy("Wie de actie trekt in de gevangenis."),
    )


class LokaleActieBijwerkenForm(LokaleActieForm, VoortgangForm):
    """The action's fields and, optionally, a progress note; a new status needs one."""

    field_order = [
        "doelstelling",
        "titel",
        "omschrijving",
        "eigenaar",
        "status",
        "notitie",
        "datum",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["notitie"].required = False
        self.fields["notitie"].help_text = _(
            "Verplicht bij een andere status: zeg waarom. Anders mag ze leeg blijven."
        )


def _jaar_of_404(jaar: int) -> int:
    if jaar not in planjaren():
        raise Http404
    return jaar


def _gekozen_jaar(request: HttpRequest) -> int:
    try:
        jaar = int(request.GET.get("jaar", ""))
    except ValueError:
        return timezone.localdate().year
    return jaar if jaar in planjaren() else timezone.localdate().year


def _mag_bijhouden(request: HttpRequest, gevangenis: Gevangenis, permissie: str) -> bool:
    return request.user.has_perm(permissie) and mag_actieplan_bijhouden(request.user, gevangenis)


@permission_required(LEZEN, raise_exception=True)
def actieplannen(request: HttpRequest) -> HttpResponse:
    """The prisons one may read, each with its plan of the year (or none yet)."""
    jaar = _gekozen_jaar(request)
    pagina = Paginator(
        zichtbare_gevangenissen(request.user).order_by("naam"), settings.HDV_PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    plannen = {p.plan.gevangenis_id: p for p in lokale_actieplannen(pagina.object_list, jaar)}
    rijen = [{"gevangenis": g, "overzicht": plannen.get(g.pk)} for g in pagina]
    return render(
        request,
        "rapportage/actieplannen.html",
        {
            "jaar": jaar,
            "jaren": list(planjaren()),
            "pagina": pagina,
            "rijen": rijen,
            "statussen": Actiestatus.choices,
        },
    )


@permission_required(LEZEN, raise_exception=True)
def actieplan(request: HttpRequest, gevangenis: int, jaar: int) -> HttpResponse:
    gevonden = gevangenis_of_404(request.user, gevangenis)
    jaar = _jaar_of_404(jaar)
    plannen = lokale_actieplannen([gevonden], jaar)
    overzicht = plannen[0] if plannen else None
    doelstellingen = list(StrategischeDoelstelling.objects.all())
    return render(
        request,
        "rapportage/actieplan.html",
        {
            "gevangenis": gevonden,
            "jaar": jaar,
            "overzicht": overzicht,
            "per_doelstelling": overzicht.per_doelstelling(doelstellingen) if overzicht else [],
            "mag_aanmaken": _mag_bijhouden(request, gevonden, "rapportage.add_lokaalactieplan"),
            "mag_toevoegen": _mag_bijhouden(request, gevonden, "rapportage.add_lokaleactie"),
            "mag_bijwerken": _mag_bijhouden(request, gevonden, "rapportage.change_lokaleactie"),
        },
    )


def _bijhouden_of_weigeren(request: HttpRequest, gevangenis: int) -> Gevangenis:
    """The prison, if the user keeps its plan: 404 outside what he reads, 403 if he only
    reads it (the permission itself is the view's decorator)."""
    gevonden = gevangenis_of_404(request.user, gevangenis)
    if not mag_actieplan_bijhouden(request.user, gevonden):
        raise PermissionDenied
    return gevonden


@require_POST
@permission_required("rapportage.add_lokaalactieplan", raise_exception=True)
def aanmaken(request: HttpRequest, gevangenis: int, jaar: int) -> HttpResponse:
    gevonden = _bijhouden_of_weigeren(request, gevangenis)
    try:
        lokaal_actieplan_aanmaken(gevangenis=gevonden, jaar=jaar, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("Het lokaal actieplan is aangemaakt."))
    if jaar not in planjaren():
        return redirect("rapportage:actieplannen")
    return redirect("rapportage:actieplan", gevonden.pk, jaar)


@permission_required("rapportage.add_lokaleactie", raise_exception=True)
def actie_toevoegen(request: HttpRequest, gevangenis: int, jaar: int) -> HttpResponse:
    gevonden = _bijhouden_of_weigeren(request, gevangenis)
    plan = LokaalActieplan.objects.filter(gevangenis=gevonden, jaar=jaar).first()
    if plan is None:
        raise Http404
    form = LokaleActieForm(request.POST or None, initial={"doelstelling": request.GET.get("sd")})
    if request.method == "POST" and form.is_valid():
        try:
            lokale_actie_toevoegen(plan=plan, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("De actie is toegevoegd."))
            return redirect("rapportage:actieplan", gevonden.pk, jaar)
    return render(
        request,
        "rapportage/lokale_actie_formulier.html",
        {"form": form, "plan": plan, "gevangenis": gevonden},
    )


def _lokale_actie_of_404(request: HttpRequest, pk: int) -> LokaleActie:
    gevonden = (
        LokaleActie.objects.select_related("plan__gevangenis", "doelstelling")
        .filter(pk=pk, plan__gevangenis__in=zichtbare_gevangenissen(request.user))
        .first()
    )
    if gevonden is None:
        raise Http404
    return gevonden


@permission_required("rapportage.view_lokaleactie", raise_exception=True)
def lokale_actie(request: HttpRequest, pk: int) -> HttpResponse:
    """One local action with its history; its prison's beleidscoördinator changes it here."""
    gevonden = _lokale_actie_of_404(request, pk)
    gevangenis = gevonden.plan.gevangenis
    mag_bijwerken = _mag_bijhouden(request, gevangenis, "rapportage.change_lokaleactie")
    form: LokaleActieBijwerkenForm | None = None
    if request.method == "POST":
        if not mag_bijwerken:
            raise PermissionDenied
        form = LokaleActieBijwerkenForm(request.POST, huidig=gevonden.status)
        if form.is_valid():
            try:
                lokale_actie_bijwerken(
                    lokale_actie=gevonden, door=request.user, **form.cleaned_data
                )
            except ValidationError as fout:
                fouten_tonen(form, fout)
            else:
                messages.success(request, _("De actie is bijgewerkt."))
                return redirect("rapportage:actieplan", gevangenis.pk, gevonden.plan.jaar)
    elif mag_bijwerken:
        form = LokaleActieBijwerkenForm(
            huidig=gevonden.status,
            initial={
                "doelstelling": gevonden.doelstelling_id,
                "titel": gevonden.titel,
                "omschrijving": gevonden.omschrijving,
                "eigenaar": gevonden.eigenaar,
                "datum": timezone.localdate(),
            },
        )
    return render(
        request,
        "rapportage/lokale_actie.html",
        {
            "actie": gevonden,
            "gevangenis": gevangenis,
            "notities": actie_geschiedenis(gevonden),
            "form": form,
        },
    )


urlpatterns: list[Any] = [
    path("actieplannen/", actieplannen, name="actieplannen"),
    path("actieplannen/<int:gevangenis>/<int:jaar>/", actieplan, name="actieplan"),
    path("actieplannen/<int:gevangenis>/<int:jaar>/aanmaken/", aanmaken, name="actieplan_aanmaken"),
    path(
        "actieplannen/<int:gevangenis>/<int:jaar>/acties/toevoegen/",
        actie_toevoegen,
        name="lokale_actie_toevoegen",
    ),
    path("actieplannen/acties/<int:pk>/", lokale_actie, name="lokale_actie"),
]
