"""deelname on paper: the movement list for the corridor (hdv.pdf renders it with WeasyPrint).

A4, type large enough to read from a clipboard at arm's length, one table per time slot
with the wing first, the prison and the date on every page, and "vertrouwelijk" in the
footer: it names detainees and where they are held.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from deelname.bewegingslijsten import Bewegingslijst
from hdv.pdf import pdf_antwoord

BEWEGINGSLIJST = "deelname/pdf/bewegingslijst.html"


def bewegingslijst_context(lijst: Bewegingslijst) -> dict[str, Any]:
    return {"lijst": lijst, "afgedrukt": timezone.localtime()}


def bewegingslijst_pdf(request: HttpRequest, lijst: Bewegingslijst) -> HttpResponse:
    return pdf_antwoord(
        request,
        template=BEWEGINGSLIJST,
        context=bewegingslijst_context(lijst),
        bestandsnaam=f"bewegingslijst-{lijst.gevangenis.code}-{lijst.datum:%Y-%m-%d}.pdf",
    )
