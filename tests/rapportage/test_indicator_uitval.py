"""uitval: enrolments stopped early ÷ enrolments ended, worked out by hand on March 2025.

| enrolment | where, what | history | counts? | stopped? |
| --- | --- | --- | --- | --- |
| u1 | A course (CVO) | placed 1/2, completed 31/3 (last day) | yes | no |
| u2 | A course | placed 1/2, stopped 1/3 (first day), own choice | yes | yes |
| u3 | A trajectory (CAW, individual) | placed 1/1, stopped 15/3 by the worker, regime conflict | yes | yes |
| u4 | A trajectory | placed 1/1, stopped 20/3 by the system (transfer) | no: not dropout | |
| u5 | A course | waiting 1/3, stopped 10/3 | no: never had a place | |
| u6 | A course | placed 1/1, completed 28/2 | no: February | |
| u7 | A trajectory | placed 1/1, completed 1/4 | no: April | |
| u8 | G course | placed 1/1, stopped 10/3, health | yes | yes |
| u9 | A course | placed 1/1, still active | no: not ended | |

A: 2 (u2, u3) of 3 → 66.7 %. G: 1 of 1. Flanders: 3 of 4 → 75.0 %.
"""

import pytest

from aanbod.models import Aanbod
from rapportage.indicatoren import REGISTER
from rapportage.indicatoren.basis import Periode
from tests.rapportage import feiten
from tests.rapportage.feiten import D

MAART = Periode("maand", D(2025, 3, 1))


def _cellen(cellen):
    return {(c.uitsplitsing, c.sleutel): (c.teller, c.noemer, c.waarde) for c in cellen}


@pytest.fixture
def maart(antwerpen, gent):
    cvo = feiten.organisatie("CVO")
    caw = feiten.organisatie("CAW")
    cursus = feiten.aanbod(cvo)
    traject = feiten.aanbod(caw, categorie="caw-trajectbegeleiding", vorm=Aanbod.Vorm.INDIVIDUEEL)
    gent_cursus = feiten.aanbod(cvo)

    def inschrijving(gevangenis, aanbod, *stappen, **kwargs):
        persoon = feiten.gedetineerde(gevangenis, D(2024, 12, 1))
        feiten.inschrijving(
            persoon, gevangenis, aanbod, [("aangevraagd", D(2024, 12, 20)), *stappen], **kwargs
        )

    stop = {"stopreden": "eigen-keuze", "gestopt_door": "deelnemer"}
    inschrijving(
        antwerpen,
        cursus,
        ("ingeschreven", D(2025, 2, 1)),
        ("actief", D(2025, 2, 5)),
        ("afgerond", D(2025, 3, 31)),
    )
    inschrijving(
        antwerpen,
        cursus,
        ("ingeschreven", D(2025, 2, 1)),
        ("actief", D(2025, 2, 5)),
        ("stopgezet", D(2025, 3, 1)),
        **stop,
    )
    inschrijving(
        antwerpen,
        traject,
        ("ingeschreven", D(2025, 1, 1)),
        ("stopgezet", D(2025, 3, 15)),
        stopreden="regimeconflict",
        gestopt_door="begeleider",
    )
    inschrijving(
        antwerpen,
        traject,
        ("ingeschreven", D(2025, 1, 1)),
        ("stopgezet", D(2025, 3, 20)),
        stopreden="overplaatsing",
        gestopt_door="systeem",
    )
    inschrijving(
        antwerpen, cursus, ("wachtlijst", D(2025, 3, 1)), ("stopgezet", D(2025, 3, 10)), **stop
    )
    inschrijving(antwerpen, cursus, ("ingeschreven", D(2025, 1, 1)), ("afgerond", D(2025, 2, 28)))
    inschrijving(antwerpen, traject, ("ingeschreven", D(2025, 1, 1)), ("afgerond", D(2025, 4, 1)))
    inschrijving(
        gent,
        gent_cursus,
        ("ingeschreven", D(2025, 1, 1)),
        ("stopgezet", D(2025, 3, 10)),
        stopreden="gezondheid",
        gestopt_door="deelnemer",
    )
    inschrijving(antwerpen, cursus, ("ingeschreven", D(2025, 1, 1)), ("actief", D(2025, 1, 8)))


def test_it_counts_stops_over_ended_enrolments(maart, antwerpen, gent):
    uitval = REGISTER["uitval"]

    assert _cellen(uitval.bereken(MAART, antwerpen))["", ""] == (2, 3, 66.7)
    assert _cellen(uitval.bereken(MAART, gent))["", ""] == (1, 1, 100.0)
    assert _cellen(uitval.bereken(MAART, None))["", ""] == (3, 4, 75.0)


def test_per_reason_domain_and_provider(maart, antwerpen):
    a = _cellen(REGISTER["uitval"].bereken(MAART, antwerpen))

    # Per reason: over all ended enrolments (3), so the reasons add up to the total.
    assert a["reden", "eigen-keuze"] == (1, 3, 33.3)
    assert a["reden", "regimeconflict"] == (1, 3, 33.3)
    assert ("reden", "overplaatsing") not in a
    # Per domain and provider: within that domain or provider.
    assert a["domein", "onderwijs"] == (1, 2, 50.0)
    assert a["domein", "welzijn"] == (1, 1, 100.0)
    assert a["aanbieder", "CVO"] == (1, 2, 50.0)
    assert a["aanbieder", "CAW"] == (1, 1, 100.0)


def test_the_batch_gives_the_same_cells(maart, antwerpen, gent):
    uitval = REGISTER["uitval"]

    alle = uitval.bereken_alle(MAART, [antwerpen.pk, gent.pk], True)

    assert alle[antwerpen.pk] == uitval.bereken(MAART, antwerpen)
    assert alle[gent.pk] == uitval.bereken(MAART, gent)
    assert alle[None] == uitval.bereken(MAART, None)


def test_an_empty_period_has_no_value(maart, antwerpen):
    assert _cellen(REGISTER["uitval"].bereken(Periode("maand", D(2025, 1, 1)), antwerpen)) == {
        ("", ""): (0, 0, None)
    }


def test_the_description_says_individual_trajectories_are_in_it():
    assert "individuele trajecten" in str(REGISTER["uitval"].beschrijving)
