"""The waiting-list figures, worked out by hand on March 2025.

Offers: a course in Antwerpen (A, CVO, onderwijs), an individual CAW trajectory in A
(welzijn), a course in Gent (G).

| enrolment | who | on the list | left it |
| --- | --- | --- | --- |
| w1 | P1, A course | 1/2 | placed 11/3: waited 38 days |
| w2 | P2, A course | 15/3 | still waiting |
| w3 | P2, A trajectory | 20/3 | still waiting |
| w4 | P3, A trajectory | 1/3 | placed 31/3 (last day): 30 days |
| w5 | P4, A course | 10/3 | stopped by the system 25/3: transferred to G |
| w6 | P5, A trajectory | 1/1 | stopped by P5 on 5/3 (own choice) |
| w7 | P6, G course | 1/2 | placed 1/4, after the period |
| w8 | P7, A course | never: a request not yet answered | |
| w9 | P4, G course | 26/3 | still waiting |
| w10 | P8, A trajectory | never: placed at once on 5/3 | |
| w11 | P9, G course | 1/1 | placed 1/3 (first day): 59 days |

Waiting at the end of 31/3: A {P2} = 1 (two lists, one person); G {P6, P4} = 2;
Flanders {P2, P6, P4} = 3.
Median wait of the March placements: A [38, 30] → 34; G [59]; Flanders [30, 38, 59] → 38.
Left while waiting in March: A {P4}; G none; Flanders 1.
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
def offers(antwerpen, gent):
    cvo = feiten.organisatie("CVO", "CVO Antwerpen")
    caw = feiten.organisatie("CAW", "CAW Antwerpen")
    return {
        "cursus": feiten.activiteit(feiten.aanbod(cvo, titel="Nederlands"), antwerpen),
        "traject": feiten.aanbod(
            caw, categorie="caw-trajectbegeleiding", vorm=Aanbod.Vorm.INDIVIDUEEL, titel="Traject"
        ),
        "gent": feiten.activiteit(feiten.aanbod(cvo, titel="Rekenen"), gent),
    }


def _wachten(persoon, gevangenis, aanbod_of_activiteit, op, *verder, **kwargs):
    if isinstance(aanbod_of_activiteit, Aanbod):
        aanbod, activiteit = aanbod_of_activiteit, None
    else:
        aanbod, activiteit = aanbod_of_activiteit.aanbod, aanbod_of_activiteit
    stappen = [("aangevraagd", op), ("wachtlijst", op), *verder]
    return feiten.inschrijving(
        persoon, gevangenis, aanbod, stappen, activiteit=activiteit, **kwargs
    )


@pytest.fixture
def maart(antwerpen, gent, offers):
    cursus, traject, gent_cursus = offers["cursus"], offers["traject"], offers["gent"]
    p = {
        n: feiten.gedetineerde(gent if n in (6, 9) else antwerpen, D(2024, 12, 1))
        for n in range(1, 10)
    }
    _wachten(p[1], antwerpen, cursus, D(2025, 2, 1), ("ingeschreven", D(2025, 3, 11)))
    _wachten(p[2], antwerpen, cursus, D(2025, 3, 15))
    _wachten(p[2], antwerpen, traject, D(2025, 3, 20))
    _wachten(p[3], antwerpen, traject, D(2025, 3, 1), ("ingeschreven", D(2025, 3, 31)))
    _wachten(
        p[4],
        antwerpen,
        cursus,
        D(2025, 3, 10),
        ("stopgezet", D(2025, 3, 25)),
        stopreden="overplaatsing",
        gestopt_door="systeem",
    )
    feiten.overplaatsen(p[4], gent, D(2025, 3, 25))
    _wachten(
        p[5],
        antwerpen,
        traject,
        D(2025, 1, 1),
        ("stopgezet", D(2025, 3, 5)),
        stopreden="eigen-keuze",
        gestopt_door="deelnemer",
    )
    _wachten(p[6], gent, gent_cursus, D(2025, 2, 1), ("ingeschreven", D(2025, 4, 1)))
    feiten.inschrijving(
        p[7], antwerpen, cursus.aanbod, [("aangevraagd", D(2025, 3, 20))], activiteit=cursus
    )
    _wachten(p[4], gent, gent_cursus, D(2025, 3, 26))
    feiten.inschrijving(
        p[8], antwerpen, traject, [("aangevraagd", D(2025, 3, 5)), ("ingeschreven", D(2025, 3, 5))]
    )
    _wachten(p[9], gent, gent_cursus, D(2025, 1, 1), ("ingeschreven", D(2025, 3, 1)))


def test_waiting_at_the_end_of_the_period_counts_each_person_once(maart, antwerpen, gent, offers):
    wachtend = REGISTER["wachtlijst_wachtend"]

    a = _cellen(wachtend.bereken(MAART, antwerpen))

    assert a["", ""] == (1, None, 1.0)
    assert a["aanbod", str(offers["cursus"].aanbod.pk)] == (1, None, 1.0)
    assert a["aanbod", str(offers["traject"].pk)] == (1, None, 1.0)
    assert a["domein", "welzijn"] == (1, None, 1.0)
    assert a["aanbieder", "CVO"] == (1, None, 1.0)
    assert _cellen(wachtend.bereken(MAART, gent))["", ""] == (2, None, 2.0)
    assert _cellen(wachtend.bereken(MAART, None))["", ""] == (3, None, 3.0)


def test_labels_name_the_provider_and_the_offer(maart, antwerpen, offers):
    cellen = {
        (c.uitsplitsing, c.sleutel): c.label
        for c in REGISTER["wachtlijst_wachtend"].bereken(MAART, antwerpen)
    }

    assert cellen["aanbieder", "CAW"] == "CAW Antwerpen"
    assert cellen["aanbod", str(offers["traject"].pk)] == "Traject"
    assert cellen["domein", "onderwijs"] == "onderwijs"


def test_waiting_on_a_day(maart, antwerpen):
    # 15/3: w2 (on the list that day), w4 (since 1/3) and w5 (10/3 – 25/3) → P2, P3, P4.
    cellen = _cellen(
        REGISTER["wachtlijst_wachtend"].bereken(Periode("dag", D(2025, 3, 15)), antwerpen)
    )

    assert cellen["", ""] == (3, None, 3.0)


def test_the_median_wait_of_those_placed_in_the_period(maart, antwerpen, gent, offers):
    mediaan = REGISTER["wachtlijst_mediaan_dagen"]

    a = _cellen(mediaan.bereken(MAART, antwerpen))

    assert a["", ""] == (None, 2, 34.0)
    assert a["aanbod", str(offers["cursus"].aanbod.pk)] == (None, 1, 38.0)
    assert a["aanbod", str(offers["traject"].pk)] == (None, 1, 30.0)
    assert _cellen(mediaan.bereken(MAART, gent))["", ""] == (None, 1, 59.0)
    assert _cellen(mediaan.bereken(MAART, None))["", ""] == (None, 3, 38.0)


def test_no_placements_is_no_value(maart, antwerpen):
    cellen = REGISTER["wachtlijst_mediaan_dagen"].bereken(
        Periode("maand", D(2025, 1, 1)), antwerpen
    )

    assert _cellen(cellen) == {("", ""): (None, 0, None)}


def test_who_left_the_prison_while_waiting(maart, antwerpen, gent, offers):
    vertrokken = REGISTER["wachtlijst_vertrokken"]

    assert _cellen(vertrokken.bereken(MAART, antwerpen)) == {
        ("", ""): (1, None, 1.0),
        ("aanbod", str(offers["cursus"].aanbod.pk)): (1, None, 1.0),
        ("aanbieder", "CVO"): (1, None, 1.0),
        ("domein", "onderwijs"): (1, None, 1.0),
    }
    # Stopping on one's own (P5) is not leaving: Gent and February have nobody.
    assert _cellen(vertrokken.bereken(MAART, gent)) == {("", ""): (0, None, 0.0)}
    assert _cellen(vertrokken.bereken(Periode("maand", D(2025, 2, 1)), None))["", ""][0] == 0
    assert _cellen(vertrokken.bereken(MAART, None))["", ""] == (1, None, 1.0)


def test_the_batch_gives_the_same_cells(maart, antwerpen, gent):
    for code in ("wachtlijst_wachtend", "wachtlijst_mediaan_dagen", "wachtlijst_vertrokken"):
        indicator = REGISTER[code]

        alle = indicator.bereken_alle(MAART, [antwerpen.pk, gent.pk], True)

        assert alle[antwerpen.pk] == indicator.bereken(MAART, antwerpen), code
        assert alle[gent.pk] == indicator.bereken(MAART, gent), code
        assert alle[None] == indicator.bereken(MAART, None), code
