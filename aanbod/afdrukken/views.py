"""Printouts of the offer: a prison's weekly programme, and the brochure for detainees.

Each is one template for screen and paper (hdv.pdf): the HTML view and the PDF view
build the same context, so what a user checks on screen is what comes out on paper.
Both are for one prison: the active one, or ``?gevangenis=<code>`` of the user's own.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from aanbod.afdrukken import brochure, selectors
from hdv.models import Gevangenis
from hdv.pdf import pdf_antwoord
from hdv.scope import actieve_gevangenis, gevangenissen_van

WEEKPROGRAMMA = "aanbod/afdrukken/weekprogramma.html"
BROCHURE = "aanbod/afdrukken/brochure.html"
ONGELDIG = "aanbod/afdrukken/ongeldig.html"

_ISO_WEEK = re.compile(r"(\d{4})-W(\d{1,2})")
# Outside these years a week is a typing error, and the links to the week before and
# after stay within what a date can hold.
_JAREN = range(2000, 2101)


class OngeldigeWeek(ValueError):
    pass


def _get_gevangenis_for_user(request: HttpRequest) -> Gevangenis:
    """The prison to print for: one of the user's own prisons, anything else is a 404."""
    code = request.GET.get("gevangenis", "").strip().lower()
    if not code:
        gevangenis = actieve_gevangenis(request)
        if gevangenis is None:
            raise Http404
        return gevangenis
    for gevangenis in gevangenissen_van(request.user):
        if gevangenis.code.lower() == code:
            return gevangenis
    raise Http404


def _maandag(waarde: str | None) -> datetime.date:
    """The Monday of ``2026-W48``; without a value, of this week."""
    if not waarde:
        vandaag = timezone.localdate()
        return vandaag - datetime.timedelta(days=vandaag.weekday())
    match = _ISO_WEEK.fullmatch(waarde.strip())
    if match and int(match[1]) in _JAREN:
        try:
            return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            pass
    raise OngeldigeWeek(waarde)


def _iso_week(datum: datetime.date) -> str:
    jaar, week, _ = datum.isocalendar()
    return f"{jaar}-W{week:02d}"


def _url(naam: str, **query: str) -> str:
    return f"{reverse(naam)}?{urlencode(query)}"


def _weekprogramma_context(request: HttpRequest) -> dict[str, Any]:
    gevangenis = _get_gevangenis_for_user(request)
    maandag = _maandag(request.GET.get("week"))
    week = _iso_week(maandag)
    een_week = datetime.timedelta(weeks=1)
    return {
        "gevangenis": gevangenis,
        "programma": selectors.weekprogramma(gevangenis=gevangenis, maandag=maandag),
        "week": week,
        "weeknummer": maandag.isocalendar()[1],
        "maandag": maandag,
        "zondag": maandag + datetime.timedelta(days=6),
        "afgedrukt": timezone.localtime(),
        "vorige_url": _url(
            "aanbod:weekprogramma", gevangenis=gevangenis.code, week=_iso_week(maandag - een_week)
        ),
        "volgende_url": _url(
            "aanbod:weekprogramma", gevangenis=gevangenis.code, week=_iso_week(maandag + een_week)
        ),
        "pdf_url": _url("aanbod:weekprogramma_pdf", gevangenis=gevangenis.code, week=week),
    }


def _ongeldige_week(request: HttpRequest, waarde: str) -> HttpResponse:
    return render(
        request, ONGELDIG, {"waarde": waarde, "voorbeeld": _iso_week(_maandag(None))}, status=400
    )


@permission_required("aanbod.view_activiteit", raise_exception=True)
def weekprogramma(request: HttpRequest) -> HttpResponse:
    try:
        context = _weekprogramma_context(request)
    except OngeldigeWeek as fout:
        return _ongeldige_week(request, str(fout))
    return render(request, WEEKPROGRAMMA, context)


@permission_required("aanbod.view_activiteit", raise_exception=True)
def weekprogramma_pdf(request: HttpRequest) -> HttpResponse:
    try:
        context = _weekprogramma_context(request)
    except OngeldigeWeek as fout:
        return _ongeldige_week(request, str(fout))
    bestandsnaam = f"weekprogramma-{context['gevangenis'].code}-{context['week']}.pdf"
    return pdf_antwoord(request, template=WEEKPROGRAMMA, context=context, bestandsnaam=bestandsnaam)


def _brochure_context(request: HttpRequest) -> dict[str, Any]:
    gevangenis = _get_gevangenis_for_user(request)
    taal = brochure.taal_uit(request.GET.get("taal"))
    vandaag = timezone.localdate()
    per_domein = selectors.aanbod_nu(gevangenis=gevangenis, vandaag=vandaag)
    return {
        "gevangenis": gevangenis,
        "taal": taal,
        "t": brochure.TEKSTEN[taal],
        "kop": brochure.kop(gevangenis, taal),
        "domeinen": brochure.domeinen(per_domein, taal),
        "bijgewerkt": brochure.bijgewerkt(taal, vandaag),
        "talen": [
            (code, naam, _url("aanbod:brochure", gevangenis=gevangenis.code, taal=code))
            for code, naam in brochure.EIGEN_NAAM.items()
            if code != taal
        ],
        "pdf_url": _url("aanbod:brochure_pdf", gevangenis=gevangenis.code, taal=taal),
    }


@permission_required("aanbod.view_aanbod", raise_exception=True)
def brochure_html(request: HttpRequest) -> HttpResponse:
    return render(request, BROCHURE, _brochure_context(request))


@permission_required("aanbod.view_aanbod", raise_exception=True)
def brochure_pdf(request: HttpRequest) -> HttpResponse:
    context = _brochure_context(request)
    bestandsnaam = f"aanbod-{context['gevangenis'].code}-{context['taal']}.pdf"
    return pdf_antwoord(request, template=BROCHURE, context=context, bestandsnaam=bestandsnaam)
