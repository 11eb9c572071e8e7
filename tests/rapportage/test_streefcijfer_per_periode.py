"""A target is set for a year. A rate or a number of days is held against it in any
period; a count added up over the period only over the whole year (1 referral in a month
against 306 for the year says nothing), on the dashboard and on the heat map."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse

from rapportage import selectors
from rapportage.indicatoren import Indicator, Periode
from rapportage.indicatoren.basis import Eenheid
from rapportage.models import Periodesoort, Streefcijfer
from tests.rapportage.indicatorwaarden import berekening, deze_maand, per_gevangenis

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def _indicator(eenheid: str, code: str = "proef") -> Indicator:
    return Indicator(code, "Proef", "", "", "", eenheid, "")


@pytest.mark.parametrize(
    ("eenheid", "code", "soort", "geldt"),
    [
        (Eenheid.PERCENTAGE, "proef", Periodesoort.MAAND, True),
        (Eenheid.DAGEN, "proef", Periodesoort.KWARTAAL, True),
        (Eenheid.AANTAL, "proef", Periodesoort.MAAND, False),
        (Eenheid.AANTAL, "proef", Periodesoort.KWARTAAL, False),
        (Eenheid.AANTAL, "proef", Periodesoort.JAAR, True),
        # Counted on one day, not added up: its target is a level, for any period.
        (Eenheid.AANTAL, "wachtlijst_wachtend", Periodesoort.MAAND, True),
    ],
)
def test_which_values_meet_the_years_target(eenheid, code, soort, geldt):
    periode = Periode.van(soort, datetime.date(2025, 5, 1))

    assert selectors.streefcijfer_geldt(_indicator(eenheid, code), periode) is geldt


@pytest.fixture
def doorverwijzingen(proefregister, antwerpen, gent):
    """proef_annulaties is a count (higher is better here): 1 last month, 20 over last
    year, against a target of 306 for each year; proef_bereik a rate with a target."""
    maand = deze_maand().vorige()
    jaar = Periode(Periodesoort.JAAR, datetime.date(maand.begin.year - 1, 1, 1))
    per_gevangenis("proef_annulaties", maand, {antwerpen: (1, None), gent: (40, None)})
    per_gevangenis("proef_annulaties", jaar, {antwerpen: (20, None), gent: (400, None)})
    per_gevangenis("proef_bereik", maand, {antwerpen: (3, 40), gent: (30, 50)})
    per_gevangenis("proef_bereik", jaar, {antwerpen: (30, 40), gent: (30, 50)})
    for periode in (maand, jaar):
        for code, waarde in (("proef_annulaties", 306), ("proef_bereik", 50)):
            Streefcijfer.objects.create(
                indicator=code, gevangenis=None, jaar=periode.begin.year, waarde=Decimal(waarde)
            )
    berekening()
    return maand, jaar


def _kaart(html: str, code: str) -> str:
    return html.split(f'id="kaart-{code}"')[1].split("</section>")[0]


def test_a_count_in_a_month_shows_the_years_target_without_judging(
    client, dirk, antwerpen, doorverwijzingen
):
    maand, _jaar = doorverwijzingen
    client.force_login(dirk)

    html = client.get(
        reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk])
    ).content.decode()

    kaart = _kaart(html, "proef_annulaties")
    assert f"Streefcijfer voor heel {maand.begin.year}" in kaart
    assert "306" in kaart
    assert "gehaald" not in kaart
    assert "alleen over een heel jaar" in kaart
    # No target line over the months: it would only flatten the bars.
    grafiek = ET.fromstring("<svg " + kaart.split("<svg ")[1].split("</svg>")[0] + "</svg>")  # noqa: S314
    assert "streefcijfer" not in grafiek.find(f"{SVG}desc").text
    # A rate is judged in a month all the same: 3 of 40 against 50 %.
    assert "Streefcijfer niet gehaald" in _kaart(html, "proef_bereik")


def test_a_count_over_a_year_is_judged_against_its_target(
    client, dirk, antwerpen, doorverwijzingen
):
    _maand, jaar = doorverwijzingen
    client.force_login(dirk)

    html = client.get(
        reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk])
        + f"?soort=jaar&periode={jaar.begin.year}"
    ).content.decode()

    kaart = _kaart(html, "proef_annulaties")
    assert "Streefcijfer voor heel" not in kaart
    assert "Streefcijfer niet gehaald" in kaart  # 20 against 306


def _vakken(html: str) -> dict[tuple[str, str], ET.Element]:
    """The heat map's cells by (prison, indicator), from their titles."""
    stuk = html.split('<svg xmlns="http://www.w3.org/2000/svg"', 1)[1].split("</svg>")[0]
    boom = ET.fromstring('<svg xmlns="http://www.w3.org/2000/svg"' + stuk + "</svg>")  # noqa: S314
    vakken = {}
    for rect in boom.iter(f"{SVG}rect"):
        titel = rect.find(f"{SVG}title")
        if titel is not None:
            plaats, _waarde = titel.text.split(": ", 1)
            rij, kolom = plaats.split(", ", 1)
            vakken[(rij, kolom)] = rect
    return vakken


def test_the_heat_map_leaves_a_count_in_a_month_uncompared(client, dirk, doorverwijzingen):
    client.force_login(dirk)

    html = client.get(reverse("rapportage:vlaanderen")).content.decode()

    vakken = _vakken(html)
    wit = vakken[("Antwerpen", "Annulaties (proef)")]
    assert wit.get("fill") == "#ffffff"
    assert wit.find(f"{SVG}title").text == "Antwerpen, Annulaties (proef): 1"  # no ▲ = ▼
    assert vakken[("Antwerpen", "Bereik (proef)")].find(f"{SVG}title").text.endswith("▼")
    assert "niet vergeleken: een opgeteld aantal in een maand of kwartaal" in html


def test_the_heat_map_compares_a_count_over_a_year(client, dirk, doorverwijzingen):
    _maand, jaar = doorverwijzingen
    client.force_login(dirk)

    html = client.get(
        reverse("rapportage:vlaanderen") + f"?soort=jaar&periode={jaar.begin.year}"
    ).content.decode()

    vakken = _vakken(html)
    assert vakken[("Antwerpen", "Annulaties (proef)")].find(f"{SVG}title").text.endswith("20 ▼")
    # Flanders' 420 against its own target of 306.
    assert vakken[("Vlaanderen", "Annulaties (proef)")].find(f"{SVG}title").text.endswith("▲")
