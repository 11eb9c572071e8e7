"""Exam participation and pass rate, on hand-built enrolments in March 2026.

Antwerpen, completed in March in offers with an exam (the denominator of examendeelname):
  1. NT2 (CVO, onderwijs), completed 1/3 (first day), sat it, passed
  2. NT2, completed 31/3 (last day), sat it, failed
  5. Lassen (VDAB, werk), completed 15/3, did not sit it
  6. Lassen, completed 16/3, exam left blank: counts as not sat
Not counted: NT2 completed 28/2 and 1/4 (other months), Lassen stopped 10/3 (a stop has no
exam result), Sport (no exam) completed 10/3 with an exam ticked anyway.
Gent: 9. NT2 completed 20/3, sat it, passed.

examendeelname Antwerpen = 2 sat ÷ 4 completed = 50.0 %; slaagpercentage = 1 ÷ 2 = 50.0 %.
Flanders: 3 ÷ 5 = 60.0 % and 2 ÷ 3 = 66.7 %.
"""

import datetime

import pytest

import rapportage.indicatoren.examens  # noqa: F401  (registers the indicators)
from aanbod.models import Aanbod, Rapportagecategorie
from deelname.models import Bron, Inschrijving, Inschrijvingsstap, Status, Stopreden
from rapportage.indicatoren.basis import REGISTER, Cel, Periode
from tests.factories import GedetineerdeFactory, GevangenisFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db

MAART = Periode("maand", datetime.date(2026, 3, 1))
D = datetime.date


def _aanbod(titel, organisatie, domein, categorie, met_examen):
    return Aanbod.objects.create(
        titel_nl=titel,
        beschrijving_nl=titel,
        levensdomein=domein,
        organisatie=organisatie,
        vorm=Aanbod.Vorm.GROEP,
        rapportagecategorie=Rapportagecategorie.objects.get(code=categorie),
        met_examen=met_examen,
    )


def _beeindigd(gevangenis, aanbod, datum, status=Status.AFGEROND, afgelegd=None, geslaagd=None):
    """An enrolment placed in January and ended on ``datum``, with its steps."""
    inschrijving = Inschrijving.objects.create(
        gedetineerde=GedetineerdeFactory(huidige_gevangenis=gevangenis),
        gevangenis=gevangenis,
        aanbod=aanbod,
        bron=Bron.EIGEN_AANVRAAG,
        status=status,
        aangevraagd_op=datetime.datetime(2026, 1, 5, 10, tzinfo=datetime.UTC),
        stopreden=Stopreden.objects.get(code="eigen-keuze") if status == Status.STOPGEZET else None,
        examen_afgelegd=afgelegd,
        examen_geslaagd=geslaagd,
    )
    for van, naar, wanneer in [
        ("", Status.AANGEVRAAGD, D(2026, 1, 5)),
        (Status.AANGEVRAAGD, Status.INGESCHREVEN, D(2026, 1, 5)),
        (Status.INGESCHREVEN, status, datum),
    ]:
        Inschrijvingsstap.objects.create(
            inschrijving=inschrijving, van_status=van, naar_status=naar, datum=wanneer
        )
    return inschrijving


@pytest.fixture
def feiten(antwerpen, gent):
    cvo = OrganisatieFactory(naam="CVO Antwerpen", afkorting="CVO-ANT", sector="onderwijs")
    vdab = OrganisatieFactory(naam="VDAB", afkorting="VDAB", sector="werk")
    nt2 = _aanbod("NT2", cvo, "onderwijs", "cvo-ligo-opleiding", True)
    lassen = _aanbod("Lassen", vdab, "werk", "vdab-beroepsopleiding", True)
    sport = _aanbod("Sport", vdab, "sport", "sport", False)
    _beeindigd(antwerpen, nt2, D(2026, 3, 1), afgelegd=True, geslaagd=True)
    _beeindigd(antwerpen, nt2, D(2026, 3, 31), afgelegd=True, geslaagd=False)
    _beeindigd(antwerpen, nt2, D(2026, 2, 28), afgelegd=True, geslaagd=True)
    _beeindigd(antwerpen, nt2, D(2026, 4, 1), afgelegd=True, geslaagd=True)
    _beeindigd(antwerpen, lassen, D(2026, 3, 15), afgelegd=False)
    _beeindigd(antwerpen, lassen, D(2026, 3, 16))
    _beeindigd(antwerpen, lassen, D(2026, 3, 10), status=Status.STOPGEZET)
    _beeindigd(antwerpen, sport, D(2026, 3, 10), afgelegd=True, geslaagd=True)
    _beeindigd(gent, nt2, D(2026, 3, 20), afgelegd=True, geslaagd=True)
    return {"nt2": nt2, "lassen": lassen}


def _cellen(code, gevangenis, periode=MAART):
    return {(c.uitsplitsing, c.sleutel): c for c in REGISTER[code].bereken(periode, gevangenis)}


def _waarden(cellen):
    return {k: (c.teller, c.noemer, c.waarde) for k, c in cellen.items()}


def test_exam_participation_counts_completions_on_the_first_and_last_day(feiten, antwerpen):
    cellen = _cellen("examendeelname", antwerpen)

    nt2, lassen = str(feiten["nt2"].pk), str(feiten["lassen"].pk)
    assert _waarden(cellen) == {
        ("", ""): (2, 4, 50.0),
        ("aanbod", nt2): (2, 2, 100.0),
        ("aanbod", lassen): (0, 2, 0.0),
        ("aanbieder", "CVO-ANT"): (2, 2, 100.0),
        ("aanbieder", "VDAB"): (0, 2, 0.0),
        ("domein", "onderwijs"): (2, 2, 100.0),
        ("domein", "werk"): (0, 2, 0.0),
    }
    assert cellen[("aanbieder", "CVO-ANT")].label == "CVO Antwerpen"
    assert cellen[("domein", "werk")].label == "werk"
    assert cellen[("aanbod", nt2)].label == "NT2"


def test_pass_rate_is_over_those_who_sat_the_exam(feiten, antwerpen):
    cellen = _cellen("slaagpercentage", antwerpen)

    # Lassen: nobody sat the exam, so it has no cell (nothing below the line).
    assert _waarden(cellen) == {
        ("", ""): (1, 2, 50.0),
        ("aanbod", str(feiten["nt2"].pk)): (1, 2, 50.0),
        ("aanbieder", "CVO-ANT"): (1, 2, 50.0),
        ("domein", "onderwijs"): (1, 2, 50.0),
    }


def test_flanders_counts_every_prison(feiten):
    deelname = _cellen("examendeelname", None)[("", "")]
    slagen = _cellen("slaagpercentage", None)[("", "")]

    assert (deelname.teller, deelname.noemer, deelname.waarde) == (3, 5, 60.0)
    assert (slagen.teller, slagen.noemer, slagen.waarde) == (2, 3, 66.7)


def test_a_quarter_holds_its_months(feiten, antwerpen):
    # Q1: the four of March and the one of 28/2 (sat, passed): 3 ÷ 5, 2 ÷ 3.
    kwartaal = Periode("kwartaal", D(2026, 1, 1))

    assert _cellen("examendeelname", antwerpen, kwartaal)[("", "")].waarde == 60.0
    assert _cellen("slaagpercentage", antwerpen, kwartaal)[("", "")].waarde == 66.7


@pytest.mark.parametrize("code", ["examendeelname", "slaagpercentage"])
def test_an_empty_period_has_no_figure_not_zero(feiten, antwerpen, code):
    cellen = REGISTER[code].bereken(Periode("maand", D(2026, 1, 1)), antwerpen)

    assert [(c.uitsplitsing, c.teller, c.noemer, c.waarde) for c in cellen] == [("", 0, 0, None)]


def test_the_definitions_are_in_plain_dutch():
    for code in ("examendeelname", "slaagpercentage"):
        indicator = REGISTER[code]
        assert indicator.is_percentage
        assert indicator.uitsplitsingen == ("aanbod", "aanbieder", "domein")
        assert "afgerond" in str(indicator.periode_regel)


@pytest.mark.parametrize("code", ["examendeelname", "slaagpercentage"])
def test_all_prisons_at_once_give_each_prisons_figures(feiten, antwerpen, gent, code):
    indicator = REGISTER[code]
    leeg = GevangenisFactory()

    alle = indicator.bereken_alle(MAART, [antwerpen.pk, gent.pk, leeg.pk], True)

    assert alle == {
        antwerpen.pk: indicator.bereken(MAART, antwerpen),
        gent.pk: indicator.bereken(MAART, gent),
        leeg.pk: [Cel.ratio(0, 0)],
        None: indicator.bereken(MAART, None),
    }
