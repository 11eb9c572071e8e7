"""An incremental run leaves the table exactly as a full recompute would.

Three prisons on hand-built facts: people in each, group sessions with attendance,
waiting lists, a stop, a release, and X, who was transferred from Antwerpen to Gent forty
days ago while placed in a course and waiting in both prisons (counted in both, and once
for Flanders). After a full run, two audited writes that concern Antwerpen and Gent only:
X gets a target-group flag, and Z is transferred from Antwerpen to Gent today (the
transfer stops Z's waiting enrolment). The incremental run recomputes Antwerpen, Gent and
Flanders, not Brugge; a full recompute after it must find nothing to write.
"""

import datetime

import pytest
from django.utils import timezone

from aanbod.models import Annuleringsreden, Doelgroep
from deelname.models import Inschrijving, Status
from rapportage import herberekening
from rapportage.models import Berekening, Indicatorwaarde
from rapportage.rollups import indicatoren_berekenen, laatste_berekening
from tests.factories import GevangenisFactory
from tests.rapportage import feiten
from trajecten.demo.klok import klok
from trajecten.services.personen import doelgroepvlag_zetten, gedetineerde_overplaatsen

VOLLEDIG = Berekening.Aanleiding.VOLLEDIG
NACHTELIJK = Berekening.Aanleiding.NACHTELIJK
S = Status


def _tabel():
    """Every row's content, without pk and time of computation."""
    return sorted(
        Indicatorwaarde.objects.values_list(
            "indicator",
            "gevangenis_id",
            "periodesoort",
            "begin",
            "einde",
            "uitsplitsing",
            "sleutel",
            "label",
            "teller",
            "noemer",
            "waarde",
        ),
        key=repr,
    )


@pytest.fixture
def vandaag():
    return timezone.localdate()


@pytest.fixture
def brugge(db):
    return GevangenisFactory(naam="Brugge", code="BRU")


@pytest.fixture
def drie_gevangenissen(antwerpen, gent, brugge, vandaag):
    """The facts, written two hours ago (before the first run and its look-back)."""

    def dag(n):
        return vandaag - datetime.timedelta(days=n)

    with klok(timezone.now() - datetime.timedelta(hours=2)):
        cvo = feiten.organisatie("CVO", "CVO Antwerpen")
        caw = feiten.organisatie("CAW", "CAW Oost-Vlaanderen")
        nt2 = feiten.aanbod(cvo, titel="NT2")
        begeleiding = feiten.aanbod(caw, categorie="caw-trajectbegeleiding", titel="Begeleiding")
        activiteiten = {g: feiten.activiteit(nt2, g) for g in (antwerpen, gent, brugge)}

        x = feiten.gedetineerde(antwerpen, dag(200))
        feiten.overplaatsen(x, gent, dag(40))
        z = feiten.gedetineerde(antwerpen, dag(150))
        anderen = {
            g: [feiten.gedetineerde(g, dag(120 + i)) for i in range(3)] for g in activiteiten
        }
        feiten.gedetineerde(brugge, dag(130), dag(10))  # released ten days ago

        # X: placed in NT2 in Antwerpen until the transfer (stopped by the system), and
        # placed in Gent after it; on the waiting list for a trajectory in both prisons.
        x_ant = feiten.inschrijving(
            x,
            antwerpen,
            nt2,
            [(S.AANGEVRAAGD, dag(90)), (S.INGESCHREVEN, dag(90)), (S.STOPGEZET, dag(40))],
            activiteit=activiteiten[antwerpen],
            stopreden="overplaatsing",
            gestopt_door=Inschrijving.BeslistDoor.SYSTEEM,
        )
        x_gent = feiten.inschrijving(
            x,
            gent,
            nt2,
            [(S.AANGEVRAAGD, dag(38)), (S.INGESCHREVEN, dag(35))],
            activiteit=activiteiten[gent],
        )
        for gevangenis in (antwerpen, gent):
            feiten.inschrijving(
                x, gevangenis, begeleiding, [(S.AANGEVRAAGD, dag(60)), (S.WACHTLIJST, dag(59))]
            )
        feiten.inschrijving(
            z, antwerpen, begeleiding, [(S.AANGEVRAAGD, dag(30)), (S.WACHTLIJST, dag(29))]
        )

        plaatsen = {
            g: [
                feiten.inschrijving(
                    p,
                    g,
                    nt2,
                    [(S.AANGEVRAAGD, dag(100)), (S.INGESCHREVEN, dag(100))],
                    activiteit=activiteiten[g],
                )
                for p in personen
            ]
            for g, personen in anderen.items()
        }
        # One stop by the participant in Gent (uitval).
        feiten.inschrijving(
            anderen[gent][0],
            gent,
            begeleiding,
            [(S.AANGEVRAAGD, dag(80)), (S.INGESCHREVEN, dag(79)), (S.STOPGEZET, dag(20))],
            stopreden="eigen-keuze",
            gestopt_door=Inschrijving.BeslistDoor.DEELNEMER,
        )

        for n in (60, 45, 30, 12, 3):
            for gevangenis, activiteit in activiteiten.items():
                sessie = feiten.sessie(activiteit, dag(n))
                for i, inschrijving in enumerate(plaatsen[gevangenis]):
                    feiten.aanwezigheid(sessie, inschrijving, "aanwezig" if i else "afwezig")
                if gevangenis == antwerpen and n > 40:
                    feiten.aanwezigheid(sessie, x_ant)
                if gevangenis == gent and n < 35:
                    feiten.aanwezigheid(sessie, x_gent, "te_laat")
        geannuleerd = feiten.sessie(activiteiten[brugge], dag(5))
        geannuleerd.annuleringsreden = Annuleringsreden.objects.get(code="staking")
        geannuleerd.geannuleerd_op = timezone.now()
        geannuleerd.save()
    return {"x": x, "z": z}


def test_an_incremental_run_gives_the_table_of_a_full_recompute(
    drie_gevangenissen, antwerpen, gent, brugge, vandaag
):
    indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)
    voor = _tabel()
    x, z = drie_gevangenissen["x"], drie_gevangenissen["z"]
    doelgroepvlag_zetten(
        gedetineerde=x,
        doelgroep=Doelgroep.objects.order_by("pk").first(),
        bron="test",
        sinds=vandaag - datetime.timedelta(days=50),
        door=None,
    )
    gedetineerde_overplaatsen(gedetineerde=z, naar=gent, datum=vandaag, door=None)
    plan = herberekening.incrementeel_plan(laatste_berekening().gegevens_tot, vandaag)
    assert set().union(*plan.perioden.values()) == {antwerpen.pk, gent.pk}

    incrementeel = indicatoren_berekenen(aanleiding=NACHTELIJK)
    na_incrementeel = _tabel()
    opnieuw = indicatoren_berekenen(aanleiding=NACHTELIJK)
    volledig = indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)

    assert incrementeel.aantal_waarden > 0
    gewijzigd = set(na_incrementeel) ^ set(voor)
    # Antwerpen, Gent and Flanders changed, in person counts (bereik, wachtlijst) too.
    assert {rij[1] for rij in gewijzigd} == {antwerpen.pk, gent.pk, None}
    assert {"bereik", "wachtlijst_wachtend", "wachtlijst_vertrokken"} <= {
        rij[0] for rij in gewijzigd if rij[1] is None
    }
    # Idempotent, and exactly what a full recompute gives.
    assert opnieuw.aantal_waarden == 0
    assert volledig.aantal_waarden == 0
    assert _tabel() == na_incrementeel


def test_flanders_counts_the_transferred_person_once(
    drie_gevangenissen, antwerpen, gent, brugge, vandaag
):
    indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)

    overplaatsing = vandaag - datetime.timedelta(days=40)
    noemers = dict(
        Indicatorwaarde.objects.filter(
            indicator="bereik", periodesoort="maand", begin=overplaatsing.replace(day=1)
        )
        .filter(uitsplitsing="")
        .values_list("gevangenis_id", "noemer")
    )

    # X was in Antwerpen and in Gent that month: in both, and once in Flanders' 12.
    assert noemers == {antwerpen.pk: 5, gent.pk: 4, brugge.pk: 4, None: 12}
