"""Which prison has which offer: the matrix the Court of Audit missed, and its edits."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.models import Aanbod, AanbodInGevangenis, Levensdomein
from aanbod.services.catalogus import aanbod_in_gevangenis_bijwerken, aanbod_in_gevangenis_opnemen
from aanbod.views.forms import AanbodOpnemenForm, BeschikbaarheidBijwerkenForm, fouten_tonen
from aanbod.views.toegang import actieve_gevangenis_of_404, beschikbaarheid_voor, terug_naar
from hdv.models import Gevangenis
from hdv.scope import actieve_gevangenis


@permission_required("aanbod.view_aanbod", raise_exception=True)
def beschikbaarheid(request: HttpRequest) -> HttpResponse:
    vandaag = timezone.localdate()
    niet_afgelopen = Q(tot__isnull=True) | Q(tot__gte=vandaag)
    levensdomein = request.GET.get("levensdomein", "")
    aanbod = Aanbod.objects.actief().select_related("organisatie")
    if levensdomein in Levensdomein.values:
        aanbod = aanbod.filter(levensdomein=levensdomein)
    else:
        levensdomein = ""
    gevangenissen = list(Gevangenis.objects.filter(actief=True).order_by("naam"))
    pagina = Paginator(aanbod, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    cellen = {
        (b.aanbod_id, b.gevangenis_id): b
        for b in AanbodInGevangenis.objects.filter(
            niet_afgelopen, aanbod__in=[a.pk for a in pagina]
        )
    }
    actief = actieve_gevangenis(request)
    actieve_index = next(
        (i for i, g in enumerate(gevangenissen) if actief and g.pk == actief.pk), None
    )
    rijen = []
    for a in pagina:
        rij = [cellen.get((a.pk, g.pk)) for g in gevangenissen]
        rijen.append(
            {
                "aanbod": a,
                "cellen": rij,
                "aantal": sum(1 for b in rij if b and b.sinds <= vandaag),
                "eigen": rij[actieve_index] if actieve_index is not None else None,
            }
        )
    per_gevangenis = dict(
        AanbodInGevangenis.objects.filter(niet_afgelopen, sinds__lte=vandaag, aanbod__in=aanbod)
        .values_list("gevangenis")
        .annotate(n=Count("aanbod", distinct=True))
    )
    return render(
        request,
        "aanbod/beschikbaarheid.html",
        {
            "pagina": pagina,
            "rijen": rijen,
            "gevangenissen": gevangenissen,
            "totalen": [per_gevangenis.get(g.pk, 0) for g in gevangenissen],
            "levensdomein": levensdomein,
            "levensdomeinen": Levensdomein.choices,
            "vandaag": vandaag,
            "actieve_index": actieve_index,
        },
    )


@permission_required("aanbod.add_aanbodingevangenis", raise_exception=True)
def beschikbaarheid_opnemen(request: HttpRequest) -> HttpResponse:
    gevangenis = actieve_gevangenis_of_404(request)
    form = AanbodOpnemenForm(
        request.POST or None, gevangenis=gevangenis, initial={"aanbod": request.GET.get("aanbod")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            aanbod_in_gevangenis_opnemen(
                aanbod=form.cleaned_data["aanbod"],
                gevangenis=gevangenis,
                sinds=form.cleaned_data["sinds"],
                capaciteit=form.cleaned_data["capaciteit"],
                met_wachtlijst=form.cleaned_data["met_wachtlijst"],
                verantwoordelijken=form.cleaned_data["verantwoordelijken"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(
                request,
                _("%(gevangenis)s biedt nu ‘%(aanbod)s’ aan.")
                % {"gevangenis": gevangenis.naam, "aanbod": form.cleaned_data["aanbod"]},
            )
            return redirect(terug_naar(request, reverse("aanbod:beschikbaarheid")))
    return render(
        request,
        "aanbod/beschikbaarheid_formulier.html",
        {"form": form, "gevangenis": gevangenis, "beschikbaarheid": None},
    )


@permission_required("aanbod.change_aanbodingevangenis", raise_exception=True)
def beschikbaarheid_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    beschikbaarheid = beschikbaarheid_voor(request, pk)
    form = BeschikbaarheidBijwerkenForm(request.POST or None, beschikbaarheid=beschikbaarheid)
    if request.method == "POST" and form.is_valid():
        try:
            aanbod_in_gevangenis_bijwerken(
                beschikbaarheid=beschikbaarheid,
                capaciteit=form.cleaned_data["capaciteit"],
                met_wachtlijst=form.cleaned_data["met_wachtlijst"],
                verantwoordelijken=form.cleaned_data["verantwoordelijken"],
                tot=form.cleaned_data["tot"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect(terug_naar(request, reverse("aanbod:beschikbaarheid")))
    return render(
        request,
        "aanbod/beschikbaarheid_formulier.html",
        {
            "form": form,
            "gevangenis": beschikbaarheid.gevangenis,
            "beschikbaarheid": beschikbaarheid,
        },
    )
