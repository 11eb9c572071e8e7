"""onthaal_binnen_norm: arrivals with an intake within the norm, worked out by hand.

The norm is 14 days, so an arrival on 1/3 has until 15/3. March 2025:

| stay | arrival | ends | intake | counts? | on time? |
| --- | --- | --- | --- | --- | --- |
| s1 | A 1/3 (first day) | — | done 15/3 (the deadline itself) | yes | yes |
| s2 | A 31/3 (last day) | — | done 15/4 (deadline 14/4) | yes | no |
| s3 | A 10/3 | 20/3, before the deadline 24/3 | none | no: too short | |
| s4 | A 10/3 | 24/3, on the deadline | none | yes | no |
| s5 | A 5/3 | — | refused, recorded 7/3 | yes | yes |
| s6 | A 5/3 | — | skipped as "kort verblijf" 6/3, yet stayed | yes | no |
| s7 | A 28/2 | — | done 1/3 | no: arrived in February | |
| s8 | G 12/3, transferred from A | — | skipped: done in the other prison, 13/3 | yes | yes |

A: 2 on time (s1, s5) of 5 (s1, s2, s4, s5, s6) → 40.0 %. G: 1 of 1 → 100.0 %.
Flanders: every arrival once, 3 of 6 → 50.0 % (the transfer is an arrival in G only:
its stay in A began in January).
"""

import datetime

import pytest
from django.utils import timezone

from rapportage.indicatoren import REGISTER
from rapportage.indicatoren.basis import Periode
from tests.rapportage import feiten
from tests.rapportage.feiten import D
from trajecten.models import Onthaal

MAART = Periode("maand", D(2025, 3, 1))


@pytest.fixture(autouse=True)
def _norm(settings):
    settings.HDV_ONTHAAL_NORM_DAGEN = 14


@pytest.fixture
def onthalen(alice, caw):
    def onthaal(persoon, datum, status="afgerond", reden=""):
        Onthaal.objects.create(
            gedetineerde=persoon,
            verblijf=persoon.verblijven.get(tot__isnull=True)
            if persoon.verblijven.filter(tot__isnull=True).exists()
            else persoon.verblijven.latest("van"),
            status=status,
            datum=datum,
            door=alice,
            organisatie=caw,
            reden_overslaan=reden,
        )

    return onthaal


@pytest.fixture
def maart(antwerpen, gent, onthalen):
    onthalen(feiten.gedetineerde(antwerpen, D(2025, 3, 1)), D(2025, 3, 15))
    onthalen(feiten.gedetineerde(antwerpen, D(2025, 3, 31)), D(2025, 4, 15))
    feiten.gedetineerde(antwerpen, D(2025, 3, 10), D(2025, 3, 20))
    feiten.gedetineerde(antwerpen, D(2025, 3, 10), D(2025, 3, 24))
    onthalen(
        feiten.gedetineerde(antwerpen, D(2025, 3, 5)), D(2025, 3, 7), "overgeslagen", "geweigerd"
    )
    onthalen(
        feiten.gedetineerde(antwerpen, D(2025, 3, 5)),
        D(2025, 3, 6),
        "overgeslagen",
        "kort_verblijf",
    )
    onthalen(feiten.gedetineerde(antwerpen, D(2025, 2, 28)), D(2025, 3, 1))
    s8 = feiten.gedetineerde(antwerpen, D(2025, 1, 1))
    feiten.overplaatsen(s8, gent, D(2025, 3, 12))
    onthalen(s8, D(2025, 3, 13), "overgeslagen", "andere_gevangenis")


def _totaal(cellen):
    (cel,) = cellen
    return cel.teller, cel.noemer, cel.waarde


def test_it_counts_arrivals_with_an_intake_within_the_norm(maart, antwerpen, gent):
    onthaal = REGISTER["onthaal_binnen_norm"]

    assert _totaal(onthaal.bereken(MAART, antwerpen)) == (2, 5, 40.0)
    assert _totaal(onthaal.bereken(MAART, gent)) == (1, 1, 100.0)
    assert _totaal(onthaal.bereken(MAART, None)) == (3, 6, 50.0)


def test_the_batch_gives_the_same_cells(maart, antwerpen, gent):
    onthaal = REGISTER["onthaal_binnen_norm"]

    alle = onthaal.bereken_alle(MAART, [antwerpen.pk, gent.pk], True)

    assert alle == {
        antwerpen.pk: onthaal.bereken(MAART, antwerpen),
        gent.pk: onthaal.bereken(MAART, gent),
        None: onthaal.bereken(MAART, None),
    }


def test_an_arrival_counts_only_once_its_deadline_has_passed(antwerpen, onthalen):
    vandaag = timezone.localdate()
    onthaal = REGISTER["onthaal_binnen_norm"]
    # Deadline today: the intake may still come today, so the arrival waits, even if
    # its intake is done already (counting only the quick ones would flatter the figure).
    vandaag_termijn = vandaag - datetime.timedelta(days=14)
    onthalen(feiten.gedetineerde(antwerpen, vandaag_termijn), vandaag_termijn)
    # Deadline yesterday, no intake: counts, and not on time.
    gisteren_termijn = vandaag - datetime.timedelta(days=15)
    feiten.gedetineerde(antwerpen, gisteren_termijn)

    assert _totaal(onthaal.bereken(Periode("dag", vandaag_termijn), antwerpen)) == (0, 0, None)
    assert _totaal(onthaal.bereken(Periode("dag", gisteren_termijn), antwerpen)) == (0, 1, 0.0)


def test_an_empty_period_has_no_value(maart, antwerpen):
    assert _totaal(
        REGISTER["onthaal_binnen_norm"].bereken(Periode("maand", D(2025, 5, 1)), antwerpen)
    ) == (
        0,
        0,
        None,
    )


def test_the_norm_is_the_setting(maart, antwerpen, settings):
    # With a norm of 13 days s1's intake on 15/3 is a day late, and s4 (ending 24/3,
    # deadline 23/3) lasted the norm all the same: 1 (s5) of 5.
    settings.HDV_ONTHAAL_NORM_DAGEN = 13

    assert _totaal(REGISTER["onthaal_binnen_norm"].bereken(MAART, antwerpen)) == (1, 5, 20.0)
