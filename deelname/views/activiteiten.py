"""Per activity (or individual offer in a prison): its participants and waiting list, and
the actions on them: enrol, give a freed place to the next. Stopping, completing and
excusing one enrolment are in ``deelname.views.inschrijvingen``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aanbod.models import Aanbod, AanbodInGevangenis, Activiteit
from aanbod.views.forms import fouten_tonen
from deelname.beheer import (
    mag_aanbod_beheren,
    mag_aanbod_verontschuldigen,
)
from deelname.models import (
    PLAATS_BEZET,
    Bron,
    Inschrijving,
    Inschrijvingsstap,
    Status,
    Verontschuldiging,
)
from deelname.services.inschrijvingen import (
    Waarschuwingen,
    inschrijving_aanvragen,
    volgende_plaatsen,
)
from deelname.vertrouwelijkheid import mag_deelnemers_zien
from deelname.views.waarschuwingen import behouden, gegeven_redenen, soort
from hdv.scope import get_in_scope_or_404
from trajecten.models import Gedetineerde
from trajecten.selectors import gedetineerden_in_gevangenis

PRIORITEITEN = [(1, gettext_lazy("hoog")), (2, gettext_lazy("gewoon")), (3, gettext_lazy("laag"))]
KANDIDATEN = 25  # people offered at once by the search on the enrolment page


@dataclass(frozen=True)
class Doel:
    """What people enrol in: a group activity, or an individual offer in one prison."""

    activiteit: Activiteit | None = None
    beschikbaarheid: AanbodInGevangenis | None = None

    @property
    def aanbod(self) -> Aanbod:
        if self.activiteit is not None:
            return self.activiteit.aanbod
        assert self.beschikbaarheid is not None
        return self.beschikbaarheid.aanbod

    @property
    def gevangenis(self) -> Any:
        bron: Any = self.activiteit or self.beschikbaarheid
        return bron.gevangenis

    @property
    def capaciteit(self) -> int | None:
        if self.activiteit is not None:
            return self.activiteit.capaciteit
        assert self.beschikbaarheid is not None
        return self.beschikbaarheid.capaciteit

    @property
    def naam(self) -> str:
        if self.activiteit is not None:
            return self.activiteit.weergavenaam
        return self.aanbod.titel_nl

    @property
    def url(self) -> str:
        if self.activiteit is not None:
            return reverse("deelname:activiteit", args=[self.activiteit.pk])
        assert self.beschikbaarheid is not None
        return reverse("deelname:individueel_aanbod", args=[self.beschikbaarheid.pk])

    @property
    def inschrijven_url(self) -> str:
        if self.activiteit is not None:
            return reverse("deelname:activiteit_inschrijven", args=[self.activiteit.pk])
        assert self.beschikbaarheid is not None
        return reverse("deelname:individueel_inschrijven", args=[self.beschikbaarheid.pk])

    @property
    def volgende_url(self) -> str:
        if self.activiteit is not None:
            return reverse("deelname:activiteit_volgende", args=[self.activiteit.pk])
        assert self.beschikbaarheid is not None
        return reverse("deelname:individueel_volgende", args=[self.beschikbaarheid.pk])

    def filter(self) -> Q:
        if self.activiteit is not None:
            return Q(activiteit=self.activiteit)
        return Q(activiteit__isnull=True, aanbod_id=self.aanbod.pk, gevangenis=self.gevangenis)


# Access helpers: the object if the user may see it, else 404.


def _mag_zien(request: HttpRequest, aanbod: Aanbod) -> None:
    if not mag_deelnemers_zien(request.user, aanbod):
        raise PermissionDenied(
            _("De deelnemers van dit aanbod zijn alleen zichtbaar voor zijn organisatie.")
        )


def _activiteit(request: HttpRequest, pk: int) -> Doel:
    activiteit = get_in_scope_or_404(
        Activiteit.objects.select_related("aanbod__organisatie", "gevangenis", "lokaal"),
        request.user,
        pk=pk,
    )
    _mag_zien(request, activiteit.aanbod)
    return Doel(activiteit=activiteit)


def _individueel(request: HttpRequest, pk: int) -> Doel:
    beschikbaarheid = get_in_scope_or_404(
        AanbodInGevangenis.objects.filter(aanbod__vorm=Aanbod.Vorm.INDIVIDUEEL).select_related(
            "aanbod__organisatie", "gevangenis"
        ),
        request.user,
        pk=pk,
    )
    _mag_zien(request, beschikbaarheid.aanbod)
    return Doel(beschikbaarheid=beschikbaarheid)


def inschrijving_openen(request: HttpRequest, pk: int) -> Inschrijving:
    return get_in_scope_or_404(
        Inschrijving.objects.select_related(
            "gedetineerde", "gevangenis", "aanbod__organisatie", "activiteit__aanbod"
        ),
        request.user,
        pk=pk,
    )


def doel_van(inschrijving: Inschrijving) -> Doel:
    if inschrijving.activiteit is not None:
        return Doel(activiteit=inschrijving.activiteit)
    beschikbaarheid = (
        AanbodInGevangenis.objects.filter(
            aanbod_id=inschrijving.aanbod_id, gevangenis_id=inschrijving.gevangenis_id
        )
        .select_related("aanbod", "gevangenis")
        .order_by(F("tot").desc(nulls_first=True), "-id")
        .first()
    )
    return Doel(beschikbaarheid=beschikbaarheid)


def met_positie(wachtend: QuerySet[Inschrijving]) -> QuerySet[Inschrijving]:
    """A waiting list in its order (priority, then request date) with each one's position."""
    volgorde = [F("prioriteit").asc(), F("aangevraagd_op").asc(), F("id").asc()]
    return wachtend.annotate(positie=Window(RowNumber(), order_by=volgorde)).order_by(
        "prioriteit", "aangevraagd_op", "id"
    )


def _sinds() -> Subquery:
    """The day an enrolment reached its current status."""
    return Subquery(
        Inschrijvingsstap.objects.filter(
            inschrijving=OuterRef("pk"), naar_status=OuterRef("status")
        )
        .order_by("-tijdstip", "-id")
        .values("datum")[:1]
    )


# The page of an activity or individual offer


def _deelnemerspagina(request: HttpRequest, doel: Doel) -> HttpResponse:
    vandaag = timezone.localdate()
    inschrijvingen = Inschrijving.objects.zichtbaar_voor(request.user).filter(doel.filter())
    deelnemers = list(
        inschrijvingen.filter(status__in=PLAATS_BEZET)
        .select_related("gedetineerde")
        .annotate(sinds=_sinds())
        .order_by("gedetineerde__achternaam", "gedetineerde__voornaam", "id")
    )
    beeindigd = list(
        inschrijvingen.filter(status__in=[Status.AFGEROND, Status.STOPGEZET])
        .select_related("gedetineerde", "stopreden")
        .annotate(sinds=_sinds())
        .order_by("-sinds", "-id")
    )
    wachtend = met_positie(
        inschrijvingen.filter(status=Status.WACHTLIJST).select_related("gedetineerde")
    )
    pagina = Paginator(wachtend, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    for inschrijving in pagina.object_list:
        inschrijving.dagen_gewacht = (  # type: ignore[attr-defined]
            vandaag - timezone.localdate(inschrijving.aangevraagd_op)
        ).days
    # Who is next, also on a later page: the first free place goes to them.
    volgende = pagina.object_list[0] if pagina.number == 1 and pagina.object_list else None
    if volgende is None and pagina.number > 1:
        volgende = wachtend.first()
    capaciteit = doel.capaciteit
    sessies = None
    verontschuldigingen = None
    if doel.activiteit is not None:
        verontschuldigingen = list(
            Verontschuldiging.objects.zichtbaar_voor(request.user)
            .filter(
                inschrijving__activiteit=doel.activiteit,
                inschrijving__status__in=PLAATS_BEZET,
                tot__gte=vandaag,
            )
            .select_related("inschrijving__gedetineerde", "reden")
            .order_by("van", "tot", "id")
        )
        sessies = list(
            doel.activiteit.sessies.filter(datum__lte=vandaag)
            .select_related("annuleringsreden")
            .annotate(geregistreerd=Count("aanwezigheden"))
            .order_by("-datum", "-begintijd", "-id")[:8]
        )
    return render(
        request,
        "deelname/activiteit.html",
        {
            "doel": doel,
            "deelnemers": deelnemers,
            "beeindigd": beeindigd,
            "pagina": pagina,
            "aangevraagd": inschrijvingen.filter(status=Status.AANGEVRAAGD).count(),
            "bezet": len(deelnemers),
            "vrij": max(capaciteit - len(deelnemers), 0) if capaciteit is not None else None,
            "sessies": sessies,
            "verontschuldigingen": verontschuldigingen,
            "vandaag": vandaag,
            "volgende": volgende,
            # The same rules as the services: the actions shown are the ones allowed.
            "mag_beheren": mag_aanbod_beheren(request.user, doel.aanbod, doel.gevangenis.pk),
            "mag_verontschuldigen": mag_aanbod_verontschuldigen(
                request.user, doel.aanbod, doel.gevangenis.pk
            ),
        },
    )


@permission_required("deelname.view_inschrijving", raise_exception=True)
def activiteit(request: HttpRequest, pk: int) -> HttpResponse:
    return _deelnemerspagina(request, _activiteit(request, pk))


@permission_required("deelname.view_inschrijving", raise_exception=True)
def individueel_aanbod(request: HttpRequest, pk: int) -> HttpResponse:
    return _deelnemerspagina(request, _individueel(request, pk))


# Enrolling a person


class InschrijvenForm(forms.Form):
    gedetineerde = forms.ModelChoiceField(
        queryset=Gedetineerde.objects.none(),
        label=gettext_lazy("Persoon"),
        error_messages={
            "required": gettext_lazy("Kies een persoon."),
            "invalid_choice": gettext_lazy("Kies een persoon die in deze gevangenis verblijft."),
        },
    )
    bron = forms.ChoiceField(label=gettext_lazy("Hoe kwam de vraag binnen?"), choices=Bron.choices)
    prioriteit = forms.TypedChoiceField(
        label=gettext_lazy("Prioriteit"), choices=PRIORITEITEN, coerce=int, initial=2
    )

    def __init__(self, *args: Any, aanwezigen: QuerySet[Gedetineerde], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gedetineerde"].queryset = aanwezigen  # type: ignore[attr-defined]


def _gegroepeerd(waarschuwingen: list[Any], redenen: dict[str, str]) -> list[dict[str, Any]]:
    """One reason field per kind of warning (two clashes share one reason)."""
    groepen: dict[str, dict[str, Any]] = {}
    for waarschuwing in waarschuwingen:
        groep = groepen.setdefault(
            waarschuwing.code,
            {
                "code": waarschuwing.code,
                "soort": soort(waarschuwing.code),
                "teksten": [],
                "reden": redenen.get(waarschuwing.code, ""),
            },
        )
        groep["teksten"].append(waarschuwing.tekst)
    for groep in groepen.values():
        if groep["reden"].strip() == "" and groep["code"] in redenen:
            groep["fout"] = _("Geef een reden om deze waarschuwing te negeren.")
    return list(groepen.values())


def _inschrijfpagina(request: HttpRequest, doel: Doel) -> HttpResponse:
    zoekterm = (request.POST.get("q") or request.GET.get("q") or "")[:100].strip()
    aanwezigen = gedetineerden_in_gevangenis(user=request.user, gevangenis=doel.gevangenis)
    initial = {"gedetineerde": request.GET.get("persoon")}
    form = InschrijvenForm(
        request.POST if request.method == "POST" else None, aanwezigen=aanwezigen, initial=initial
    )
    waarschuwingen: list[dict[str, Any]] = []
    redenen = gegeven_redenen(request.POST) if request.method == "POST" else {}
    if request.method == "POST" and form.is_valid():
        try:
            inschrijving = inschrijving_aanvragen(
                gedetineerde=form.cleaned_data["gedetineerde"],
                bron=form.cleaned_data["bron"],
                prioriteit=form.cleaned_data["prioriteit"],
                activiteit=doel.activiteit,
                aanbod=None if doel.activiteit else doel.aanbod,
                overschrijven=redenen,
                door=request.user,
            )
        except Waarschuwingen as fout:
            waarschuwingen = _gegroepeerd(fout.waarschuwingen, redenen)
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            naam = inschrijving.gedetineerde.volledige_naam
            if inschrijving.status == Status.WACHTLIJST:
                messages.success(request, _("%(naam)s staat op de wachtlijst.") % {"naam": naam})
            else:
                messages.success(request, _("%(naam)s is ingeschreven.") % {"naam": naam})
            return redirect(doel.url)
    gekozen = form["gedetineerde"].value()
    kandidaten: list[Gedetineerde] = []
    if gekozen and not form.errors.get("gedetineerde"):
        kandidaten = list(aanwezigen.filter(pk=gekozen)) if str(gekozen).isdigit() else []
    elif zoekterm:
        kandidaten = list(
            gedetineerden_in_gevangenis(
                user=request.user, gevangenis=doel.gevangenis, zoekterm=zoekterm
            )[:KANDIDATEN]
        )
    return render(
        request,
        "deelname/inschrijven.html",
        {
            "doel": doel,
            "form": form,
            "zoekterm": zoekterm,
            "kandidaten": kandidaten,
            "gekozen": str(gekozen or ""),
            "waarschuwingen": waarschuwingen,
            "behouden": behouden(redenen, {w["code"] for w in waarschuwingen}),
        },
    )


@permission_required("deelname.add_inschrijving", raise_exception=True)
def activiteit_inschrijven(request: HttpRequest, pk: int) -> HttpResponse:
    return _inschrijfpagina(request, _activiteit(request, pk))


@permission_required("deelname.add_inschrijving", raise_exception=True)
def individueel_inschrijven(request: HttpRequest, pk: int) -> HttpResponse:
    return _inschrijfpagina(request, _individueel(request, pk))


# A freed place to the next on the waiting list, in one action


def _volgende(request: HttpRequest, doel: Doel) -> HttpResponse:
    try:
        geplaatst = volgende_plaatsen(
            door=request.user,
            activiteit=doel.activiteit,
            aanbod=None if doel.activiteit else doel.aanbod,
            gevangenis=None if doel.activiteit else doel.gevangenis,
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        if geplaatst is None:
            messages.info(request, _("Niemand staat op de wachtlijst."))
        else:
            messages.success(
                request,
                _("%(naam)s kreeg de vrije plaats.")
                % {"naam": geplaatst.gedetineerde.volledige_naam},
            )
    return redirect(doel.url)


@require_POST
@permission_required("deelname.change_inschrijving", raise_exception=True)
def activiteit_volgende(request: HttpRequest, pk: int) -> HttpResponse:
    return _volgende(request, _activiteit(request, pk))


@require_POST
@permission_required("deelname.change_inschrijving", raise_exception=True)
def individueel_volgende(request: HttpRequest, pk: int) -> HttpResponse:
    return _volgende(request, _individueel(request, pk))


urlpatterns: list[Any] = [
    path("activiteiten/<int:pk>/", activiteit, name="activiteit"),
    path(
        "activiteiten/<int:pk>/inschrijven/", activiteit_inschrijven, name="activiteit_inschrijven"
    ),
    path(
        "activiteiten/<int:pk>/volgende-plaatsen/",
        activiteit_volgende,
        name="activiteit_volgende",
    ),
    path("individueel/<int:pk>/", individueel_aanbod, name="individueel_aanbod"),
    path(
        "individueel/<int:pk>/inschrijven/",
        individueel_inschrijven,
        name="individueel_inschrijven",
    ),
    path(
        "individueel/<int:pk>/volgende-plaatsen/",
        individueel_volgende,
        name="individueel_volgende",
    ),
]
