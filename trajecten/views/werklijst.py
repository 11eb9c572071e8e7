"""The worklist of the active prison: what is due for this user, and closing a task."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from hdv.models import Gevangenis
from hdv.scope import actieve_gevangenis, gevangenis_ids
from trajecten import werklijsten
from trajecten.services.taken import taak_afhandelen

# Each list of the page, the permission that makes it the user's work, and its query.
# A list the user has no part in is neither shown nor queried.
LIJSTEN: dict[str, tuple[str, Any]] = {
    "onthalen": ("trajecten.add_onthaal", werklijsten.onthalen_te_doen),
    "herzieningen": ("trajecten.change_hdvplan", werklijsten.herzieningen_te_doen),
    "wachtend": ("trajecten.view_doorverwijzing", werklijsten.wachtend_op_antwoord),
    "vrijlatingen": (
        "trajecten.view_vrijlatingsvoorbereiding",
        werklijsten.vrijlatingen_binnenkort,
    ),
    "taken": ("trajecten.view_taak", werklijsten.open_taken),
}


def _pagina(request: HttpRequest, naam: str, queryset: QuerySet[Any]) -> Page[Any]:
    # Every list pages on its own: its page number has its own parameter.
    paginator = Paginator(queryset, settings.HDV_PAGE_SIZE)
    return paginator.get_page(request.GET.get(f"pagina_{naam}"))


def _lijsten(request: HttpRequest, gevangenis: Gevangenis | None) -> dict[str, Page[Any] | None]:
    return {
        naam: _pagina(request, naam, selector(user=request.user, gevangenis=gevangenis))
        if request.user.has_perm(permissie)
        else None
        for naam, (permissie, selector) in LIJSTEN.items()
    }


@permission_required("trajecten.view_taak", raise_exception=True)
def werklijst(request: HttpRequest) -> HttpResponse:
    gevangenis = actieve_gevangenis(request)
    lijsten = _lijsten(request, gevangenis)
    onthalen = lijsten["onthalen"]
    inbox = None
    if request.user.has_perm("trajecten.beantwoord_doorverwijzing") and gevangenis is not None:
        inbox = werklijsten.inbox(user=request.user).count()  # all prisons, as its page
    return render(
        request,
        "trajecten/werklijst.html",
        {
            "gevangenis": gevangenis,
            "vandaag": timezone.localdate(),
            "lijsten": lijsten,
            # The deadline of each intake: arrival + the norm in days.
            "onthalen": [(v, werklijsten.onthaal_deadline(v)) for v in onthalen]
            if onthalen is not None
            else None,
            "inbox": inbox,
            "norm_dagen": settings.HDV_ONTHAAL_NORM_DAGEN,
            # A task about someone who left links to nothing: their file is elsewhere now.
            "mijn_gevangenis_ids": gevangenis_ids(request.user),
            "vrijlating_dagen": settings.HDV_VRIJLATING_WERKLIJST_DAGEN,
        },
    )


@require_POST
@permission_required("trajecten.view_taak", raise_exception=True)
def taak_afhandelen_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Close a task of the user's worklist; a task that is not theirs is a 404."""
    taak = get_object_or_404(werklijsten.open_taken(user=request.user), pk=pk)
    try:
        taak_afhandelen(taak=taak, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("De taak is afgehandeld."))
    return redirect("trajecten:werklijst")


urlpatterns: list[Any] = [
    path("werklijst/", werklijst, name="werklijst"),
    path("taken/<int:pk>/afhandelen/", taak_afhandelen_view, name="taak_afhandelen"),
]
