"""Attendance rate and cancelled sessions, on hand-built sessions in March 2026.

Antwerpen, NT2 (CVO, onderwijs, cvo-ligo-opleiding), sessions and who was expected:
  s1 2/3   expected p1, p2, p4 (p3 placed only on 5/3)   present p1 (p2 excused: ill;
           p4 has no row in the register: counts as not present)           1 of 3
  s2 5/3   expected p1, p2, p3 (p4 stopped 3/3; the row that still says p4 was there does
           not count)                                     p1 late, p3 present   2 of 3
  s3 9/3   cancelled (staking): not held
  s4 12/3  not cancelled, nothing registered: not known to be held, left out
  s6 31/3  (last day) expected p1, p2, p3 (p3 stopped that day: still expected)
                                                          p1, p2 present   2 of 3
Antwerpen, Voetbal (SPORT, sport, sport): t1 2/3 expected q1, q2: q1 present, q2 absent
  (niet opgehaald: acceptable, still counted)                              1 of 2
Gent: g1 2/3, r1 present                                                   1 of 1

March, Antwerpen: (1 + 2 + 2 + 1) ÷ (3 + 3 + 3 + 2) = 6 ÷ 11 = 54.5 %
  onderwijs / CVO-ANT / cvo-ligo-opleiding 5 ÷ 9 = 55.6 %; sport / SPORT / sport 1 ÷ 2 = 50 %
March, Flanders: 7 ÷ 12 = 58.3 %. Day 2/3, Antwerpen: (1 + 1) ÷ (3 + 2) = 40 %.

Cancelled in March: Antwerpen s3 (staking, 9/3) and t2 (personeelstekort, 1/3: first day);
Gent g2 (staking, 9/3). t3 (staking, 1/4) is April's.
"""

import datetime

import pytest
from django.utils import timezone

import rapportage.indicatoren.aanwezigheid  # noqa: F401  (registers the indicators)
from aanbod.models import Aanbod, Activiteit, Annuleringsreden, Lokaal, Rapportagecategorie, Sessie
from deelname.models import (
    Aanwezigheid,
    Afwezigheidsreden,
    Bron,
    Inschrijving,
    Inschrijvingsstap,
    Status,
    Stopreden,
    Verontschuldiging,
)
from rapportage.indicatoren.basis import REGISTER, Periode
from tests.factories import GedetineerdeFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db

D = datetime.date
MAART = Periode("maand", D(2026, 3, 1))
A = Aanwezigheid.Status


def _activiteit(gevangenis, titel, organisatie, domein, categorie):
    aanbod = Aanbod.objects.create(
        titel_nl=titel,
        beschrijving_nl=titel,
        levensdomein=domein,
        organisatie=organisatie,
        vorm=Aanbod.Vorm.GROEP,
        rapportagecategorie=Rapportagecategorie.objects.get(code=categorie),
    )
    lokaal = Lokaal.objects.create(
        gevangenis=gevangenis, naam=f"Lokaal {titel}", soort="polyvalent", capaciteit=20
    )
    return Activiteit.objects.create(
        aanbod=aanbod,
        gevangenis=gevangenis,
        startdatum=D(2026, 1, 1),
        einddatum=D(2026, 6, 30),
        lokaal=lokaal,
        capaciteit=10,
    )


def _sessie(activiteit, datum, geannuleerd=""):
    return Sessie.objects.create(
        activiteit=activiteit,
        datum=datum,
        begintijd=datetime.time(9),
        eindtijd=datetime.time(11),
        lokaal=activiteit.lokaal,
        annuleringsreden=Annuleringsreden.objects.get(code=geannuleerd) if geannuleerd else None,
        geannuleerd_op=timezone.now() if geannuleerd else None,
    )


def _geplaatst(activiteit, sinds, gestopt=None):
    inschrijving = Inschrijving.objects.create(
        gedetineerde=GedetineerdeFactory(huidige_gevangenis=activiteit.gevangenis),
        gevangenis=activiteit.gevangenis,
        aanbod=activiteit.aanbod,
        activiteit=activiteit,
        bron=Bron.EIGEN_AANVRAAG,
        status=Status.STOPGEZET if gestopt else Status.ACTIEF,
        stopreden=Stopreden.objects.get(code="eigen-keuze") if gestopt else None,
        aangevraagd_op=timezone.now(),
    )
    stappen = [("", Status.AANGEVRAAGD, sinds), (Status.AANGEVRAAGD, Status.INGESCHREVEN, sinds)]
    if gestopt:
        stappen.append((Status.INGESCHREVEN, Status.STOPGEZET, gestopt))
    for van, naar, datum in stappen:
        Inschrijvingsstap.objects.create(
            inschrijving=inschrijving, van_status=van, naar_status=naar, datum=datum
        )
    return inschrijving


def _register(sessie, *rijen):
    for inschrijving, status, *reden in rijen:
        Aanwezigheid.objects.create(
            sessie=sessie,
            inschrijving=inschrijving,
            status=status,
            reden=Afwezigheidsreden.objects.get(code=reden[0]) if reden else None,
        )


@pytest.fixture
def feiten(antwerpen, gent):
    cvo = OrganisatieFactory(naam="CVO Antwerpen", afkorting="CVO-ANT", sector="onderwijs")
    sportdienst = OrganisatieFactory(naam="Sportdienst", afkorting="SPORT", sector="sport")
    nt2 = _activiteit(antwerpen, "NT2", cvo, "onderwijs", "cvo-ligo-opleiding")
    voetbal = _activiteit(antwerpen, "Voetbal", sportdienst, "sport", "sport")
    gent_nt2 = _activiteit(gent, "NT2 Gent", cvo, "onderwijs", "cvo-ligo-opleiding")

    p1 = _geplaatst(nt2, D(2026, 2, 1))
    p2 = _geplaatst(nt2, D(2026, 2, 1))
    p3 = _geplaatst(nt2, D(2026, 3, 5), gestopt=D(2026, 3, 31))
    p4 = _geplaatst(nt2, D(2026, 2, 1), gestopt=D(2026, 3, 3))
    ziek = Afwezigheidsreden.objects.get(code="ziek")
    Verontschuldiging.objects.create(
        inschrijving=p2, van=D(2026, 3, 2), tot=D(2026, 3, 2), reden=ziek
    )
    _register(_sessie(nt2, D(2026, 3, 2)), (p1, A.AANWEZIG), (p2, A.AFWEZIG, "ziek"))
    _register(
        _sessie(nt2, D(2026, 3, 5)),
        (p1, A.TE_LAAT),
        (p2, A.AFWEZIG, "weigering"),
        (p3, A.AANWEZIG),
        (p4, A.AANWEZIG),
    )
    _sessie(nt2, D(2026, 3, 9), geannuleerd="staking")
    _sessie(nt2, D(2026, 3, 12))
    _register(_sessie(nt2, D(2026, 2, 28)), (p1, A.AANWEZIG))
    _register(
        _sessie(nt2, D(2026, 3, 31)), (p1, A.AANWEZIG), (p2, A.AANWEZIG), (p3, A.AFWEZIG, "andere")
    )

    q1 = _geplaatst(voetbal, D(2026, 2, 1))
    q2 = _geplaatst(voetbal, D(2026, 2, 1))
    _register(_sessie(voetbal, D(2026, 3, 2)), (q1, A.AANWEZIG), (q2, A.AFWEZIG, "niet-opgehaald"))
    _sessie(voetbal, D(2026, 3, 1), geannuleerd="personeelstekort-bewaking")
    _sessie(voetbal, D(2026, 4, 1), geannuleerd="staking")

    r1 = _geplaatst(gent_nt2, D(2026, 2, 1))
    _register(_sessie(gent_nt2, D(2026, 3, 2)), (r1, A.AANWEZIG))
    _sessie(gent_nt2, D(2026, 3, 9), geannuleerd="staking")


def _waarden(code, periode, gevangenis):
    return {
        (c.uitsplitsing, c.sleutel): (c.teller, c.noemer, c.waarde)
        for c in REGISTER[code].bereken(periode, gevangenis)
    }


def test_attendance_rate_of_a_month_with_its_breakdowns(feiten, antwerpen):
    assert _waarden("aanwezigheidsgraad", MAART, antwerpen) == {
        ("", ""): (6, 11, 54.5),
        ("domein", "onderwijs"): (5, 9, 55.6),
        ("domein", "sport"): (1, 2, 50.0),
        ("aanbieder", "CVO-ANT"): (5, 9, 55.6),
        ("aanbieder", "SPORT"): (1, 2, 50.0),
        ("categorie", "cvo-ligo-opleiding"): (5, 9, 55.6),
        ("categorie", "sport"): (1, 2, 50.0),
    }


def test_flanders_adds_the_prisons_sessions(feiten):
    assert _waarden("aanwezigheidsgraad", MAART, None)[("", "")] == (7, 12, 58.3)


@pytest.mark.parametrize(
    ("dag", "verwacht"),
    [
        (D(2026, 3, 2), (2, 5, 40.0)),  # an excused absence still counts as absent
        (D(2026, 3, 31), (2, 3, 66.7)),  # last day; stopped that day: still expected
        (D(2026, 3, 9), (0, 0, None)),  # only a cancelled session
        (D(2026, 3, 12), (0, 0, None)),  # a session nobody registered
    ],
)
def test_day_figures(feiten, antwerpen, dag, verwacht):
    assert "dag" in REGISTER["aanwezigheidsgraad"].periodesoorten

    assert _waarden("aanwezigheidsgraad", Periode("dag", dag), antwerpen)[("", "")] == verwacht


def test_an_empty_period_has_no_attendance_figure(feiten, antwerpen):
    assert _waarden("aanwezigheidsgraad", Periode("maand", D(2026, 1, 1)), antwerpen) == {
        ("", ""): (0, 0, None)
    }


def test_cancelled_sessions_by_reason(feiten, antwerpen):
    assert _waarden("sessies_geannuleerd", MAART, antwerpen) == {
        ("", ""): (2, None, 2.0),
        ("reden", "personeelstekort-bewaking"): (1, None, 1.0),
        ("reden", "staking"): (1, None, 1.0),
    }
    assert _waarden("sessies_geannuleerd", MAART, None) == {
        ("", ""): (3, None, 3.0),
        ("reden", "personeelstekort-bewaking"): (1, None, 1.0),
        ("reden", "staking"): (2, None, 2.0),
    }
    labels = {c.sleutel: c.label for c in REGISTER["sessies_geannuleerd"].bereken(MAART, None)}
    assert labels["staking"] == "Staking"


def test_cancelled_sessions_of_a_day_and_of_an_empty_period(feiten, antwerpen):
    assert _waarden("sessies_geannuleerd", Periode("dag", D(2026, 3, 1)), antwerpen) == {
        ("", ""): (1, None, 1.0),
        ("reden", "personeelstekort-bewaking"): (1, None, 1.0),
    }
    # Nothing cancelled is a real zero, not "no data".
    assert _waarden("sessies_geannuleerd", Periode("maand", D(2026, 1, 1)), antwerpen) == {
        ("", ""): (0, None, 0.0)
    }


def test_it_counts_in_a_fixed_number_of_queries(feiten, antwerpen, django_assert_num_queries):
    # The total (2: expected, present) and 2 per breakdown: no query per session or person.
    with django_assert_num_queries(8):
        REGISTER["aanwezigheidsgraad"].bereken(MAART, antwerpen)


@pytest.mark.parametrize("code", ["aanwezigheidsgraad", "sessies_geannuleerd"])
def test_all_prisons_at_once_give_each_prisons_figures(feiten, antwerpen, gent, code):
    indicator = REGISTER[code]

    alle = indicator.bereken_alle(MAART, [antwerpen.pk, gent.pk], True)

    assert alle == {
        antwerpen.pk: indicator.bereken(MAART, antwerpen),
        gent.pk: indicator.bereken(MAART, gent),
        None: indicator.bereken(MAART, None),
    }


def test_in_the_running_month_a_session_cancelled_ahead_counts_on_its_day(
    feiten, antwerpen, monkeypatch
):
    # Computed on 5/3: t2 (1/3) was cancelled; s3 (9/3) is cancelled but its day is to come.
    moment = datetime.datetime(2026, 3, 5, 12, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)

    assert _waarden("sessies_geannuleerd", MAART, antwerpen)[("", "")] == (1, None, 1.0)
