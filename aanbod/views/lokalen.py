"""Rooms of a prison and its closure days."""

from __future__ import annotations

import datetime
from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aanbod.models import Lokaal, Sessie, Sluitingsdag
from aanbod.services.lokalen import (
    lokaal_opslaan,
    sluitingsdag_toevoegen,
    sluitingsdag_verwijderen,
)
from aanbod.views.forms import LokaalForm, SluitingsdagForm, fouten_tonen
from aanbod.views.toegang import (
    actieve_gevangenis_of_404,
    lokaal_voor,
    sluitingsdag_voor,
    terug_naar,
)
from hdv.models import Gevangenis
from hdv.scope import actieve_gevangenis


@permission_required("aanbod.view_lokaal", raise_exception=True)
def lokalen(request: HttpRequest) -> HttpResponse:
    gevangenis = actieve_gevangenis(request)
    vandaag = timezone.localdate()
    queryset = (
        Lokaal.objects.zichtbaar_voor(request.user)
        .in_gevangenis(gevangenis)
        .annotate(
            lopende_activiteiten=Count(
                "activiteiten",
                filter=Q(
                    activiteiten__startdatum__lte=vandaag, activiteiten__einddatum__gte=vandaag
                ),
            )
        )
        .order_by("-actief", "naam", "pk")
    )
    pagina = Paginator(queryset, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "aanbod/lokalen.html", {"pagina": pagina, "gevangenis": gevangenis})


@permission_required("aanbod.add_lokaal", raise_exception=True)
def lokaal_nieuw(request: HttpRequest) -> HttpResponse:
    gevangenis = actieve_gevangenis_of_404(request)
    form = LokaalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            lokaal = lokaal_opslaan(gevangenis=gevangenis, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("Lokaal ‘%(naam)s’ is toegevoegd.") % {"naam": lokaal})
            return redirect("aanbod:lokalen")
    return render(
        request,
        "aanbod/lokaal_formulier.html",
        {"form": form, "gevangenis": gevangenis, "lokaal": None},
    )


@permission_required("aanbod.change_lokaal", raise_exception=True)
def lokaal_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    lokaal = lokaal_voor(request, pk)
    form = LokaalForm(request.POST or None, lokaal=lokaal)
    if request.method == "POST" and form.is_valid():
        try:
            lokaal_opslaan(lokaal=lokaal, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("Lokaal ‘%(naam)s’ is opgeslagen.") % {"naam": lokaal})
            return redirect("aanbod:lokalen")
    return render(
        request,
        "aanbod/lokaal_formulier.html",
        {"form": form, "gevangenis": lokaal.gevangenis, "lokaal": lokaal},
    )


def _jaar(waarde: str | None, standaard: int) -> int:
    try:
        jaar = int(waarde or "")
    except ValueError:
        return standaard
    return jaar if datetime.MINYEAR < jaar < datetime.MAXYEAR else standaard


def _sluitingsdagen_pagina(
    request: HttpRequest,
    gevangenis: Gevangenis | None,
    form: SluitingsdagForm,
    jaar: int | None = None,
) -> HttpResponse:
    vandaag = timezone.localdate()
    jaar = jaar or _jaar(request.GET.get("jaar"), vandaag.year)
    dagen = list(
        Sluitingsdag.objects.zichtbaar_voor(request.user)
        .in_gevangenis(gevangenis)
        .filter(datum__year=jaar)
        .order_by("datum")
    )
    maanden = [(maand, list(rij)) for maand, rij in groupby(dagen, key=lambda d: d.datum.month)]
    return render(
        request,
        "aanbod/sluitingsdagen.html",
        {
            "gevangenis": gevangenis,
            "form": form,
            "jaar": jaar,
            "maanden": [(datetime.date(jaar, m, 1), rij) for m, rij in maanden],
            "aantal": len(dagen),
            "vandaag": vandaag,
        },
    )


@permission_required("aanbod.view_lokaal", raise_exception=True)
def sluitingsdagen(request: HttpRequest) -> HttpResponse:
    return _sluitingsdagen_pagina(request, actieve_gevangenis(request), SluitingsdagForm())


@require_POST
@permission_required("aanbod.add_sluitingsdag", raise_exception=True)
def sluitingsdag_toevoegen_view(request: HttpRequest) -> HttpResponse:
    gevangenis = actieve_gevangenis_of_404(request)
    form = SluitingsdagForm(request.POST)
    if form.is_valid():
        try:
            dag = sluitingsdag_toevoegen(
                gevangenis=gevangenis,
                datum=form.cleaned_data["datum"],
                reden=form.cleaned_data["reden"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(
                request,
                _("%(datum)s is een sluitingsdag: de sessies van die dag zijn geschrapt.")
                % {"datum": f"{dag.datum:%d/%m/%Y}"},
            )
            # The service keeps the sessions that are already in use: say so.
            gebleven = (
                Sessie.objects.zichtbaar_voor(request.user)
                .in_gevangenis(gevangenis)
                .filter(datum=dag.datum, annuleringsreden__isnull=True)
                .count()
            )
            if gebleven:
                messages.warning(
                    request,
                    _(
                        "%(n)s sessie(s) met aanwezigheden bleven staan. Annuleer ze met ‘Dag annuleren’."
                    )
                    % {"n": gebleven},
                )
            return redirect(f"{reverse('aanbod:sluitingsdagen')}?jaar={dag.datum.year}")
    jaar = form.cleaned_data["datum"].year if "datum" in form.cleaned_data else None
    return _sluitingsdagen_pagina(request, gevangenis, form, jaar)


@require_POST
@permission_required("aanbod.delete_sluitingsdag", raise_exception=True)
def sluitingsdag_verwijderen_view(request: HttpRequest, pk: int) -> HttpResponse:
    dag = sluitingsdag_voor(request, pk)
    sluitingsdag_verwijderen(dag=dag, door=request.user)
    messages.success(
        request,
        _(
            "%(datum)s is geen sluitingsdag meer: de activiteiten van die dag krijgen hun sessies terug."
        )
        % {"datum": f"{dag.datum:%d/%m/%Y}"},
    )
    return redirect(
        terug_naar(request, f"{reverse('aanbod:sluitingsdagen')}?jaar={dag.datum.year}")
    )
