"""Release preparation (brug binnen-buiten): the checklist and the handover summary.

The checklist is the trajectbegeleiders' coordination work; another organisation reads
it with the person's consent (``inzicht.vrijlating``). On release it is frozen and the
page shows the summary as it was that day. The handover PDF goes to a partner only
with the person's consent for that partner (``overdracht_delen`` refuses otherwise).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, Prefetch, Q, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aanbod.views.forms import fouten_tonen
from hdv.audit import inzage_vastleggen
from hdv.models import Gevangenis, Organisatie
from hdv.scope import get_in_scope_or_404
from trajecten import afdrukken
from trajecten.models import Checklistpunt, Gedetineerde, HdvPlan, Vrijlatingsvoorbereiding
from trajecten.selectors import gedetineerde_openen
from trajecten.services.plannen import verwachte_vrijlating
from trajecten.services.vrijlating import (
    checklistpunt_bijwerken,
    overdracht_delen,
    vrijlating_voorbereiden,
)
from trajecten.views.plan import OrganisatieKeuze, formgegevens
from trajecten.zichtbaarheid import Inzicht, inzicht, vrijlating_met_eigenaar

AFGESCHERMD = gettext_lazy(
    "Uw organisatie heeft geen toestemming van de gedetineerde om de voorbereiding van de "
    "vrijlating te lezen."
)
AFGEHANDELD = [Checklistpunt.Status.GEREGELD, Checklistpunt.Status.NIET_NODIG]


# --- forms -------------------------------------------------------------------------------


class MedewerkerKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.get_full_name() or obj.get_username()} ({obj.medewerker.organisatie})"


class ChecklistpuntForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Checklistpunt.Status.choices)
    organisatie = OrganisatieKeuze(
        label=gettext_lazy("Verantwoordelijke organisatie"),
        queryset=Organisatie.objects.none(),
        required=False,
    )
    verantwoordelijke = MedewerkerKeuze(
        label=gettext_lazy("Verantwoordelijke"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=gettext_lazy("Een medewerker van deze gevangenis."),
    )
    toelichting = forms.CharField(
        label=gettext_lazy("Toelichting"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args: Any, gevangenis: Gevangenis | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = Organisatie.objects.filter(actief=True)  # type: ignore[attr-defined]
        self.fields["verantwoordelijke"].queryset = (  # type: ignore[attr-defined]
            get_user_model()
            .objects.filter(is_active=True, medewerker__gevangenissen=gevangenis)
            .select_related("medewerker__organisatie")
            .order_by("last_name", "first_name", "id")
        )


class OverdrachtForm(forms.Form):
    organisatie = OrganisatieKeuze(
        label=gettext_lazy("Ontvangende organisatie"),
        queryset=Organisatie.objects.none(),
        help_text=gettext_lazy(
            "Bijvoorbeeld het justitiehuis of het OCMW. De gedetineerde moet toestemming "
            "gegeven hebben om de overdracht met deze organisatie te delen."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Partners outside (justitiehuis, OCMW…) first: the usual receivers of a handover.
        self.fields["organisatie"].queryset = Organisatie.objects.filter(actief=True).order_by(  # type: ignore[attr-defined]
            Case(When(soort=Organisatie.Soort.EXTERN, then=Value(0)), default=Value(1)), "naam"
        )


# --- access --------------------------------------------------------------------------------


def _gedetineerde_voor(request: HttpRequest, pk: int) -> Gedetineerde:
    return get_in_scope_or_404(
        Gedetineerde.objects.select_related("huidige_gevangenis"), request.user, pk=pk
    )


def _voorbereidingen(gedetineerde: Gedetineerde) -> list[Vrijlatingsvoorbereiding]:
    """The person's release preparations, newest first, with their checklist."""
    punten = Checklistpunt.objects.select_related("organisatie", "verantwoordelijke")
    return list(
        gedetineerde.vrijlatingsvoorbereidingen.select_related("verblijf__gevangenis")
        .prefetch_related(Prefetch("punten", queryset=punten))
        .order_by("-geopend_op", "-id")
    )


def _mag_plan(zicht: Inzicht, gedetineerde: Gedetineerde) -> bool:
    plan = HdvPlan.objects.filter(gedetineerde=gedetineerde).only("organisatie_id").first()
    return plan is not None and zicht.plan(plan)


def _naar_vrijlating(gedetineerde_id: int) -> HttpResponse:
    return redirect("trajecten:vrijlating", pk=gedetineerde_id)


# --- views ---------------------------------------------------------------------------------


@permission_required("trajecten.view_vrijlatingsvoorbereiding", raise_exception=True)
def vrijlating(request: HttpRequest, pk: int) -> HttpResponse:
    """The checklist of the running preparation and the frozen summaries; POST opens one."""
    if request.method == "POST":
        if not request.user.has_perm("trajecten.change_vrijlatingsvoorbereiding"):
            raise PermissionDenied
        gedetineerde = _gedetineerde_voor(request, pk)
        try:
            vrijlating_voorbereiden(gedetineerde=gedetineerde, door=request.user)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("De voorbereiding van de vrijlating is geopend."))
        return _naar_vrijlating(gedetineerde.pk)
    gedetineerde = gedetineerde_openen(user=request.user, pk=pk)
    zicht = inzicht(request.user, gedetineerde)
    voorbereidingen = _voorbereidingen(gedetineerde)
    lopend = next((v for v in voorbereidingen if not v.bevroren), None)
    context: dict[str, Any] = {
        "gedetineerde": gedetineerde,
        "zichtbaar": zicht.vrijlating(),
        "lopend": lopend,
        "bevroren": [v for v in voorbereidingen if v.bevroren],
        "verwachte_datum": lopend.verwachte_datum
        if lopend and lopend.verwachte_datum
        else verwachte_vrijlating(gedetineerde),
        "in_gevangenis": gedetineerde.verblijven.filter(tot__isnull=True).exists(),
    }
    if context["zichtbaar"]:
        met_plan = _mag_plan(zicht, gedetineerde)
        context["samenvattingen"] = [
            (v, afdrukken.overdracht_leesbaar(zicht.overdracht(v.overdracht), met_plan=met_plan))
            for v in context["bevroren"]
        ]
        if lopend is not None:
            punten = list(lopend.punten.all())
            context["punten"] = punten
            context["afgehandeld"] = sum(p.status in AFGEHANDELD for p in punten)
    return render(request, "trajecten/vrijlating.html", context)


@permission_required("trajecten.change_vrijlatingsvoorbereiding", raise_exception=True)
def checklistpunt(request: HttpRequest, pk: int) -> HttpResponse:
    punt = get_in_scope_or_404(
        Checklistpunt.objects.select_related(
            "voorbereiding__gedetineerde__huidige_gevangenis", "organisatie", "verantwoordelijke"
        ),
        request.user,
        pk=pk,
    )
    gedetineerde = punt.voorbereiding.gedetineerde
    if not inzicht(request.user, gedetineerde).vrijlating():
        raise PermissionDenied(AFGESCHERMD)
    if punt.voorbereiding.bevroren:
        messages.info(request, _("De persoon is vrijgelaten: de checklist is afgesloten."))
        return _naar_vrijlating(gedetineerde.pk)
    form = ChecklistpuntForm(
        formgegevens(request),
        gevangenis=gedetineerde.huidige_gevangenis,
        initial={
            "status": punt.status,
            "organisatie": punt.organisatie,
            "verantwoordelijke": punt.verantwoordelijke,
            "toelichting": punt.toelichting,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            checklistpunt_bijwerken(punt=punt, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(
                request,
                _("‘%(onderwerp)s’ is bijgewerkt.") % {"onderwerp": punt.get_onderwerp_display()},
            )
            return _naar_vrijlating(gedetineerde.pk)
    elif request.method == "GET":
        inzage_vastleggen(
            door=request.user,
            obj=punt,
            persoon_id=gedetineerde.pk,
            gevangenis=gedetineerde.huidige_gevangenis,
        )
    return render(
        request,
        "trajecten/vrijlating_checklistpunt.html",
        {"gedetineerde": gedetineerde, "punt": punt, "form": form},
    )


@permission_required("trajecten.change_vrijlatingsvoorbereiding", raise_exception=True)
def overdracht_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose the receiving organisation; with the person's consent for it, the PDF."""
    gedetineerde = gedetineerde_openen(user=request.user, pk=pk)
    zicht = inzicht(request.user, gedetineerde)
    if not zicht.vrijlating():
        raise PermissionDenied(AFGESCHERMD)
    voorbereiding = (
        gedetineerde.vrijlatingsvoorbereidingen.select_related("verblijf__gevangenis")
        .order_by("-geopend_op", "-id")
        .first()
    )
    if voorbereiding is None:
        messages.info(request, _("Er is nog geen voorbereiding van de vrijlating om te delen."))
        return _naar_vrijlating(gedetineerde.pk)
    voorbereiding.gedetineerde = gedetineerde
    form = OverdrachtForm(formgegevens(request))
    if request.method == "POST" and form.is_valid():
        organisatie = form.cleaned_data["organisatie"]
        try:
            inhoud = overdracht_delen(
                voorbereiding=voorbereiding, organisatie=organisatie, door=request.user
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            return afdrukken.overdracht_pdf(
                request,
                voorbereiding=voorbereiding,
                inhoud=zicht.overdracht(inhoud),
                organisatie=organisatie,
                met_plan=_mag_plan(zicht, gedetineerde),
            )
    return render(
        request,
        "trajecten/vrijlating_overdracht.html",
        {"gedetineerde": gedetineerde, "voorbereiding": voorbereiding, "form": form},
    )


# --- the section of the dossier page ---------------------------------------------------------


def dossier_sectie(
    request: HttpRequest, gedetineerde: Gedetineerde, inzicht: Inzicht
) -> dict[str, Any]:
    """The release preparation on the person's page: progress, or only that it exists.

    One query: the newest preparation with its checklist counted.
    """
    if not request.user.has_perm("trajecten.view_vrijlatingsvoorbereiding"):
        return {"toon_vrijlating": False}
    voorbereiding = (
        vrijlating_met_eigenaar(Vrijlatingsvoorbereiding.objects.filter(gedetineerde=gedetineerde))
        .annotate(
            aantal_punten=Count("punten"),
            aantal_afgehandeld=Count("punten", filter=Q(punten__status__in=AFGEHANDELD)),
        )
        .order_by("-geopend_op", "-id")
        .first()
    )
    return {
        "toon_vrijlating": True,
        "vrijlating_voorbereiding": voorbereiding,
        "vrijlating_zichtbaar": inzicht.vrijlating(voorbereiding),
    }


urlpatterns: list[Any] = [
    path("personen/<int:pk>/vrijlating/", vrijlating, name="vrijlating"),
    path("personen/<int:pk>/vrijlating/overdracht/", overdracht_pdf, name="overdracht_pdf"),
    path("checklistpunten/<int:pk>/", checklistpunt, name="checklistpunt"),
]
