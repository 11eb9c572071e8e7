"""The intake (onthaal) of a stay with its needs detection, skipping it, and later needs."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbod.models import Levensdomein
from aanbod.views.forms import DATUM, fouten_tonen
from trajecten import zichtbaarheid
from trajecten.models import Behoefte, Gedetineerde, Onthaal, Verblijf, taalcode_validator
from trajecten.selectors import gedetineerde_openen
from trajecten.services.onthaal import (
    BehoefteInvoer,
    behoefte_vastleggen,
    onthaal_overslaan,
    onthaal_registreren,
)
from trajecten.templatetags.talen import GANGBARE_TALEN
from trajecten.werklijsten import onthaal_deadline

PRIORITEITEN = [("", "—"), *Behoefte.Prioriteit.choices]
ANDERE_TAAL = "andere"
TAALKEUZES = [
    ("", "—"),
    *((code, naam) for code, naam in GANGBARE_TALEN.items()),
    (ANDERE_TAAL, _("Andere taal (code hieronder)")),
]


def taal_initieel(talen: list[str]) -> dict[str, str]:
    """The form's language from the person's first known language, as choice or as code."""
    code = next(iter(talen), "").strip().lower()
    if not code or code in GANGBARE_TALEN:
        return {"taal": code}
    return {"taal": ANDERE_TAAL, "andere_taal": code}


class OnthaalForm(forms.Form):
    """The intake with one row per life domain: answer, priority (only for yes), note."""

    datum = forms.DateField(label=_("Datum van het onthaal"), widget=DATUM)
    taal = forms.ChoiceField(label=_("Taal van het gesprek"), choices=TAALKEUZES, required=False)
    andere_taal = forms.CharField(
        label=_("Andere taal: taalcode"),
        max_length=3,
        required=False,
        help_text=_("Alleen bij ‘andere taal’: de ISO 639-code, bv. ku voor Koerdisch."),
    )
    tolk_nodig = forms.BooleanField(label=_("Tolk nodig"), required=False)
    info_aanbod_gegeven = forms.BooleanField(
        label=_("Informatie over het aanbod gegeven"), required=False
    )
    opmerking = forms.CharField(
        label=_("Opmerking"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for domein in Levensdomein:
            self.fields[f"{domein.value}_antwoord"] = forms.ChoiceField(
                label=_("Behoefte %s") % domein.label,
                choices=Behoefte.Antwoord.choices,
                initial=Behoefte.Antwoord.ONBEKEND,
            )
            self.fields[f"{domein.value}_prioriteit"] = forms.ChoiceField(
                label=_("Prioriteit %s") % domein.label, choices=PRIORITEITEN, required=False
            )
            self.fields[f"{domein.value}_notitie"] = forms.CharField(
                label=_("Notitie %s") % domein.label, max_length=500, required=False
            )

    def clean_andere_taal(self) -> str:
        code: str = self.cleaned_data["andere_taal"].strip().lower()
        if code:
            taalcode_validator(code)
        return code

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._taal_kiezen(cleaned)
        for domein in Levensdomein.values:
            prioriteit = cleaned.get(f"{domein}_prioriteit")
            if prioriteit and cleaned.get(f"{domein}_antwoord") != Behoefte.Antwoord.JA:
                self.add_error(
                    f"{domein}_prioriteit",
                    _("Een prioriteit hoort alleen bij een behoefte (antwoord ja)."),
                )
        return cleaned

    def _taal_kiezen(self, cleaned: dict[str, Any]) -> None:
        # "Andere taal" stores the code typed next to it; a listed language its own code.
        if cleaned.get("taal") != ANDERE_TAAL:
            return
        if "andere_taal" not in cleaned:
            return  # the code itself is invalid: its error is on that field already
        if not cleaned["andere_taal"]:
            self.add_error("andere_taal", _("Geef de taalcode van de andere taal."))
            return
        cleaned["taal"] = cleaned["andere_taal"]

    def rijen(self) -> list[tuple[str, forms.BoundField, forms.BoundField, forms.BoundField]]:
        """One row per life domain, for the table in the template."""
        return [
            (
                str(domein.label),
                self[f"{domein.value}_antwoord"],
                self[f"{domein.value}_prioriteit"],
                self[f"{domein.value}_notitie"],
            )
            for domein in Levensdomein
        ]

    def algemene_velden(self) -> list[forms.BoundField]:
        velden = ("datum", "taal", "andere_taal", "tolk_nodig", "info_aanbod_gegeven")
        return [self[naam] for naam in velden]

    def behoeften(self) -> list[BehoefteInvoer]:
        return [
            BehoefteInvoer(
                levensdomein=domein,
                antwoord=self.cleaned_data[f"{domein}_antwoord"],
                prioriteit=self.cleaned_data[f"{domein}_prioriteit"],
                notitie=self.cleaned_data[f"{domein}_notitie"],
            )
            for domein in Levensdomein.values
        ]


class OverslaanForm(forms.Form):
    reden = forms.ChoiceField(
        label=_("Reden"),
        choices=Onthaal.Reden.choices,
        widget=forms.RadioSelect,
    )
    opmerking = forms.CharField(
        label=_("Opmerking"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class BehoefteForm(forms.Form):
    levensdomein = forms.ChoiceField(label=_("Levensdomein"), choices=Levensdomein.choices)
    antwoord = forms.ChoiceField(
        label=_("Behoefte"), choices=Behoefte.Antwoord.choices, initial=Behoefte.Antwoord.JA
    )
    prioriteit = forms.ChoiceField(label=_("Prioriteit"), choices=PRIORITEITEN, required=False)
    notitie = forms.CharField(
        label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


def _open_verblijf(gedetineerde: Gedetineerde) -> Verblijf | None:
    return (
        gedetineerde.verblijven.filter(tot__isnull=True)
        .select_related("gevangenis", "onthaal__organisatie", "onthaal__door")
        .first()
    )


def _bestaand_onthaal(verblijf: Verblijf | None) -> Onthaal | None:
    return getattr(verblijf, "onthaal", None) if verblijf is not None else None


def _context(gedetineerde: Gedetineerde, verblijf: Verblijf | None) -> dict[str, Any]:
    return {
        "gedetineerde": gedetineerde,
        "verblijf": verblijf,
        "deadline": onthaal_deadline(verblijf) if verblijf is not None else None,
    }


@permission_required("trajecten.add_onthaal", raise_exception=True)
def onthaal(request: HttpRequest, pk: int) -> HttpResponse:
    """The intake of the open stay: the form, or the intake read-only once it is there."""
    gedetineerde = gedetineerde_openen(user=request.user, pk=pk)
    verblijf = _open_verblijf(gedetineerde)
    context = _context(gedetineerde, verblijf)
    bestaand = _bestaand_onthaal(verblijf)
    if verblijf is None or bestaand is not None:
        if bestaand is not None:
            inzicht = zichtbaarheid.inzicht(request.user, gedetineerde)
            context["onthaal"] = bestaand
            context["leesbaar"] = inzicht.onthaal(bestaand)
            if context["leesbaar"]:
                context["behoeften"] = bestaand.behoeften.order_by("levensdomein")
        return render(request, "trajecten/onthaal.html", context)
    initial = {"datum": timezone.localdate(), **taal_initieel(gedetineerde.talen)}
    form = OnthaalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            onthaal_registreren(
                verblijf=verblijf,
                datum=gegevens["datum"],
                door=request.user,
                taal=gegevens["taal"],
                tolk_nodig=gegevens["tolk_nodig"],
                info_aanbod_gegeven=gegevens["info_aanbod_gegeven"],
                opmerking=gegevens["opmerking"],
                behoeften=form.behoeften(),
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("Het onthaal is geregistreerd."))
            return redirect("trajecten:dossier", pk=gedetineerde.pk)
    context["form"] = form
    return render(request, "trajecten/onthaal.html", context)


@permission_required("trajecten.add_onthaal", raise_exception=True)
def onthaal_overslaan_view(request: HttpRequest, pk: int) -> HttpResponse:
    gedetineerde = gedetineerde_openen(user=request.user, pk=pk)
    verblijf = _open_verblijf(gedetineerde)
    if verblijf is None or _bestaand_onthaal(verblijf) is not None:
        return redirect("trajecten:onthaal", pk=gedetineerde.pk)
    form = OverslaanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            onthaal_overslaan(
                verblijf=verblijf,
                reden=form.cleaned_data["reden"],
                opmerking=form.cleaned_data["opmerking"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("Het onthaal is overgeslagen."))
            return redirect("trajecten:dossier", pk=gedetineerde.pk)
    context = _context(gedetineerde, verblijf) | {"form": form}
    return render(request, "trajecten/onthaal_overslaan.html", context)


@permission_required("trajecten.add_behoefte", raise_exception=True)
def behoefte_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    """A need detected after the intake: a later conversation, a referral back."""
    gedetineerde = gedetineerde_openen(user=request.user, pk=pk)
    form = BehoefteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            behoefte_vastleggen(gedetineerde=gedetineerde, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("De behoefte is vastgelegd."))
            return redirect("trajecten:dossier", pk=gedetineerde.pk)
    return render(
        request, "trajecten/onthaal_behoefte.html", {"gedetineerde": gedetineerde, "form": form}
    )


urlpatterns: list[Any] = [
    path("personen/<int:pk>/onthaal/", onthaal, name="onthaal"),
    path("personen/<int:pk>/onthaal/overslaan/", onthaal_overslaan_view, name="onthaal_overslaan"),
    path("personen/<int:pk>/behoeften/nieuw/", behoefte_nieuw, name="behoefte_nieuw"),
]
