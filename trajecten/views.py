from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hdv.audit import inzage_vastleggen
from hdv.models import Auditrecord
from hdv.scope import actieve_gevangenis, get_in_scope_or_404
from trajecten.models import Gedetineerde
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


@permission_required("trajecten.view_gedetineerde", raise_exception=True)
def gedetineerde_dossier(request: HttpRequest, pk: int) -> HttpResponse:
    gedetineerde = _get_gedetineerde_for_user(request, pk)
    inzage_vastleggen(
        door=request.user,
        obj=gedetineerde,
        persoon_id=gedetineerde.pk,
        gevangenis=gedetineerde.huidige_gevangenis,
    )
    verblijven = gedetineerde.verblijven.select_related("gevangenis")
    return render(
        request,
        "trajecten/gedetineerde_dossier.html",
        {"gedetineerde": gedetineerde, "verblijven": verblijven},
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
