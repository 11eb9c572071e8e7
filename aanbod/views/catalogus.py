"""The offer catalogue: browse, read one item, create, change, archive."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aanbod.models import Aanbod, AanbodInGevangenis, Activiteit
from aanbod.services.catalogus import aanbod_archiveren, aanbod_opslaan
from aanbod.views.forms import AanbodForm, CatalogusFilter, fouten_tonen, taalnaam
from hdv.models import Gevangenis


def _talen_in_catalogus() -> list[str]:
    talen = {t for lijst in Aanbod.objects.values_list("talen", flat=True) for t in lijst}
    return sorted(talen, key=taalnaam)


def _gefilterd(keuze: dict[str, Any]) -> QuerySet[Aanbod]:
    vandaag = timezone.localdate()
    lopend = Q(beschikbaarheden__sinds__lte=vandaag) & (
        Q(beschikbaarheden__tot__isnull=True) | Q(beschikbaarheden__tot__gte=vandaag)
    )
    aanbod = (
        Aanbod.objects.select_related("organisatie")
        .annotate(aantal_gevangenissen=Count("beschikbaarheden", filter=lopend, distinct=True))
        .order_by("titel_nl", "pk")  # Meta.ordering does not apply to a query with a count
    )
    if keuze.get("status") == "gearchiveerd":
        aanbod = aanbod.filter(gearchiveerd_op__isnull=False)
    else:
        aanbod = aanbod.filter(gearchiveerd_op__isnull=True)
    if keuze.get("q"):
        q = keuze["q"]
        aanbod = aanbod.filter(
            Q(titel_nl__icontains=q) | Q(titel_fr__icontains=q) | Q(titel_en__icontains=q)
        )
    for veld in ("levensdomein", "organisatie", "vorm"):
        if keuze.get(veld):
            aanbod = aanbod.filter(**{veld: keuze[veld]})
    if keuze.get("doelgroep"):
        aanbod = aanbod.filter(doelgroepen=keuze["doelgroep"])
    if keuze.get("taal"):
        # The codes are a JSON list; this text match works on SQLite and PostgreSQL alike.
        aanbod = aanbod.filter(talen__icontains=f'"{keuze["taal"]}"')
    if keuze.get("gevangenis"):
        # A subquery, not a join: the count above must still see every prison.
        aanbod = aanbod.filter(
            pk__in=AanbodInGevangenis.objects.filter(
                Q(tot__isnull=True) | Q(tot__gte=vandaag),
                gevangenis=keuze["gevangenis"],
                sinds__lte=vandaag,
            ).values("aanbod")
        )
    return aanbod


@permission_required("aanbod.view_aanbod", raise_exception=True)
def catalogus(request: HttpRequest) -> HttpResponse:
    filter_form = CatalogusFilter(request.GET, talen=_talen_in_catalogus())
    filter_form.is_valid()  # an unknown choice is ignored; the valid ones still filter
    aanbod = _gefilterd(filter_form.cleaned_data)
    pagina = Paginator(aanbod, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "aanbod/catalogus.html",
        {"filter": filter_form, "pagina": pagina, "aantal_gevangenissen": _aantal_actief()},
    )


def _aantal_actief() -> int:
    return Gevangenis.objects.filter(actief=True).count()


@permission_required("aanbod.view_aanbod", raise_exception=True)
def aanbod_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # The catalogue is Flanders-wide: every prison's staff may read it.
    aanbod = get_object_or_404(
        Aanbod.objects.select_related("organisatie", "rapportagecategorie").prefetch_related(
            "doelgroepen"
        ),
        pk=pk,
    )
    vandaag = timezone.localdate()
    lopend = {
        b.gevangenis_id: b
        for b in aanbod.beschikbaarheden.filter(Q(tot__isnull=True) | Q(tot__gte=vandaag))
    }
    gevangenissen = [
        (g, lopend.get(g.pk)) for g in Gevangenis.objects.filter(actief=True).order_by("naam")
    ]
    activiteiten = (
        Activiteit.objects.zichtbaar_voor(request.user)
        .filter(aanbod=aanbod, einddatum__gte=vandaag)
        .select_related("gevangenis", "lokaal", "aanbod")
        .order_by("startdatum")
    )
    return render(
        request,
        "aanbod/aanbod_detail.html",
        {
            "aanbod": aanbod,
            "gevangenissen": gevangenissen,
            "aangeboden": sum(1 for _g, b in gevangenissen if b),
            "activiteiten": activiteiten,
            "vandaag": vandaag,
            "talen": [taalnaam(t) for t in aanbod.talen],
            "vertalingen": [
                ("nl", _("Nederlands"), aanbod.titel_nl, aanbod.beschrijving_nl),
                ("fr", _("Frans"), aanbod.titel_fr, aanbod.beschrijving_fr),
                ("en", _("Engels"), aanbod.titel_en, aanbod.beschrijving_en),
            ],
        },
    )


@permission_required("aanbod.add_aanbod", raise_exception=True)
def aanbod_nieuw(request: HttpRequest) -> HttpResponse:
    form = AanbodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            aanbod = aanbod_opslaan(
                doelgroepen=form.cleaned_data["doelgroepen"], door=request.user, **form.velden()
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("‘%(titel)s’ staat in de catalogus.") % {"titel": aanbod})
            return redirect("aanbod:aanbod", aanbod.pk)
    return render(request, "aanbod/aanbod_formulier.html", {"form": form, "aanbod": None})


@permission_required("aanbod.change_aanbod", raise_exception=True)
def aanbod_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    aanbod = get_object_or_404(Aanbod.objects.prefetch_related("doelgroepen"), pk=pk)
    if aanbod.gearchiveerd:
        messages.error(request, _("Gearchiveerd aanbod kan niet gewijzigd worden."))
        return redirect("aanbod:aanbod", aanbod.pk)
    form = AanbodForm(request.POST or None, aanbod=aanbod)
    if request.method == "POST" and form.is_valid():
        try:
            aanbod_opslaan(
                aanbod=aanbod,
                doelgroepen=form.cleaned_data["doelgroepen"],
                door=request.user,
                **form.velden(),
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("aanbod:aanbod", aanbod.pk)
    return render(request, "aanbod/aanbod_formulier.html", {"form": form, "aanbod": aanbod})


@require_POST
@permission_required("aanbod.archiveer_aanbod", raise_exception=True)
def aanbod_archiveren_view(request: HttpRequest, pk: int) -> HttpResponse:
    aanbod = get_object_or_404(Aanbod, pk=pk)
    try:
        aanbod_archiveren(aanbod=aanbod, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request,
            _("‘%(titel)s’ is gearchiveerd; geen enkele gevangenis biedt het nog aan.")
            % {"titel": aanbod},
        )
    return redirect("aanbod:aanbod", aanbod.pk)
