"""Referrals: the form to make one, one referral with its actions, and an organisation's inbox.

Who may do what follows the workflow (``trajecten.workflow``): the referring organisation
sends, withdraws and closes; the receiving organisation answers, or, for an outside
partner that does not work in HDV, the referring worker records the answer. The
services enforce all of it again; the screens only offer what is allowed.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aanbod.models import Aanbod, AanbodInGevangenis, Levensdomein
from aanbod.views.forms import fouten_tonen
from hdv.audit import inzage_vastleggen
from hdv.models import Gevangenis, Organisatie
from hdv.scope import get_in_scope_or_404, organisatie_id
from trajecten import workflow
from trajecten.models import (
    Behoefte,
    Categorie,
    Doorverwijzing,
    Gedetineerde,
    Plaats,
    Toestemming,
)
from trajecten.selectors import gedetineerde_openen
from trajecten.services.doorverwijzingen import (
    doorverwijzing_aanmaken,
    doorverwijzing_afronden,
    doorverwijzing_beantwoorden,
    doorverwijzing_intrekken,
    doorverwijzing_versturen,
)
from trajecten.werklijsten import inbox
from trajecten.zichtbaarheid import Inzicht, inzicht

S = Doorverwijzing.Status


class OrganisatieKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        label = f"{obj.naam} ({obj.afkorting})"
        if obj.soort == Organisatie.Soort.EXTERN:
            label += " · " + _("externe partner, werkt niet in HDV")
        return label


class BehoefteKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        label = obj.get_levensdomein_display()
        if obj.prioriteit:
            label += f", {_('prioriteit')} {obj.get_prioriteit_display()}"
        return f"{label} ({obj.vastgesteld_op:%d/%m/%Y})"


def _aanbod_keuzes(gevangenis: Gevangenis | None) -> list[Any]:
    """Active offers grouped by organisation; within each, those of the person's prison first."""
    vandaag = timezone.localdate()
    hier = AanbodInGevangenis.objects.filter(
        Q(tot__isnull=True) | Q(tot__gte=vandaag),
        aanbod=OuterRef("pk"),
        gevangenis=gevangenis,
        sinds__lte=vandaag,
    )
    aanbod = (
        Aanbod.objects.actief()
        .select_related("organisatie")
        .annotate(hier=Exists(hier))
        .order_by("organisatie__naam", "-hier", "titel_nl", "pk")
    )
    elders = _("niet aangeboden in %(gevangenis)s") % {"gevangenis": gevangenis or "—"}
    groepen: list[Any] = [("", "---------")]
    for organisatie, rij in groupby(aanbod, key=lambda a: a.organisatie):
        groepen.append(
            (
                f"{organisatie.naam} ({organisatie.afkorting})",
                [(a.pk, a.titel_nl if a.hier else f"{a.titel_nl} · {elders}") for a in rij],
            )
        )
    return groepen


class DoorverwijzingForm(forms.Form):
    # Every catalogue item validates, so an archived one gets the service's message;
    # only the active ones are offered.
    aanbod = forms.ModelChoiceField(
        queryset=Aanbod.objects.select_related("organisatie"),
        required=False,
        label=gettext_lazy("Naar een aanbod"),
        help_text=gettext_lazy(
            "Het aanbod van de gevangenis staat eerst; ander lopend aanbod kan ook."
        ),
    )
    naar_organisatie = OrganisatieKeuze(
        queryset=Organisatie.objects.filter(actief=True),
        required=False,
        label=gettext_lazy("Of naar een organisatie"),
        help_text=gettext_lazy(
            "Zonder passend aanbod, of naar een externe partner (OCMW, justitiehuis, TANDEM…)."
        ),
    )
    levensdomein = forms.ChoiceField(
        choices=[("", gettext_lazy("zoals het aanbod of de behoefte")), *Levensdomein.choices],
        required=False,
        label=gettext_lazy("Levensdomein"),
    )
    plaats = forms.ChoiceField(
        choices=Plaats.choices, widget=forms.RadioSelect, label=gettext_lazy("Binnen of buiten")
    )
    behoefte = BehoefteKeuze(
        queryset=Behoefte.objects.none(),
        required=False,
        label=gettext_lazy("Behoefte"),
        help_text=gettext_lazy("De behoefte waar deze doorverwijzing op antwoordt, als die er is."),
    )
    motivatie = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label=gettext_lazy("Vraag en motivatie"),
        help_text=gettext_lazy("Wat is er nodig, en waarom bij deze organisatie?"),
    )

    def __init__(
        self,
        *args: Any,
        gevangenis: Gevangenis | None,
        behoeften: QuerySet[Behoefte],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["aanbod"].choices = _aanbod_keuzes(gevangenis)  # type: ignore[attr-defined]
        self.fields["behoefte"].queryset = behoeften  # type: ignore[attr-defined]


def _leesbare_behoeften(zicht: Inzicht, gedetineerde: Gedetineerde) -> QuerySet[Behoefte]:
    """The person's needs (answered yes) whose content this user may read."""
    behoeften = Behoefte.objects.filter(
        gedetineerde=gedetineerde, antwoord=Behoefte.Antwoord.JA
    ).order_by("levensdomein", "-vastgesteld_op", "-id")
    if Categorie.ONTHAAL in zicht.categorieen:
        return behoeften
    if zicht.organisatie_id is None:
        return behoeften.none()
    return behoeften.filter(organisatie_id=zicht.organisatie_id)


def _beginwaarden(request: HttpRequest, behoeften: QuerySet[Behoefte]) -> dict[str, Any]:
    """A link from a need or an offer (``?behoefte=`` / ``?aanbod=``) fills in the form."""
    beginwaarden: dict[str, Any] = {}
    behoefte_id = request.GET.get("behoefte", "")
    if behoefte_id.isdigit():
        behoefte = behoeften.filter(pk=behoefte_id).first()
        if behoefte is not None:
            beginwaarden.update(behoefte=behoefte.pk, levensdomein=behoefte.levensdomein)
    aanbod_id = request.GET.get("aanbod", "")
    if aanbod_id.isdigit():
        aanbod = Aanbod.objects.actief().filter(pk=aanbod_id).first()
        if aanbod is not None:
            beginwaarden.update(aanbod=aanbod.pk, levensdomein=aanbod.levensdomein)
    return beginwaarden


@permission_required("trajecten.add_doorverwijzing", raise_exception=True)
def doorverwijzing_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    gedetineerde = gedetineerde_openen(user=request.user, pk=pk)
    behoeften = _leesbare_behoeften(inzicht(request.user, gedetineerde), gedetineerde)
    form = DoorverwijzingForm(
        request.POST or None,
        initial=_beginwaarden(request, behoeften),
        gevangenis=gedetineerde.huidige_gevangenis,
        behoeften=behoeften,
    )
    if request.method == "POST" and form.is_valid():
        versturen = "versturen" in request.POST
        try:
            # One atomic call: a send that is refused leaves no concept behind either.
            doorverwijzing = doorverwijzing_aanmaken(
                gedetineerde=gedetineerde,
                door=request.user,
                versturen=versturen,
                **form.cleaned_data,
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            if versturen:
                messages.success(
                    request,
                    _("De doorverwijzing is verstuurd naar %(organisatie)s.")
                    % {"organisatie": doorverwijzing.naar_organisatie},
                )
            else:
                messages.success(request, _("De doorverwijzing is bewaard als concept."))
            return redirect("trajecten:doorverwijzing", doorverwijzing.pk)
    return render(
        request,
        "trajecten/doorverwijzing_formulier.html",
        {"gedetineerde": gedetineerde, "form": form},
    )


class BeantwoordenForm(forms.Form):
    besluit = forms.ChoiceField(
        choices=[(S.AANVAARD, gettext_lazy("aanvaard")), (S.GEWEIGERD, gettext_lazy("geweigerd"))],
        widget=forms.RadioSelect,
        label=gettext_lazy("Antwoord"),
    )
    weigerreden = forms.ChoiceField(
        choices=[("", "---------"), *Doorverwijzing.Weigerreden.choices],
        required=False,
        label=gettext_lazy("Reden van weigering"),
        help_text=gettext_lazy("Verplicht bij een weigering."),
    )
    antwoord = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label=gettext_lazy("Toelichting voor de doorverwijzer"),
    )


class ToelichtingForm(forms.Form):
    toelichting = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=gettext_lazy("Toelichting"),
    )


ACTIE_FORMULIEREN: dict[str, type[forms.Form]] = {
    "versturen": forms.Form,
    "beantwoorden": BeantwoordenForm,
    "afronden": ToelichtingForm,
    "intrekken": ToelichtingForm,
}


def _actie_formulier(actie: str, data: Any = None) -> forms.Form:
    # Several action forms share a page: their ids must not clash.
    return ACTIE_FORMULIEREN[actie](data, auto_id=f"id_{actie}_%s")


def _doorverwijzing_voor(request: HttpRequest, pk: int) -> Doorverwijzing:
    return get_in_scope_or_404(
        Doorverwijzing.objects.select_related(
            "gedetineerde__huidige_gevangenis",
            "van_organisatie",
            "naar_organisatie",
            "aanbod",
            "behoefte",
            "aangemaakt_door",
        ),
        request.user,
        pk=pk,
    )


def _antwoordt(doorverwijzing: Doorverwijzing, user: Any) -> bool:
    """The receiver answers; for an outside partner the referring organisation records it."""
    eigen = organisatie_id(user)
    if doorverwijzing.naar_organisatie.soort == Organisatie.Soort.EXTERN:
        return eigen == doorverwijzing.van_organisatie_id and user.has_perm(
            "trajecten.change_doorverwijzing"
        )
    return eigen == doorverwijzing.naar_organisatie_id and user.has_perm(
        "trajecten.beantwoord_doorverwijzing"
    )


def toegestane_acties(doorverwijzing: Doorverwijzing, user: Any, zichtbaar: bool) -> list[str]:
    """The actions this user can take on the referral now, in the order they are offered."""
    if not zichtbaar:
        return []
    mogelijk = workflow.DOORVERWIJZING_OVERGANGEN[doorverwijzing.status]
    eigen = organisatie_id(user)
    wijzigen = user.has_perm("trajecten.change_doorverwijzing")
    verwijzer = wijzigen and eigen == doorverwijzing.van_organisatie_id
    betrokken = wijzigen and eigen in {
        doorverwijzing.van_organisatie_id,
        doorverwijzing.naar_organisatie_id,
    }
    acties = []
    if S.VERSTUURD in mogelijk and verwijzer:
        acties.append("versturen")
    if S.AANVAARD in mogelijk and _antwoordt(doorverwijzing, user):
        acties.append("beantwoorden")
    if S.AFGEROND in mogelijk and betrokken:
        acties.append("afronden")
    if S.INGETROKKEN in mogelijk and verwijzer:
        acties.append("intrekken")
    return acties


def _detail(
    request: HttpRequest,
    doorverwijzing: Doorverwijzing,
    bezig: tuple[str, forms.Form] | None = None,
) -> HttpResponse:
    zichtbaar = inzicht(request.user, doorverwijzing.gedetineerde).doorverwijzing(doorverwijzing)
    acties = toegestane_acties(doorverwijzing, request.user, zichtbaar)
    formulieren = {actie: _actie_formulier(actie) for actie in acties}
    if bezig is not None:
        formulieren[bezig[0]] = bezig[1]
    return render(
        request,
        "trajecten/doorverwijzing.html",
        {
            "doorverwijzing": doorverwijzing,
            "gedetineerde": doorverwijzing.gedetineerde,
            "zichtbaar": zichtbaar,
            "stappen": doorverwijzing.stappen.select_related("door") if zichtbaar else None,
            "formulieren": formulieren,
            "extern": doorverwijzing.naar_organisatie.soort == Organisatie.Soort.EXTERN,
        },
    )


@permission_required("trajecten.view_doorverwijzing", raise_exception=True)
def doorverwijzing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    doorverwijzing = _doorverwijzing_voor(request, pk)
    inzage_vastleggen(
        door=request.user,
        obj=doorverwijzing,
        persoon_id=doorverwijzing.gedetineerde_id,
        gevangenis=doorverwijzing.gedetineerde.huidige_gevangenis,
    )
    return _detail(request, doorverwijzing)


def _actie_uitvoeren(
    actie: str, doorverwijzing: Doorverwijzing, gegevens: dict[str, Any], door: Any
) -> Doorverwijzing:
    if actie == "versturen":
        return doorverwijzing_versturen(doorverwijzing=doorverwijzing, door=door)
    if actie == "beantwoorden":
        return doorverwijzing_beantwoorden(
            doorverwijzing=doorverwijzing,
            aanvaard=gegevens["besluit"] == S.AANVAARD,
            weigerreden=gegevens["weigerreden"],
            antwoord=gegevens["antwoord"],
            door=door,
        )
    if actie == "afronden":
        return doorverwijzing_afronden(
            doorverwijzing=doorverwijzing, door=door, toelichting=gegevens["toelichting"]
        )
    return doorverwijzing_intrekken(
        doorverwijzing=doorverwijzing, door=door, toelichting=gegevens["toelichting"]
    )


GELUKT = {
    "versturen": gettext_lazy("De doorverwijzing is verstuurd."),
    "beantwoorden": gettext_lazy("Het antwoord is vastgelegd."),
    "afronden": gettext_lazy("De doorverwijzing is afgerond."),
    "intrekken": gettext_lazy("De doorverwijzing is ingetrokken."),
}


def _actie_permissie(actie: str, doorverwijzing: Doorverwijzing) -> str:
    if (
        actie == "beantwoorden"
        and doorverwijzing.naar_organisatie.soort != Organisatie.Soort.EXTERN
    ):
        return "trajecten.beantwoord_doorverwijzing"
    return "trajecten.change_doorverwijzing"


@permission_required("trajecten.view_doorverwijzing", raise_exception=True)
def doorverwijzing_actie(request: HttpRequest, pk: int, actie: str) -> HttpResponse:
    if actie not in ACTIE_FORMULIEREN:
        raise Http404
    if request.method != "POST":
        return redirect("trajecten:doorverwijzing", pk)
    doorverwijzing = _doorverwijzing_voor(request, pk)
    if not request.user.has_perm(_actie_permissie(actie, doorverwijzing)):
        raise PermissionDenied
    form = _actie_formulier(actie, request.POST)
    if form.is_valid():
        try:
            _actie_uitvoeren(actie, doorverwijzing, form.cleaned_data, request.user)
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, GELUKT[actie])
            return redirect("trajecten:doorverwijzing", doorverwijzing.pk)
        if not any(veld in form.errors for veld in form.fields):
            # Not about a field of this form (the status moved on, consent is missing):
            # say so above the page, which shows what is possible now.
            messages.error(request, " ".join(str(f) for f in form.non_field_errors()))
            return redirect("trajecten:doorverwijzing", doorverwijzing.pk)
    return _detail(request, doorverwijzing, bezig=(actie, form))


@permission_required("trajecten.beantwoord_doorverwijzing", raise_exception=True)
def inbox_view(request: HttpRequest) -> HttpResponse:
    """Referrals to the user's organisation in the user's prisons, waiting for an answer."""
    queryset = inbox(user=request.user).select_related("gedetineerde__huidige_gevangenis")
    eigen = organisatie_id(request.user)
    if eigen is not None:  # without an organisation the inbox is empty
        # Content only under the person's consent (or when the own organisation referred).
        gedeeld = Exists(
            Toestemming.objects.filter(
                gedetineerde=OuterRef("gedetineerde"),
                organisatie_id=eigen,
                categorie=Categorie.DOORVERWIJZINGEN,
                ingetrokken_op__isnull=True,
            )
        )
        queryset = queryset.annotate(
            gedeeld=ExpressionWrapper(
                Q(gedeeld) | Q(van_organisatie_id=eigen), output_field=BooleanField()
            )
        )
    pagina = Paginator(queryset, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "trajecten/inbox.html",
        {"pagina": pagina, "nu": timezone.now()},
    )


def dossier_sectie(
    request: HttpRequest, gedetineerde: Gedetineerde, zicht: Inzicht
) -> dict[str, Any]:
    """The referrals part of the person's file: one query, content only under consent."""
    if not request.user.has_perm("trajecten.view_doorverwijzing"):
        return {"toon_doorverwijzingen": False}
    doorverwijzingen = Doorverwijzing.objects.filter(gedetineerde=gedetineerde).select_related(
        "van_organisatie", "naar_organisatie", "aanbod"
    )
    return {
        "toon_doorverwijzingen": True,
        "doorverwijzing_rijen": [(d, zicht.doorverwijzing(d)) for d in doorverwijzingen],
        "mag_doorverwijzen": request.user.has_perm("trajecten.add_doorverwijzing"),
    }


urlpatterns = [
    path(
        "personen/<int:pk>/doorverwijzingen/nieuw/",
        doorverwijzing_nieuw,
        name="doorverwijzing_nieuw",
    ),
    path("doorverwijzingen/inbox/", inbox_view, name="inbox"),
    path("doorverwijzingen/<int:pk>/", doorverwijzing_detail, name="doorverwijzing"),
    path(
        "doorverwijzingen/<int:pk>/<str:actie>/",
        doorverwijzing_actie,
        name="doorverwijzing_actie",
    ),
]
