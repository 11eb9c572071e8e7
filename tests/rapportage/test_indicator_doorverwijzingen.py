"""Referrals sent, answered in time, accepted: hand-built referrals of March 2026.

Norm 14 days, counted in days: sent on the 1st, due on the 15th. The computation runs on
10/4/2026, so referrals sent on 27/3 or later are still within their norm. pa stays in Antwerpen; pt moved from Antwerpen to Gent on 15/3.
(times are Brussels time; "→" is the answer)

 #  who  to       domain   sent          answer                      Antwerpen / Gent
 1  pa   VDAB     werk     1/3 00:30     accepted 5/3 (4 days)        in time
 2  pa   CAW-ANT  welzijn  10/3          refused 30/3 (20 days)       late
 3  pa   VDAB     werk     31/3 23:00    none yet                     within norm: left out
 4  pa   VDAB     werk     12/3          none                         late
 5  pa   CAW-ANT  welzijn  5/3           withdrawn 6/3, unanswered    left out
 6  pa   CAW-ANT  welzijn  2/3           withdrawn 25/3, unanswered   late (due 16/3)
 7  pa   VDAB     werk     (concept, never sent)                      nowhere
 8  pa   VDAB     werk     28/2          accepted 2/3                 February's; answer March
 9  pt   CAW-ANT  welzijn  10/3          accepted 12/3                Antwerpen (was there), in time
10  pt   VDAB     werk     15/3          refused 20/3                 Gent (the new stay), in time
11  pt   VDAB     werk     20/3          accepted 22/3, completed     Gent, in time
12  pa   VDAB     werk     3/3 10:00     accepted 17/3 23:00 (14 d)   in time (on the day it is due)

Antwerpen: sent 1-6, 9, 12 = 8 (werk 1 3 4 12, welzijn 2 5 6 9)
  in time: 1 9 12 of 1 2 4 6 9 12 = 3 ÷ 6 = 50 % (werk 2 ÷ 3, welzijn 1 ÷ 3)
  accepted: answered in March 1 2 8 9 12, refused 2 → 4 ÷ 5 = 80 % (werk 3 ÷ 3, welzijn 1 ÷ 2)
Gent: sent 2; in time 2 ÷ 2; accepted 1 ÷ 2.
Flanders: sent 10; in time 5 ÷ 8 = 62.5 %; accepted 5 ÷ 7 = 71.4 %.
"""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

import rapportage.indicatoren.doorverwijzingen  # noqa: F401  (registers the indicators)
from rapportage.indicatoren.basis import REGISTER, Periode
from tests.factories import GedetineerdeFactory
from trajecten.models import Doorverwijzing, Verblijf

pytestmark = pytest.mark.django_db

S = Doorverwijzing.Status
BRUSSEL = zoneinfo.ZoneInfo("Europe/Brussels")
MAART = Periode("maand", datetime.date(2026, 3, 1))
BEREKEND_OP = datetime.datetime(2026, 4, 10, 12, tzinfo=BRUSSEL)


def _op(maand, dag, uur=10, minuut=0):
    return datetime.datetime(2026, maand, dag, uur, minuut, tzinfo=BRUSSEL)


@pytest.fixture(autouse=True)
def _norm(settings):
    settings.HDV_DOORVERWIJZING_NORM_DAGEN = 14


@pytest.fixture
def berekend_op(monkeypatch):
    """The moment of computation: 10/4/2026 noon (only while the figures are computed)."""

    def zetten(moment=BEREKEND_OP):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return zetten


@pytest.fixture
def feiten(antwerpen, gent, caw, vdab, alice):
    pa = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    pt = GedetineerdeFactory(huidige_gevangenis=gent, verblijf=False)
    Verblijf.objects.create(
        gedetineerde=pt,
        gevangenis=antwerpen,
        van=datetime.date(2026, 1, 5),
        tot=datetime.date(2026, 3, 15),
        eindreden=Verblijf.Eindreden.OVERPLAATSING,
    )
    Verblijf.objects.create(gedetineerde=pt, gevangenis=gent, van=datetime.date(2026, 3, 15))

    def verwijzing(persoon, naar, domein, verstuurd, status=S.VERSTUURD, beantwoord=None, af=None):
        return Doorverwijzing.objects.create(
            gedetineerde=persoon,
            levensdomein=domein,
            van_organisatie=caw,
            aangemaakt_door=alice,
            naar_organisatie=naar,
            plaats="binnen",
            motivatie="Synthetische vraag",
            status=status,
            weigerreden="geen_plaats" if status == S.GEWEIGERD else "",
            verstuurd_op=verstuurd,
            beantwoord_op=beantwoord,
            afgesloten_op=af,
        )

    verwijzing(pa, vdab, "werk", _op(3, 1, 0, 30), S.AANVAARD, _op(3, 5))
    verwijzing(pa, caw, "welzijn", _op(3, 10), S.GEWEIGERD, _op(3, 30), _op(3, 30))
    verwijzing(pa, vdab, "werk", _op(3, 31, 23))
    verwijzing(pa, vdab, "werk", _op(3, 12))
    verwijzing(pa, caw, "welzijn", _op(3, 5), S.INGETROKKEN, af=_op(3, 6))
    verwijzing(pa, caw, "welzijn", _op(3, 2), S.INGETROKKEN, af=_op(3, 25))
    verwijzing(pa, vdab, "werk", None, S.CONCEPT)
    verwijzing(pa, vdab, "werk", _op(2, 28), S.AANVAARD, _op(3, 2))
    verwijzing(pt, caw, "welzijn", _op(3, 10), S.AANVAARD, _op(3, 12))
    verwijzing(pt, vdab, "werk", _op(3, 15), S.GEWEIGERD, _op(3, 20), _op(3, 20))
    verwijzing(pt, vdab, "werk", _op(3, 20), S.AFGEROND, _op(3, 22), _op(3, 25))
    verwijzing(pa, vdab, "werk", _op(3, 3), S.AANVAARD, _op(3, 17, 23))


def _waarden(code, gevangenis, periode=MAART):
    return {
        (c.uitsplitsing, c.sleutel): (c.teller, c.noemer, c.waarde)
        for c in REGISTER[code].bereken(periode, gevangenis)
    }


def test_sent_in_the_prison_of_the_stay_on_the_day_it_was_sent(feiten, antwerpen, gent):
    assert _waarden("doorverwijzingen_verstuurd", antwerpen) == {
        ("", ""): (8, None, 8.0),
        ("domein", "welzijn"): (4, None, 4.0),
        ("domein", "werk"): (4, None, 4.0),
        ("aanbieder", "CAW-ANT"): (4, None, 4.0),
        ("aanbieder", "VDAB"): (4, None, 4.0),
    }
    assert _waarden("doorverwijzingen_verstuurd", gent)[("", "")] == (2, None, 2.0)
    assert _waarden("doorverwijzingen_verstuurd", None)[("", "")] == (10, None, 10.0)


def test_sent_just_after_midnight_on_the_first_day_is_that_months(feiten, antwerpen):
    # 1/3 00:30 in Brussels is still 28/2 in UTC.
    februari = Periode("maand", datetime.date(2026, 2, 1))

    assert _waarden("doorverwijzingen_verstuurd", antwerpen, februari)[("", "")][0] == 1


def test_answered_within_the_norm_once_the_norm_has_passed(feiten, antwerpen, berekend_op):
    berekend_op()

    assert _waarden("doorverwijzingen_tijdig", antwerpen) == {
        ("", ""): (3, 6, 50.0),
        ("domein", "welzijn"): (1, 3, 33.3),
        ("domein", "werk"): (2, 3, 66.7),
        ("aanbieder", "CAW-ANT"): (1, 3, 33.3),
        ("aanbieder", "VDAB"): (2, 3, 66.7),
    }


def test_the_referral_still_within_its_norm_counts_once_the_norm_has_passed(
    feiten, antwerpen, berekend_op
):
    # Sent 31/3: the answer is due on 14/4 at the latest; on that day it is not late yet,
    # from 15/4 it is.
    berekend_op(_op(4, 14, 23, 59))
    assert _waarden("doorverwijzingen_tijdig", antwerpen)[("", "")] == (3, 6, 50.0)

    berekend_op(_op(4, 15, 0, 1))
    assert _waarden("doorverwijzingen_tijdig", antwerpen)[("", "")] == (3, 7, 42.9)


def test_timeliness_in_gent_and_flanders(feiten, gent, berekend_op):
    berekend_op()

    assert _waarden("doorverwijzingen_tijdig", gent)[("", "")] == (2, 2, 100.0)
    assert _waarden("doorverwijzingen_tijdig", None)[("", "")] == (5, 8, 62.5)


def test_accepted_of_those_answered_in_the_period(feiten, antwerpen, gent):
    assert _waarden("doorverwijzingen_aanvaard", antwerpen) == {
        ("", ""): (4, 5, 80.0),
        ("domein", "welzijn"): (1, 2, 50.0),
        ("domein", "werk"): (3, 3, 100.0),
        ("aanbieder", "CAW-ANT"): (1, 2, 50.0),
        ("aanbieder", "VDAB"): (3, 3, 100.0),
    }
    assert _waarden("doorverwijzingen_aanvaard", gent)[("", "")] == (1, 2, 50.0)
    assert _waarden("doorverwijzingen_aanvaard", None)[("", "")] == (5, 7, 71.4)


def test_an_empty_period(feiten, antwerpen, berekend_op):
    berekend_op()
    januari = Periode("maand", datetime.date(2026, 1, 1))

    assert _waarden("doorverwijzingen_verstuurd", antwerpen, januari) == {("", ""): (0, None, 0.0)}
    assert _waarden("doorverwijzingen_tijdig", antwerpen, januari) == {("", ""): (0, 0, None)}
    assert _waarden("doorverwijzingen_aanvaard", antwerpen, januari) == {("", ""): (0, 0, None)}


@pytest.mark.parametrize(
    "code", ["doorverwijzingen_verstuurd", "doorverwijzingen_tijdig", "doorverwijzingen_aanvaard"]
)
def test_all_prisons_at_once_give_each_prisons_figures(feiten, antwerpen, gent, berekend_op, code):
    berekend_op()
    indicator = REGISTER[code]

    alle = indicator.bereken_alle(MAART, [antwerpen.pk, gent.pk], True)

    assert alle == {
        antwerpen.pk: indicator.bereken(MAART, antwerpen),
        gent.pk: indicator.bereken(MAART, gent),
        None: indicator.bereken(MAART, None),
    }
