"""Choosing a dashboard's period: the last complete one by default, a select of the
periods with figures (the running one marked "lopend"), and links that name a period,
also through the start page's redirect."""

import datetime
import re

import pytest
from django.urls import reverse

from rapportage import selectors
from rapportage.indicatoren import Periode
from rapportage.models import Periodesoort
from rapportage.views.periodekeuze import als_tekst, laatste_volledige
from tests.rapportage.indicatorwaarden import berekening, deze_maand, maand, per_gevangenis, rij

pytestmark = pytest.mark.django_db

K1_2025 = Periode(Periodesoort.KWARTAAL, datetime.date(2025, 1, 1))


@pytest.fixture
def maanden(proefregister, antwerpen, gent):
    """Figures for this (running) month, the last one and the one before."""
    deze = deze_maand()
    for periode, antw in (
        (deze, (1, 40)),
        (deze.vorige(), (3, 40)),
        (deze.vorige().vorige(), (12, 40)),
    ):
        per_gevangenis("proef_bereik", periode, {antwerpen: antw, gent: (30, 50)})
    per_gevangenis("proef_bereik", K1_2025, {antwerpen: (20, 40), gent: (30, 50)})
    berekening()
    return deze


def _opties(html: str) -> list[tuple[str, str, bool]]:
    """The period select's options: (value, label, selected)."""
    select = html.split('name="periode"')[1].split("</select>")[0]
    return [
        (waarde, label.strip(), bool(gekozen))
        for waarde, gekozen, label in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select
        )
    ]


def _kop(html: str) -> str:
    return re.sub(r"\s+", " ", html.split("<h1>")[1].split("</h1>")[0])


def test_it_shows_the_last_complete_month_by_default(client, dirk, antwerpen, maanden):
    client.force_login(dirk)
    vorige = maanden.vorige()

    for url in (
        reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk]),
        reverse("rapportage:vlaanderen"),
    ):
        html = client.get(url).content.decode()

        assert vorige.naam in _kop(html)
        assert "lopend" not in _kop(html)
        assert (als_tekst(vorige), vorige.naam, True) in _opties(html)
    assert "7,5 %" in html  # Antwerpen's 3 of 40 of last month, his own prison


def test_the_running_month_stays_selectable_marked_lopend(client, dirk, antwerpen, maanden):
    client.force_login(dirk)
    url = reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk])

    opties = _opties(client.get(url).content.decode())
    assert opties[0] == (als_tekst(maanden), f"{maanden.naam} (lopend)", False)

    html = client.get(f"{url}?soort=maand&periode={als_tekst(maanden)}").content.decode()
    assert "lopend" in _kop(html)
    assert "2,5 %" in html  # 1 of 40, this month


def test_the_choices_are_the_periods_with_figures_newest_first(client, frank, maanden):
    client.force_login(frank)

    maand_opties = _opties(client.get(reverse("rapportage:vlaanderen")).content.decode())
    kwartaal_opties = _opties(
        client.get(reverse("rapportage:vlaanderen") + "?soort=kwartaal").content.decode()
    )

    drie = [maanden, maanden.vorige(), maanden.vorige().vorige()]
    assert [w for w, _l, _g in maand_opties] == [als_tekst(p) for p in drie]
    # Only K1 2025 has figures; the default (last complete quarter) is offered too.
    laatste = laatste_volledige(Periodesoort.KWARTAAL)
    assert [w for w, _l, _g in kwartaal_opties] == sorted(
        {"2025-K1", als_tekst(laatste)}, key=lambda w: (w[:4], w[-1]), reverse=True
    )
    assert (als_tekst(laatste), laatste.naam, True) in kwartaal_opties


def test_the_choices_are_a_few_dozen_at_most_and_never_in_the_future(proefregister, antwerpen):
    begin = datetime.date(2020, 1, 1)
    for i in range(48):
        rij("proef_bereik", antwerpen, maand(begin.year + i // 12, i % 12 + 1), 1, 2)
    rij("proef_bereik", antwerpen, maand(2999, 1), 1, 2)  # a stray row in the future
    rij("proef_bereik", antwerpen, maand(2019, 12), 1, 2, uitsplitsing="domein", sleutel="werk")

    perioden = selectors.perioden_met_gegevens(Periodesoort.MAAND)

    assert len(perioden) == selectors.AANTAL_KEUZES[Periodesoort.MAAND] == 36
    assert perioden[0] == maand(2023, 12)
    assert perioden == sorted(perioden, key=lambda p: p.begin, reverse=True)


def test_a_link_to_a_quarter_is_kept_also_through_the_start(client, dirk, antwerpen, maanden):
    client.force_login(dirk)
    query = "?soort=kwartaal&periode=2025-K1"

    doorgestuurd = client.get(reverse("rapportage:dashboard") + query)
    assert doorgestuurd["Location"] == (
        reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk]) + query
    )
    html = client.get(doorgestuurd["Location"]).content.decode()

    assert "K1 2025" in _kop(html)
    assert "50,0 %" in html  # 20 of 40
    assert ("2025-K1", "K1 2025", True) in _opties(html)
    assert 'href="/rapportage/vlaanderen/?soort=kwartaal&amp;periode=2025-K1"' in html


def test_only_the_kind_chosen_shows_its_last_complete_period(client, frank, maanden):
    client.force_login(frank)

    html = client.get(reverse("rapportage:vlaanderen") + "?soort=jaar").content.decode()

    assert str(laatste_volledige(Periodesoort.JAAR).begin.year) in _kop(html)


def test_a_period_of_another_kind_becomes_the_one_that_holds_it(client, frank, maanden):
    # The select still sends a month when only the kind was changed (without script).
    client.force_login(frank)

    html = client.get(
        reverse("rapportage:vlaanderen") + "?soort=kwartaal&periode=2025-02"
    ).content.decode()

    assert "K1 2025" in _kop(html)
    assert ("2025-K1", "K1 2025", True) in _opties(html)


def test_a_bookmarked_period_without_figures_is_shown_and_said(client, frank, maanden):
    client.force_login(frank)

    html = client.get(
        reverse("rapportage:vlaanderen") + "?soort=maand&periode=2021-06"
    ).content.decode()

    assert "06/2021" in _kop(html)
    assert ("2021-06", "06/2021", True) in _opties(html)
    assert "Van 06/2021 zijn geen cijfers berekend." in html


def test_changing_the_kind_fetches_its_periods(client, frank, maanden):
    client.force_login(frank)

    html = client.get(reverse("rapportage:vlaanderen")).content.decode()

    assert 'hx-get="/rapportage/vlaanderen/"' in html
    assert 'hx-select="#periode-welke"' in html
    assert 'id="periode-welke"' in html
