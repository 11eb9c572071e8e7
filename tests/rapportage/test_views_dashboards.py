"""The dashboards: a prison's, an indicator's breakdowns, Flanders side by side.

Antwerpen has few participants (3 of 40: a small count), Gent many; dirk is Antwerpen's
beleidscoördinator and sees it as it is, frank (central) sees it suppressed.
"""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse

from rapportage.models import Streefcijfer
from tests.rapportage.indicatorwaarden import berekening, deze_maand, per_gevangenis, rij

pytestmark = pytest.mark.django_db


@pytest.fixture
def cijfers(proefregister, antwerpen, gent):
    """Bereik over two months; last month (the last complete one, which a dashboard shows
    by default) Antwerpen 3 of 40, Gent 30 of 50."""
    periode = deze_maand().vorige()
    vorige = periode.vorige()
    per_gevangenis("proef_bereik", periode, {antwerpen: (3, 40), gent: (30, 50)})
    per_gevangenis("proef_bereik", vorige, {antwerpen: (12, 40), gent: (25, 50)})
    # Two months back: no data at all ("geen gegevens", a gap).
    per_gevangenis("proef_uitval", periode, {antwerpen: (10, 20), gent: (8, 30)})
    for domein, (a, g) in {"werk": (2, 10), "onderwijs": (1, 20)}.items():
        rij("proef_bereik", antwerpen, periode, a, 20, uitsplitsing="domein", sleutel=domein)
        rij("proef_bereik", gent, periode, g, 25, uitsplitsing="domein", sleutel=domein)
        rij("proef_bereik", None, periode, a + g, 45, uitsplitsing="domein", sleutel=domein)
    Streefcijfer.objects.create(
        indicator="proef_bereik", gevangenis=None, jaar=periode.begin.year, waarde=Decimal(50)
    )
    berekening()
    return periode


def _svgs(html: str) -> list[ET.Element]:
    """Every inline SVG of a page, parsed: well-formed or this fails."""
    stukken = html.split("<svg ")[1:]
    return [
        ET.fromstring("<svg " + stuk.split("</svg>")[0] + "</svg>")  # noqa: S314 (our own page)
        for stuk in stukken
    ]


def test_it_shows_each_indicator_with_its_value_target_and_flanders(
    client, dirk, antwerpen, cijfers
):
    client.force_login(dirk)

    response = client.get(reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bereik (proef)" in html
    assert "Uitval (proef)" in html
    assert "7,5 %" in html  # his own prison, as it is: 3 of 40
    assert "50,0 %" in html  # Flanders' target, the prison has none of its own
    assert "Wat betekent dit?" in html
    assert "Hoeveel van de aanwezigen" in html
    assert "Gegevens van" in html
    assert len(_svgs(html)) == 3
    assert reverse("rapportage:indicator", args=[antwerpen.pk, "proef_bereik"]) in html
    assert "Bereik (proef) per domein, aanbieder en aanbod</a>" in html
    # Uitval is not broken down: no link to a page that would say just that.
    assert reverse("rapportage:indicator", args=[antwerpen.pk, "proef_uitval"]) not in html


def test_no_data_reads_geen_gegevens_never_zero(client, dirk, antwerpen, cijfers):
    client.force_login(dirk)

    response = client.get(reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk]))

    kaart = response.content.decode().split('id="kaart-proef_annulaties"')[1].split("</section>")[0]
    cijfers = kaart.split('<dl class="cijfers">')[1].split("</dl>")[0]
    assert cijfers.count("geen gegevens") == 2  # this month, and Flanders
    assert "<dd>0" not in cijfers
    # The chart: no bar at all, every period says so.
    svg = _svgs(kaart)[0]
    assert not [r for r in svg.iter("{http://www.w3.org/2000/svg}rect") if len(r)]
    assert svg.find("{http://www.w3.org/2000/svg}desc").text.count("geen gegevens") == 12


def test_another_prison_is_suppressed_for_the_central_level(client, frank, antwerpen, cijfers):
    client.force_login(frank)

    response = client.get(reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "7,5 %" not in html
    assert "Kleine aantallen worden afgeschermd getoond" in html


def test_a_beheerder_linked_to_the_prison_reads_it_suppressed(client, eva, antwerpen, cijfers):
    client.force_login(eva)

    html = client.get(reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk])).text

    assert "7,5 %" not in html
    assert "Kleine aantallen worden afgeschermd getoond" in html


def test_a_beleidscoordinator_of_another_prison_gets_a_404(client, gina, antwerpen, cijfers):
    client.force_login(gina)

    assert (
        client.get(reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk])).status_code
        == 404
    )
    url = reverse("rapportage:indicator", args=[antwerpen.pk, "proef_bereik"])
    assert client.get(url).status_code == 404


def test_a_role_without_indicators_gets_a_403(client, alice, antwerpen, cijfers):
    client.force_login(alice)

    assert (
        client.get(reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk])).status_code
        == 403
    )
    assert client.get(reverse("rapportage:vlaanderen")).status_code == 403


def test_the_start_goes_to_ones_own_prison_or_to_flanders(client, dirk, frank, antwerpen):
    client.force_login(dirk)
    assert client.get(reverse("rapportage:dashboard"))["Location"] == reverse(
        "rapportage:dashboard_gevangenis", args=[antwerpen.pk]
    )
    client.force_login(frank)
    assert client.get(reverse("rapportage:dashboard"))["Location"] == reverse(
        "rapportage:vlaanderen"
    )


@pytest.mark.parametrize(
    ("query", "fout"),
    [
        ("soort=maand&periode=2999-01", "ligt in de toekomst"),
        ("soort=kwartaal&periode=2024-K7", "Geen kwartaal"),
        ("soort=maand&periode=maart", "Geen maand"),
        ("soort=week", "Selecteer een geldige keuze"),
    ],
)
def test_a_bad_or_future_period_is_a_clear_message(client, dirk, antwerpen, cijfers, query, fout):
    client.force_login(dirk)

    response = client.get(
        reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk]) + "?" + query
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert fout in html
    assert 'id="kaart-' not in html


def test_a_past_period_can_be_chosen(client, dirk, antwerpen, cijfers):
    client.force_login(dirk)
    vorige = cijfers.vorige()

    response = client.get(
        reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk])
        + f"?soort=maand&periode={vorige.begin:%Y-%m}"
    )

    assert "30,0 %" in response.content.decode()  # 12 of 40, last month


def test_the_dashboard_pins_its_queries(
    client, dirk, antwerpen, cijfers, django_assert_num_queries
):
    client.force_login(dirk)
    url = reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk])
    client.get(url)  # the suppression of each indicator and period is cached after this

    # session, user, permissions (2), the user's prisons, the prison, the periods with
    # figures, rows, targets, the time of the data, the choice of prisons; the session's
    # sliding expiry (3)
    with django_assert_num_queries(14):
        assert client.get(url).status_code == 200


def test_the_drill_down_shows_breakdowns_as_tables_and_bars(client, dirk, antwerpen, cijfers):
    client.force_login(dirk)

    response = client.get(reverse("rapportage:indicator", args=[antwerpen.pk, "proef_bereik"]))

    html = response.content.decode()
    assert "Per domein" in html
    assert "werk" in html
    assert "onderwijs" in html
    assert "10,0 %" in html  # werk: 2 of 20, his own
    assert "Per aanbieder" in html
    assert "geen gegevens" in html
    assert all(svg.find("{http://www.w3.org/2000/svg}title") is not None for svg in _svgs(html))


def test_an_unknown_indicator_is_a_404_that_says_so(client, dirk, antwerpen, cijfers):
    client.force_login(dirk)

    response = client.get(reverse("rapportage:indicator", args=[antwerpen.pk, "bestaat_niet"]))

    assert response.status_code == 404
    assert "bestaat_niet" in response.content.decode()
    assert "Onbekende indicator" in response.content.decode()


def test_flanders_shows_all_prisons_suppressed_with_a_heat_map(client, frank, cijfers):
    client.force_login(frank)

    response = client.get(reverse("rapportage:vlaanderen"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Antwerpen" in html
    assert "Gent" in html
    assert "7,5 %" not in html  # 3 of 40: suppressed
    assert "60,0 %" not in html  # Gent's 30 of 50 would give Antwerpen's 3 away from Flanders
    assert "x" in html
    kaart = [svg for svg in _svgs(html) if "warmtekaart" in svg.get("aria-labelledby", "")]
    assert len(kaart) == 1
    assert "▲" in html or "▼" in html or "=" in html


def test_a_beleidscoordinator_sees_his_own_prison_in_flanders_as_it_is(client, dirk, cijfers):
    client.force_login(dirk)

    response = client.get(reverse("rapportage:vlaanderen"))

    html = response.content.decode()
    assert "7,5 %" in html
    assert "uw gevangenis" in html


def test_flanders_pins_its_queries(client, frank, cijfers, django_assert_num_queries):
    client.force_login(frank)
    url = reverse("rapportage:vlaanderen")
    client.get(url)

    # session, user, permissions (2), the user's prisons, the periods with figures,
    # prisons, rows, targets, the time of the data; the session's sliding expiry (3)
    with django_assert_num_queries(13):
        assert client.get(url).status_code == 200


def test_flanders_drill_down_is_suppressed(client, frank, cijfers):
    client.force_login(frank)

    response = client.get(reverse("rapportage:vlaanderen_indicator", args=["proef_bereik"]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Per gevangenis" in html
    assert "<5" in html or "&lt;5" in html


def test_recomputing_now_enqueues_the_job_after_the_transaction(
    client, frank, monkeypatch, django_capture_on_commit_callbacks
):
    from rapportage import tasks

    gevraagd = []
    monkeypatch.setattr(tasks.indicatoren_bijwerken, "delay", lambda **kw: gevraagd.append(kw))
    client.force_login(frank)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("rapportage:bijwerken"), {"next": reverse("rapportage:vlaanderen")}
        )

    assert response.status_code == 302
    assert response["Location"] == reverse("rapportage:vlaanderen")
    assert gevraagd == [{"aanleiding": "op_vraag", "door_id": frank.pk}]


def test_recomputing_goes_nowhere_else(client, frank, monkeypatch):
    from rapportage import tasks

    monkeypatch.setattr(tasks.indicatoren_bijwerken, "delay", lambda **kw: None)
    client.force_login(frank)

    response = client.post(reverse("rapportage:bijwerken"), {"next": "https://elders.example/"})

    assert response["Location"] == reverse("rapportage:dashboard")
    assert client.get(reverse("rapportage:bijwerken")).status_code == 405


def test_the_button_shows_only_for_who_may_recompute(client, dirk, frank, antwerpen, cijfers):
    client.force_login(dirk)
    assert "Nu bijwerken" not in client.get(reverse("rapportage:vlaanderen")).content.decode()
    client.force_login(frank)
    assert "Nu bijwerken" in client.get(reverse("rapportage:vlaanderen")).content.decode()


def test_the_navigation_and_the_home_page_lead_to_the_dashboard(client, dirk, alice, antwerpen):
    client.force_login(dirk)
    html = client.get(reverse("home")).content.decode()
    assert html.count(f'href="{reverse("rapportage:dashboard")}"') == 1
    assert reverse("rapportage:dashboard_gevangenis", args=[antwerpen.pk]) in html
    client.force_login(alice)
    assert "/rapportage/" not in client.get(reverse("home")).content.decode()


def test_per_offer_figures_are_for_the_own_prison_only(client, dirk, frank, antwerpen, cijfers):
    rij(
        "proef_bereik",
        antwerpen,
        cijfers,
        2,
        20,
        uitsplitsing="aanbod",
        sleutel="7",
        label="Lassen",
    )
    rij("proef_bereik", None, cijfers, 2, 45, uitsplitsing="aanbod", sleutel="7", label="Lassen")
    uitleg = "Per aanbod ziet alleen de beleidscoördinator van de gevangenis de cijfers"

    client.force_login(dirk)
    eigen = client.get(reverse("rapportage:indicator", args=[antwerpen.pk, "proef_bereik"]))
    assert "Lassen" in eigen.content.decode()
    assert uitleg not in eigen.content.decode()

    client.force_login(frank)
    for url in (
        reverse("rapportage:indicator", args=[antwerpen.pk, "proef_bereik"]),
        reverse("rapportage:vlaanderen_indicator", args=["proef_bereik"]),
    ):
        html = client.get(url).content.decode()
        assert uitleg in html
        assert "Lassen" not in html
