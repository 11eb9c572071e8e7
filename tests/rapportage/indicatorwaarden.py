"""Rollup rows made by hand, for the dashboards' and the API's tests (the computations
are tested on their own): a small register of test indicators and a row factory."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from rapportage.indicatoren import REGISTER, Indicator, Periode
from rapportage.indicatoren.basis import Eenheid
from rapportage.models import Berekening, Indicatorwaarde, Periodesoort

PROEF = (
    Indicator(
        code="proef_bereik",
        naam="Bereik (proef)",
        beschrijving="Hoeveel van de aanwezigen aan iets deelnamen.",
        teller="Deelnemers",
        noemer="Aanwezigen",
        eenheid=Eenheid.PERCENTAGE,
        periode_regel="Aanwezig in de periode.",
        uitsplitsingen=("domein", "aanbieder", "aanbod"),
    ),
    Indicator(
        code="proef_uitval",
        naam="Uitval (proef)",
        beschrijving="Hoeveel trajecten vroeg stopten.",
        teller="Gestopt",
        noemer="Trajecten",
        eenheid=Eenheid.PERCENTAGE,
        periode_regel="Geëindigd in de periode.",
        hoger_is_beter=False,
    ),
    Indicator(
        code="proef_annulaties",
        naam="Annulaties (proef)",
        beschrijving="Geannuleerde sessies.",
        teller="Sessies",
        noemer="",
        eenheid=Eenheid.AANTAL,
        periode_regel="Sessies in de periode.",
    ),
)


@pytest.fixture
def proefregister():
    """The register holds only the test indicators, for this test."""
    bewaard = dict(REGISTER)
    REGISTER.clear()
    REGISTER.update({i.code: i for i in PROEF})
    yield {i.code: i for i in PROEF}
    REGISTER.clear()
    REGISTER.update(bewaard)


def maand(jaar: int, nummer: int) -> Periode:
    return Periode(Periodesoort.MAAND, datetime.date(jaar, nummer, 1))


def deze_maand() -> Periode:
    return Periode.van(Periodesoort.MAAND, timezone.localdate())


def rij(
    indicator: str,
    gevangenis,
    periode: Periode,
    teller: int | None,
    noemer: int | None = None,
    *,
    uitsplitsing: str = "",
    sleutel: str = "",
    label: str = "",
) -> Indicatorwaarde:
    """One rollup row; the value as the job computes it (a rate, or the count)."""
    if REGISTER.get(indicator) and REGISTER[indicator].eenheid == Eenheid.AANTAL:
        waarde = float(teller) if teller is not None else None
    else:
        waarde = round((teller or 0) * 100 / noemer, 1) if noemer else None
    return Indicatorwaarde.objects.create(
        indicator=indicator,
        gevangenis=gevangenis,
        periodesoort=periode.soort,
        begin=periode.begin,
        einde=periode.einde,
        uitsplitsing=uitsplitsing,
        sleutel=sleutel,
        label=label or sleutel,
        teller=teller,
        noemer=noemer,
        waarde=waarde,
        berekend_op=timezone.now(),
    )


def per_gevangenis(indicator: str, periode: Periode, cijfers: dict, **kwargs) -> None:
    """Rows for some prisons ({prison: (teller, noemer)}) and Flanders, their sum."""
    teller = sum(t or 0 for t, _n in cijfers.values())
    noemer = sum(n or 0 for _t, n in cijfers.values())
    for gevangenis, (t, n) in cijfers.items():
        rij(indicator, gevangenis, periode, t, n, **kwargs)
    rij(indicator, None, periode, teller, noemer or None, **kwargs)


def berekening(**kwargs) -> Berekening:
    nu = timezone.now()
    return Berekening.objects.create(
        aanleiding=Berekening.Aanleiding.NACHTELIJK,
        gestart=nu - datetime.timedelta(minutes=2),
        klaar=nu,
        gegevens_tot=kwargs.pop("gegevens_tot", nu),
        **kwargs,
    )
