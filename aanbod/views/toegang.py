"""One access helper per object of the planning: the object if the user may see it, else 404.

Rooms, activities, sessions and closure days belong to a prison; another prison's are
a 404, as if they did not exist (hdv.scope).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

from aanbod.models import AanbodInGevangenis, Activiteit, Lokaal, Sessie, Sluitingsdag
from hdv.models import Gevangenis
from hdv.scope import actieve_gevangenis, get_in_scope_or_404


def actieve_gevangenis_of_404(request: HttpRequest) -> Gevangenis:
    """Writes happen in the prison the user works in now; without one there is nothing to do."""
    gevangenis = actieve_gevangenis(request)
    if gevangenis is None:
        raise Http404
    return gevangenis


def lokaal_voor(request: HttpRequest, pk: int) -> Lokaal:
    return get_in_scope_or_404(Lokaal.objects.select_related("gevangenis"), request.user, pk=pk)


def sluitingsdag_voor(request: HttpRequest, pk: int) -> Sluitingsdag:
    return get_in_scope_or_404(
        Sluitingsdag.objects.select_related("gevangenis"), request.user, pk=pk
    )


def activiteit_voor(request: HttpRequest, pk: int) -> Activiteit:
    return get_in_scope_or_404(
        Activiteit.objects.select_related("aanbod__organisatie", "gevangenis", "lokaal"),
        request.user,
        pk=pk,
    )


def sessie_voor(request: HttpRequest, pk: int) -> Sessie:
    return get_in_scope_or_404(
        Sessie.objects.select_related(
            "activiteit__aanbod", "activiteit__gevangenis", "lokaal", "annuleringsreden"
        ),
        request.user,
        pk=pk,
    )


def beschikbaarheid_voor(request: HttpRequest, pk: int) -> AanbodInGevangenis:
    return get_in_scope_or_404(
        AanbodInGevangenis.objects.select_related("aanbod", "gevangenis"), request.user, pk=pk
    )


def terug_naar(request: HttpRequest, standaard: str) -> str:
    """The page to return to after an action: ``volgende`` when it is ours, else ``standaard``."""
    volgende = request.POST.get("volgende") or request.GET.get("volgende") or ""
    if url_has_allowed_host_and_scheme(volgende, {request.get_host()}, request.is_secure()):
        return volgende
    return standaard
