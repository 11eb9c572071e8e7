"""Prepared releases: hand-built releases of March 2026.

 who  stay ends                 checklist                                   counted
 v1   Antwerpen, released 1/3   every point geregeld or niet nodig          yes, prepared
 v2   Antwerpen, released 31/3  one point still bezig                       yes, not prepared
 v3   Antwerpen, released 15/3  none opened                                 yes, not prepared
 v4   Antwerpen, released 1/4   complete                                    April's
 v5   moved Antwerpen → Gent on 1/3 (the checklist moved along), released from Gent 10/3,
      complete                                                              Gent, prepared
 v6   Antwerpen, transferred 20/3 (not a release)                          no

Antwerpen: 1 ÷ 3 = 33.3 %; Gent: 1 ÷ 1; Flanders: 2 ÷ 4 = 50 % (v5 once, from Gent).
"""

import datetime

import pytest
from django.utils import timezone

import rapportage.indicatoren.vrijlating  # noqa: F401  (registers the indicator)
from rapportage.indicatoren.basis import REGISTER, Periode
from tests.factories import GedetineerdeFactory
from trajecten.models import Checklistpunt, Verblijf, Vrijlatingsvoorbereiding

pytestmark = pytest.mark.django_db

D = datetime.date
MAART = Periode("maand", D(2026, 3, 1))
P = Checklistpunt.Status


def _verblijf(persoon, gevangenis, van, tot, eindreden=Verblijf.Eindreden.VRIJLATING):
    return Verblijf.objects.create(
        gedetineerde=persoon,
        gevangenis=gevangenis,
        van=van,
        tot=tot,
        eindreden=eindreden,
        vrijlatingssoort=Verblijf.Vrijlatingssoort.STRAFEINDE
        if eindreden == Verblijf.Eindreden.VRIJLATING
        else "",
    )


def _vrijgelaten(gevangenis, op):
    persoon = GedetineerdeFactory(huidige_gevangenis=gevangenis, verblijf=False)
    verblijf = _verblijf(persoon, gevangenis, D(2025, 6, 1), op)
    return persoon, verblijf


def _checklist(persoon, verblijf, open_punt=False):
    voorbereiding = Vrijlatingsvoorbereiding.objects.create(
        gedetineerde=persoon, verblijf=verblijf, geopend_op=D(2026, 1, 1), bevroren_op=verblijf.tot
    )
    for i, onderwerp in enumerate(Checklistpunt.Onderwerp.values):
        status = P.GEREGELD if i % 2 else P.NIET_NODIG
        if open_punt and i == 0:
            status = P.BEZIG
        Checklistpunt.objects.create(
            voorbereiding=voorbereiding, onderwerp=onderwerp, status=status
        )


@pytest.fixture
def feiten(antwerpen, gent):
    _checklist(*_vrijgelaten(antwerpen, D(2026, 3, 1)))
    _checklist(*_vrijgelaten(antwerpen, D(2026, 3, 31)), open_punt=True)
    _vrijgelaten(antwerpen, D(2026, 3, 15))
    _checklist(*_vrijgelaten(antwerpen, D(2026, 4, 1)))

    v5 = GedetineerdeFactory(huidige_gevangenis=gent, verblijf=False)
    _verblijf(v5, antwerpen, D(2025, 6, 1), D(2026, 3, 1), Verblijf.Eindreden.OVERPLAATSING)
    _checklist(v5, _verblijf(v5, gent, D(2026, 3, 1), D(2026, 3, 10)))

    v6 = GedetineerdeFactory(huidige_gevangenis=gent, verblijf=False)
    _verblijf(v6, antwerpen, D(2025, 6, 1), D(2026, 3, 20), Verblijf.Eindreden.OVERPLAATSING)


def _waarde(gevangenis, periode=MAART):
    cellen = REGISTER["vrijlating_voorbereid"].bereken(periode, gevangenis)
    assert [c.uitsplitsing for c in cellen] == [""]
    return (cellen[0].teller, cellen[0].noemer, cellen[0].waarde)


def test_releases_with_a_complete_checklist(feiten, antwerpen, gent):
    assert _waarde(antwerpen) == (1, 3, 33.3)
    assert _waarde(gent) == (1, 1, 100.0)


def test_flanders_counts_each_release_once(feiten):
    assert _waarde(None) == (2, 4, 50.0)


def test_an_empty_period_has_no_figure(feiten, antwerpen):
    assert _waarde(antwerpen, Periode("maand", D(2026, 1, 1))) == (0, 0, None)


def test_a_quarter(feiten, antwerpen):
    assert _waarde(antwerpen, Periode("kwartaal", D(2026, 1, 1))) == (1, 3, 33.3)
    assert _waarde(antwerpen, Periode("kwartaal", D(2026, 4, 1))) == (1, 1, 100.0)


def test_all_prisons_at_once_give_each_prisons_figures(feiten, antwerpen, gent):
    indicator = REGISTER["vrijlating_voorbereid"]

    assert indicator.bereken_alle(MAART, [antwerpen.pk, gent.pk], True) == {
        antwerpen.pk: indicator.bereken(MAART, antwerpen),
        gent.pk: indicator.bereken(MAART, gent),
        None: indicator.bereken(MAART, None),
    }


def test_a_release_announced_for_later_in_the_running_month_waits_for_its_day(
    antwerpen, monkeypatch
):
    # Computed on 10/3: the release of 20/3 that the feed already sent is not yet March's.
    persoon, verblijf = _vrijgelaten(antwerpen, D(2026, 3, 20))
    _checklist(persoon, verblijf)
    _checklist(*_vrijgelaten(antwerpen, D(2026, 3, 5)), open_punt=True)
    moment = datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)

    assert _waarde(antwerpen) == (0, 1, 0.0)
