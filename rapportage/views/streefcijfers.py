"""Targets per indicator, per prison and year: the table, set one, remove one.

The central level sets them for every prison and for Flanders; a beleidscoördinator for
his own prison(s), and reads Flanders' next to them. Each target stands next to the
value the rollups computed for that year, as the Flanders dashboard shows it to this
reader (``rapportage.selectors``, through ``rapportage.afscherming``): his own prisons as
they are, every other figure suppressed where it could point at someone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aanbod.views.forms import fouten_tonen
from hdv.models import Gevangenis
from rapportage import selectors
from rapportage.afscherming import Cijfer
from rapportage.indicatoren import Indicator, Periode
from rapportage.indicatoren.basis import Eenheid
from rapportage.models import Periodesoort, Streefcijfer
from rapportage.plannen_lezen import gehaald, indicatoren, streefcijfers_voor_jaar
from rapportage.plantoegang import (
    bewerkbaar_streefcijfer,
    is_centraal,
    mag_streefcijfer_zetten,
    zichtbare_gevangenissen,
)
from rapportage.services.streefcijfers import (
    jaren_toegelaten,
    streefcijfer_verwijderen,
    streefcijfer_zetten,
)

ZETTEN = "rapportage.add_streefcijfer"
VLAANDEREN = ""  # the value of "heel Vlaanderen" in a query string


class KommagetalField(forms.DecimalField):
    """A number as people type it here: 72,5 or 72.5 (no thousands separator)."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class StreefcijferForm(forms.Form):
    indicator = forms.ChoiceField(label=gettext_lazy("Indicator"))
    gevangenis = forms.ModelChoiceField(
        queryset=Gevangenis.objects.none(),
        label=gettext_lazy("Gevangenis"),
        error_messages={
            "invalid_choice": gettext_lazy(
                "U kunt alleen streefcijfers zetten voor uw eigen gevangenis(sen)."
            )
        },
    )
    jaar = forms.IntegerField(label=gettext_lazy("Jaar"))
    waarde = KommagetalField(
        label=gettext_lazy("Streefcijfer"),
        help_text=gettext_lazy(
            "Voor een percentage een getal van 0 tot 100; een aantal of een aantal dagen "
            "is nooit negatief."
        ),
    )
    toelichting = forms.CharField(
        required=False,
        max_length=300,
        label=gettext_lazy("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "Waarom dit streefcijfer, bv. de afspraak in de Gemengde Commissie."
        ),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [  # type: ignore[attr-defined]
            (i.code, f"{i.naam} ({eenheid_tekst(i)})".replace(" ()", "")) for i in indicatoren()
        ]
        gevangenis: Any = self.fields["gevangenis"]
        gevangenis.queryset = zichtbare_gevangenissen(user).order_by("naam")
        if is_centraal(user):
            gevangenis.required = False
            gevangenis.empty_label = _("Heel Vlaanderen")


def eenheid_tekst(indicator: Indicator) -> str:
    return {Eenheid.PERCENTAGE: "%", Eenheid.DAGEN: _("dagen")}.get(indicator.eenheid, "")


def _jaar(request: HttpRequest) -> int:
    """The year asked for, or this year when it is missing or out of range."""
    try:
        jaar = int(request.GET.get("jaar", ""))
    except ValueError:
        return timezone.localdate().year
    return jaar if jaar in jaren_toegelaten() else timezone.localdate().year


@dataclass
class Cel:
    gevangenis: Gevangenis | None
    streefcijfer: Streefcijfer | None
    cijfer: Cijfer | None  # the year's computed figure as this reader may see it
    gehaald: bool | None
    zetten_url: str | None

    @property
    def waarde(self) -> float | None:
        return self.cijfer.waarde if self.cijfer else None

    @property
    def teken(self) -> str:
        """The suppression mark ("<5", "x") of a figure that is not shown; else ""."""
        return self.cijfer.waarde_teken if self.cijfer else ""


def _zetten_url(indicator: str, gevangenis: Gevangenis | None, jaar: int) -> str:
    parameters = {
        "indicator": indicator,
        "gevangenis": gevangenis.pk if gevangenis else VLAANDEREN,
        "jaar": jaar,
    }
    return f"{reverse('rapportage:streefcijfer_zetten')}?{urlencode(parameters)}"


@permission_required("rapportage.view_streefcijfer", raise_exception=True)
def streefcijfers(request: HttpRequest) -> HttpResponse:
    """Indicators × prisons (and Flanders) for one year: target, value, reached or not."""
    jaar = _jaar(request)
    gevangenissen = list(zichtbare_gevangenissen(request.user).order_by("naam"))
    kolommen: list[Gevangenis | None] = [None, *gevangenissen]
    pagina = Paginator(indicatoren(), settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    doelen = streefcijfers_voor_jaar(jaar, gevangenissen)
    waarden = selectors.totalen(
        Periode(Periodesoort.JAAR, datetime.date(jaar, 1, 1)), selectors.Lezer.van(request.user)
    )
    mag_zetten = request.user.has_perm(ZETTEN)
    rijen = []
    for indicator in pagina:
        cellen = []
        for gevangenis in kolommen:
            sleutel = (indicator.code, gevangenis.pk if gevangenis else None)
            doel = doelen.get(sleutel)
            cijfer = waarden.get(sleutel)
            bewerkbaar = mag_zetten and mag_streefcijfer_zetten(request.user, gevangenis)
            cellen.append(
                Cel(
                    gevangenis=gevangenis,
                    streefcijfer=doel,
                    cijfer=cijfer,
                    # A hidden figure is not judged: that would tell its range.
                    gehaald=gehaald(
                        indicator, cijfer.waarde if cijfer else None, doel.waarde if doel else None
                    ),
                    zetten_url=_zetten_url(indicator.code, gevangenis, jaar)
                    if bewerkbaar
                    else None,
                )
            )
        rijen.append(
            {"indicator": indicator, "eenheid": eenheid_tekst(indicator), "cellen": cellen}
        )
    return render(
        request,
        "rapportage/streefcijfers.html",
        {
            "jaar": jaar,
            "jaren": list(jaren_toegelaten()),
            "pagina": pagina,
            "rijen": rijen,
            "kolommen": kolommen,
            "mag_zetten": mag_zetten,
            "kleinste_aantal": settings.HDV_KLEINSTE_AANTAL,
        },
    )


def _beginwaarden(request: HttpRequest) -> dict[str, Any]:
    """The form's start: the cell that was clicked, with its target if it has one."""
    jaar = _jaar(request)
    indicator = request.GET.get("indicator", "")
    gevangenis_pk = request.GET.get("gevangenis", VLAANDEREN)
    gevangenis: Gevangenis | None = None
    if gevangenis_pk != VLAANDEREN:
        try:
            gevangenis = zichtbare_gevangenissen(request.user).get(pk=int(gevangenis_pk))
        except (ValueError, Gevangenis.DoesNotExist):
            raise Http404 from None
    elif not is_centraal(request.user):
        gevangenis = zichtbare_gevangenissen(request.user).order_by("naam").first()
    bestaand = Streefcijfer.objects.filter(
        indicator=indicator, gevangenis=gevangenis, jaar=jaar
    ).first()
    return {
        "indicator": indicator,
        "gevangenis": gevangenis,
        "jaar": jaar,
        "waarde": bestaand.waarde if bestaand else None,
        "toelichting": bestaand.toelichting if bestaand else "",
        "bestaand": bestaand,
    }


@permission_required(ZETTEN, raise_exception=True)
def zetten(request: HttpRequest) -> HttpResponse:
    """Set (or change) one target; the table's cell links here with its coordinates."""
    if request.method == "POST":
        form = StreefcijferForm(request.POST, user=request.user)
        bestaand = None
        if form.is_valid():
            gegevens = form.cleaned_data
            try:
                streefcijfer_zetten(
                    indicator=gegevens["indicator"],
                    gevangenis=gegevens["gevangenis"],
                    jaar=gegevens["jaar"],
                    waarde=gegevens["waarde"],
                    toelichting=gegevens["toelichting"],
                    door=request.user,
                )
            except ValidationError as fout:
                fouten_tonen(form, fout)
            else:
                messages.success(request, _("Het streefcijfer is opgeslagen."))
                return redirect(f"{reverse('rapportage:streefcijfers')}?jaar={gegevens['jaar']}")
    else:
        begin = _beginwaarden(request)
        bestaand = begin.pop("bestaand")
        form = StreefcijferForm(initial=begin, user=request.user)
    return render(
        request,
        "rapportage/streefcijfer_formulier.html",
        {"form": form, "bestaand": bestaand, "jaar": form["jaar"].value()},
    )


@permission_required("rapportage.change_streefcijfer", raise_exception=True)
def verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    streefcijfer = bewerkbaar_streefcijfer(request.user, pk)
    if request.method != "POST":
        return redirect(
            _zetten_url(streefcijfer.indicator, streefcijfer.gevangenis, streefcijfer.jaar)
        )
    try:
        streefcijfer_verwijderen(streefcijfer=streefcijfer, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("Het streefcijfer is verwijderd."))
    return redirect(f"{reverse('rapportage:streefcijfers')}?jaar={streefcijfer.jaar}")


urlpatterns: list[Any] = [
    path("streefcijfers/", streefcijfers, name="streefcijfers"),
    path("streefcijfers/zetten/", zetten, name="streefcijfer_zetten"),
    path("streefcijfers/<int:pk>/verwijderen/", verwijderen, name="streefcijfer_verwijderen"),
]
