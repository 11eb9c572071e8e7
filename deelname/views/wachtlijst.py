"""A place for one person on the waiting list (or one request), out of turn only with a reason.

The first in line gets a freed place in one action (``activiteiten``, "vrije plaats aan de
volgende geven"). Anyone else needs a reason for the priority, which the enrolment's step
and the audit trail keep; the service (``inschrijving_plaatsen``) enforces it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aanbod.views.forms import fouten_tonen
from deelname.beheer import beheer_controleren
from deelname.models import Status
from deelname.selectors import wachtenden_voor
from deelname.services.inschrijvingen import inschrijving_plaatsen
from deelname.views.activiteiten import doel_van, inschrijving_openen


class VoorrangForm(forms.Form):
    voorrang = forms.CharField(
        label=gettext_lazy("Reden van de voorrang"),
        max_length=280,  # with "Voorrang: " it fits the step's 300 characters
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Waarom deze persoon voor de anderen op de wachtlijst gaat. De reden komt in de "
            "geschiedenis van de inschrijving."
        ),
        error_messages={"required": gettext_lazy("Geef de reden van de voorrang.")},
    )

    def __init__(self, *args: Any, nodig: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not nodig:  # the first in line needs no reason
            del self.fields["voorrang"]


@permission_required("deelname.change_inschrijving", raise_exception=True)
def inschrijving_plaatsen_view(request: HttpRequest, pk: int) -> HttpResponse:
    inschrijving = inschrijving_openen(request, pk)
    beheer_controleren(request.user, inschrijving)
    doel = doel_van(inschrijving)
    naam = inschrijving.gedetineerde.volledige_naam
    if inschrijving.status not in {Status.AANGEVRAAGD, Status.WACHTLIJST}:
        messages.info(request, _("%(naam)s wacht niet op een plaats.") % {"naam": naam})
        return redirect(doel.url)
    # Whoever may place here sees this list: the first in line is named.
    eerste = wachtenden_voor(inschrijving).select_related("gedetineerde").first()
    form = VoorrangForm(
        request.POST if request.method == "POST" else None, nodig=eerste is not None
    )
    if request.method == "POST" and form.is_valid():
        try:
            geplaatst = inschrijving_plaatsen(
                inschrijving=inschrijving,
                voorrang=form.cleaned_data.get("voorrang", ""),
                door=request.user,
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            if geplaatst.status == Status.INGESCHREVEN:
                messages.success(request, _("%(naam)s kreeg een plaats.") % {"naam": naam})
            else:
                messages.info(request, _("%(naam)s staat op de wachtlijst.") % {"naam": naam})
            return redirect(doel.url)
    return render(
        request,
        "deelname/inschrijving_plaatsen.html",
        {"inschrijving": inschrijving, "doel": doel, "form": form, "eerste": eerste},
    )


urlpatterns: list[Any] = [
    path(
        "inschrijvingen/<int:pk>/plaatsen/",
        inschrijving_plaatsen_view,
        name="inschrijving_plaatsen",
    ),
]
