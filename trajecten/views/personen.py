from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from hdv.models import Auditrecord
from hdv.scope import actieve_gevangenis, get_in_scope_or_404
from trajecten.bevolkingsfeed import Bestandsfout
from trajecten.bevolkingsimport import bevolkingsimport_uit_bestand
from trajecten.models import Bevolkingsimport, Gedetineerde
from trajecten.selectors import gedetineerden_in_gevangenis


def _get_gedetineerde_for_user(request: HttpRequest, pk: int) -> Gedetineerde:
    return get_in_scope_or_404(
        Gedetineerde.objects.select_related("huidige_gevangenis"), request.user, pk=pk
    )


@permission_required("trajecten.view_gedetineerde", raise_exception=True)
def gedetineerden_lijst(request: HttpRequest) -> HttpResponse:
    zoekterm = request.GET.get("q", "")[:100]
    gevangenis = actieve_gevangenis(request)
    queryset = gedetineerden_in_gevangenis(
        user=request.user, gevangenis=gevangenis, zoekterm=zoekterm
    )
    pagina = Paginator(queryset, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "trajecten/gedetineerden_lijst.html",
        {"pagina": pagina, "zoekterm": zoekterm, "gevangenis": gevangenis},
    )


@permission_required("hdv.audit_raadplegen", raise_exception=True)
def gedetineerde_audit(request: HttpRequest, pk: int) -> HttpResponse:
    """Who opened or changed this person's file: for the beheerder."""
    gedetineerde = _get_gedetineerde_for_user(request, pk)
    records = Auditrecord.objects.voor_persoon(gedetineerde.pk).select_related("door", "gevangenis")
    soort = request.GET.get("soort", "")
    if soort in Auditrecord.Soort.values:
        records = records.filter(soort=soort)
    pagina = Paginator(records, settings.HDV_AUDIT_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "trajecten/gedetineerde_audit.html",
        {
            "gedetineerde": gedetineerde,
            "pagina": pagina,
            "soort": soort,
            "soorten": Auditrecord.Soort.choices,
        },
    )


class BevolkingsfeedForm(forms.Form):
    bestand = forms.FileField(
        label=_("Export van de bevolkingsfeed (CSV, UTF-8)"),
        help_text=_("Zie de beschrijving van de kolommen in docs/bevolkingsfeed.md."),
    )


def _render_met_partial(
    request: HttpRequest, template: str, partial: str, context: dict[str, Any]
) -> HttpResponse:
    # htmx polls for the part that changes; a normal request gets the page.
    if request.headers.get("HX-Request"):
        template = f"{template}#{partial}"
    return render(request, template, context)


@permission_required("trajecten.importeer_bevolking", raise_exception=True)
def bevolkingsfeed(request: HttpRequest) -> HttpResponse:
    """Upload an export of the federal system; the list of imports with their progress."""
    form = BevolkingsfeedForm()
    if request.method == "POST":
        form = BevolkingsfeedForm(request.POST, request.FILES)
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            try:
                bevolkingsimport = bevolkingsimport_uit_bestand(
                    inhoud=bestand.read(), bestandsnaam=bestand.name, door=request.user
                )
            except Bestandsfout as fout:
                form.add_error("bestand", fout)
            else:
                messages.success(request, _("Het bestand is aanvaard; de import loopt."))
                return redirect("trajecten:bevolkingsimport", pk=bevolkingsimport.pk)
    importen = Bevolkingsimport.objects.select_related("door").defer("rijen", "geweigerde_rijen")
    pagina = Paginator(importen, settings.HDV_PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {
        "form": form,
        "pagina": pagina,
        "lopend": any(i.loopt for i in pagina.object_list),
    }
    return _render_met_partial(request, "trajecten/bevolkingsfeed.html", "importen", context)


@permission_required("trajecten.importeer_bevolking", raise_exception=True)
def bevolkingsimport(request: HttpRequest, pk: int) -> HttpResponse:
    """One import: status, progress, counts and the rejected rows (number, field, reason)."""
    gevonden = get_object_or_404(
        Bevolkingsimport.objects.select_related("door").defer("rijen"), pk=pk
    )
    return _render_met_partial(
        request, "trajecten/bevolkingsimport.html", "status", {"bevolkingsimport": gevonden}
    )
