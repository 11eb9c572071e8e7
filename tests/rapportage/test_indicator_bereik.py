"""bereik: people who took part ÷ people present, worked out by hand on March 2025.

Antwerpen (A) and Gent (G); the period is March 2025 (1–31).

| who | stays | took part | present in March |
| --- | --- | --- | --- |
| p1 | A since 10/1, open | present at an A course session on 5/3 | A |
| p2 | A from 31/3 (last day) | — | A |
| p3 | A 1/2 – 1/3 (released on the first day) | CAW trajectory in A, placed 10/2, open | A |
| p4 | A 1/1 – 28/2 | present at an A session on 20/2 | no |
| p5 | A from 1/4 | — | no |
| p6 | A 1/1 – 15/3, transferred to G 15/3 | late (te laat) at a G sport session on 20/3 | A and G |
| p7 | G from 10/3 | absent at the G sport session on 20/3 | G |
| p8 | G since 2024 | individual trajectory 1/1 – 20/2; a request never placed | G |

A: present {p1, p2, p3, p6} = 4, reached {p1, p3} = 2 → 50.0 %.
G: present {p6, p7, p8} = 3, reached {p6} = 1 → 33.3 %.
Flanders: present {p1, p2, p3, p6, p7, p8} = 6 (p6 once), reached {p1, p3, p6} = 3 → 50.0 %.
"""

import pytest

from aanbod.models import Aanbod, Rapportagecategorie
from rapportage.indicatoren import REGISTER
from rapportage.indicatoren.basis import Periode
from tests.rapportage import feiten
from tests.rapportage.feiten import D

MAART = Periode("maand", D(2025, 3, 1))


def _cellen(cellen):
    return {(c.uitsplitsing, c.sleutel): c for c in cellen}


@pytest.fixture
def maart(antwerpen, gent):
    cvo = feiten.organisatie("CVO")
    caw = feiten.organisatie("CAW")
    sportdienst = feiten.organisatie("SPORT")
    cursus = feiten.activiteit(feiten.aanbod(cvo), antwerpen)
    sport = feiten.activiteit(feiten.aanbod(sportdienst, categorie="sport"), gent)
    traject = feiten.aanbod(caw, categorie="caw-trajectbegeleiding", vorm=Aanbod.Vorm.INDIVIDUEEL)

    p1 = feiten.gedetineerde(antwerpen, D(2025, 1, 10))
    plaats = [("aangevraagd", D(2025, 1, 12)), ("ingeschreven", D(2025, 1, 12))]
    feiten.aanwezigheid(
        feiten.sessie(cursus, D(2025, 3, 5)),
        feiten.inschrijving(p1, antwerpen, cursus.aanbod, plaats, activiteit=cursus),
    )
    feiten.vlag(p1, "anderstaligen", D(2025, 1, 1))

    p2 = feiten.gedetineerde(antwerpen, D(2025, 3, 31), statuut="veroordeelde")
    # Beklaagde on 31/3, sentenced only in April: the status on the period's last day counts.
    feiten.statuut_sinds(p2, "beklaagde", D(2025, 3, 31))
    feiten.statuut_sinds(p2, "veroordeelde", D(2025, 4, 15))
    feiten.vlag(p2, "anderstaligen", D(2025, 4, 2))

    p3 = feiten.gedetineerde(antwerpen, D(2025, 2, 1), D(2025, 3, 1))
    feiten.inschrijving(
        p3, antwerpen, traject, [("aangevraagd", D(2025, 2, 3)), ("ingeschreven", D(2025, 2, 10))]
    )

    p4 = feiten.gedetineerde(antwerpen, D(2025, 1, 1), D(2025, 2, 28))
    feiten.aanwezigheid(
        feiten.sessie(cursus, D(2025, 2, 20)),
        feiten.inschrijving(p4, antwerpen, cursus.aanbod, plaats, activiteit=cursus),
    )

    feiten.gedetineerde(antwerpen, D(2025, 4, 1))

    p6 = feiten.gedetineerde(antwerpen, D(2025, 1, 1), statuut="beklaagde")
    feiten.overplaatsen(p6, gent, D(2025, 3, 15))
    sport_20 = feiten.sessie(sport, D(2025, 3, 20))
    feiten.aanwezigheid(
        sport_20,
        feiten.inschrijving(p6, gent, sport.aanbod, plaats, activiteit=sport),
        status="te_laat",
    )

    p7 = feiten.gedetineerde(gent, D(2025, 3, 10))
    feiten.aanwezigheid(
        sport_20,
        feiten.inschrijving(p7, gent, sport.aanbod, plaats, activiteit=sport),
        status="afwezig",
    )

    p8 = feiten.gedetineerde(gent, D(2024, 5, 1))
    feiten.inschrijving(
        p8,
        gent,
        traject,
        [
            ("aangevraagd", D(2024, 12, 20)),
            ("ingeschreven", D(2025, 1, 1)),
            ("stopgezet", D(2025, 2, 20)),
        ],
        stopreden="eigen-keuze",
        gestopt_door="deelnemer",
    )
    ander_traject = feiten.aanbod(caw, categorie="cgg-behandeling", vorm=Aanbod.Vorm.INDIVIDUEEL)
    feiten.inschrijving(p8, gent, ander_traject, [("aangevraagd", D(2025, 3, 2))])


def test_it_counts_each_prison_and_flanders_once_per_person(maart, antwerpen, gent):
    bereik = REGISTER["bereik"]

    a = _cellen(bereik.bereken(MAART, antwerpen))
    g = _cellen(bereik.bereken(MAART, gent))
    vlaanderen = _cellen(bereik.bereken(MAART, None))

    assert (a["", ""].teller, a["", ""].noemer, a["", ""].waarde) == (2, 4, 50.0)
    assert (g["", ""].teller, g["", ""].noemer, g["", ""].waarde) == (1, 3, 33.3)
    assert (vlaanderen["", ""].teller, vlaanderen["", ""].noemer) == (3, 6)
    assert vlaanderen["", ""].waarde == 50.0


def test_the_batch_gives_the_same_cells_as_one_prison_at_a_time(maart, antwerpen, gent):
    bereik = REGISTER["bereik"]

    alle = bereik.bereken_alle(MAART, [antwerpen.pk, gent.pk], True)

    assert alle[antwerpen.pk] == bereik.bereken(MAART, antwerpen)
    assert alle[gent.pk] == bereik.bereken(MAART, gent)
    assert alle[None] == bereik.bereken(MAART, None)


def test_the_breakdowns(maart, antwerpen):
    a = _cellen(REGISTER["bereik"].bereken(MAART, antwerpen))

    # Per domain and category: reached through that domain, over everyone present (4).
    assert (a["domein", "onderwijs"].teller, a["domein", "onderwijs"].noemer) == (1, 4)
    assert a["domein", "onderwijs"].label == "onderwijs"
    assert a["domein", "welzijn"].waarde == 25.0
    traject = a["categorie", "caw-trajectbegeleiding"]
    assert (traject.teller, traject.noemer) == (1, 4)
    assert traject.label == Rapportagecategorie.objects.get(code="caw-trajectbegeleiding").naam
    assert ("domein", "sport") not in a  # nobody in Antwerpen was reached through sport
    # Per legal status on 31/3: p1 and p3 sentenced (both reached), p2 and p6 on remand.
    assert (a["statuut", "veroordeelde"].teller, a["statuut", "veroordeelde"].noemer) == (2, 2)
    assert (a["statuut", "beklaagde"].teller, a["statuut", "beklaagde"].noemer) == (0, 2)
    assert a["statuut", "beklaagde"].waarde == 0.0
    # Target group: only p1's flag was set by 31/3 (p2's came in April).
    assert (a["doelgroep", "anderstaligen"].teller, a["doelgroep", "anderstaligen"].noemer) == (
        1,
        1,
    )


def test_day_periods(maart, antwerpen, gent):
    bereik = REGISTER["bereik"]

    # 15/3 in A: p1 and p6 (transferred that day, so still there); p2 not yet, p3 gone.
    vijftien = _cellen(bereik.bereken(Periode("dag", D(2025, 3, 15)), antwerpen))
    # 20/3 in G: p6 (late counts as present), p7 (absent), p8 → 1 of 3.
    twintig = _cellen(bereik.bereken(Periode("dag", D(2025, 3, 20)), gent))

    assert (vijftien["", ""].teller, vijftien["", ""].noemer, vijftien["", ""].waarde) == (
        0,
        2,
        0.0,
    )
    assert (twintig["", ""].teller, twintig["", ""].noemer) == (1, 3)


def test_an_empty_period_has_no_value_not_zero(maart, antwerpen):
    # Nobody was in Antwerpen in June 2024: "geen gegevens".
    cellen = REGISTER["bereik"].bereken(Periode("maand", D(2024, 6, 1)), antwerpen)

    assert len(cellen) == 1
    assert (cellen[0].teller, cellen[0].noemer, cellen[0].waarde) == (0, 0, None)
