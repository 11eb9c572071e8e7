"""Reading the rollups: fixed query counts, the Flanders rows (not a mean of rates), the
period's target, the time of the data, and the same figure read the same way everywhere."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from rapportage import selectors
from rapportage.models import Berekening, Indicatorwaarde, Periodesoort, Streefcijfer
from tests.rapportage.indicatorwaarden import berekening, maand, per_gevangenis, rij

pytestmark = pytest.mark.django_db

MAART = maand(2025, 3)
CENTRAAL = selectors.Lezer(frozenset(), 5)


def _antwerpen_kent(antwerpen):
    return selectors.Lezer(frozenset({antwerpen.pk}), 5)


@pytest.fixture
def maart(proefregister, antwerpen, gent):
    per_gevangenis("proef_bereik", MAART, {antwerpen: (3, 40), gent: (30, 50)})
    per_gevangenis("proef_uitval", MAART, {antwerpen: (10, 20), gent: (8, 30)})
    return MAART


def test_the_trend_has_its_periods_oldest_first_across_the_year():
    perioden = selectors.perioden_tot(maand(2025, 2))

    assert len(perioden) == 12
    assert (perioden[0].begin, perioden[-1].begin) == (
        datetime.date(2024, 3, 1),
        datetime.date(2025, 2, 1),
    )
    kwartalen = selectors.perioden_tot(selectors.Periode.van(Periodesoort.KWARTAAL, MAART.begin))
    assert len(kwartalen) == 8


def test_a_dashboard_reads_two_queries_whatever_it_holds(
    maart, antwerpen, django_assert_num_queries
):
    # The rows of every prison over the trend's periods; the targets of the year.
    with django_assert_num_queries(2):
        kaarten = selectors.dashboard(antwerpen, maart, _antwerpen_kent(antwerpen))

    bereik = next(k for k in kaarten if k.indicator.code == "proef_bereik")
    assert len(bereik.punten) == 12
    assert bereik.huidig.cijfer.waarde == 7.5
    # Months without rows are gaps, not zeros.
    assert all(p.cijfer is None and p.vlaanderen is None for p in bereik.punten[:-1])


def test_the_flanders_figure_is_its_own_row_not_a_mean_of_rates(proefregister, antwerpen, gent):
    # 3 of 40 and 30 of 50; Flanders counted each person once: 30 of 85.
    rij("proef_bereik", antwerpen, MAART, 3, 40)
    rij("proef_bereik", gent, MAART, 30, 50)
    rij("proef_bereik", None, MAART, 30, 85)

    kaarten = selectors.dashboard(antwerpen, MAART, _antwerpen_kent(antwerpen))

    vlaanderen = next(k for k in kaarten if k.indicator.code == "proef_bereik").huidig.vlaanderen
    assert vlaanderen.waarde == 35.3


def test_the_target_of_the_prison_wins_over_flanders(maart, antwerpen):
    Streefcijfer.objects.create(indicator="proef_bereik", gevangenis=None, jaar=2025, waarde=50)
    Streefcijfer.objects.create(
        indicator="proef_bereik", gevangenis=antwerpen, jaar=2025, waarde=Decimal("12.5")
    )
    Streefcijfer.objects.create(indicator="proef_uitval", gevangenis=None, jaar=2025, waarde=20)

    kaarten = {k.indicator.code: k for k in selectors.dashboard(antwerpen, maart, CENTRAAL)}

    assert (
        kaarten["proef_bereik"].streefcijfer,
        kaarten["proef_bereik"].streefcijfer_vlaanderen,
    ) == (
        Decimal("12.5"),
        False,
    )
    assert (
        kaarten["proef_uitval"].streefcijfer,
        kaarten["proef_uitval"].streefcijfer_vlaanderen,
    ) == (
        Decimal(20),
        True,
    )
    assert kaarten["proef_annulaties"].streefcijfer is None


def test_the_target_is_reached_the_right_way_round(maart, antwerpen):
    Streefcijfer.objects.create(
        indicator="proef_uitval", gevangenis=antwerpen, jaar=2025, waarde=60
    )

    kaarten = {
        k.indicator.code: k
        for k in selectors.dashboard(antwerpen, maart, _antwerpen_kent(antwerpen))
    }

    # 50 % stopped; lower is better, the target is a maximum.
    assert kaarten["proef_uitval"].gehaald is True
    assert kaarten["proef_bereik"].gehaald is None


def test_small_counts_are_hidden_centrally_and_shown_to_the_own_prison(maart, antwerpen):
    centraal = selectors.dashboard(antwerpen, maart, CENTRAAL)[0].huidig.cijfer
    eigen = selectors.dashboard(antwerpen, maart, _antwerpen_kent(antwerpen))[0].huidig.cijfer

    assert centraal.afgeschermd
    assert centraal.waarde is None
    assert centraal.teller is None
    assert (eigen.teller, eigen.waarde) == (3, 7.5)


def test_the_flanders_overview_reads_three_queries(
    maart, antwerpen, gent, django_assert_num_queries
):
    # The prisons, the rows of the period, the targets of its year.
    with django_assert_num_queries(3):
        overzicht = selectors.vlaams_overzicht(maart, CENTRAAL)

    assert [g.naam for g in overzicht.gevangenissen] == ["Antwerpen", "Gent"]
    assert overzicht.cijfer("proef_bereik", antwerpen.pk).afgeschermd
    assert overzicht.cijfer("proef_uitval", gent.pk).waarde == 26.7
    assert overzicht.cijfer("proef_annulaties", None) is None


def test_the_totals_of_a_period_read_one_query_and_are_the_overviews(
    maart, antwerpen, gent, django_assert_num_queries
):
    for lezer in (CENTRAAL, _antwerpen_kent(antwerpen)):
        with django_assert_num_queries(1):
            totalen = selectors.totalen(maart, lezer)
        overzicht = selectors.vlaams_overzicht(maart, lezer)

        assert totalen == overzicht.cijfers
    assert selectors.totalen(maart, CENTRAAL)[("proef_bereik", antwerpen.pk)].afgeschermd
    assert (
        selectors.totalen(maart, _antwerpen_kent(antwerpen))[("proef_bereik", antwerpen.pk)].waarde
        == 7.5
    )


def test_a_drill_down_reads_one_query(maart, antwerpen, gent, django_assert_num_queries):
    for sleutel, (a, g) in {"werk": (2, 10), "onderwijs": (1, 20)}.items():
        rij("proef_bereik", antwerpen, maart, a, 20, uitsplitsing="domein", sleutel=sleutel)
        rij("proef_bereik", gent, maart, g, 25, uitsplitsing="domein", sleutel=sleutel)
        rij("proef_bereik", None, maart, a + g, 45, uitsplitsing="domein", sleutel=sleutel)
    indicator = selectors.REGISTER["proef_bereik"]

    with django_assert_num_queries(1):
        detail = selectors.detail(indicator, maart, antwerpen.pk, _antwerpen_kent(antwerpen))

    domein = detail.uitsplitsingen[0]
    assert [u.code for u in detail.uitsplitsingen] == ["domein", "aanbieder", "aanbod"]
    assert [(c.label, c.teller) for c in domein.cellen] == [("onderwijs", 1), ("werk", 2)]
    assert detail.uitsplitsingen[1].cellen == []
    assert set(detail.totalen) == {antwerpen.pk, gent.pk, None}


def test_a_total_reads_the_same_with_or_without_its_breakdowns(maart, antwerpen, gent):
    for sleutel, (a, g) in {"werk": (2, 10), "onderwijs": (1, 20)}.items():
        rij("proef_bereik", antwerpen, maart, a, 20, uitsplitsing="domein", sleutel=sleutel)
        rij("proef_bereik", gent, maart, g, 25, uitsplitsing="domein", sleutel=sleutel)
        rij("proef_bereik", None, maart, a + g, 45, uitsplitsing="domein", sleutel=sleutel)
    indicator = selectors.REGISTER["proef_bereik"]

    met = selectors.detail(indicator, maart, None, CENTRAAL).totalen
    zonder = {
        c.gevangenis_id: c
        for c in selectors.cijfers(
            CENTRAAL,
            periodesoort="maand",
            van=maart.begin,
            tot=maart.begin,
            indicator="proef_bereik",
        )
    }

    assert met == zonder


def test_the_api_reads_one_query_for_a_range(maart, antwerpen, django_assert_num_queries):
    per_gevangenis("proef_bereik", maart.vorige(), {antwerpen: (20, 40)})

    with django_assert_num_queries(1):
        lijst = selectors.cijfers(
            CENTRAAL,
            periodesoort="maand",
            van=maart.vorige().begin,
            tot=maart.begin,
            gevangenis_id=antwerpen.pk,
        )

    assert [(c.indicator, c.begin.month) for c in lijst] == [
        ("proef_bereik", 2),
        ("proef_bereik", 3),
        ("proef_uitval", 3),
    ]


def test_a_recomputed_row_is_never_answered_from_an_old_cache(maart, antwerpen):
    lezer = _antwerpen_kent(antwerpen)
    assert selectors.dashboard(antwerpen, maart, lezer)[0].huidig.cijfer.waarde == 7.5

    Indicatorwaarde.objects.filter(indicator="proef_bereik", gevangenis=antwerpen).update(
        teller=20, waarde=50.0
    )

    assert selectors.dashboard(antwerpen, maart, lezer)[0].huidig.cijfer.waarde == 50.0


def test_rows_of_an_indicator_no_longer_defined_are_left_out(maart, antwerpen):
    rij("verdwenen", antwerpen, maart, 5, 10)

    codes = {
        c.indicator
        for c in selectors.cijfers(CENTRAAL, periodesoort="maand", van=maart.begin, tot=maart.begin)
    }

    assert "verdwenen" not in codes


def test_the_time_of_the_data_is_the_latest_finished_run(db, django_assert_num_queries):
    oud = berekening(gegevens_tot=timezone.now() - datetime.timedelta(days=1))
    berekening(fout="kapot")
    Berekening.objects.create(
        aanleiding=Berekening.Aanleiding.OP_VRAAG,
        gestart=timezone.now(),
        gegevens_tot=timezone.now(),
    )

    with django_assert_num_queries(1):
        assert selectors.gegevens_van() == oud
