"""The forms of aanbod's screens: they parse and present; the services validate and write.

Plain forms, not ModelForms: a ModelForm copies its data onto the instance while it
validates, and the services need the unchanged instance to know what changed.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MinValueValidator
from django.db.models import Q, QuerySet
from django.forms import fields_for_model, formset_factory
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from aanbod.models import (
    Aanbod,
    AanbodInGevangenis,
    Annuleringsreden,
    Doelgroep,
    Levensdomein,
    Lokaal,
    Rapportagecategorie,
    Slot,
)
from aanbod.services.catalogus import AANBOD_VELDEN
from hdv.models import Gevangenis, Medewerker, Organisatie

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIJD = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
ALLE = [("", _("alle"))]


def fouten_tonen(
    form: forms.BaseForm, fout: ValidationError, namen: dict[str, str] | None = None
) -> None:
    """Put a service's ValidationError on the form: on the field where the form has it.

    Errors of things the form has no field for go on top, named by ``namen``.
    """
    fouten = fout.message_dict if hasattr(fout, "error_dict") else {NON_FIELD_ERRORS: fout.messages}
    for veld, berichten in fouten.items():
        if veld in form.fields:
            form.add_error(veld, berichten)
        elif namen and veld in namen:
            form.add_error(None, [f"{namen[veld]}: {bericht}" for bericht in berichten])
        else:
            form.add_error(None, berichten)


def lopend_in(gevangenis: Gevangenis, op: datetime.date) -> Q:
    """Offers that a prison has on a day (through AanbodInGevangenis)."""
    return Q(
        beschikbaarheden__gevangenis=gevangenis,
        beschikbaarheden__sinds__lte=op,
    ) & (Q(beschikbaarheden__tot__isnull=True) | Q(beschikbaarheden__tot__gte=op))


def taalnaam(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


class MedewerkerKeuzes(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        functie = f" ({obj.functie})" if obj.functie else ""
        return f"{obj}{functie}"


def medewerkers_van(gevangenis: Gevangenis) -> QuerySet[Medewerker]:
    return Medewerker.objects.filter(gevangenissen=gevangenis, user__is_active=True).select_related(
        "user"
    )


# Catalogue


class CatalogusFilter(forms.Form):
    q = forms.CharField(label=_("Titel bevat"), required=False, max_length=100)
    levensdomein = forms.ChoiceField(
        label=_("Levensdomein"), required=False, choices=ALLE + Levensdomein.choices
    )
    organisatie = forms.ModelChoiceField(
        label=_("Aanbodverstrekker"),
        required=False,
        empty_label=_("alle"),
        queryset=Organisatie.objects.filter(aanbod__isnull=False).distinct(),
    )
    gevangenis = forms.ModelChoiceField(
        label=_("Aangeboden in"),
        required=False,
        empty_label=_("alle gevangenissen"),
        queryset=Gevangenis.objects.filter(actief=True),
    )
    doelgroep = forms.ModelChoiceField(
        label=_("Doelgroep"), required=False, empty_label=_("alle"), queryset=Doelgroep.objects
    )
    taal = forms.ChoiceField(label=_("Taal"), required=False)
    vorm = forms.ChoiceField(label=_("Vorm"), required=False, choices=ALLE + Aanbod.Vorm.choices)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("in de catalogus")), ("gearchiveerd", _("gearchiveerd"))],
    )

    def __init__(self, *args: Any, talen: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["taal"].choices = ALLE + [(code, taalnaam(code)) for code in talen]  # type: ignore[attr-defined]


class AanbodForm(forms.Form):
    talen = forms.CharField(
        label=_("Talen"),
        required=False,
        max_length=100,
        help_text=_("Taalcodes, gescheiden door komma's, bv. nl, fr, ar."),
    )

    VOLGORDE = [
        "titel_nl", "beschrijving_nl", "titel_fr", "beschrijving_fr", "titel_en",
        "beschrijving_en", "levensdomein", "organisatie", "vorm", "rapportagecategorie",
        "doelgroepen", "talen", "duur_weken", "met_examen", "met_attest",
        "vereist_nederlandsniveau", "minimale_resterende_detentie_weken", "toelatingsvoorwaarden",
    ]  # fmt: skip

    def __init__(self, *args: Any, aanbod: Aanbod | None = None, **kwargs: Any) -> None:
        if aanbod is not None:
            kwargs.setdefault("initial", _aanbod_initieel(aanbod))
        super().__init__(*args, **kwargs)
        modelvelden = fields_for_model(
            Aanbod,
            fields=[v for v in self.VOLGORDE if v != "talen"],
            widgets={
                "beschrijving_nl": forms.Textarea(attrs={"rows": 4}),
                "beschrijving_fr": forms.Textarea(attrs={"rows": 3}),
                "beschrijving_en": forms.Textarea(attrs={"rows": 3}),
                "toelatingsvoorwaarden": forms.Textarea(attrs={"rows": 3}),
                "doelgroepen": forms.CheckboxSelectMultiple,
            },
        )
        velden = {**modelvelden, "talen": self.fields["talen"]}
        self.fields = {naam: velden[naam] for naam in self.VOLGORDE}  # type: ignore[assignment]
        for taal in ("fr", "en"):
            self.fields[f"titel_{taal}"].widget.attrs["lang"] = taal
            self.fields[f"beschrijving_{taal}"].widget.attrs["lang"] = taal
        self.fields["organisatie"].label_from_instance = (  # type: ignore[attr-defined]
            lambda o: f"{o.naam} ({o.afkorting})"
        )
        huidige_organisatie = aanbod.organisatie_id if aanbod else None
        huidige_categorie = aanbod.rapportagecategorie_id if aanbod else None
        self.fields["organisatie"].queryset = Organisatie.objects.filter(  # type: ignore[attr-defined]
            Q(actief=True) | Q(pk=huidige_organisatie)
        )
        self.fields["rapportagecategorie"].queryset = Rapportagecategorie.objects.filter(  # type: ignore[attr-defined]
            Q(actief=True) | Q(pk=huidige_categorie)
        )

    def clean_talen(self) -> list[str]:
        return [t.strip() for t in self.cleaned_data["talen"].split(",") if t.strip()]

    def velden(self) -> dict[str, Any]:
        """The keyword arguments of ``aanbod_opslaan``."""
        return {naam: self.cleaned_data[naam] for naam in AANBOD_VELDEN}


def _aanbod_initieel(aanbod: Aanbod) -> dict[str, Any]:
    initieel = {naam: getattr(aanbod, naam) for naam in AANBOD_VELDEN}
    initieel["organisatie"] = aanbod.organisatie_id
    initieel["rapportagecategorie"] = aanbod.rapportagecategorie_id
    initieel["talen"] = ", ".join(aanbod.talen)
    initieel["doelgroepen"] = [d.pk for d in aanbod.doelgroepen.all()]
    return initieel


# Availability per prison


class BeschikbaarheidForm(forms.Form):
    capaciteit = forms.IntegerField(
        label=_("Capaciteit"),
        required=False,
        min_value=1,
        help_text=_("Aantal plaatsen in deze gevangenis; leeg als er geen vaste grens is."),
    )
    met_wachtlijst = forms.BooleanField(label=_("Houdt een wachtlijst bij"), required=False)
    verantwoordelijken = MedewerkerKeuzes(
        label=_("Verantwoordelijken"),
        required=False,
        queryset=Medewerker.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, gevangenis: Gevangenis, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["verantwoordelijken"].queryset = medewerkers_van(gevangenis)  # type: ignore[attr-defined]


class AanbodOpnemenForm(BeschikbaarheidForm):
    aanbod = forms.ModelChoiceField(
        label=_("Aanbod"), queryset=Aanbod.objects.none(), empty_label=_("Kies een aanbod")
    )
    sinds = forms.DateField(label=_("Sinds"), widget=DATUM)

    field_order = ["aanbod", "sinds", "capaciteit", "met_wachtlijst", "verantwoordelijken"]

    def __init__(self, *args: Any, gevangenis: Gevangenis, **kwargs: Any) -> None:
        super().__init__(*args, gevangenis=gevangenis, **kwargs)
        vandaag = timezone.localdate()
        self.fields["sinds"].initial = vandaag
        self.fields["met_wachtlijst"].initial = True
        self.fields["aanbod"].queryset = (  # type: ignore[attr-defined]
            Aanbod.objects.actief()
            .exclude(
                pk__in=AanbodInGevangenis.objects.filter(gevangenis=gevangenis)
                .filter(Q(tot__isnull=True) | Q(tot__gte=vandaag))
                .values("aanbod")
            )
            .select_related("organisatie")
        )


class BeschikbaarheidBijwerkenForm(BeschikbaarheidForm):
    tot = forms.DateField(
        label=_("Tot"),
        required=False,
        widget=DATUM,
        help_text=_("Vul in wanneer de gevangenis dit aanbod niet meer heeft."),
    )

    def __init__(self, *args: Any, beschikbaarheid: AanbodInGevangenis, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "capaciteit": beschikbaarheid.capaciteit,
                "met_wachtlijst": beschikbaarheid.met_wachtlijst,
                "verantwoordelijken": [m.pk for m in beschikbaarheid.verantwoordelijken.all()],
                "tot": beschikbaarheid.tot,
            },
        )
        super().__init__(*args, gevangenis=beschikbaarheid.gevangenis, **kwargs)


# Rooms and closure days


class LokaalForm(forms.Form):
    def __init__(self, *args: Any, lokaal: Lokaal | None = None, **kwargs: Any) -> None:
        if lokaal is not None:
            kwargs.setdefault(
                "initial",
                {n: getattr(lokaal, n) for n in ("naam", "soort", "capaciteit", "actief")},
            )
        super().__init__(*args, **kwargs)
        velden = ["naam", "soort", "capaciteit"] + (["actief"] if lokaal else [])
        self.fields.update(fields_for_model(Lokaal, fields=velden))
        self.fields["capaciteit"].validators.append(MinValueValidator(1))
        self.fields["capaciteit"].widget.attrs["min"] = 1


class SluitingsdagForm(forms.Form):
    datum = forms.DateField(label=_("Datum"), widget=DATUM)
    reden = forms.CharField(
        label=_("Reden"), max_length=120, help_text=_("Bv. feestdag, inventaris, opendeurdag.")
    )


# Activities


class LokaalKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(_("%(naam)s (%(n)s plaatsen)") % {"naam": obj.naam, "n": obj.capaciteit})


class AanbodKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.titel_nl} ({obj.organisatie})"


class ActiviteitForm(forms.Form):
    aanbod = AanbodKeuze(
        label=_("Aanbod"),
        queryset=Aanbod.objects.none(),
        empty_label=_("Kies een aanbod"),
        help_text=_("Het groepsaanbod dat deze gevangenis heeft."),
    )
    naam = forms.CharField(
        label=_("Naam"),
        required=False,
        max_length=150,
        help_text=_("Bv. ‘groep 2’; leeg: de titel van het aanbod."),
    )
    startdatum = forms.DateField(label=_("Startdatum"), widget=DATUM)
    einddatum = forms.DateField(label=_("Einddatum"), widget=DATUM)
    lokaal = LokaalKeuze(
        label=_("Lokaal"), queryset=Lokaal.objects.none(), empty_label=_("Kies een lokaal")
    )
    begeleiders = MedewerkerKeuzes(
        label=_("Begeleiders"),
        required=False,
        queryset=Medewerker.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    capaciteit = forms.IntegerField(label=_("Capaciteit"), min_value=1, max_value=32767)
    minimum_deelnemers = forms.IntegerField(
        label=_("Minimum aantal deelnemers"), min_value=0, max_value=32767, initial=1
    )
    rotatie_weken = forms.TypedChoiceField(
        label=_("Weekpatroon"),
        coerce=int,
        initial=1,
        choices=[
            (1, _("elke week hetzelfde")),
            (2, _("over 2 weken (week 1, week 2)")),
            (3, _("over 3 weken")),
            (4, _("over 4 weken")),
        ],
    )
    botsingen_gezien = forms.BooleanField(
        label=_("Ik heb de botsingen gezien en wil toch opslaan"), required=False
    )
    botsingen_sleutel = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, gevangenis: Gevangenis, activiteit: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if activiteit is not None:
            del self.fields["aanbod"]
            huidig_lokaal = activiteit.lokaal_id
        else:
            huidig_lokaal = None
            self.fields["aanbod"].queryset = (  # type: ignore[attr-defined]
                Aanbod.objects.actief()
                .filter(lopend_in(gevangenis, timezone.localdate()), vorm=Aanbod.Vorm.GROEP)
                .select_related("organisatie")
                .distinct()
            )
        self.fields["lokaal"].queryset = Lokaal.objects.filter(  # type: ignore[attr-defined]
            Q(actief=True) | Q(pk=huidig_lokaal), gevangenis=gevangenis
        )
        self.fields["begeleiders"].queryset = medewerkers_van(gevangenis)  # type: ignore[attr-defined]

    def gegevens(self) -> dict[str, Any]:
        """The keyword arguments that activiteit_aanmaken and activiteit_bijwerken share."""
        namen = [
            "naam", "startdatum", "einddatum", "lokaal", "capaciteit",
            "minimum_deelnemers", "rotatie_weken",
        ]  # fmt: skip
        return {n: self.cleaned_data[n] for n in namen} | {
            "begeleiders": list(self.cleaned_data["begeleiders"])
        }


class SlotForm(forms.Form):
    week = forms.TypedChoiceField(
        label=_("Week"), coerce=int, initial=1, choices=[(w, str(w)) for w in range(1, 5)]
    )
    weekdag = forms.TypedChoiceField(
        label=_("Weekdag"), coerce=int, choices=[("", "—"), *Slot.Weekdag.choices]
    )
    begintijd = forms.TimeField(label=_("Begintijd"), widget=TIJD)
    eindtijd = forms.TimeField(label=_("Eindtijd"), widget=TIJD)


MAX_SLOTS = 28


def slot_formset(
    data: Any = None, *, initial: list[dict[str, Any]] | None = None, extra: int = 0
) -> forms.BaseFormSet:
    """The slots of an activity; ``extra`` empty rows to add new ones (ignored when empty)."""
    klasse = formset_factory(
        SlotForm, extra=extra, can_delete=True, max_num=MAX_SLOTS, validate_max=True
    )
    return klasse(data, initial=initial, prefix="slots")


# Cancellations


class AnnulerenForm(forms.Form):
    reden = forms.ModelChoiceField(
        label=_("Reden"),
        queryset=Annuleringsreden.objects.filter(actief=True),
        empty_label=_("Kies een reden"),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij de reden ‘Andere’."),
    )
    bevestigd = forms.BooleanField(
        label=_("Ik bevestig de annulering; de aanwezigheden blijven bewaard."), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        verplicht = [str(r) for r in self.fields["reden"].queryset if r.toelichting_verplicht]  # type: ignore[attr-defined]
        if verplicht:
            self.fields["toelichting"].help_text = _("Verplicht bij: %(redenen)s.") % {
                "redenen": ", ".join(verplicht)
            }


class DagAnnulerenForm(AnnulerenForm):
    datum = forms.DateField(label=_("Datum"), widget=DATUM)

    field_order = ["datum", "reden", "toelichting", "bevestigd"]
