"""Staff's side of detainees' requests: the queue per prison, one request and its answer,
and a paper request (a rapportbriefje) registered for a person."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aanbod.models import Aanbod, Activiteit
from aanbod.views.forms import fouten_tonen
from deelname.aanvragen import activiteiten_voor, wachtrij
from deelname.models import Aanvraag, Status
from deelname.services.aanvragen import aanvraag_aanvaarden, aanvraag_indienen, aanvraag_weigeren
from deelname.services.inschrijvingen import Waarschuwingen
from deelname.views.waarschuwingen import soort
from hdv.audit import inzage_vastleggen
from hdv.scope import actieve_gevangenis, get_in_scope_or_404
from trajecten.selectors import gedetineerde_openen

OVERSCHRIJVEN = "overschrijven_"


class ActiviteitKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.weergavenaam} ({obj.startdatum:%d/%m/%Y}–{obj.einddatum:%d/%m/%Y})"


class AanvaardenForm(forms.Form):
    activiteit = ActiviteitKeuze(
        queryset=Activiteit.objects.none(),
        required=False,
        label=gettext_lazy("Activiteit"),
        empty_label=gettext_lazy("Kies een activiteit"),
        help_text=gettext_lazy("Is ze volzet, dan komt de persoon op de wachtlijst."),
    )
    prioriteit = forms.TypedChoiceField(
        choices=[(1, gettext_lazy("hoog")), (2, gettext_lazy("gewoon")), (3, gettext_lazy("laag"))],
        coerce=int,
        initial=2,
        label=gettext_lazy("Prioriteit op de wachtlijst"),
    )

    def __init__(
        self,
        *args: Any,
        aanvraag: Aanvraag,
        waarschuwingen: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("auto_id", "id_aanvaarden_%s")
        super().__init__(*args, **kwargs)
        if aanvraag.aanbod.vorm == Aanbod.Vorm.GROEP:
            self.fields["activiteit"].queryset = activiteiten_voor(aanvraag)  # type: ignore[attr-defined]
            self.fields["activiteit"].required = True
        else:
            del self.fields["activiteit"]
        # Each warning of the enrolment is overridden with a reason, or the answer waits.
        codes = {w.code: w.tekst for w in waarschuwingen or []}
        for sleutel in self.data:
            if sleutel.startswith(OVERSCHRIJVEN):
                codes.setdefault(sleutel.removeprefix(OVERSCHRIJVEN), "")
        for code, tekst in codes.items():
            self.fields[f"{OVERSCHRIJVEN}{code}"] = forms.CharField(
                required=False,
                max_length=300,
                label=tekst or soort(code),
                help_text=_("Toch inschrijven? Geef de reden."),
            )

    def overschrijven(self) -> dict[str, str]:
        return {
            naam.removeprefix(OVERSCHRIJVEN): waarde
            for naam, waarde in self.cleaned_data.items()
            if naam.startswith(OVERSCHRIJVEN) and waarde
        }


class WeigerenForm(forms.Form):
    reden = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        label=gettext_lazy("Reden"),
        help_text=gettext_lazy("De persoon leest dit op de terminal: kort en eenvoudig."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_weigeren_%s")
        super().__init__(*args, **kwargs)


class PapierenAanvraagForm(forms.Form):
    aanbod = forms.ModelChoiceField(
        queryset=Aanbod.objects.none(),
        label=gettext_lazy("Aanbod"),
        empty_label=gettext_lazy("Kies een aanbod"),
    )
    toelichting = forms.CharField(
        required=False,
        max_length=300,
        label=gettext_lazy("Toelichting"),
        help_text=gettext_lazy("Wat er op het rapportbriefje staat, als dat nodig is."),
    )

    def __init__(self, *args: Any, gevangenis: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        vandaag = timezone.localdate()
        self.fields["aanbod"].queryset = (  # type: ignore[attr-defined]
            Aanbod.objects.actief()
            .filter(
                Q(beschikbaarheden__tot__isnull=True) | Q(beschikbaarheden__tot__gte=vandaag),
                beschikbaarheden__gevangenis=gevangenis,
                beschikbaarheden__sinds__lte=vandaag,
            )
            .distinct()
            .order_by("titel_nl")
        )


@permission_required("deelname.view_aanvraag", raise_exception=True)
def aanvragen(request: HttpRequest) -> HttpResponse:
    """The queue of the active prison: open requests, the oldest first; or the answered ones."""
    status = request.GET.get("status", Aanvraag.Status.NIEUW)
    if status not in Aanvraag.Status.values:
        status = Aanvraag.Status.NIEUW
    gevangenis = actieve_gevangenis(request)
    queryset = wachtrij(user=request.user, gevangenis=gevangenis, status=status)
    pagina = Paginator(queryset, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "deelname/aanvragen.html",
        {
            "pagina": pagina,
            "status": status,
            "statussen": Aanvraag.Status.choices,
            "gevangenis": gevangenis,
            "nu": timezone.now(),
        },
    )


def _aanvraag_voor(request: HttpRequest, pk: int) -> Aanvraag:
    return get_in_scope_or_404(
        Aanvraag.objects.select_related(
            "gedetineerde",
            "gevangenis",
            "aanbod",
            "inschrijving__activiteit",
            "ingediend_door",
            "beantwoord_door",
        ),
        request.user,
        pk=pk,
    )


def _detail(
    request: HttpRequest,
    aanvraag: Aanvraag,
    aanvaarden: AanvaardenForm | None = None,
    weigeren: WeigerenForm | None = None,
    waarschuwingen: list[Any] | None = None,
) -> HttpResponse:
    beantwoorden = aanvraag.status == Aanvraag.Status.NIEUW and request.user.has_perm(
        "deelname.beantwoord_aanvraag"
    )
    if beantwoorden:
        aanvaarden = aanvaarden or AanvaardenForm(aanvraag=aanvraag)
        weigeren = weigeren or WeigerenForm()
    return render(
        request,
        "deelname/aanvraag.html",
        {
            "aanvraag": aanvraag,
            "gedetineerde": aanvraag.gedetineerde,
            "beantwoorden": beantwoorden,
            "aanvaarden": aanvaarden,
            "weigeren": weigeren,
            "waarschuwingen": waarschuwingen or [],
        },
    )


@permission_required("deelname.view_aanvraag", raise_exception=True)
def aanvraag(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = _aanvraag_voor(request, pk)
    inzage_vastleggen(
        door=request.user,
        obj=gevonden,
        persoon_id=gevonden.gedetineerde_id,
        gevangenis=gevonden.gevangenis,
    )
    return _detail(request, gevonden)


def _al_beantwoord(fout: ValidationError) -> bool:
    return hasattr(fout, "error_dict") and "status" in fout.error_dict


@require_POST
@permission_required("deelname.beantwoord_aanvraag", raise_exception=True)
def aanvaarden(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = _aanvraag_voor(request, pk)
    if not request.user.has_perm("deelname.add_inschrijving"):
        raise PermissionDenied
    form = AanvaardenForm(request.POST, aanvraag=gevonden)
    waarschuwingen: list[Any] = []
    if form.is_valid():
        try:
            beantwoord = aanvraag_aanvaarden(
                aanvraag=gevonden,
                door=request.user,
                activiteit=form.cleaned_data.get("activiteit"),
                prioriteit=form.cleaned_data["prioriteit"],
                overschrijven=form.overschrijven(),
            )
        except Waarschuwingen as fout:
            waarschuwingen = fout.waarschuwingen
            form = AanvaardenForm(request.POST, aanvraag=gevonden, waarschuwingen=waarschuwingen)
            form.is_valid()
        except ValidationError as fout:
            if _al_beantwoord(fout):
                messages.error(request, " ".join(fout.messages))
                return redirect("deelname:aanvraag", gevonden.pk)
            fouten_tonen(form, fout, namen={"gedetineerde": _("Persoon"), "aanbod": _("Aanbod")})
        else:
            # Others waiting, or no free place: the request joins the waiting list.
            if beantwoord.inschrijving and beantwoord.inschrijving.status == Status.WACHTLIJST:
                tekst = _("De aanvraag is aanvaard; de persoon staat op de wachtlijst.")
            else:
                tekst = _("De aanvraag is aanvaard; de persoon is ingeschreven.")
            messages.success(request, tekst)
            return redirect("deelname:aanvragen")
    return _detail(request, gevonden, aanvaarden=form, waarschuwingen=waarschuwingen)


@require_POST
@permission_required("deelname.beantwoord_aanvraag", raise_exception=True)
def weigeren(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = _aanvraag_voor(request, pk)
    form = WeigerenForm(request.POST)
    if form.is_valid():
        try:
            aanvraag_weigeren(
                aanvraag=gevonden, reden=form.cleaned_data["reden"], door=request.user
            )
        except ValidationError as fout:
            if _al_beantwoord(fout):
                messages.error(request, " ".join(fout.messages))
                return redirect("deelname:aanvraag", gevonden.pk)
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("De aanvraag is geweigerd; de persoon ziet de reden."))
            return redirect("deelname:aanvragen")
    return _detail(request, gevonden, weigeren=form)


@permission_required("deelname.add_aanvraag", raise_exception=True)
def registreren(request: HttpRequest, pk: int) -> HttpResponse:
    """A paper rapportbriefje, typed in by staff for the person."""
    gedetineerde = gedetineerde_openen(user=request.user, pk=pk)
    form = PapierenAanvraagForm(request.POST or None, gevangenis=gedetineerde.huidige_gevangenis)
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = aanvraag_indienen(
                gedetineerde=gedetineerde,
                aanbod=form.cleaned_data["aanbod"],
                bron=Aanvraag.Bron.PAPIER,
                toelichting=form.cleaned_data["toelichting"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_tonen(form, fout, namen={"gedetineerde": _("Persoon")})
        else:
            messages.success(request, _("De aanvraag is geregistreerd."))
            return redirect("deelname:aanvraag", nieuw.pk)
    return render(
        request,
        "deelname/aanvraag_registreren.html",
        {"gedetineerde": gedetineerde, "form": form},
    )


urlpatterns = [
    path("aanvragen/", aanvragen, name="aanvragen"),
    path("aanvragen/<int:pk>/", aanvraag, name="aanvraag"),
    path("aanvragen/<int:pk>/aanvaarden/", aanvaarden, name="aanvraag_aanvaarden"),
    path("aanvragen/<int:pk>/weigeren/", weigeren, name="aanvraag_weigeren"),
    path("personen/<int:pk>/aanvraag/", registreren, name="aanvraag_registreren"),
]
