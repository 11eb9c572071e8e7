"""The movement list of a prison for one day: on screen, and as a PDF for the corridor.

It names detainees and their wing for the whole prison, so it asks for the permissions
of prison-wide participation work: reading enrolments and stays
(``deelname.view_inschrijving``, ``trajecten.view_verblijf``) and the prison overview
(``hdv.gevangenis_overzicht``). That is the trajectbegeleider, the
organisatieondersteuner and the beheerder; not the beleidscoördinator (no access to
persons) nor provider staff (they see their own sessions in the attendance register).
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from deelname import afdrukken
from deelname.bewegingslijsten import bewegingslijst as bewegingslijst_maken
from hdv.models import Gevangenis
from hdv.scope import actieve_gevangenis, gevangenissen_van

PERMISSIES = ("deelname.view_inschrijving", "trajecten.view_verblijf", "hdv.gevangenis_overzicht")
SCHERM = "deelname/bewegingslijst.html"
DAG = datetime.timedelta(days=1)


class DagForm(forms.Form):
    datum = forms.DateField(
        label=_("Datum"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_datum(self) -> datetime.date:
        datum: datetime.date | None = self.cleaned_data.get("datum")
        if datum is None:
            return timezone.localdate()
        # Outside these years a date is a typing error; the links to the day before and
        # after stay within what a date can hold.
        if not 2000 <= datum.year <= 2100:
            raise forms.ValidationError(_("Kies een datum tussen 2000 en 2100."))
        return datum


def _get_gevangenis_for_user(request: HttpRequest, pk: int | None) -> Gevangenis:
    """The active prison, or one of the user's own by id; any other prison is a 404."""
    if pk is None:
        gevangenis = actieve_gevangenis(request)
        if gevangenis is None:
            raise Http404
        return gevangenis
    for gevangenis in gevangenissen_van(request.user):
        if gevangenis.pk == pk:
            return gevangenis
    raise Http404


def _dag_url(naam: str, gevangenis: Gevangenis, datum: datetime.date) -> str:
    url = reverse(naam, kwargs={"pk": gevangenis.pk})
    return f"{url}?{urlencode({'datum': datum.isoformat()})}"


def _scherm(request: HttpRequest, pk: int | None) -> HttpResponse:
    gevangenis = _get_gevangenis_for_user(request, pk)
    form = DagForm(request.GET)
    if not form.is_valid():
        context: dict[str, Any] = {"gevangenis": gevangenis, "form": form, "lijst": None}
        return render(request, SCHERM, context, status=400)
    datum: datetime.date = form.cleaned_data["datum"]
    lijst = bewegingslijst_maken(user=request.user, gevangenis=gevangenis, datum=datum)
    return render(
        request,
        SCHERM,
        {
            "gevangenis": gevangenis,
            "form": DagForm(initial={"datum": datum}),
            "lijst": lijst,
            "vandaag": timezone.localdate(),
            "vorige_url": _dag_url("deelname:bewegingslijst_gevangenis", gevangenis, datum - DAG),
            "volgende_url": _dag_url("deelname:bewegingslijst_gevangenis", gevangenis, datum + DAG),
            "vandaag_url": _dag_url(
                "deelname:bewegingslijst_gevangenis", gevangenis, timezone.localdate()
            ),
            "pdf_url": _dag_url("deelname:bewegingslijst_pdf", gevangenis, datum),
        },
    )


@permission_required(PERMISSIES, raise_exception=True)
def bewegingslijst(request: HttpRequest) -> HttpResponse:
    """The active prison's list: the entry point from the menu."""
    return _scherm(request, None)


@permission_required(PERMISSIES, raise_exception=True)
def bewegingslijst_gevangenis(request: HttpRequest, pk: int) -> HttpResponse:
    return _scherm(request, pk)


@permission_required(PERMISSIES, raise_exception=True)
def bewegingslijst_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    gevangenis = _get_gevangenis_for_user(request, pk)
    form = DagForm(request.GET)
    if not form.is_valid():
        return render(request, SCHERM, {"gevangenis": gevangenis, "form": form}, status=400)
    lijst = bewegingslijst_maken(
        user=request.user, gevangenis=gevangenis, datum=form.cleaned_data["datum"]
    )
    return afdrukken.bewegingslijst_pdf(request, lijst)


urlpatterns = [
    path("bewegingslijst/", bewegingslijst, name="bewegingslijst"),
    path(
        "gevangenissen/<int:pk>/bewegingslijst/",
        bewegingslijst_gevangenis,
        name="bewegingslijst_gevangenis",
    ),
    path(
        "gevangenissen/<int:pk>/bewegingslijst.pdf",
        bewegingslijst_pdf,
        name="bewegingslijst_pdf",
    ),
]
