"""The detainee's terminal: the prison's offer in their language, their requests and enrolments.

Every page starts from the signed-in user's ``Gedetineerdeaccount`` (never a Medewerker)
and shows that one person only: any other object answers 404. Few words, large text.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deelname.aanvragen import (
    aanbod_voor,
    eigen_aanvragen,
    eigen_inschrijvingen,
    taal_van,
    terminalaccount_van,
)
from deelname.models import LOPEND, Aanvraag, Gedetineerdeaccount
from deelname.services.aanvragen import aanvraag_indienen
from hdv.rollen import TERMINAL

# How many of the person's own requests and enrolments the terminal lists.
LAATSTE = 10


def _account(request: HttpRequest) -> Gedetineerdeaccount:
    account = terminalaccount_van(request.user)
    if account is None:
        raise PermissionDenied
    return account


def _tonen(
    request: HttpRequest, account: Gedetineerdeaccount, template: str, context: dict[str, Any]
) -> HttpResponse:
    taal = taal_van(account.gedetineerde)
    with translation.override(taal):
        return render(
            request,
            template,
            {"gedetineerde": account.gedetineerde, "taal": taal, **context},
        )


@permission_required(TERMINAL, raise_exception=True)
def terminal(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    gedetineerde = account.gedetineerde
    taal = taal_van(gedetineerde)
    aanvragen = list(eigen_aanvragen(gedetineerde)[:LAATSTE])
    inschrijvingen = list(eigen_inschrijvingen(gedetineerde)[:LAATSTE])
    gevraagd = {a.aanbod_id for a in aanvragen if a.status == Aanvraag.Status.NIEUW} | {
        i.aanbod_id for i in inschrijvingen if i.status in LOPEND
    }
    aanbod = [
        {
            "aanbod": b.aanbod,
            "titel": b.aanbod.titel_in(taal),
            "gevraagd": b.aanbod_id in gevraagd,
        }
        for b in aanbod_voor(gedetineerde)
    ]
    for a in aanvragen:
        a.titel = a.aanbod.titel_in(taal)  # type: ignore[attr-defined]
    for i in inschrijvingen:
        i.titel = i.aanbod.titel_in(taal)  # type: ignore[attr-defined]
    return _tonen(
        request,
        account,
        "deelname/terminal.html",
        {"aanbod": aanbod, "aanvragen": aanvragen, "inschrijvingen": inschrijvingen},
    )


def _aangeboden(account: Gedetineerdeaccount, pk: int) -> Any:
    beschikbaarheid = aanbod_voor(account.gedetineerde).filter(aanbod_id=pk).first()
    if beschikbaarheid is None:
        raise Http404
    return beschikbaarheid.aanbod


@permission_required(TERMINAL, raise_exception=True)
def terminal_aanbod(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request)
    aanbod = _aangeboden(account, pk)
    gedetineerde = account.gedetineerde
    taal = taal_van(gedetineerde)
    open_aanvraag = (
        eigen_aanvragen(gedetineerde).filter(aanbod=aanbod, status=Aanvraag.Status.NIEUW).first()
    )
    ingeschreven = (
        eigen_inschrijvingen(gedetineerde).filter(aanbod=aanbod, status__in=LOPEND).first()
    )
    return _tonen(
        request,
        account,
        "deelname/terminal_aanbod.html",
        {
            "aanbod": aanbod,
            "titel": aanbod.titel_in(taal),
            "beschrijving": aanbod.beschrijving_in(taal),
            "open_aanvraag": open_aanvraag,
            "ingeschreven": ingeschreven,
        },
    )


@require_POST
@permission_required(TERMINAL, raise_exception=True)
def terminal_deelnemen(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Ik wil deelnemen": a request; pressed twice, still one request."""
    account = _account(request)
    aanbod = _aangeboden(account, pk)
    with translation.override(taal_van(account.gedetineerde)):
        try:
            aanvraag = aanvraag_indienen(
                gedetineerde=account.gedetineerde,
                aanbod=aanbod,
                bron=Aanvraag.Bron.TERMINAL,
                door=request.user,
            )
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return redirect("deelname:terminal_aanbod", aanbod.pk)
        messages.success(request, _("Je vraag is verstuurd. Je krijgt hier een antwoord."))
    return redirect("deelname:terminal_aanvraag", aanvraag.pk)


@permission_required(TERMINAL, raise_exception=True)
def terminal_aanvraag(request: HttpRequest, pk: int) -> HttpResponse:
    account = _account(request)
    aanvraag = eigen_aanvragen(account.gedetineerde).filter(pk=pk).first()
    if aanvraag is None:
        raise Http404
    taal = taal_van(account.gedetineerde)
    return _tonen(
        request,
        account,
        "deelname/terminal_aanvraag.html",
        {"aanvraag": aanvraag, "titel": aanvraag.aanbod.titel_in(taal)},
    )


urlpatterns = [
    path("terminal/", terminal, name="terminal"),
    path("terminal/aanbod/<int:pk>/", terminal_aanbod, name="terminal_aanbod"),
    path("terminal/aanbod/<int:pk>/deelnemen/", terminal_deelnemen, name="terminal_deelnemen"),
    path("terminal/aanvragen/<int:pk>/", terminal_aanvraag, name="terminal_aanvraag"),
]
