"""The printouts: a prison's weekly programme and the offer brochure for detainees.

As Signalen does, the tests read the intermediate HTML (the same template makes the
PDF); the PDF itself is checked for being one, with the right name.
"""

import datetime
import re

import pytest
from django.urls import reverse

from aanbod.afdrukken import brochure
from aanbod.models import Levensdomein, Rapportagecategorie
from aanbod.services.annuleringen import sessie_annuleren
from aanbod.services.catalogus import (
    aanbod_archiveren,
    aanbod_in_gevangenis_bijwerken,
    aanbod_in_gevangenis_opnemen,
    aanbod_opslaan,
)
from aanbod.services.lokalen import sluitingsdag_toevoegen
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken

pytestmark = pytest.mark.django_db

WEEKPROGRAMMA = reverse("aanbod:weekprogramma")
WEEKPROGRAMMA_PDF = reverse("aanbod:weekprogramma_pdf")
BROCHURE = reverse("aanbod:brochure")
BROCHURE_PDF = reverse("aanbod:brochure_pdf")
ALLE = [WEEKPROGRAMMA, WEEKPROGRAMMA_PDF, BROCHURE, BROCHURE_PDF]


@pytest.fixture
def volgende_maandag(vandaag):
    return vandaag - datetime.timedelta(days=vandaag.weekday()) + datetime.timedelta(weeks=1)


@pytest.fixture
def volgende_week(volgende_maandag):
    jaar, week, _ = volgende_maandag.isocalendar()
    return f"{jaar}-W{week:02d}"


def _html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _sessies(html: str) -> list[str]:
    return re.findall(r'<li class="sessie[^"]*">(.*?)</li>', html, flags=re.S)


def _nieuw_aanbod(organisatie, gevangenis, vandaag, titel, **extra):
    gegevens = {
        "titel_nl": titel,
        "beschrijving_nl": f"Over {titel}.",
        "levensdomein": Levensdomein.SPORT,
        "organisatie": organisatie,
        "vorm": "groep",
        "rapportagecategorie": Rapportagecategorie.objects.get(code="sport"),
        **extra,
    }
    aanbod = aanbod_opslaan(door=None, **gegevens)
    beschikbaarheid = aanbod_in_gevangenis_opnemen(
        aanbod=aanbod, gevangenis=gevangenis, sinds=vandaag - datetime.timedelta(days=30), door=None
    )
    return aanbod, beschikbaarheid


# --- the weekly programme --------------------------------------------------------------


def _rooster(html: str) -> dict[str, list[str]]:
    """The timetable's body: per part of the day, the text of the seven day cells."""
    rijen = re.findall(r"<tr>(.*?)</tr>", html.split("<tbody>")[1], flags=re.S)
    rooster = {}
    for rij in rijen:
        dagdeel = re.search(r'<th scope="row" class="dagdeel">(.*?)</th>', rij)
        if dagdeel:
            cellen = re.findall(r"<td>(.*?)</td>", rij, flags=re.S)
            rooster[dagdeel[1]] = [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in cellen]
    return rooster


def test_it_shows_a_weeks_sessions_per_day_and_part_of_the_day(
    client, alice, activiteit, volgende_week
):
    client.force_login(alice)
    html = _html(client.get(WEEKPROGRAMMA, {"week": volgende_week}))
    assert "<h1>Weekprogramma Antwerpen</h1>" in html
    assert f"Week {volgende_week[-2:].lstrip('0')} ·" in html
    dagen = re.findall(r'<th scope="col" class="dag">(\w+)', html)
    assert dagen == ["Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"]
    rooster = _rooster(html)
    assert list(rooster) == ["Voormiddag", "Namiddag"]
    assert rooster["Voormiddag"] == [
        "09:00–11:00 Nederlands tweede taal A1 Klas 1",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    assert rooster["Namiddag"] == [
        "",
        "",
        "",
        "13:30–15:30 Nederlands tweede taal A1 Klas 1",
        "",
        "",
        "",
    ]
    assert "geannuleerd (" not in html


def test_sessions_fall_in_the_part_of_the_day_they_start_in(
    client, alice, nederlands, antwerpen, sportzaal, volgende_maandag, volgende_week
):
    def slot(begin, einde):
        return SlotInvoer(
            weekdag=0, begintijd=datetime.time(*begin), eindtijd=datetime.time(*einde)
        )

    activiteit_aanmaken(
        aanbod=nederlands, gevangenis=antwerpen, startdatum=volgende_maandag,
        einddatum=volgende_maandag, lokaal=sportzaal, capaciteit=8, door=None,
        slots=[slot((11, 30), (11, 59)), slot((12,), (13,)), slot((16, 30), (17,)), slot((17,), (18,))],
    )  # fmt: skip
    client.force_login(alice)
    rooster = _rooster(_html(client.get(WEEKPROGRAMMA, {"week": volgende_week})))
    assert {deel: cellen[0][:11] for deel, cellen in rooster.items()} == {
        "Voormiddag": "11:30–11:59",
        "Namiddag": "12:00–13:00",
        "Avond": "17:00–18:00",
    }
    assert "16:30–17:00" in rooster["Namiddag"][0]


def test_a_busy_part_of_the_day_goes_on_in_a_next_row(
    client, alice, nederlands, antwerpen, sportzaal, volgende_maandag, volgende_week
):
    # Rows stay shorter than a page, so each printed page keeps the days' heading.
    activiteit_aanmaken(
        aanbod=nederlands, gevangenis=antwerpen, startdatum=volgende_maandag,
        einddatum=volgende_maandag, lokaal=sportzaal, capaciteit=8, door=None,
        slots=[  # 07:00, 07:30 … 10:00, twenty minutes each
            SlotInvoer(
                weekdag=0,
                begintijd=datetime.time(7 + i // 2, 30 * (i % 2)),
                eindtijd=datetime.time(7 + i // 2, 30 * (i % 2) + 20),
            )
            for i in range(7)
        ],
    )  # fmt: skip
    client.force_login(alice)
    rooster = _rooster(_html(client.get(WEEKPROGRAMMA, {"week": volgende_week})))
    assert list(rooster) == ["Voormiddag", "Voormiddag (vervolg)"]
    assert rooster["Voormiddag"][0].count("Sportzaal") == 5
    assert rooster["Voormiddag (vervolg)"][0].startswith("09:30–09:50")
    assert rooster["Voormiddag (vervolg)"][0].count("Sportzaal") == 2


def test_a_week_without_sessions_says_so(client, alice, activiteit):
    client.force_login(alice)
    html = _html(client.get(WEEKPROGRAMMA, {"week": "2020-W01"}))
    assert _rooster(html) == {}
    assert "Geen activiteiten in deze week." in html
    assert html.count('<span class="leeg">Geen activiteiten</span>') == 7


def test_by_default_it_shows_this_week(client, alice, activiteit, vandaag):
    client.force_login(alice)
    html = _html(client.get(WEEKPROGRAMMA))
    assert f"Week {vandaag.isocalendar()[1]} ·" in html


def test_cancelled_sessions_show_as_cancelled(
    client, alice, olga, activiteit, staking, volgende_maandag, volgende_week
):
    maandag = activiteit.sessies.get(datum=volgende_maandag)
    sessie_annuleren(sessie=maandag, reden=staking, door=olga)
    client.force_login(alice)
    html = _html(client.get(WEEKPROGRAMMA, {"week": volgende_week}))
    geannuleerd, donderdag = _sessies(html)
    assert "geannuleerd (staking)" in geannuleerd
    assert "09:00–11:00" in geannuleerd
    assert "geannuleerd" not in donderdag
    assert html.count('class="sessie sessie--geannuleerd"') == 1


def test_a_closure_day_is_shown(client, alice, olga, antwerpen, activiteit, volgende_maandag):
    woensdag = volgende_maandag + datetime.timedelta(days=2)
    sluitingsdag_toevoegen(gevangenis=antwerpen, datum=woensdag, reden="Inventaris", door=olga)
    client.force_login(alice)
    html = _html(client.get(WEEKPROGRAMMA, {"week": f"{woensdag:%G-W%V}"}))
    assert "Gesloten: Inventaris" in html
    assert html.count("Geen activiteiten") == 4  # Tuesday, Friday and the weekend


def test_it_shows_only_the_chosen_prisons_sessions(
    client, eva, gent, lokaal_gent, nederlands, activiteit, volgende_maandag, volgende_week
):
    aanbod_in_gevangenis_opnemen(
        aanbod=nederlands, gevangenis=gent, sinds=volgende_maandag, door=None
    )
    activiteit_aanmaken(
        aanbod=nederlands, gevangenis=gent, naam="Gentse groep", startdatum=volgende_maandag,
        einddatum=volgende_maandag + datetime.timedelta(weeks=2), lokaal=lokaal_gent,
        capaciteit=8, slots=[SlotInvoer(weekdag=1, begintijd=datetime.time(10), eindtijd=datetime.time(12))],
        door=None,
    )  # fmt: skip
    client.force_login(eva)
    gent_html = _html(client.get(WEEKPROGRAMMA, {"gevangenis": "GEN", "week": volgende_week}))
    assert "<h1>Weekprogramma Gent</h1>" in gent_html
    assert [("Gentse groep" in s, "Klas G" in s) for s in _sessies(gent_html)] == [(True, True)]
    antwerpen_html = _html(client.get(WEEKPROGRAMMA, {"gevangenis": "ant", "week": volgende_week}))
    assert len(_sessies(antwerpen_html)) == 2
    assert "Gentse groep" not in antwerpen_html


@pytest.mark.parametrize("url", ALLE)
def test_another_prison_is_a_404(client, gert, antwerpen, url):
    client.force_login(gert)
    assert client.get(url, {"gevangenis": "ANT"}).status_code == 404
    assert client.get(url, {"gevangenis": "BESTAAT-NIET"}).status_code == 404


@pytest.mark.parametrize("url", ALLE)
def test_a_user_without_a_prison_gets_a_404(client, frank, url):
    client.force_login(frank)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ALLE)
def test_a_user_without_the_permission_gets_a_403(client, zonder_rol, url):
    # zonder_rol: staff of Antwerpen without a role (tests/aanbod/routes_planning.py).
    client.force_login(zonder_rol)
    assert client.get(url).status_code == 403
    assert client.get(url, {"gevangenis": "GEN"}).status_code == 403


@pytest.mark.parametrize(
    "week",
    ["abc", "2026-W00", "2026-W54", "2021-W53", "9999-W52", "0001-W01", "2026-48", "2026-W4a"],
)
@pytest.mark.parametrize("url", [WEEKPROGRAMMA, WEEKPROGRAMMA_PDF])
def test_a_bad_week_is_a_clear_400(client, alice, antwerpen, url, week):
    client.force_login(alice)
    response = client.get(url, {"week": week})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze week bestaat niet" in html
    assert "is geen week" in html


def test_the_week_is_read_as_iso_week(client, alice, antwerpen):
    client.force_login(alice)
    html = _html(client.get(WEEKPROGRAMMA, {"week": "2026-W53"}))
    assert "Week 53 · 28 december tot 3 januari 2027" in html
    assert "week=2027-W01" in html  # the link to the next week
    assert "week=2026-W52" in html


def test_the_weekly_programme_pdf(client, alice, activiteit, volgende_week):
    client.force_login(alice)
    response = client.get(WEEKPROGRAMMA_PDF, {"week": volgende_week})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'inline; filename="weekprogramma-ANT-{volgende_week}.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_the_weekly_programme_pins_its_queries(
    client, alice, olga, antwerpen, sportzaal, activiteit, staking, volgende_maandag,
    volgende_week, django_assert_num_queries,
):  # fmt: skip
    client.force_login(alice)
    client.get(WEEKPROGRAMMA, {"week": volgende_week})
    # session, user, 2× permissions, prisons, sessions with activity, offer, room and
    # reason joined, closure days; session save (3)
    with django_assert_num_queries(10):
        html = _html(client.get(WEEKPROGRAMMA, {"week": volgende_week}))
    assert len(_sessies(html)) == 2

    # More activities and a cancellation cost no extra query.
    for i in range(3):
        activiteit_aanmaken(
            aanbod=activiteit.aanbod, gevangenis=antwerpen, naam=f"groep {i}",
            startdatum=volgende_maandag, einddatum=volgende_maandag + datetime.timedelta(days=6),
            lokaal=sportzaal, capaciteit=8, door=None,
            slots=[SlotInvoer(weekdag=i, begintijd=datetime.time(16 + i), eindtijd=datetime.time(17 + i))],
        )  # fmt: skip
    sessie_annuleren(
        sessie=activiteit.sessies.get(datum=volgende_maandag), reden=staking, door=olga
    )
    with django_assert_num_queries(10):
        html = _html(client.get(WEEKPROGRAMMA, {"week": volgende_week}))
    assert len(_sessies(html)) == 5


# --- the brochure ------------------------------------------------------------------------


def test_the_brochure_in_dutch_by_default(client, alice, nederlands):
    client.force_login(alice)
    html = _html(client.get(BROCHURE))
    assert '<html lang="nl">' in html
    assert "<h1>Ons aanbod in de gevangenis van Antwerpen</h1>" in html
    assert '<h2 id="domein-onderwijs">Leren</h2>' in html
    assert "<h3>Nederlands tweede taal A1</h3>" in html
    assert "Je leert Nederlands spreken en lezen." in html
    assert "Je kan een examen doen." in html
    assert "Het duurt ongeveer 20 weken." in html
    assert "Taal: Nederlands." in html
    assert "Vraag ernaar bij CVO Antwerpen: schrijf een rapportbriefje." in html


def test_the_brochure_in_french(client, alice, nederlands):
    client.force_login(alice)
    html = _html(client.get(BROCHURE, {"taal": "fr"}))
    assert '<html lang="fr">' in html
    assert "<h1>Notre offre à la prison d’Antwerpen</h1>" in html
    assert '<h2 id="domein-onderwijs">Apprendre</h2>' in html
    assert "<h3>Néerlandais langue seconde A1</h3>" in html
    assert "Vous apprenez à parler et lire le néerlandais." in html
    assert "Vous pouvez passer un examen." in html
    assert "Langue : néerlandais." in html
    assert "Demandez-le à CVO Antwerpen" in html
    assert "Nederlands tweede taal A1" not in html
    assert "Je leert" not in html


def test_the_brochure_in_english(client, alice, nederlands):
    client.force_login(alice)
    html = _html(client.get(BROCHURE, {"taal": "en"}))
    assert '<html lang="en">' in html
    assert "<h1>Our offer in Antwerpen prison</h1>" in html
    assert "<h3>Dutch as a second language A1</h3>" in html
    assert "You learn to speak and read Dutch." in html
    assert "Ask CVO Antwerpen" in html


@pytest.mark.parametrize("taal", ["", "xx", "de", "NL", "<script>", "f", "fr" * 200])
def test_an_unknown_language_falls_back_to_dutch(client, alice, nederlands, taal):
    client.force_login(alice)
    html = _html(client.get(BROCHURE, {"taal": taal}))
    verwacht = "fr" if taal.startswith("fr") else "nl"
    assert f'<html lang="{verwacht}">' in html
    assert "<script>" not in html


def test_a_missing_translation_falls_back_to_dutch(client, alice, cvo, antwerpen, vandaag):
    _nieuw_aanbod(cvo, antwerpen, vandaag, "Voetbal", met_attest=True, duur_weken=1)
    client.force_login(alice)
    html = _html(client.get(BROCHURE, {"taal": "fr"}))
    assert '<h2 id="domein-sport">Sport</h2>' in html
    # In Dutch, and marked as such for a screen reader.
    assert '<h3 lang="nl">Voetbal</h3>' in html
    assert '<p lang="nl">Over Voetbal.</p>' in html
    assert "Vous recevez une attestation ou un certificat." in html
    assert "Cela dure environ 1 semaine." in html


def test_the_brochure_has_only_todays_offer(
    client, alice, cvo, antwerpen, gent, nederlands, vandaag
):
    _nieuw_aanbod(cvo, antwerpen, vandaag, "Loopt door")
    _, gestopt = _nieuw_aanbod(cvo, antwerpen, vandaag, "Gestopt")
    aanbod_in_gevangenis_bijwerken(
        beschikbaarheid=gestopt, capaciteit=None, met_wachtlijst=True, verantwoordelijken=[],
        tot=vandaag - datetime.timedelta(days=1), door=None,
    )  # fmt: skip
    aanbod_in_gevangenis_bijwerken(
        beschikbaarheid=_nieuw_aanbod(cvo, antwerpen, vandaag, "Loopt nog tot morgen")[1],
        capaciteit=None, met_wachtlijst=True, verantwoordelijken=[],
        tot=vandaag + datetime.timedelta(days=1), door=None,
    )  # fmt: skip
    gearchiveerd, _ = _nieuw_aanbod(cvo, antwerpen, vandaag, "Gearchiveerd")
    aanbod_archiveren(aanbod=gearchiveerd, door=None)
    _nieuw_aanbod(cvo, gent, vandaag, "Alleen in Gent")
    later, _ = _nieuw_aanbod(cvo, gent, vandaag, "Pas volgende maand")
    aanbod_in_gevangenis_opnemen(
        aanbod=later, gevangenis=antwerpen, sinds=vandaag + datetime.timedelta(days=30), door=None
    )
    client.force_login(alice)
    html = _html(client.get(BROCHURE))
    assert re.findall(r"<h3[^>]*>(.*?)</h3>", html) == [
        "Nederlands tweede taal A1",
        "Loopt door",
        "Loopt nog tot morgen",
    ]


def test_the_brochure_of_a_prison_without_offer(client, alice, antwerpen):
    client.force_login(alice)
    html = _html(client.get(BROCHURE, {"taal": "en"}))
    assert "There is no offer at the moment." in html


def test_the_brochure_holds_no_personal_data(client, alice, olga, persoon, activiteit):
    client.force_login(alice)
    html = _html(client.get(BROCHURE))
    for persoonsgegeven in [
        persoon.voornaam,
        persoon.achternaam,
        persoon.detineenummer,
        "Olga",
        "Alice",
    ]:
        assert persoonsgegeven not in html


def test_the_brochure_pdf(client, alice, nederlands):
    client.force_login(alice)
    response = client.get(BROCHURE_PDF, {"taal": "fr"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="aanbod-ANT-fr.pdf"'
    assert response.content.startswith(b"%PDF")


def test_the_brochure_pins_its_queries(
    client, alice, cvo, antwerpen, nederlands, vandaag, django_assert_num_queries
):
    client.force_login(alice)
    client.get(BROCHURE)
    # session, user, 2× permissions, prisons, the offer with its provider; session save (3)
    with django_assert_num_queries(9):
        _html(client.get(BROCHURE))
    for titel in ["Voetbal", "Fitness", "Yoga"]:
        _nieuw_aanbod(cvo, antwerpen, vandaag, titel)
    with django_assert_num_queries(9):
        html = _html(client.get(BROCHURE))
    assert html.count("<h3") == 4


def test_every_language_has_every_text_and_levensdomein():
    for taal in brochure.TEKSTEN:
        assert brochure.TEKSTEN[taal].keys() == brochure.TEKSTEN["nl"].keys(), taal
        assert set(brochure.DOMEINEN[taal]) == set(Levensdomein.values), taal
        assert set(brochure.TAALNAMEN[taal]) == set(brochure.TAALNAMEN["nl"]), taal
    assert set(brochure.EIGEN_NAAM) == set(brochure.TEKSTEN)


def test_french_elides_de_before_a_vowel(gent, antwerpen):
    assert brochure.kop(gent, "fr") == "Notre offre à la prison de Gent"
    assert brochure.kop(antwerpen, "fr") == "Notre offre à la prison d’Antwerpen"


def test_a_centre_that_is_not_a_prison_is_named_as_stored(db):
    from tests.factories import GevangenisFactory

    fpc = GevangenisFactory(naam="FPC Gent", code="FPC-GENT", soort="fpc")
    assert brochure.kop(fpc, "nl") == "Ons aanbod in FPC Gent"
    assert brochure.kop(fpc, "fr") == "Notre offre : FPC Gent"
