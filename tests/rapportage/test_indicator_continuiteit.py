"""Continuity after a transfer: hand-built transfers of March 2026.

 who  transfer                help running then               follow-up in the new prison
 t1   ANT → Gent   1/3        enrolment (ended by the move)   intake 31/3 (day 30): yes
 t2   ANT → Gent  10/3        HDV-plan since 1/2              intake skipped 11/3, enrolment
                                                              11/4 (day 32): no
 t3   ANT → Gent  12/3        nothing                         (intake 13/3) not counted
 t4   ANT → Gent  15/3        enrolment completed 1/3: none   not counted
 t5   Gent → ANT  20/3        waiting list in Gent            enrolment in ANT 25/3: yes
 t6   ANT → Gent  31/3        HDV-plan since 1/1              enrolment 2/4: yes, but its
                                                              window ends 30/4
 t7   ANT → Gent  28/2        HDV-plan                        February's

A transfer counts for the prison that received the person.
Computed on 1/5: Gent t1 t2 t6 → 2 ÷ 3 = 66.7 %; Antwerpen t5 → 1 ÷ 1; Flanders 3 ÷ 4 = 75 %.
Computed on 30/4: t6's window (31/3 to 30/4) has not passed: Gent 1 ÷ 2, Flanders 2 ÷ 3.
"""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

import rapportage.indicatoren.continuiteit  # noqa: F401  (registers the indicator)
from aanbod.models import Aanbod, Rapportagecategorie
from deelname.models import Bron, Inschrijving, Inschrijvingsstap, Status, Stopreden
from rapportage.indicatoren.basis import REGISTER, Periode
from tests.factories import GedetineerdeFactory
from trajecten.models import HdvPlan, Onthaal, Verblijf

pytestmark = pytest.mark.django_db

D = datetime.date
MAART = Periode("maand", D(2026, 3, 1))
BRUSSEL = zoneinfo.ZoneInfo("Europe/Brussels")


@pytest.fixture
def berekend_op(monkeypatch):
    def zetten(dag):
        moment = datetime.datetime(dag.year, dag.month, dag.day, 12, tzinfo=BRUSSEL)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return zetten


@pytest.fixture
def aanbod(caw):
    return Aanbod.objects.create(
        titel_nl="Trajectbegeleiding",
        beschrijving_nl="Begeleiding",
        levensdomein="welzijn",
        organisatie=caw,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.get(code="caw-trajectbegeleiding"),
    )


def _overgeplaatst(van, naar, op):
    persoon = GedetineerdeFactory(huidige_gevangenis=naar, verblijf=False)
    Verblijf.objects.create(
        gedetineerde=persoon,
        gevangenis=van,
        van=D(2025, 12, 1),
        tot=op,
        eindreden=Verblijf.Eindreden.OVERPLAATSING,
    )
    nieuw = Verblijf.objects.create(gedetineerde=persoon, gevangenis=naar, van=op)
    return persoon, nieuw


def _inschrijving(persoon, gevangenis, aanbod, aangevraagd, *stappen):
    """``stappen``: (status, date) after the request; the last one is the status."""
    laatste = stappen[-1][0] if stappen else Status.AANGEVRAAGD
    inschrijving = Inschrijving.objects.create(
        gedetineerde=persoon,
        gevangenis=gevangenis,
        aanbod=aanbod,
        bron=Bron.EIGEN_AANVRAAG,
        status=laatste,
        stopreden=Stopreden.objects.get(code="overplaatsing")
        if laatste == Status.STOPGEZET
        else None,
        aangevraagd_op=datetime.datetime(
            aangevraagd.year, aangevraagd.month, aangevraagd.day, 10, tzinfo=BRUSSEL
        ),
    )
    vorige = ""
    for status, datum in [(Status.AANGEVRAAGD, aangevraagd), *stappen]:
        Inschrijvingsstap.objects.create(
            inschrijving=inschrijving, van_status=vorige, naar_status=status, datum=datum
        )
        vorige = status
    return inschrijving


def _plan(persoon, caw, sinds):
    plan = HdvPlan.objects.create(
        gedetineerde=persoon, organisatie=caw, volgende_herziening=D(2026, 9, 1)
    )
    HdvPlan.objects.filter(pk=plan.pk).update(
        aangemaakt=datetime.datetime(sinds.year, sinds.month, sinds.day, 9, tzinfo=BRUSSEL)
    )


def _onthaal(persoon, verblijf, datum, charlie, caw, overgeslagen=False):
    Onthaal.objects.create(
        gedetineerde=persoon,
        verblijf=verblijf,
        status=Onthaal.Status.OVERGESLAGEN if overgeslagen else Onthaal.Status.AFGEROND,
        reden_overslaan=Onthaal.Reden.ANDERE_GEVANGENIS if overgeslagen else "",
        datum=datum,
        door=charlie,
        organisatie=caw,
    )


@pytest.fixture
def feiten(antwerpen, gent, caw, charlie, aanbod):
    t1, nieuw = _overgeplaatst(antwerpen, gent, D(2026, 3, 1))
    _inschrijving(
        t1,
        antwerpen,
        aanbod,
        D(2026, 1, 10),
        (Status.INGESCHREVEN, D(2026, 1, 10)),
        (Status.STOPGEZET, D(2026, 3, 1)),
    )
    _onthaal(t1, nieuw, D(2026, 3, 31), charlie, caw)

    t2, nieuw = _overgeplaatst(antwerpen, gent, D(2026, 3, 10))
    _plan(t2, caw, D(2026, 2, 1))
    _onthaal(t2, nieuw, D(2026, 3, 11), charlie, caw, overgeslagen=True)
    _inschrijving(t2, gent, aanbod, D(2026, 4, 11))

    t3, nieuw = _overgeplaatst(antwerpen, gent, D(2026, 3, 12))
    _onthaal(t3, nieuw, D(2026, 3, 13), charlie, caw)

    t4, _ = _overgeplaatst(antwerpen, gent, D(2026, 3, 15))
    _inschrijving(
        t4,
        antwerpen,
        aanbod,
        D(2026, 1, 10),
        (Status.INGESCHREVEN, D(2026, 1, 10)),
        (Status.AFGEROND, D(2026, 3, 1)),
    )

    t5, _ = _overgeplaatst(gent, antwerpen, D(2026, 3, 20))
    _inschrijving(
        t5,
        gent,
        aanbod,
        D(2026, 2, 1),
        (Status.WACHTLIJST, D(2026, 2, 1)),
        (Status.STOPGEZET, D(2026, 3, 20)),
    )
    _inschrijving(t5, antwerpen, aanbod, D(2026, 3, 25))

    t6, _ = _overgeplaatst(antwerpen, gent, D(2026, 3, 31))
    _plan(t6, caw, D(2026, 1, 1))
    _inschrijving(t6, gent, aanbod, D(2026, 4, 2))

    t7, _ = _overgeplaatst(antwerpen, gent, D(2026, 2, 28))
    _plan(t7, caw, D(2026, 1, 1))


def _waarde(gevangenis, periode=MAART):
    cellen = REGISTER["continuiteit_overplaatsing"].bereken(periode, gevangenis)
    assert [c.uitsplitsing for c in cellen] == [""]
    return (cellen[0].teller, cellen[0].noemer, cellen[0].waarde)


def test_transfers_count_for_the_receiving_prison(feiten, antwerpen, gent, berekend_op):
    berekend_op(D(2026, 5, 1))

    assert _waarde(gent) == (2, 3, 66.7)
    assert _waarde(antwerpen) == (1, 1, 100.0)


def test_flanders_counts_each_transfer_once(feiten, berekend_op):
    berekend_op(D(2026, 5, 1))

    assert _waarde(None) == (3, 4, 75.0)


def test_a_transfer_is_left_out_until_its_30_days_have_passed(feiten, gent, berekend_op):
    berekend_op(D(2026, 4, 30))

    assert _waarde(gent) == (1, 2, 50.0)
    assert _waarde(None) == (2, 3, 66.7)


def test_an_empty_period_has_no_figure(feiten, gent, berekend_op):
    berekend_op(D(2026, 5, 1))

    assert _waarde(gent, Periode("maand", D(2026, 1, 1))) == (0, 0, None)


def test_all_prisons_at_once_give_each_prisons_figures(feiten, antwerpen, gent, berekend_op):
    berekend_op(D(2026, 5, 1))
    indicator = REGISTER["continuiteit_overplaatsing"]

    # Asked for Antwerpen only: Gent's transfers stay out.
    assert indicator.bereken_alle(MAART, [antwerpen.pk], False) == {
        antwerpen.pk: indicator.bereken(MAART, antwerpen)
    }
    assert indicator.bereken_alle(MAART, [antwerpen.pk, gent.pk], True) == {
        antwerpen.pk: indicator.bereken(MAART, antwerpen),
        gent.pk: indicator.bereken(MAART, gent),
        None: indicator.bereken(MAART, None),
    }
