"""The strategic plan 2020–2025: its goals and actions, and one action's progress.

Everyone with the plan's permission reads it; the central level (``change_actie``) keeps
the actions: status, owner and a progress note with every change.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aanbod.views.forms import DATUM, fouten_tonen
from rapportage.actiestatus import TOEGELATEN_OVERGANGEN
from rapportage.models import Actie, Actiestatus
from rapportage.plannen_lezen import actie_geschiedenis, strategisch_plan_overzicht
from rapportage.services.strategie import actie_bijwerken
from rapportage.strategisch_plan import AANTAL_ACTIES_IN_PLAN, BRON

BIJWERKEN = ("rapportage.change_actie", "rapportage.add_voortgangsnotitie")


def statuskeuzes(huidig: str) -> list[tuple[str, Any]]:
    """The current status and the ones it may become, in the workflow's order."""
    toegelaten = TOEGELATEN_OVERGANGEN[huidig] | {huidig}
    return [(waarde, label) for waarde, label in Actiestatus.choices if waarde in toegelaten]


class VoortgangForm(forms.Form):
    """A progress note, with the status it leaves the action in."""

    status = forms.ChoiceField(label=gettext_lazy("Status"))
    notitie = forms.CharField(
        max_length=2000,
        label=gettext_lazy("Voortgang"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Wat er gebeurd is; bij een andere status: waarom."),
    )
    datum = forms.DateField(
        required=False,
        label=gettext_lazy("Datum"),
        widget=DATUM,
        help_text=gettext_lazy("Leeg: vandaag."),
    )

    def __init__(self, *args: Any, huidig: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = statuskeuzes(huidig)  # type: ignore[attr-defined]
        self.fields["status"].initial = huidig


class ActieForm(VoortgangForm):
    eigenaar = forms.CharField(
        required=False,
        max_length=200,
        label=gettext_lazy("Eigenaar"),
        help_text=gettext_lazy("Wie de actie trekt: een administratie, een partner, een team."),
    )

    field_order = ["status", "eigenaar", "notitie", "datum"]


@permission_required("rapportage.view_actie", raise_exception=True)
def strategisch_plan(request: HttpRequest) -> HttpResponse:
    overzicht = strategisch_plan_overzicht()
    return render(
        request,
        "rapportage/strategisch_plan.html",
        {
            "overzicht": overzicht,
            "aantal_in_plan": AANTAL_ACTIES_IN_PLAN,
            "bron": BRON,
            "mag_bijwerken": request.user.has_perms(BIJWERKEN),
        },
    )


@permission_required("rapportage.view_actie", raise_exception=True)
def actie(request: HttpRequest, pk: int) -> HttpResponse:
    """One action with its history; the central level notes progress here."""
    gevonden = get_object_or_404(Actie.objects.select_related("doelstelling"), pk=pk)
    mag_bijwerken = request.user.has_perms(BIJWERKEN)
    form: ActieForm | None = None
    if request.method == "POST":
        if not mag_bijwerken:
            raise PermissionDenied
        form = ActieForm(request.POST, huidig=gevonden.status)
        if form.is_valid():
            try:
                actie_bijwerken(
                    actie=gevonden,
                    status=form.cleaned_data["status"],
                    notitie=form.cleaned_data["notitie"],
                    eigenaar=form.cleaned_data["eigenaar"],
                    datum=form.cleaned_data["datum"],
                    door=request.user,
                )
            except ValidationError as fout:
                fouten_tonen(form, fout)
            else:
                messages.success(request, _("De voortgang is genoteerd."))
                return redirect("rapportage:actie", gevonden.pk)
    elif mag_bijwerken:
        form = ActieForm(
            huidig=gevonden.status,
            initial={"eigenaar": gevonden.eigenaar, "datum": timezone.localdate()},
        )
    return render(
        request,
        "rapportage/actie.html",
        {"actie": gevonden, "notities": actie_geschiedenis(gevonden), "form": form},
    )


urlpatterns: list[Any] = [
    path("strategisch-plan/", strategisch_plan, name="strategisch_plan"),
    path("strategisch-plan/acties/<int:pk>/", actie, name="actie"),
]
