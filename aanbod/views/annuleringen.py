"""Cancelling one session or a whole prison-day (a strike), and undoing it."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from aanbod.models import Sessie
from aanbod.services.annuleringen import (
    BevestigingNodig,
    annulering_ongedaan_maken,
    sessie_annuleren,
    sessies_annuleren_op_dag,
)
from aanbod.views.forms import AnnulerenForm, DagAnnulerenForm, fouten_tonen
from aanbod.views.planning import isoweek
from aanbod.views.toegang import actieve_gevangenis_of_404, sessie_voor, terug_naar


@permission_required("aanbod.plan_activiteit", raise_exception=True)
def sessie_annuleren_view(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = sessie_voor(request, pk)
    terug = terug_naar(request, reverse("aanbod:activiteit", args=[sessie.activiteit_id]))
    if sessie.geannuleerd:
        messages.info(request, _("Deze sessie is al geannuleerd."))
        return redirect(terug)
    form = AnnulerenForm(request.POST or None)
    bevestiging = ""
    if request.method == "POST" and form.is_valid():
        try:
            sessie_annuleren(
                sessie=sessie,
                reden=form.cleaned_data["reden"],
                toelichting=form.cleaned_data["toelichting"],
                door=request.user,
                bevestigd=form.cleaned_data["bevestigd"],
            )
        except BevestigingNodig as fout:
            bevestiging = " ".join(fout.messages)
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(
                request,
                _("De sessie van %(datum)s is geannuleerd (%(reden)s).")
                % {"datum": f"{sessie.datum:%d/%m/%Y}", "reden": form.cleaned_data["reden"]},
            )
            return redirect(terug)
    return render(
        request,
        "aanbod/sessie_annuleren.html",
        {"form": form, "sessie": sessie, "bevestiging": bevestiging, "terug": terug},
    )


def _dag(waarde: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(waarde or "")
    except ValueError:
        return None


@permission_required("aanbod.plan_activiteit", raise_exception=True)
def dag_annuleren(request: HttpRequest) -> HttpResponse:
    gevangenis = actieve_gevangenis_of_404(request)
    datum = _dag(request.GET.get("datum"))
    form = DagAnnulerenForm(request.POST or None, initial={"datum": datum or timezone.localdate()})
    bevestiging = ""
    if request.method == "POST" and form.is_valid():
        datum = form.cleaned_data["datum"]
        try:
            sessies = sessies_annuleren_op_dag(
                gevangenis=gevangenis,
                datum=datum,
                reden=form.cleaned_data["reden"],
                toelichting=form.cleaned_data["toelichting"],
                door=request.user,
                bevestigd=form.cleaned_data["bevestigd"],
            )
        except BevestigingNodig as fout:
            bevestiging = " ".join(fout.messages)
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s sessie op %(datum)s is geannuleerd (%(reden)s).",
                    "%(n)s sessies op %(datum)s zijn geannuleerd (%(reden)s). Eén keer ‘ongedaan maken’ herstelt ze allemaal.",
                    len(sessies),
                )
                % {
                    "n": len(sessies),
                    "datum": f"{datum:%d/%m/%Y}",
                    "reden": form.cleaned_data["reden"],
                },
            )
            return redirect(f"{reverse('aanbod:planning')}?week={isoweek(datum)}")
    elif request.method == "POST":
        datum = _dag(request.POST.get("datum"))
    geplande = (
        Sessie.objects.zichtbaar_voor(request.user)
        .in_gevangenis(gevangenis)
        .filter(datum=datum, annuleringsreden__isnull=True)
        .select_related("activiteit__aanbod", "lokaal")
        .order_by("begintijd", "id")
        if datum
        else Sessie.objects.none()
    )
    return render(
        request,
        "aanbod/dag_annuleren.html",
        {
            "form": form,
            "gevangenis": gevangenis,
            "datum": datum,
            "geplande": geplande,
            "bevestiging": bevestiging,
        },
    )


@require_POST
@permission_required("aanbod.plan_activiteit", raise_exception=True)
def annulering_ongedaan(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = sessie_voor(request, pk)
    try:
        hersteld = annulering_ongedaan_maken(sessie=sessie, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request,
            ngettext(
                "De annulering is ongedaan gemaakt: de sessie gaat door.",
                "De annulering is ongedaan gemaakt: %(n)s sessies van die dag gaan weer door.",
                len(hersteld),
            )
            % {"n": len(hersteld)},
        )
    return redirect(terug_naar(request, reverse("aanbod:activiteit", args=[sessie.activiteit_id])))
