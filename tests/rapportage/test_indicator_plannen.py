"""plan_dekking: people detained three months or more with an agreed plan, by hand.

March 2025: the snapshot is the end of 31/3; three months back is 31/12/2024, so the
detention must have begun on or before that day.

| who | stays | detained since | plan agreed | in the denominator |
| --- | --- | --- | --- | --- |
| q1 | A since 31/12/2024 | 31/12 (exactly three months) | 1/2/2025 | A, covered |
| q2 | A since 1/1/2025 | 1/1 (a day short) | — | no |
| q3 | A since 1/6/2024 | 1/6 | opened, never agreed | A, not covered |
| q4 | A since 1/6/2024 | 1/6 | 10/4/2025 (after the snapshot) | A, not covered |
| q5 | A 1/11/2024 → transferred to G 10/3/2025 | 1/11 (a transfer keeps the clock) | 15/1/2025 | G, covered |
| q6 | A 1/1/2024 – 31/1/2025 released; G again from 1/2/2025 | 1/2 (a release stops it) | — | no |
| q7 | A since 1/1/2024, released 31/3/2025 | — | — | no: gone at the end of the day |
| q8 | A since 1/1/2024, on remand | 1/1/2024 | 1/6/2024 | A, covered |

A: 2 (q1, q8) of 4 (q1, q3, q4, q8) → 50.0 %. G: 1 of 1. Flanders: 3 of 5 → 60.0 %.
"""

import datetime

import pytest
from django.utils import timezone

from rapportage.indicatoren import REGISTER
from rapportage.indicatoren.basis import Periode
from rapportage.indicatoren.plannen import detentie_begin, maanden_terug
from tests.rapportage import feiten
from tests.rapportage.feiten import D
from trajecten.models import HdvPlan, Planversie

MAART = Periode("maand", D(2025, 3, 1))


@pytest.fixture
def plan(caw):
    def maken(persoon, vastgelegd=None):
        hdv_plan = HdvPlan.objects.create(
            gedetineerde=persoon, organisatie=caw, volgende_herziening=D(2026, 1, 1)
        )
        if vastgelegd:
            versie = Planversie.objects.create(
                plan=hdv_plan, nummer=1, aanleiding="test", inhoud={}
            )
            Planversie.objects.filter(pk=versie.pk).update(aangemaakt=feiten.moment(vastgelegd))

    return maken


@pytest.fixture
def maart(antwerpen, gent, plan):
    plan(feiten.gedetineerde(antwerpen, D(2024, 12, 31)), D(2025, 2, 1))
    feiten.gedetineerde(antwerpen, D(2025, 1, 1))
    plan(feiten.gedetineerde(antwerpen, D(2024, 6, 1)))
    plan(feiten.gedetineerde(antwerpen, D(2024, 6, 1)), D(2025, 4, 10))
    q5 = feiten.gedetineerde(antwerpen, D(2024, 11, 1))
    feiten.overplaatsen(q5, gent, D(2025, 3, 10))
    plan(q5, D(2025, 1, 15))
    q6 = feiten.gedetineerde(antwerpen, D(2024, 1, 1), D(2025, 1, 31))
    feiten.verblijf(q6, gent, D(2025, 2, 1))
    feiten.gedetineerde(antwerpen, D(2024, 1, 1), D(2025, 3, 31))
    plan(feiten.gedetineerde(antwerpen, D(2024, 1, 1), statuut="beklaagde"), D(2024, 6, 1))


def _cellen(cellen):
    return {(c.uitsplitsing, c.sleutel): (c.teller, c.noemer, c.waarde) for c in cellen}


def test_it_counts_a_snapshot_at_the_end_of_the_period(maart, antwerpen, gent):
    dekking = REGISTER["plan_dekking"]

    assert _cellen(dekking.bereken(MAART, antwerpen))["", ""] == (2, 4, 50.0)
    assert _cellen(dekking.bereken(MAART, gent))["", ""] == (1, 1, 100.0)
    assert _cellen(dekking.bereken(MAART, None))["", ""] == (3, 5, 60.0)


def test_the_batch_gives_the_same_cells(maart, antwerpen, gent):
    dekking = REGISTER["plan_dekking"]

    alle = dekking.bereken_alle(MAART, [antwerpen.pk, gent.pk], True)

    assert alle[antwerpen.pk] == dekking.bereken(MAART, antwerpen)
    assert alle[None] == dekking.bereken(MAART, None)


def test_per_legal_status(maart, antwerpen):
    cellen = _cellen(REGISTER["plan_dekking"].bereken(MAART, antwerpen))

    assert cellen["statuut", "veroordeelde"] == (1, 3, 33.3)
    assert cellen["statuut", "beklaagde"] == (1, 1, 100.0)


def test_an_empty_period_has_no_value(maart, antwerpen):
    assert (
        REGISTER["plan_dekking"].bereken(Periode("jaar", D(2023, 1, 1)), antwerpen)[0].waarde
        is None
    )


def test_the_running_period_looks_at_today(antwerpen, plan):
    vandaag = timezone.localdate()
    grens = maanden_terug(vandaag, 3)
    plan(feiten.gedetineerde(antwerpen, grens), vandaag)
    feiten.gedetineerde(antwerpen, grens + datetime.timedelta(days=1))

    cellen = _cellen(REGISTER["plan_dekking"].bereken(Periode.van("maand", vandaag), antwerpen))

    assert cellen["", ""] == (1, 1, 100.0)


def test_three_calendar_months_back():
    assert maanden_terug(D(2025, 3, 31), 3) == D(2024, 12, 31)
    assert maanden_terug(D(2025, 5, 31), 3) == D(2025, 2, 28)
    assert maanden_terug(D(2024, 5, 31), 3) == D(2024, 2, 29)
    assert maanden_terug(D(2025, 1, 15), 13) == D(2023, 12, 15)


def test_the_detention_runs_on_over_transfers_only():
    overplaatsing, vrijlating = "overplaatsing", "vrijlating"
    # 1/1 → transfer 1/3 → transfer 2/5 (a day between counts as joined) → now.
    assert detentie_begin(
        [
            (D(2025, 5, 2), None, ""),
            (D(2025, 3, 1), D(2025, 5, 1), overplaatsing),
            (D(2025, 1, 1), D(2025, 3, 1), overplaatsing),
        ]
    ) == D(2025, 1, 1)
    # A release, even the day before, ends the detention.
    assert detentie_begin(
        [(D(2025, 3, 2), None, ""), (D(2025, 1, 1), D(2025, 3, 1), vrijlating)]
    ) == D(2025, 3, 2)
    # Transferred on the day of arrival: the two stays began the same day.
    assert detentie_begin(
        [(D(2025, 3, 1), D(2025, 3, 1), overplaatsing), (D(2025, 3, 1), None, "")]
    ) == D(2025, 3, 1)
