"""The dashboards: a prison's key indicators against their targets and Flanders, the
drill-down of one indicator, and all prisons side by side for the central level.

They read the rollups (``rapportage.selectors``), never the facts, and show the time of
their data. A beleidscoördinator opens the dashboard of his own prisons (another prison
is a 404) and the Flanders overview, where his own prisons are shown as they are and
every other figure is suppressed; the central level opens all of them, suppressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hdv.models import Gevangenis
from hdv.scope import actieve_gevangenis
from rapportage import grafieken, selectors
from rapportage.afscherming import GENEST, Cijfer
from rapportage.indicatoren import REGISTER, Indicator, Periode
from rapportage.indicatoren.basis import UITSPLITSINGEN, Eenheid
from rapportage.models import Berekening, Periodesoort
from rapportage.opmaak import aantal_tekst, cijfer_tekst, waarde_tekst
from rapportage.plantoegang import (
    VLAAMS,
    gevangenis_of_404,
    is_centraal,
    zichtbare_gevangenissen,
)
from rapportage.views.periodekeuze import PeriodeForm, als_tekst, periode_kiezen

LEZEN = "rapportage.view_indicatorwaarde"
BIJWERKEN = "rapportage.add_berekening"


@dataclass(frozen=True)
class Regel:
    """A figure as a table row shows it: label, counts and value as text."""

    label: str
    teller: str
    noemer: str
    waarde: str
    afgeschermd: bool = False


def _regel(label: str, cijfer: Cijfer | None, indicator: Indicator) -> Regel:
    if cijfer is None:
        return Regel(label, "–", "–", _("geen gegevens"))
    return Regel(
        label,
        aantal_tekst(cijfer.teller, cijfer.teller_teken),
        aantal_tekst(cijfer.noemer, cijfer.noemer_teken),
        cijfer_tekst(cijfer, indicator.eenheid),
        cijfer.afgeschermd,
    )


def _context(request: HttpRequest, form: PeriodeForm, periode: Periode | None) -> dict[str, Any]:
    """What every dashboard shows: the period chosen, the time of the data, the button."""
    return {
        "form": form,
        "periode": periode,
        "periode_query": urlencode({"soort": periode.soort, "periode": als_tekst(periode)})
        if periode
        else "",
        "berekening": selectors.gegevens_van(),
        "mag_bijwerken": request.user.has_perm(BIJWERKEN),
        "kleinste_aantal": settings.HDV_KLEINSTE_AANTAL,
    }


def _indicator_of_404(request: HttpRequest, code: str) -> Indicator | HttpResponse:
    indicator = REGISTER.get(code)
    if indicator is None:
        return render(request, "rapportage/onbekende_indicator.html", {"code": code}, status=404)
    return indicator


# --- the start: where a reader's dashboard is -------------------------------------------------


@permission_required(LEZEN, raise_exception=True)
def dashboard(request: HttpRequest) -> HttpResponse:
    """The dashboard of the prison one works in now; the central level goes to Flanders."""
    gevangenis = actieve_gevangenis(request)
    if gevangenis is not None:
        doel = reverse("rapportage:dashboard_gevangenis", kwargs={"pk": gevangenis.pk})
    elif is_centraal(request.user):
        doel = reverse("rapportage:vlaanderen")
    else:
        return render(request, "rapportage/dashboard_zonder_gevangenis.html")
    # A link to a period (?soort=kwartaal&periode=2025-K1) keeps it on the way.
    return redirect(f"{doel}?{request.GET.urlencode()}" if request.GET else doel)


# --- a prison -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kaartweergave:
    kaart: selectors.Kaart
    huidig: str
    vlaanderen: str
    streefcijfer: str
    grafiek: str
    geen_gegevens: bool
    uitgesplitst: str  # "per domein en aanbieder": the drill-down's breakdowns, or ""


def _uitgesplitst(indicator: Indicator) -> str:
    """The breakdowns the drill-down page shows for this indicator, as a link says them."""
    namen = [str(UITSPLITSINGEN[c]) for c in selectors.DRILL_DOWN if c in indicator.uitsplitsingen]
    if not namen:
        return ""
    if len(namen) == 1:
        return _("per %(naam)s") % {"naam": namen[0]}
    return _("per %(namen)s en %(laatste)s") % {
        "namen": ", ".join(namen[:-1]),
        "laatste": namen[-1],
    }


def _kaartweergave(kaart: selectors.Kaart) -> Kaartweergave:
    indicator = kaart.indicator
    punten = [
        grafieken.TrendPunt(
            p.periode.naam,
            p.cijfer.waarde if p.cijfer else None,
            p.cijfer.waarde_teken if p.cijfer else "",
            p.vlaanderen.waarde if p.vlaanderen else None,
        )
        for p in kaart.punten
    ]
    streef = float(kaart.streefcijfer) if kaart.streefcijfer is not None else None
    huidig = kaart.huidig.cijfer
    # A count's target is for the year: as a line over months it only flattens the bars.
    lijn = streef if kaart.streefcijfer_geldt else None
    return Kaartweergave(
        kaart=kaart,
        huidig=cijfer_tekst(huidig, indicator.eenheid),
        vlaanderen=cijfer_tekst(kaart.huidig.vlaanderen, indicator.eenheid),
        streefcijfer=waarde_tekst(indicator.eenheid, streef) if streef is not None else "",
        grafiek=grafieken.trend(
            f"trend-{indicator.code}",
            punten,
            eenheid=indicator.eenheid,
            titel=_("%(naam)s, de laatste %(n)s perioden")
            % {"naam": indicator.naam, "n": len(punten)},
            streefcijfer=lijn,
        ),
        geen_gegevens=huidig is None or huidig.geen_gegevens,
        uitgesplitst=_uitgesplitst(indicator),
    )


@permission_required(LEZEN, raise_exception=True)
def dashboard_gevangenis(request: HttpRequest, pk: int) -> HttpResponse:
    gevangenis = gevangenis_of_404(request.user, pk)
    form, periode = periode_kiezen(request.GET)
    lezer = selectors.Lezer.van(request.user)
    kaarten = selectors.dashboard(gevangenis, periode, lezer) if periode else []
    return render(
        request,
        "rapportage/dashboard.html",
        {
            **_context(request, form, periode),
            "gevangenis": gevangenis,
            "keuzes": list(zichtbare_gevangenissen(request.user).order_by("naam")),
            "eigen": gevangenis.pk in lezer.eigen,
            "kaarten": [_kaartweergave(k) for k in kaarten],
        },
    )


# --- one indicator: its breakdowns -------------------------------------------------------------


@dataclass(frozen=True)
class Uitsplitsingweergave:
    code: str
    naam: str
    regels: list[Regel]
    grafiek: str
    # A nested breakdown (per offer) of a prison the reader does not know: not published.
    alleen_eigen: bool = False


def _staven(indicator: Indicator, uitsplitsing: selectors.Uitsplitsing) -> str:
    """The bars of a breakdown; none when no cell has a value to show (all hidden or
    empty): the table says that already."""
    if all(c.waarde is None for c in uitsplitsing.cellen):
        return ""
    return grafieken.staven(
        f"uitsplitsing-{uitsplitsing.code}",
        [
            grafieken.Staaf(c.label or c.sleutel, c.waarde, c.waarde_teken)
            for c in uitsplitsing.cellen
        ],
        eenheid=indicator.eenheid,
        titel=_("%(naam)s per %(uitsplitsing)s")
        % {"naam": indicator.naam, "uitsplitsing": UITSPLITSINGEN[uitsplitsing.code]},
        breedte=640,
    )


def _detail(
    request: HttpRequest, indicator: Indicator, gevangenis: Gevangenis | None
) -> HttpResponse:
    form, periode = periode_kiezen(request.GET)
    lezer = selectors.Lezer.van(request.user)
    context = _context(request, form, periode)
    gevangenis_id = gevangenis.pk if gevangenis else None
    if periode is not None:
        detail = selectors.detail(indicator, periode, gevangenis_id, lezer)
        context["totaal"] = _regel(
            str(gevangenis or _("Vlaanderen")), detail.totalen.get(gevangenis_id), indicator
        )
        context["uitsplitsingen"] = [
            Uitsplitsingweergave(
                u.code,
                str(UITSPLITSINGEN[u.code]),
                [_regel(c.label or c.sleutel, c, indicator) for c in u.cellen],
                _staven(indicator, u),
                alleen_eigen=u.code in GENEST and gevangenis_id not in lezer.eigen,
            )
            for u in detail.uitsplitsingen
        ]
        if gevangenis is None:
            ids = [g for g in detail.totalen if g is not None]
            namen = {g.pk: g.naam for g in Gevangenis.objects.filter(pk__in=ids)}
            context["gevangenissen"] = sorted(
                (_regel(namen[g], c, indicator) for g, c in detail.totalen.items() if g in namen),
                key=lambda r: r.label,
            )
    return render(
        request,
        "rapportage/indicator.html",
        {
            **context,
            "indicator": indicator,
            "gevangenis": gevangenis,
            "eigen": gevangenis is not None and gevangenis.pk in lezer.eigen,
        },
    )


@permission_required(LEZEN, raise_exception=True)
def indicator_gevangenis(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    gevangenis = gevangenis_of_404(request.user, pk)
    indicator = _indicator_of_404(request, code)
    if isinstance(indicator, HttpResponse):
        return indicator
    return _detail(request, indicator, gevangenis)


@permission_required(LEZEN, raise_exception=True)
def indicator_vlaanderen(request: HttpRequest, code: str) -> HttpResponse:
    indicator = _indicator_of_404(request, code)
    if isinstance(indicator, HttpResponse):
        return indicator
    return _detail(request, indicator, None)


# --- Flanders: all prisons side by side ----------------------------------------------------------


def _vak(
    indicator: Indicator, cijfer: Cijfer | None, referentie: Decimal | float | None
) -> grafieken.Vak:
    tekst = cijfer_tekst(cijfer, indicator.eenheid)
    if cijfer is None or cijfer.geen_gegevens:
        return grafieken.Vak(tekst, "geen")
    if cijfer.afgeschermd:
        return grafieken.Vak(tekst, "afgeschermd")
    if referentie is None:
        return grafieken.Vak(tekst, "niet_vergeleken")
    soort = grafieken.vergelijken(
        cijfer.waarde,
        float(referentie),
        eenheid=indicator.eenheid,
        hoger_is_beter=indicator.hoger_is_beter,
    )
    return grafieken.Vak(tekst, soort)


def _referentie(
    overzicht: selectors.Overzicht, indicator: Indicator, gevangenis_id: int | None
) -> Decimal | float | None:
    """What a cell of the heat map is held against: the target of the prison (or
    Flanders'), else the Flanders value. A count only against its target, and only over
    a whole year: a prison's count is no part of Flanders' total to compare with."""
    if not selectors.streefcijfer_geldt(indicator, overzicht.periode):
        return None
    streefcijfer = overzicht.streefcijfers.get((indicator.code, gevangenis_id))
    if streefcijfer is not None or indicator.eenheid == Eenheid.AANTAL or gevangenis_id is None:
        return streefcijfer
    vlaams = overzicht.cijfer(indicator.code, None)
    return vlaams.waarde if vlaams is not None else None


@permission_required(LEZEN, raise_exception=True)
def vlaanderen(request: HttpRequest) -> HttpResponse:
    form, periode = periode_kiezen(request.GET)
    context = _context(request, form, periode)
    if periode is not None:
        lezer = selectors.Lezer.van(request.user)
        overzicht = selectors.vlaams_overzicht(periode, lezer)
        rijen: list[tuple[str, int | None]] = [(g.naam, g.pk) for g in overzicht.gevangenissen] + [
            (_("Vlaanderen"), None)
        ]
        vakken = {}
        for r, (_naam, g) in enumerate(rijen):
            for k, indicator in enumerate(overzicht.indicatoren):
                vakken[(r, k)] = _vak(
                    indicator,
                    overzicht.cijfer(indicator.code, g),
                    _referentie(overzicht, indicator, g),
                )
        context.update(
            overzicht=overzicht,
            tabel=[
                (
                    naam,
                    g,
                    g in lezer.eigen,
                    [vakken[(r, k)] for k in range(len(overzicht.indicatoren))],
                )
                for r, (naam, g) in enumerate(rijen)
            ],
            warmtekaart=grafieken.warmtekaart(
                "warmtekaart",
                [naam for naam, _g in rijen],
                [str(i.naam) for i in overzicht.indicatoren],
                vakken,
                titel=_("Gevangenissen × kernindicatoren, %(periode)s") % {"periode": periode.naam},
                totaal_laatst=True,
            ),
            eigen=lezer.eigen,
        )
    return render(request, "rapportage/vlaanderen.html", context)


# --- "nu bijwerken" ----------------------------------------------------------------------------


@permission_required(VLAAMS, raise_exception=True)
def wachtlijsten_vlaanderen(request: HttpRequest) -> HttpResponse:
    """The central level's "how many wait for what, per prison": the waiting-list
    indicator of the running month (people waiting on its last computed day), per prison
    and per domain and provider. One source for these figures: a second table of the same
    counts (live, per offer) protected on its own would give back what this one hides."""
    periode = Periode.van(Periodesoort.MAAND, timezone.localdate())
    query = urlencode({"soort": periode.soort, "periode": als_tekst(periode)})
    url = reverse("rapportage:vlaanderen_indicator", args=["wachtlijst_wachtend"])
    return redirect(f"{url}?{query}")


@require_POST
@permission_required(BIJWERKEN, raise_exception=True)
def bijwerken(request: HttpRequest) -> HttpResponse:
    """Recompute the indicators now: the job runs after this request's transaction."""
    from rapportage.tasks import indicatoren_bijwerken

    door_id = request.user.pk
    transaction.on_commit(
        lambda: indicatoren_bijwerken.delay(
            aanleiding=Berekening.Aanleiding.OP_VRAAG, door_id=door_id
        )
    )
    messages.success(
        request,
        _("De indicatoren worden bijgewerkt. Laad de pagina over enkele ogenblikken opnieuw."),
    )
    terug = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        terug, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        terug = reverse("rapportage:dashboard")
    return redirect(terug)


urlpatterns: list[Any] = [
    path("dashboard/", dashboard, name="dashboard"),
    path("dashboard/<int:pk>/", dashboard_gevangenis, name="dashboard_gevangenis"),
    path("dashboard/<int:pk>/<slug:code>/", indicator_gevangenis, name="indicator"),
    path("vlaanderen/", vlaanderen, name="vlaanderen"),
    path("vlaanderen/<slug:code>/", indicator_vlaanderen, name="vlaanderen_indicator"),
    path("bijwerken/", bijwerken, name="bijwerken"),
    path("wachtlijsten/", wachtlijsten_vlaanderen, name="wachtlijsten_vlaanderen"),
]
